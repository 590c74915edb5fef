import { z } from 'zod';
import {
  CONSENT_SCOPES,
  DOCUMENT_TYPES,
  LEGAL_STATUSES,
  REFERRAL_SOURCES,
  RELATIONS,
  SEXES,
  SPECIFIC_NEEDS,
} from '../domain/beneficiary';
import { normalizePhone } from '../search/phone';
import { empty, idSchema } from './common';
import { channel } from './define';
import { alongOtherErrors, countryCodeSchema, cursorSchema, identifierText, nonEmpty, optionalDateSchema, page, pageLimitSchema, singleLineText } from './fields';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'validation.invalidChoice' });

export const identityDocumentSchema = z.strictObject({
  type: choice(DOCUMENT_TYPES),
  number: nonEmpty(identifierText(60)),
  expiry: optionalDateSchema,
});

export const beneficiaryFieldsSchema = z.strictObject({
  latinName: identifierText(160),
  arabicName: identifierText(160),
  otherSpellings: identifierText(400),
  sex: choice(SEXES),
  birthDate: optionalDateSchema,
  // A number or '' (not given), never coerced: "42" or [42] is refused. The form converts
  // what its <input type="number"> holds (renderer/src/lib/forms.ts).
  estimatedAge: z.union(
    [z.literal(''), z.number({ error: 'validation.ageRange' }).int('validation.ageRange').min(0, 'validation.ageRange').max(120, 'validation.ageRange')],
    { error: 'validation.ageRange' },
  ),
  nationality: countryCodeSchema,
  birthCountry: countryCodeSchema,
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/)).max(12),
  interpreterNeeded: z.boolean(),
  phone: identifierText(40).refine((p) => p === '' || normalizePhone(p) !== null, 'validation.phoneFormat'),
  city: singleLineText(80),
  arrivalDate: optionalDateSchema,
  legalStatus: choice(LEGAL_STATUSES),
  documents: z.array(identityDocumentSchema).max(10),
  specificNeeds: z.array(choice(SPECIFIC_NEEDS)).max(SPECIFIC_NEEDS.length),
  referralSource: z.union([z.literal(''), choice(REFERRAL_SOURCES)]),
  /** What the person agreed to. Without consent to keep data only an anonymous enquiry is possible. */
  consentDataKeeping: z.boolean(),
  /**
   * null: not asked yet (nothing is recorded, and the record says "not asked" rather than
   * "refused"). Once answered, an answer can change but not go back to "not asked".
   */
  consentReferralSharing: z.boolean().nullable(),
});

function refineBeneficiary(v: z.output<typeof beneficiaryFieldsSchema>, ctx: z.RefinementCtx): void {
  if (!v.latinName && !v.arabicName) ctx.addIssue({ code: 'custom', path: ['latinName'], message: 'validation.nameRequired' });
  if (!v.consentDataKeeping) ctx.addIssue({ code: 'custom', path: ['consentDataKeeping'], message: 'validation.consentRequired' });
  if (v.consentReferralSharing && !v.consentDataKeeping) {
    ctx.addIssue({ code: 'custom', path: ['consentReferralSharing'], message: 'validation.consentRequired' });
  }
}

/**
 * The same fields as read back from the store, for outputs. Records written before the text
 * rules (issue #9) may hold characters those rules now refuse; they must stay readable (an
 * output that fails its schema is an INTERNAL error), and the edit form then flags the field.
 */
const storedText = z.string();
const storedBeneficiaryFieldsSchema = beneficiaryFieldsSchema.extend({
  latinName: storedText,
  arabicName: storedText,
  otherSpellings: storedText,
  phone: storedText,
  city: storedText,
  documents: z.array(identityDocumentSchema.extend({ number: storedText })),
});

export const beneficiaryInputSchema = beneficiaryFieldsSchema.superRefine(refineBeneficiary, alongOtherErrors);
export type BeneficiaryInput = z.input<typeof beneficiaryInputSchema>;

export const updateBeneficiaryInputSchema = z.strictObject({ id: idSchema, fields: beneficiaryInputSchema });

export const consentRecordSchema = z.object({
  scope: z.enum(CONSENT_SCOPES),
  given: z.boolean(),
  recordedAt: z.string(),
  recordedBy: z.string(),
  /** A consent to share given for one referral: the partner it names (null: any partner). */
  partner: z.string().nullable(),
  /** …and the service, in the three languages (null: any service). */
  service: z.object({ ar: z.string(), fr: z.string(), en: z.string() }).nullable(),
});

export const beneficiarySummarySchema = z.object({
  id: z.number().int(),
  latinName: z.string(),
  arabicName: z.string(),
  sex: z.enum(SEXES),
  birthYear: z.number().int().nullable(),
  nationality: z.string(),
  phone: z.string(),
  city: z.string(),
  legalStatus: z.enum(LEGAL_STATUSES),
  createdAt: z.string(),
});
export type BeneficiarySummary = z.infer<typeof beneficiarySummarySchema>;

