import { yearsBefore, type DateIssue } from './dates';

/**
 * Follow-up activities on a case (issue #12): what was done for the person, when, by whom.
 * Kinds follow the clinics' own vocabulary (shared/DOMAIN.md, "Follow-up").
 */
export const ACTIVITY_KINDS = [
  'consultation',
  'call',
  'interview',
  'accompaniment',
  'detention_visit',
  'drafting',
  'filing',
  'mediation',
  'social_support',
  'other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Where a person was accompanied. */
export const ACCOMPANIMENT_PLACES = ['prefecture', 'court', 'hospital', 'unhcr', 'police', 'consulate', 'other'] as const;

/** A day's work: an activity longer than this is a typing slip (minutes). */
export const MAX_ACTIVITY_MINUTES = 24 * 60;

/** How far back an activity may be dated: older files are not entered activity by activity. */
export const MAX_ACTIVITY_AGE_YEARS = 10;

/** An activity is told in the past: not after today, and not more than ten years back. */
export function activityDateIssues(fields: { date: unknown }, today: string, prefix = ''): DateIssue[] {
  const date = fields.date;
  if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return [];
  if (date > today) return [{ path: `${prefix}date`, message: 'validation.dateInFuture' }];
  if (date < yearsBefore(today, MAX_ACTIVITY_AGE_YEARS)) return [{ path: `${prefix}date`, message: 'validation.activityTooOld' }];
  return [];
}
