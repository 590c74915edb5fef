import { z } from 'zod';
import { channel } from './define';
import { empty, languageSchema, newPasswordSchema, passwordInputSchema, required, usernameSchema } from './common';
import { sessionInfoSchema } from './session';
import { textSchema } from './text';

export const loginInputSchema = z.strictObject({
  // Not usernameSchema: a login form must not tell the user which usernames are well-formed.
  username: textSchema('identifier', 40, { type: required }).toLowerCase().min(1, required),
  password: passwordInputSchema,
});

export const unlockInputSchema = z.strictObject({ password: passwordInputSchema });

/** 32 Crockford base32 characters, typed with spaces or dashes (parseRecoveryKey reads it). */
export const recoveryKeySchema = textSchema('identifier', 80, { type: required, tooLong: 'validation.recoveryKeyFormat' }).min(1, required);

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