export const householdMemberSchema = z.object({
  linkId: z.number().int(),
  relation: z.enum(RELATIONS),
  beneficiary: beneficiarySummarySchema,
});

export const beneficiaryDetailSchema = z.object({
  id: z.number().int(),
  fields: storedBeneficiaryFieldsSchema,
  consents: z.array(consentRecordSchema),
  household: z.array(householdMemberSchema),
  /** Only the cases this account may see. */
  cases: z.array(z.object({ id: z.number().int(), reference: z.string(), status: z.string(), intakeDate: z.string() })),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  mergedInto: z.number().int().nullable(),
});
export type BeneficiaryDetail = z.infer<typeof beneficiaryDetailSchema>;

export const MATCH_REASONS = ['phone', 'document', 'name_exact', 'name_spelling', 'name_other_script'] as const;
export type MatchReason = (typeof MATCH_REASONS)[number];

export const candidateSchema = z.object({
  beneficiary: beneficiarySummarySchema,
  reasons: z.array(z.enum(MATCH_REASONS)),
  score: z.number(),
});
export type Candidate = z.infer<typeof candidateSchema>;

/** What is typed in the intake search box: searched as text, so the search rule (one line). */
export const candidatesInputSchema = z.strictObject({
  name: singleLineText(160),
  phone: singleLineText(40),
  documentNumber: singleLineText(60),
});

export const beneficiaryListInputSchema = z.strictObject({
  /** Part of a name, in either script: matched like the intake search (spellings, transliteration). */
  name: singleLineText(160).optional(),
  nationality: countryCodeSchema.optional(),
  legalStatus: z.enum(LEGAL_STATUSES).optional(),
  sort: z.enum(['created_desc', 'name_asc']).default('created_desc'),
  cursor: cursorSchema,
  limit: pageLimitSchema,
});

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;
const registrars = ['intake', 'supervisor', 'admin'] as const;
const supervisors = ['supervisor', 'admin'] as const;

/** The fields a merge can take from the merged record instead of the kept one. */
export const MERGE_FIELDS = [
  'latinName',
  'arabicName',
  'sex',
  'birth',
  'nationality',
  'birthCountry',
  'languages',
  'interpreterNeeded',
  'phone',
  'city',
  'arrivalDate',
  'legalStatus',
  'specificNeeds',
  'referralSource',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

export const beneficiaryChannels = {
  'beneficiaries:candidates': channel({ input: candidatesInputSchema, output: z.array(candidateSchema), access: everyone }),
  'beneficiaries:create': channel({ input: beneficiaryInputSchema, output: beneficiaryDetailSchema, access: registrars }),
  'beneficiaries:update': channel({ input: updateBeneficiaryInputSchema, output: beneficiaryDetailSchema, access: registrars }),
  'beneficiaries:get': channel({ input: z.strictObject({ id: idSchema }), output: beneficiaryDetailSchema, access: everyone }),
  'beneficiaries:list': channel({ input: beneficiaryListInputSchema, output: page(beneficiarySummarySchema), access: everyone }),
  /** How many the list holds with these filters, asked beside the first page. */
  'beneficiaries:count': channel({ input: beneficiaryListInputSchema.omit({ sort: true, cursor: true, limit: true }), output: z.object({ total: z.number().int() }), access: everyone }),
  'beneficiaries:linkHousehold': channel({
    input: z.strictObject({ id: idSchema, relatedId: idSchema, relation: choice(RELATIONS) }),
    output: beneficiaryDetailSchema,
    access: registrars,
  }),
  'beneficiaries:unlinkHousehold': channel({ input: z.strictObject({ id: idSchema, linkId: idSchema }), output: beneficiaryDetailSchema, access: registrars }),
  /**
   * Keeps `keepId`, folds `mergeId` into it. `take` lists the fields whose value comes from
   * the merged record (the supervisor's choice, field by field); every name spelling of both
   * ends up on the kept record. Reversible for 30 days with beneficiaries:unmerge.
   */
  'beneficiaries:merge': channel({
    input: z.strictObject({ keepId: idSchema, mergeId: idSchema, take: z.array(z.enum(MERGE_FIELDS, { error: 'validation.invalidChoice' })).max(MERGE_FIELDS.length).default([]) }),
    output: z.object({ mergeId: z.number().int(), kept: beneficiaryDetailSchema }),
    access: supervisors,
  }),
  'beneficiaries:unmerge': channel({ input: z.strictObject({ mergeId: idSchema }), output: beneficiaryDetailSchema, access: supervisors }),
  'beneficiaries:merges': channel({
    input: empty,
    output: z.array(
      z.object({
        id: z.number().int(),
        keptId: z.number().int(),
        mergedId: z.number().int(),
        /** The names of both records as they are now, and the references of the cases that moved. */
        kept: z.object({ latinName: z.string(), arabicName: z.string() }),
        merged: z.object({ latinName: z.string(), arabicName: z.string() }),
        caseReferences: z.array(z.string()),
        at: z.string(),
        by: z.string(),
        undoneAt: z.string().nullable(),
        undoableUntil: z.string(),
      }),
    ),
    access: supervisors,
  }),
};
