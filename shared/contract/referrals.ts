import { z } from 'zod';
import { URGENCIES } from '../domain/case';
import { REFERRAL_OUTCOMES, REFERRAL_SHARING, REFERRAL_STATUSES, WRITER_SHARING } from '../domain/referral';
import { choiceIdSchema, idSchema } from './common';
import { channel } from './define';
import { alongOtherErrors, multiLineText, nonEmpty, optionalDateSchema } from './fields';

const state = z.enum([...REFERRAL_STATUSES, 'no_answer']);

export const referralEventSchema = z.object({ at: z.string(), by: z.string(), status: z.enum(REFERRAL_STATUSES), note: z.string() });

/** A referral as the case page shows it. */
export const referralSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  reference: z.string(),
  partner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  internalTo: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  serviceId: z.number().int(),
  reason: z.string(),
  request: z.string(),
  urgency: z.enum(URGENCIES),
  sharing: z.enum(REFERRAL_SHARING),
  overrideReason: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  /** The status, or "no_answer" once the follow-up day has passed without an answer. */
  state,
  referredOn: z.string(),
  followUpDate: z.string(),
  answeredOn: z.string(),
  declineReason: z.string(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  outcomeNote: z.string(),
  createdBy: z.string(),
  /** Whether this session may change its status (its writer, the case's lawyer, supervisors). */
  canUpdate: z.boolean(),
  version: z.number().int(),
  history: z.array(referralEventSchema),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralFieldsSchema = z
  .strictObject({
    serviceId: choiceIdSchema,
    /** A partner of the directory, or a colleague of the clinic (internal referral): one of the two. */
    partnerId: idSchema.nullable(),
    internalAccountId: idSchema.nullable(),
    reason: nonEmpty(multiLineText(2000)),
    request: multiLineText(2000),
    urgency: z.enum(URGENCIES, { error: 'validation.invalidChoice' }),
    /** Empty: the partner's answer time (or the clinic's default) from today. */
    followUpDate: optionalDateSchema,
    /**
     * What lets the person's data leave the clinic: their consent (on record, or given now),
     * a written override (e.g. a child in danger), or nothing identifying on the slip.
     */
    sharing: z.enum(WRITER_SHARING, { error: 'validation.invalidChoice' }),
    /** The person agrees today to this partner receiving their data for this service. */
    consentNow: z.boolean(),
    overrideReason: multiLineText(1000),
  })
  .superRefine((v, ctx) => {
    if ((v.partnerId === null) === (v.internalAccountId === null)) ctx.addIssue({ code: 'custom', path: ['partnerId'], message: 'validation.referralTarget' });
    if (v.sharing === 'override' && !v.overrideReason.trim()) ctx.addIssue({ code: 'custom', path: ['overrideReason'], message: 'validation.required' });
  }, alongOtherErrors);
export type ReferralFieldsInput = z.input<typeof referralFieldsSchema>;
export type ReferralFields = z.output<typeof referralFieldsSchema>;

/** An earlier referral of the same person or household for the same service. */
export const referralHintSchema = z.object({
  referralId: z.number().int(),
  who: z.enum(['self', 'household']),
  target: z.string(),
  referredOn: z.string(),
  state,
});

export const referralPreparationSchema = z.object({
  hints: z.array(referralHintSchema),
  /** Whether a consent on record already covers sharing with this partner for this service. */
  consent: z.object({ covered: z.boolean(), recordedAt: z.string().nullable() }),
  /** The follow-up day the referral gets if none is chosen. */
  defaultFollowUp: z.string(),
});

/** A referral waiting on its partner past its follow-up day. */
export const waitingReferralSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  reference: z.string(),
  partner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  internalTo: z.string(),
  serviceId: z.number().int(),
  referredOn: z.string(),
  followUpDate: z.string(),
  /** Days since the follow-up day, in clinic time. */
  daysLate: z.number().int(),
  owner: z.string(),
  mine: z.boolean(),
});
export type WaitingReferral = z.infer<typeof waitingReferralSchema>;

export const referralMoveSchema = z
  .strictObject({
    id: idSchema,
    version: z.number().int().min(1),
    to: z.enum(REFERRAL_STATUSES, { error: 'validation.invalidChoice' }),
    note: multiLineText(2000),
    declineReason: multiLineText(1000),
    outcome: z.enum(REFERRAL_OUTCOMES, { error: 'validation.invalidChoice' }).nullable(),
    outcomeNote: multiLineText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.to === 'declined' && !v.declineReason.trim()) ctx.addIssue({ code: 'custom', path: ['declineReason'], message: 'validation.required' });
    if (v.to === 'completed' && v.outcome === null) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'validation.required' });
  }, alongOtherErrors);
export type ReferralMoveInput = z.input<typeof referralMoveSchema>;

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;

export const referralChannels = {
  /** A case's referrals, newest first, with their history. */
  'referrals:forCase': channel({ input: z.strictObject({ caseId: idSchema }), output: z.array(referralSchema), access: everyone }),
  /** Before writing one: earlier referrals for the service, whether consent covers it, the default follow-up. */
  'referrals:prepare': channel({
    input: z.strictObject({ caseId: idSchema, serviceId: idSchema, partnerId: idSchema.nullable() }),
    output: referralPreparationSchema,
    access: everyone,
  }),
  /** Writes a referral, as a draft or sent at once; refused without a ground to share the person's data. */
  'referrals:create': channel({ input: z.strictObject({ caseId: idSchema, send: z.boolean(), fields: referralFieldsSchema }), output: referralSchema, access: everyone }),
  /** Moves a referral along its life (shared/domain/referral.ts); a move it does not allow is refused. */
  'referrals:setStatus': channel({ input: referralMoveSchema, output: referralSchema, access: everyone }),
  /** Referrals past their follow-up day without an answer, on the cases this session sees. */
  'referrals:waiting': channel({ input: z.strictObject({}), output: z.object({ items: z.array(waitingReferralSchema), truncated: z.boolean() }), access: everyone }),
};
