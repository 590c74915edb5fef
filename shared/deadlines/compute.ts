/**
 * The deadline arithmetic (issue #12): one pure module, used by the form to preview a due date
 * as it is typed and by the core to compute the one it stores. Holidays are passed in.
 *
 * Where the law or its reading leaves two answers, the earlier one is chosen: a deadline shown
 * a day late is a missed appeal, one shown a day early costs nothing. Every choice is explained
 * in the result so the interface can say how the date was reached.
 */
import { CalendarDateTime, parseDate, toCalendarDateTime, toZoned } from '@internationalized/date';
import type { HolidayDay, HolidayIndex } from './holidays';
import { COUNTING_UNIT, MAX_AMOUNT, type DeadlineRule } from './rules';
import { CLINIC_TIME_ZONE, addDays, endOfDay, instantOf, isWeekend, localDay, offsetChanges, zoned } from './zone';

export interface SkippedDay {
  readonly day: string;
  readonly reason: 'weekend' | 'holiday';
  readonly holiday?: HolidayDay;
}

export interface DeadlineComputation {
  /** The trigger instant (UTC ISO). */
  readonly trigger: string;
  readonly rule: DeadlineRule;
  /** Where the count itself ends, before moving off non-working days (UTC ISO). */
  readonly counted: string;
  /** The due instant (UTC ISO) and its clinic-time day. */
  readonly due: string;
  readonly dueDay: string;
  /** Due at a time of day (hours), or at the end of the day (days, months). */
  readonly atTime: boolean;
  /** The non-working days the due date moved over, in order. */
  readonly skipped: readonly SkippedDay[];
  /** An estimated (lunar) holiday moved the date or lies next to it: it may still change. */
  readonly dependsOnEstimated: boolean;
  /** The clocks change between trigger and due (hours only): the earlier reading was taken. */
  readonly clockChange: boolean;
  /** The first day it is shown as coming (early warning), if the rule has one. */
  readonly warnFrom: string | null;
}

export class DeadlineInputError extends RangeError {}

export function computeDeadline(trigger: string, rule: DeadlineRule, holidays: HolidayIndex): DeadlineComputation {
  const unit = COUNTING_UNIT[rule.counting];
  if (!Number.isInteger(rule.amount) || rule.amount < 1 || rule.amount > MAX_AMOUNT[unit]) throw new DeadlineInputError(`amount ${rule.amount}`);
  if (Number.isNaN(Date.parse(trigger))) throw new DeadlineInputError(`trigger ${trigger}`);
  const triggerDay = localDay(trigger);

  let counted: string;
  let clockChange = false;
  if (rule.counting === 'clock') {
    // "48 hours" read two ways when the clocks change in between: 48 hours of elapsed time, or
    // the same clock time two days later. They differ by the hour the clocks moved; the earlier
    // is kept.
    const start = zoned(trigger);
    const elapsed = start.add({ hours: rule.amount });
    const wall = toZoned(toCalendarDateTime(start).add({ hours: rule.amount }), CLINIC_TIME_ZONE, 'earlier');
    counted = instantOf(elapsed.compare(wall) <= 0 ? elapsed : wall);
    clockChange = offsetChanges(trigger, counted);
  } else if (rule.counting === 'francs') {
    counted = instantOf(endOfDay(addDays(triggerDay, rule.amount)));
  } else if (rule.counting === 'calendar') {
    counted = instantOf(endOfDay(addDays(triggerDay, rule.amount - 1)));
  } else {
    // Date to same date; a month without that day ends on its last day (31 January + 1 month
    // is 28 or 29 February), which is what @internationalized/date's month addition does.
    counted = instantOf(endOfDay(parseDate(triggerDay).add({ months: rule.amount }).toString()));
  }

  const countedDay = localDay(counted);
  const skipped: SkippedDay[] = [];
  let dueDay = countedDay;
  if (rule.rollToWorkingDay) {
    for (;;) {
      const holiday = holidays.get(dueDay);
      if (holiday) skipped.push({ day: dueDay, reason: 'holiday', holiday });
      else if (isWeekend(dueDay)) skipped.push({ day: dueDay, reason: 'weekend' });
      else break;
      dueDay = addDays(dueDay, 1);
    }
  }
  let due = counted;
  if (dueDay !== countedDay) {
    const c = zoned(counted);
    const d = parseDate(dueDay);
    due = instantOf(toZoned(new CalendarDateTime(d.year, d.month, d.day, c.hour, c.minute, c.second), CLINIC_TIME_ZONE, 'earlier'));
  }

  // A lunar holiday can come a day later or earlier than estimated: one on or beside the days
  // between the count's end and the due day may still move the due date.
  let dependsOnEstimated = false;
  for (let day = addDays(countedDay, -1); day <= addDays(dueDay, 1); day = addDays(day, 1)) {
    if (holidays.get(day)?.estimated) dependsOnEstimated = true;
  }

  return {
    trigger: new Date(trigger).toISOString(),
    rule,
    counted,
    due,
    dueDay,
    atTime: rule.counting === 'clock',
    skipped,
    dependsOnEstimated,
    clockChange,
    warnFrom: rule.warnDaysBefore > 0 ? addDays(dueDay, -rule.warnDaysBefore) : null,
  };
}
