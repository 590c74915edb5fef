import { z } from 'zod';
import { channel } from './define';
import { empty, idSchema } from './common';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  accountId: z.number().int().nullable(),
  /** Who, as people know them (null for events before sign-in). */
  accountName: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  outcome: z.enum(['ok', 'denied', 'failed']),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The id of the first entry whose hash does not match, when the chain is broken. */
  firstBrokenId: z.number().int().nullable(),
});

export const auditChannels = {
  'audit:list': channel({
    input: z.strictObject({ beforeId: idSchema.optional(), limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(auditEntrySchema),
    access: ['admin', 'supervisor'],
  }),
  'audit:verify': channel({ input: empty, output: auditVerificationSchema, access: ['admin'] }),
};
