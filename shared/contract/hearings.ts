import { z } from 'zod';
import { HEARING_KINDS, HEARING_STATUSES } from '../domain/hearing';
import { timeSchema } from './activities';
import { idSchema } from './common';
import { channel } from './define';
import { alongOtherErrors, isoDateSchema, multiLineText, nonEmpty, singleLineText } from './fields';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'validation.invalidChoice' });

export const hearingFieldsSchema = z.strictObject({
  kind: choice(HEARING_KINDS),
  date: isoDateSchema,
  time: timeSchema,
  place: nonEmpty(singleLineText(200)),
  room: singleLineText(100),
  purpose: multiLineText(1000),
});
export type HearingFieldsInput = z.input<typeof hearingFieldsSchema>;

/** What happened: held (with its result), adjourned to a next date, or cancelled. */
export const hearingOutcomeSchema = z
  .strictObject({
    status: choice(['held', 'adjourned', 'cancelled'] as const),
    result: multiLineText(2000),
    nextDate: z.union([z.literal(''), isoDateSchema]),
    nextTime: z.union([z.literal(''), timeSchema]),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'adjourned' && !v.nextDate) ctx.addIssue({ code: 'custom', path: ['nextDate'], message: 'validation.required' });
    if (v.status === 'adjourned' && !v.nextTime) ctx.addIssue({ code: 'custom', path: ['nextTime'], message: 'validation.required' });
  }, alongOtherErrors);
export type HearingOutcomeInput = z.input<typeof hearingOutcomeSchema>;

export const hearingSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  kind: z.enum(HEARING_KINDS),
  at: z.string(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  room: z.string(),
  purpose: z.string(),
  status: z.enum(HEARING_STATUSES),
  result: z.string(),
  /** The hearing this one was adjourned from, and the one it was adjourned to. */
  previousId: z.number().int().nullable(),
  nextId: z.number().int().nullable(),
  createdBy: z.string(),
});
export type Hearing = z.infer<typeof hearingSchema>;

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;

export const hearingChannels = {
  /** A case's hearings and appointments, in date order. */
  'hearings:list': channel({ input: z.strictObject({ caseId: idSchema }), output: z.array(hearingSchema), access: everyone }),
  'hearings:create': channel({ input: z.strictObject({ caseId: idSchema, fields: hearingFieldsSchema }), output: hearingSchema, access: everyone }),
  /** Records what happened; "adjourned" makes the next hearing in the same step. */
  'hearings:record': channel({ input: z.strictObject({ id: idSchema, outcome: hearingOutcomeSchema }), output: z.array(hearingSchema), access: everyone }),
};
