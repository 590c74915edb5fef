import { z } from 'zod';
import { SPOKEN_LANGUAGES } from '../domain/beneficiary';
import { ACCOMPANIMENT_PLACES, ACTIVITY_KINDS, MAX_ACTIVITY_MINUTES } from '../domain/activity';
import { idSchema } from './common';
import { channel } from './define';
import { alongOtherErrors, cursorSchema, isoDateSchema, multiLineText, nonEmpty, optionalDateSchema, page, pageLimitSchema, singleLineText } from './fields';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'validation.invalidChoice' });

/** A clinic-time clock time, "14:05". */
export const timeSchema = z.string({ error: 'validation.invalidTime' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.invalidTime');

/**
 * What is typed for an activity. Date and time are clinic time (Africa/Casablanca); the core
 * stores the instant. The date's own rules (not in the future, not too old) need today and
 * are checked by `activityDateIssues`, on the form and in the core alike.
 */
export const activityFieldsSchema = z
  .strictObject({
    kind: choice(ACTIVITY_KINDS),
    accompanimentTo: z.union([z.literal(''), choice(ACCOMPANIMENT_PLACES)]),
    date: isoDateSchema,
    time: timeSchema,
    durationMinutes: z
      .number({ error: 'validation.durationRange' })
      .int('validation.durationRange')
      .min(0, 'validation.durationRange')
      .max(MAX_ACTIVITY_MINUTES, 'validation.durationRange'),
    language: z.union([z.literal(''), choice(SPOKEN_LANGUAGES)]),
    interpreter: z.boolean(),
    notes: nonEmpty(multiLineText(8000)),
    nextAction: singleLineText(500),
    nextActionDate: optionalDateSchema,
    restricted: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'accompaniment' && !v.accompanimentTo) ctx.addIssue({ code: 'custom', path: ['accompanimentTo'], message: 'validation.required' });
    if (v.nextActionDate && !v.nextAction.trim()) ctx.addIssue({ code: 'custom', path: ['nextAction'], message: 'validation.required' });
    if (v.nextActionDate && v.nextActionDate < v.date) ctx.addIssue({ code: 'custom', path: ['nextActionDate'], message: 'validation.nextBeforeActivity' });
  }, alongOtherErrors);
export type ActivityFieldsInput = z.input<typeof activityFieldsSchema>;
export type ActivityFields = z.output<typeof activityFieldsSchema>;

/** An activity's values as stored (read back: no rules, an old text stays readable). */
const activityValuesSchema = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  accompanimentTo: z.string(),
  date: z.string(),
  time: z.string(),
  durationMinutes: z.number().int(),
  language: z.string(),
  interpreter: z.boolean(),
  notes: z.string(),
  nextAction: z.string(),
  nextActionDate: z.string(),
  restricted: z.boolean(),
});

export const activitySchema = activityValuesSchema.extend({
  id: z.number().int(),
  caseId: z.number().int(),
  /** The instant (UTC ISO); `date` and `time` are how it was typed, in clinic time. */
  occurredAt: z.string(),
  authorId: z.number().int(),
  author: z.string(),
  createdAt: z.string(),
  /** 1 for the text as first recorded; each edit adds one and keeps the earlier text. */
  revision: z.number().int(),
  editedAt: z.string().nullable(),
  editedBy: z.string().nullable(),
  /** Whether this session may edit it (its author, or a supervisor). */
  canEdit: z.boolean(),
});
export type Activity = z.infer<typeof activitySchema>;

/** An earlier text of an activity, replaced by an edit. */
export const activityRevisionSchema = z.object({
  revision: z.number().int(),
  fields: activityValuesSchema,
  /** Who wrote this text and when (the author for revision 1, then each editor). */
  writtenBy: z.string(),
  writtenAt: z.string(),
});
export type ActivityRevision = z.infer<typeof activityRevisionSchema>;

export const activityListInputSchema = z.strictObject({
  caseId: idSchema,
  kind: choice(ACTIVITY_KINDS).optional(),
  cursor: cursorSchema,
  limit: pageLimitSchema,
});

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;

export const activityChannels = {
  /** A case's activities, newest first; restricted ones only for those who may read them. */
  'activities:list': channel({ input: activityListInputSchema, output: page(activitySchema), access: everyone }),
  'activities:create': channel({ input: z.strictObject({ caseId: idSchema, fields: activityFieldsSchema }), output: activitySchema, access: everyone }),
  /** `revision` is the one the editor saw: an edit over someone else's is refused (CONFLICT). */
  'activities:update': channel({
    input: z.strictObject({ id: idSchema, revision: z.number().int().min(1), fields: activityFieldsSchema }),
    output: activitySchema,
    access: everyone,
  }),
  /** Every text the activity had, the current one last. */
  'activities:history': channel({ input: z.strictObject({ id: idSchema }), output: z.array(activityRevisionSchema), access: everyone }),
};
