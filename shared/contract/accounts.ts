import { z } from 'zod';
import { channel } from './define';
import {
  empty,
  fullNameSchema,
  idSchema,
  languageSchema,
  newPasswordSchema,
  refinePasswordAgainstUsername,
  roleSchema,
  usernameSchema,
} from './common';

export const accountSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  language: languageSchema,
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

export const createAccountInputSchema = z
  .strictObject({
    username: usernameSchema,
    fullName: fullNameSchema,
    role: roleSchema,
    language: languageSchema,
    password: newPasswordSchema,
  })
  .superRefine((v, ctx) => refinePasswordAgainstUsername(v, ctx, ['password']));
export type CreateAccountInput = z.input<typeof createAccountInputSchema>;

export const resetPasswordInputSchema = z.strictObject({ accountId: idSchema, newPassword: newPasswordSchema });

const admin = ['admin'] as const;

export const accountChannels = {
  /** Supervisors too: they assign work and read the audit log by account. */
  'accounts:list': channel({ input: empty, output: z.array(accountSchema), access: ['admin', 'supervisor'] }),
  'accounts:create': channel({ input: createAccountInputSchema, output: accountSchema, access: admin }),
  'accounts:deactivate': channel({ input: z.strictObject({ accountId: idSchema }), output: accountSchema, access: admin }),
  /** Reactivating needs a fresh password: a deactivated account's key slot was destroyed. */
  'accounts:reactivate': channel({ input: resetPasswordInputSchema, output: accountSchema, access: admin }),
  'accounts:resetPassword': channel({ input: resetPasswordInputSchema, output: accountSchema, access: admin }),
};
