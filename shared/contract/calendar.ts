import { z } from 'zod';
import { HEARING_STATUSES } from '../domain/hearing';
import { idSchema } from './common';
import { channel } from './define';
import { alongOtherErrors, isoDateSchema } from './fields';
import { holidaySchema } from './procedures';
import { taskSchema } from './tasks';
import { deadlineItemSchema, hearingItemSchema } from './work';

/** The longest span one request may cover: a month view shows six weeks. */
export const CALENDAR_MAX_DAYS = 62;

export const calendarInputSchema = z
  .strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    /** Whose calendar: a lawyer always their own; supervisors and administrators anyone's, or everyone's without it. */
    lawyerId: idSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (typeof v.from !== 'string' || typeof v.to !== 'string') return;
    if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.endBeforeStart' });
    else if (Date.parse(v.to) - Date.parse(v.from) > CALENDAR_MAX_DAYS * 86_400_000) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.rangeTooLong' });
  }, alongOtherErrors);

/** What falls between two days (clinic time), each kind as the rest of the application shows it. */
export const calendarSchema = z.object({
  /** Open deadlines due in the span (met ones are on their case's page). */
  deadlines: z.array(deadlineItemSchema),
  /** Hearings and appointments in the span, whatever became of them but cancelled ones. */
  hearings: z.array(hearingItemSchema.extend({ status: z.enum(HEARING_STATUSES) })),
  tasks: z.array(taskSchema),
  holidays: z.array(holidaySchema),
  /** More than the calendar shows at once (a few hundred of a kind): narrow it to one lawyer. */
  truncated: z.boolean(),
});
export type CalendarData = z.infer<typeof calendarSchema>;

export const calendarChannels = {
  'calendar:entries': channel({ input: calendarInputSchema, output: calendarSchema, access: ['intake', 'lawyer', 'supervisor', 'admin'] }),
};
