import { z } from 'zod';
import { empty } from './common';
import { channel } from './define';
import { nonEmpty, singleLineText } from './fields';

/** Whether the recovery key was proven recently (shared/domain/recovery-check.ts). */
export const recoveryCheckSchema = z.object({
  /** The last time someone typed the key correctly, or it was created or replaced. */
  provenAt: z.string().nullable(),
  dueAt: z.string().nullable(),
  due: z.boolean(),
});
export type RecoveryCheck = z.infer<typeof recoveryCheckSchema>;

export const recoveryChannels = {
  'recovery:status': channel({ input: empty, output: recoveryCheckSchema, access: ['admin'] }),
  /** The administrator types the recovery key: right, the check is done; wrong, a field error (audited). */
  'recovery:prove': channel({ input: z.strictObject({ recoveryKey: nonEmpty(singleLineText(100)) }), output: recoveryCheckSchema, access: ['admin'] }),
};
