import { z } from 'zod';
import { SPOKEN_LANGUAGES } from '../domain/beneficiary';
import { PARTNER_KINDS } from '../domain/partner';
import { REFERRAL_STATUSES } from '../domain/referral';
import { normalizePhone } from '../search/phone';
import { empty, idSchema, languageSchema } from './common';
import { channel } from './define';
import { alongOtherErrors, identifierText, multiLineText, nonEmpty, optionalDateSchema, singleLineText } from './fields';

/** Services partners offer: data, edited by supervisors, optionally tied to a case domain. */
export const serviceSchema = z.object({ id: z.number().int(), code: z.string(), ar: z.string(), fr: z.string(), en: z.string(), domainId: z.number().int().nullable(), active: z.boolean() });
export type Service = z.infer<typeof serviceSchema>;

export const saveServiceInputSchema = z.strictObject({
  id: idSchema.nullable(),
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,30}$/, 'validation.codeFormat'),
  ar: nonEmpty(identifierText(120)),
  fr: nonEmpty(identifierText(120)),
  en: nonEmpty(identifierText(120)),
  domainId: idSchema.nullable(),
  active: z.boolean(),
});

const phoneField = identifierText(40).refine((p) => p === '' || normalizePhone(p) !== null, 'validation.phoneFormat');
// Deliberately loose: one @, something on each side, a dot in the domain. Mail servers are
// the judge of the rest; the point is to catch a phone number typed in the e-mail box.
const emailField = identifierText(160).refine((e) => e === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e), 'validation.emailFormat');

export const partnerContactSchema = z.strictObject({
  name: nonEmpty(identifierText(120)),
  role: singleLineText(120),
  phone: phoneField,
  email: emailField,
});
export type PartnerContactInput = z.input<typeof partnerContactSchema>;

export const partnerFieldsSchema = z
  .strictObject({
    name: nonEmpty(identifierText(160)),
    kind: z.enum(PARTNER_KINDS, { error: 'validation.invalidChoice' }),
    serviceIds: z.array(idSchema).max(40),
    /** Cities or regions served, as people write them ("Oujda", "l'Oriental", "وجدة"). */
    places: z.array(nonEmpty(singleLineText(80))).max(30),
    languages: z.array(z.enum(SPOKEN_LANGUAGES, { error: 'validation.invalidChoice' })).max(20),
    address: multiLineText(400),
    phone: phoneField,
    email: emailField,
    openingHours: singleLineText(200),
    agreement: z.boolean(),
    agreementFrom: optionalDateSchema,
    agreementTo: optionalDateSchema,
    givesFeedback: z.boolean(),
    /** Days a referral waits for an answer before it counts as unanswered; null: the clinic's default. */
    answerDays: z.number({ error: 'validation.invalid' }).int('validation.invalid').min(1, 'validation.invalid').max(365, 'validation.invalid').nullable(),
    notes: multiLineText(4000),
    contacts: z.array(partnerContactSchema).max(20),
  })
  .superRefine((v, ctx) => {
    if (v.agreementFrom && v.agreementTo && v.agreementTo < v.agreementFrom) ctx.addIssue({ code: 'custom', path: ['agreementTo'], message: 'validation.endBeforeStart' });
  }, alongOtherErrors);
export type PartnerFieldsInput = z.input<typeof partnerFieldsSchema>;
export type PartnerFields = z.output<typeof partnerFieldsSchema>;

/** A line of the directory. */
export const partnerSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  serviceIds: z.array(z.number().int()),
  places: z.array(z.string()),
  languages: z.array(z.string()),
  phone: z.string(),
  answerDays: z.number().int().nullable(),
  givesFeedback: z.boolean(),
  active: z.boolean(),
});
export type PartnerSummary = z.infer<typeof partnerSummarySchema>;

export const partnerDetailSchema = partnerSummarySchema.extend({
  address: z.string(),
  email: z.string(),
  openingHours: z.string(),
  agreement: z.boolean(),
  agreementFrom: z.string(),
  agreementTo: z.string(),
  notes: z.string(),
  contacts: z.array(z.object({ name: z.string(), role: z.string(), phone: z.string(), email: z.string() })),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type PartnerDetail = z.infer<typeof partnerDetailSchema>;

export const partnerFilterSchema = z.strictObject({
  /** Words of the partner's name, any script, folded like the registry's search. */
  query: singleLineText(120).default(''),
  serviceId: idSchema.nullable().default(null),
  place: singleLineText(80).default(''),
  language: z.enum(SPOKEN_LANGUAGES, { error: 'validation.invalidChoice' }).nullable().default(null),
  includeInactive: z.boolean().default(false),
});
export type PartnerFilter = z.input<typeof partnerFilterSchema>;

/** A partner's page: how it answers, and its referrals on the cases this session sees. */
export const partnerReferralsSchema = z.object({
  figures: z.object({
    sent: z.number().int(),
    acceptedPercent: z.number().nullable(),
    medianDaysToAnswer: z.number().nullable(),
    noAnswerPercent: z.number().nullable(),
  }),
  items: z.array(
    z.object({
      id: z.number().int(),
      caseId: z.number().int(),
      reference: z.string(),
      direction: z.enum(['outgoing', 'incoming']),
      serviceId: z.number().int(),
      referredOn: z.string(),
      state: z.enum([...REFERRAL_STATUSES, 'no_answer']),
    }),
  ),
  truncated: z.boolean(),
});
export type PartnerReferrals = z.infer<typeof partnerReferralsSchema>;

/** A file the core made for the person to save (the directory exported). */
export const exportedFileSchema = z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), sha256: z.string(), rows: z.number().int() });
export type ExportedFile = z.infer<typeof exportedFileSchema>;

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;
const editors = ['supervisor', 'admin'] as const;

export const partnerChannels = {
  'services:list': channel({ input: empty, output: z.array(serviceSchema), access: everyone }),
  'services:save': channel({ input: saveServiceInputSchema, output: z.array(serviceSchema), access: editors }),
  /** The directory, filtered; at most 500 lines, by name. */
  'partners:list': channel({ input: partnerFilterSchema, output: z.object({ items: z.array(partnerSummarySchema), truncated: z.boolean() }), access: everyone }),
  'partners:get': channel({ input: z.strictObject({ id: idSchema }), output: partnerDetailSchema, access: everyone }),
  'partners:referrals': channel({ input: z.strictObject({ partnerId: idSchema }), output: partnerReferralsSchema, access: everyone }),
  /**
   * Adds (id null) or changes a partner. `version` is the one the form was opened with: a
   * partner changed meanwhile by someone else is refused with CONFLICT, never overwritten.
   */
  'partners:save': channel({
    input: z.strictObject({ id: idSchema.nullable(), version: z.number().int().min(1).nullable(), fields: partnerFieldsSchema }),
    output: partnerDetailSchema,
    access: editors,
  }),
  /** A partner no longer worked with stays in the directory (and its referrals' history), inactive. */
  'partners:setActive': channel({ input: z.strictObject({ id: idSchema, active: z.boolean() }), output: partnerDetailSchema, access: editors }),
  /** The whole directory as a spreadsheet, headed in the language chosen; audited with its hash. */
  'partners:export': channel({
    input: z.strictObject({ format: z.enum(['csv', 'xlsx'], { error: 'validation.invalidChoice' }), language: languageSchema }),
    output: exportedFileSchema,
    access: editors,
  }),
  /** Removes a partner entered by mistake; refused once a referral names it (deactivate instead). */
  'partners:remove': channel({ input: z.strictObject({ id: idSchema }), output: z.object({ removed: z.literal(true) }), access: editors }),
};
