import { z } from 'zod';
import { channel } from './define';
import { empty, languageSchema, newPasswordSchema, passwordInputSchema, required, usernameSchema } from './common';
import { sessionInfoSchema } from './session';

export const loginInputSchema = z.strictObject({
  // Not usernameSchema: a login form must not tell the user which usernames are well-formed.
  username: z.string({ error: required }).trim().toLowerCase().min(1, required).max(40, 'validation.tooLong'),
  password: passwordInputSchema,
});

export const unlockInputSchema = z.strictObject({ password: passwordInputSchema });

export const recoveryKeySchema = z
  .string({ error: required })
  .trim()
  .min(1, required)
  .max(80, 'validation.recoveryKeyFormat');

export const recoverInputSchema = z.strictObject({
  recoveryKey: recoveryKeySchema,
  username: usernameSchema,
  newPassword: newPasswordSchema,
});

export const changePasswordInputSchema = z.strictObject({
  currentPassword: passwordInputSchema,
  newPassword: newPasswordSchema,
});

export const authChannels = {
  'auth:session': channel({ input: empty, output: sessionInfoSchema, access: 'public' }),
  'auth:login': channel({ input: loginInputSchema, output: sessionInfoSchema, access: 'public' }),
  'auth:recover': channel({ input: recoverInputSchema, output: sessionInfoSchema, access: 'public' }),
  'auth:unlock': channel({ input: unlockInputSchema, output: sessionInfoSchema, access: 'session' }),
  'auth:signOut': channel({ input: empty, output: z.null(), access: 'session' }),
  'auth:lock': channel({ input: empty, output: z.null(), access: 'session' }),
  /** The renderer reports user activity (throttled) so the core's idle lock does not fire mid-form. */
  'auth:activity': channel({ input: empty, output: z.null(), access: 'unlocked' }),
  'auth:changePassword': channel({ input: changePasswordInputSchema, output: z.null(), access: 'unlocked' }),
  'auth:setLanguage': channel({
    input: z.strictObject({ language: languageSchema }),
    output: z.null(),
    access: 'unlocked',
  }),
};
