import { z } from 'zod';
import { AUDIT_CATEGORIES, AUDIT_OUTCOMES } from '../domain/audit';
import { channel } from './define';
import { empty, idSchema, languageSchema } from './common';
import { isoDateSchema } from './fields';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  accountId: z.number().int().nullable(),
  /** Who, as people know them (null for events before sign-in). */
  accountName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  /**
   * The record as people name it: a person's names, a case's reference, an account's holder,
   * a domain's code. Empty when the entry is about no single record, or the record is gone.
   */
  subject: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The id of the first entry whose hash does not match, when the chain is broken. */
  firstBrokenId: z.number().int().nullable(),
});

/** What the log can be narrowed to: one person's or one case's record, one account, a kind of action, a period. */
export const auditFiltersSchema = z.strictObject({
  beneficiaryId: idSchema.optional(),
  caseId: idSchema.optional(),
  accountId: idSchema.optional(),
  category: z.enum(AUDIT_CATEGORIES, { error: 'validation.invalidChoice' }).optional(),
  outcome: z.enum(AUDIT_OUTCOMES, { error: 'validation.invalidChoice' }).optional(),
  /** Calendar days on the clinic's computer, both included. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export const auditListInputSchema = auditFiltersSchema.extend({
  /** The id below which the next page starts (digits), from the previous page's nextCursor. */
  cursor: z.string().regex(/^\d{1,15}$/, 'validation.invalid').optional(),
  limit: z.number().int().min(1).max(200).default(50),
});

/** The most rows one export holds; the file says when the view had more. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const auditChannels = {
  'audit:list': channel({
    input: auditListInputSchema,
    output: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
    access: ['admin', 'supervisor'],
  }),
  /** How many entries the filters select, asked beside the first page (a count may scan the log). */
  'audit:count': channel({ input: auditFiltersSchema, output: z.object({ total: z.number().int() }), access: ['admin', 'supervisor'] }),
  /** The filtered view as CSV (UTF-8 with BOM, for spreadsheet software), in `language`. Audited with its filters. */
  'audit:export': channel({
    input: auditFiltersSchema.extend({ language: languageSchema }),
    output: z.object({ fileName: z.string(), csv: z.string(), rows: z.number().int(), truncated: z.boolean() }),
    access: ['admin', 'supervisor'],
  }),
  'audit:verify': channel({ input: empty, output: auditVerificationSchema, access: ['admin'] }),
};
