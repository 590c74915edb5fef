import { z } from 'zod';
import { caseSummarySchema } from './cases';
import { idSchema } from './common';
import { channel } from './define';
import { STEP_STATES } from './procedures';
import { HEARING_KINDS } from '../domain/hearing';

const names = z.object({ ar: z.string(), fr: z.string(), en: z.string() });

/** A deadline as "my work" lists it: enough to act, and the case to open. */
export const deadlineItemSchema = z.object({
  stepId: z.number().int(),
  caseId: z.number().int(),
  reference: z.string(),
  person: z.string(),
  lawyer: z.string().nullable(),
  procedure: names,
  step: names,
  dueAt: z.string(),
  dueDay: z.string(),
  dueTime: z.string(),
  /** A due time that is only the end of the day (day-counted deadlines). */
  endOfDay: z.boolean(),
  overridden: z.boolean(),
  /** Moved when the holidays changed: the lawyer has not confirmed it yet. */
  needsReview: z.boolean(),
  state: z.enum(STEP_STATES),
});
export type DeadlineItem = z.infer<typeof deadlineItemSchema>;

/** A scheduled hearing or appointment in the coming week. */
export const hearingItemSchema = z.object({
  hearingId: z.number().int(),
  caseId: z.number().int(),
  reference: z.string(),
  person: z.string(),
  lawyer: z.string().nullable(),
  kind: z.enum(HEARING_KINDS),
  at: z.string(),
  place: z.string(),
  room: z.string(),
});
export type HearingItem = z.infer<typeof hearingItemSchema>;

export const myWorkSchema = z.object({
  /** Due before today (clinic time); a deadline due today is not overdue. */
  overdue: z.array(deadlineItemSchema),
  /** Due today and in the next 7 days. */
  upcoming: z.array(deadlineItemSchema),
  /** Scheduled hearings and appointments from today to 7 days ahead. */
  hearings: z.array(hearingItemSchema),
  /** Open cases with no open deadline, hearing to come, open task or next action, and no activity for 30 days. */
  noNextStep: z.array(caseSummarySchema),
});
export type MyWork = z.infer<typeof myWorkSchema>;

/** One lawyer's load, for the supervisors' team view. */
export const teamRowSchema = z.object({
  lawyerId: z.number().int(),
  name: z.string(),
  openCases: z.number().int(),
  overdue: z.number().int(),
  dueThisWeek: z.number().int(),
  /** Intake date of the oldest open case, or null. */
  oldestOpen: z.string().nullable(),
});
export type TeamRow = z.infer<typeof teamRowSchema>;

export const workChannels = {
  /** Caseload and deadlines per active lawyer (supervisors and administrators). */
  'work:team': channel({ input: z.strictObject({}), output: z.array(teamRowSchema), access: ['supervisor', 'admin'] }),
  /**
   * The home page's work list: a lawyer's own cases; a supervisor's or administrator's for
   * `lawyerId` (or the whole team without it); intake staff's, the cases they may see.
   */
  'work:mine': channel({ input: z.strictObject({ lawyerId: idSchema.optional() }), output: myWorkSchema, access: ['intake', 'lawyer', 'supervisor', 'admin'] }),
};
