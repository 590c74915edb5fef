import { z } from 'zod';
import { empty, idSchema, languageSchema } from './common';
import { channel } from './define';
import { identifierText, isoDateSchema, multiLineText, nonEmpty } from './fields';
import { recoveryKeySchema } from './auth';

/** A generated PDF, sent to the renderer to preview, save or print. */
export const pdfDocumentSchema = z.object({
  fileName: z.string(),
  /** The PDF bytes, base64-encoded. */
  base64: z.string(),
  /** SHA-256 of the bytes, as recorded in the audit log. */
  sha256: z.string(),
  language: languageSchema,
});
export type PdfDocument = z.infer<typeof pdfDocumentSchema>;

/** Empty: the beneficiary's language if they speak one of ar/fr/en, else the interface language. */
const documentLanguage = z.union([z.literal(''), languageSchema]).default('');

export const attestationInputSchema = z.strictObject({
  beneficiaryId: idSchema,
  caseId: idSchema.nullable(),
  date: isoDateSchema,
  purpose: nonEmpty(multiLineText(400)),
  /** A person's name, printed above the signature. */
  signatory: nonEmpty(identifierText(120)),
  language: documentLanguage,
});
export type AttestationInput = z.input<typeof attestationInputSchema>;

/**
 * A referral slip: in the partner's language unless another is chosen, with only the sections
 * the writer ticks (none by default: the service, what is asked and the return coupon).
 */
export const referralSlipInputSchema = z.strictObject({
  referralId: idSchema,
  language: documentLanguage,
  sections: z.strictObject({ identity: z.boolean(), contact: z.boolean(), facts: z.boolean(), documents: z.boolean() }),
});

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;

export const documentChannels = {
  'documents:intakeRecord': channel({
    input: z.strictObject({ beneficiaryId: idSchema, language: documentLanguage }),
    output: pdfDocumentSchema,
    access: everyone,
  }),
  'documents:caseSummary': channel({
    input: z.strictObject({ caseId: idSchema, language: documentLanguage }),
    output: pdfDocumentSchema,
    access: everyone,
  }),
  /** A lawyer's deadlines and hearings for the next 14 days (supervisors: anyone's or the team's). */
  'documents:deadlineSheet': channel({
    input: z.strictObject({ lawyerId: idSchema.optional(), language: documentLanguage }),
    output: pdfDocumentSchema,
    access: everyone,
  }),
  /** When each due date of a case's procedures was computed, changed or met, and by whom. */
  'documents:deadlineLog': channel({ input: z.strictObject({ caseId: idSchema, language: documentLanguage }), output: pdfDocumentSchema, access: everyone }),
  'documents:attestation': channel({ input: attestationInputSchema, output: pdfDocumentSchema, access: everyone }),
  'documents:referralSlip': channel({ input: referralSlipInputSchema, output: pdfDocumentSchema, access: everyone }),
  /** The sheet for a recovery key the administrator holds (checked against the vault). */
  'documents:recoverySheet': channel({
    input: z.strictObject({ recoveryKey: recoveryKeySchema, language: documentLanguage }),
    output: pdfDocumentSchema,
    access: ['admin'],
  }),
  /** Replaces the recovery key (the old one stops working) and returns the new one, once. */
  'vault:rotateRecoveryKey': channel({ input: empty, output: z.object({ recoveryKey: z.string() }), access: ['admin'] }),
};
