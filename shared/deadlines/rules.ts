/**
 * A deadline rule, as a procedure template's step carries it (issue #12). The legal meaning of
 * each counting mode is in docs/DEADLINES.md.
 *
 * - `clock`: hours, to the clock time (48 hours from 12:24 ends at 12:24);
 * - `francs`: jours francs — the trigger day is not counted and the period is made of whole
 *   days, so it ends at midnight at the end of the last of them;
 * - `calendar`: calendar days, the trigger day counting as the first;
 * - `months`: from a date to the same date N months later (or the month's last day).
 */
export const DEADLINE_COUNTINGS = ['clock', 'francs', 'calendar', 'months'] as const;
export type DeadlineCounting = (typeof DEADLINE_COUNTINGS)[number];

/** The unit each counting mode counts in. */
export const COUNTING_UNIT: Readonly<Record<DeadlineCounting, 'hours' | 'days' | 'months'>> = {
  clock: 'hours',
  francs: 'days',
  calendar: 'days',
  months: 'months',
};

/** The largest amount accepted per unit: beyond it a typing slip is more likely than a law. */
export const MAX_AMOUNT: Readonly<Record<'hours' | 'days' | 'months', number>> = { hours: 720, days: 730, months: 60 };

export interface DeadlineRule {
  readonly amount: number;
  readonly counting: DeadlineCounting;
  /** A deadline ending on a weekend or a holiday moves to the next working day. */
  readonly rollToWorkingDay: boolean;
  /** Days before the due date from which it is shown as coming (0: no early warning). */
  readonly warnDaysBefore: number;
}
