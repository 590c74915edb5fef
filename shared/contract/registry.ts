import { z } from 'zod';
import { INTAKE_CHANNELS } from '../domain/case';
import { choiceIdSchema, empty, idSchema } from './common';
import { channel } from './define';
import { identifierText, multiLineText, nonEmpty, singleLineText } from './fields';
import { beneficiarySummarySchema } from './beneficiaries';
import { caseSummarySchema } from './cases';

/** Domains of law: data, edited by supervisors. */
export const domainSchema = z.object({ id: z.number().int(), code: z.string(), ar: z.string(), fr: z.string(), en: z.string(), active: z.boolean() });
export type Domain = z.infer<typeof domainSchema>;

export const saveDomainInputSchema = z.strictObject({
  id: idSchema.nullable(),
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,30}$/, 'validation.codeFormat'),
  // Labels people pick a domain by: names, so no bidi controls (one must not pass for another).
  ar: nonEmpty(identifierText(120)),
  fr: nonEmpty(identifierText(120)),
  en: nonEmpty(identifierText(120)),
  active: z.boolean(),
});

/** A question answered at the desk or by phone, with no personal data: counted in statistics. */
export const enquiryInputSchema = z.strictObject({
  channel: z.enum(INTAKE_CHANNELS, { error: 'validation.invalidChoice' }),
  domainId: choiceIdSchema,
  question: nonEmpty(multiLineText(2000)),
  answer: multiLineText(4000),
});
export const enquirySchema = z.object({ id: z.number().int(), at: z.string(), channel: z.string(), domainId: z.number().int(), question: z.string(), answer: z.string(), by: z.string() });

export const globalSearchResultSchema = z.object({
  beneficiaries: z.array(z.object({ beneficiary: beneficiarySummarySchema, reasons: z.array(z.string()) })),
  cases: z.array(caseSummarySchema),
});

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;

export const registryChannels = {
  'domains:list': channel({ input: empty, output: z.array(domainSchema), access: everyone }),
  'domains:save': channel({ input: saveDomainInputSchema, output: z.array(domainSchema), access: ['supervisor', 'admin'] }),
  'enquiries:create': channel({ input: enquiryInputSchema, output: enquirySchema, access: ['intake', 'supervisor', 'admin'] }),
  'enquiries:list': channel({ input: z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }), output: z.array(enquirySchema), access: everyone }),
  /** What is typed is searched as text (electron/core/registry/search.ts): never FTS5 or LIKE syntax. */
  'search:global': channel({ input: z.strictObject({ query: nonEmpty(singleLineText(160)) }), output: globalSearchResultSchema, access: everyone }),
  /** Lawyers who can be assigned a case (active accounts with the lawyer role). */
  'staff:lawyers': channel({ input: empty, output: z.array(z.object({ id: z.number().int(), fullName: z.string() })), access: everyone }),
};
