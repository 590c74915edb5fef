import { z } from 'zod';
import { LANGUAGES } from '../domain/languages';
import { ROLES } from '../domain/roles';
import { passwordProblems, PASSWORD_MAX_LENGTH } from '../domain/password-policy';
import { INVALID_CHARACTERS, isAllowedText, textSchema } from './text';

/** Messages are translation keys: the renderer shows `t(message)` under the field. */
export const required = 'validation.required';

export const languageSchema = z.enum(LANGUAGES, { error: 'validation.invalidChoice' });
export const roleSchema = z.enum(ROLES, { error: 'validation.invalidChoice' });
export const idSchema = z.number({ error: 'validation.invalid' }).int().positive().max(Number.MAX_SAFE_INTEGER);
/** An id picked from a list (a domain, a lawyer): nothing picked reads "choose one of the options". */
export const choiceIdSchema = z
  .number({ error: 'validation.invalidChoice' })
  .int('validation.invalidChoice')
  .positive('validation.invalidChoice')
  .max(Number.MAX_SAFE_INTEGER, 'validation.invalidChoice');
export const empty = z.strictObject({});

export const usernameSchema = z
  .string({ error: required })
  .trim()
  .toLowerCase()
  .min(3, 'validation.usernameFormat')
  .max(40, 'validation.usernameFormat')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'validation.usernameFormat');

/** A staff member's name: shown in lists, the audit log and on signed documents (a name: no bidi controls). */
export const fullNameSchema = textSchema('identifier', 120, { type: required }).min(1, required);

/**
 * A password being typed to unlock: bounded and free of control characters (./text.ts,
 * `secret`), never checked for strength. A password that could not have been set cannot be
 * right, so refusing it early tells nothing and costs no key derivation.
 */
export const passwordInputSchema = z
  .string({ error: required })
  .min(1, required)
  .max(PASSWORD_MAX_LENGTH, 'validation.tooLong')
  .refine((v) => isAllowedText(v, 'secret'), INVALID_CHARACTERS);

/** A new password: the strength rule of shared/domain/password-policy, and no control characters. */
export const newPasswordSchema = z.string({ error: required }).superRefine((value, ctx) => {
  if (!isAllowedText(value, 'secret')) ctx.addIssue({ code: 'custom', message: INVALID_CHARACTERS });
  for (const problem of passwordProblems(value)) ctx.addIssue({ code: 'custom', message: problem });
});

/** Adds the "must not contain the username" rule where both fields are in one form. */
export function refinePasswordAgainstUsername(
  value: { username: string; password: string },
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  if (passwordProblems(value.password, value.username).includes('validation.passwordContainsUsername')) {
    ctx.addIssue({ code: 'custom', message: 'validation.passwordContainsUsername', path });
  }
}
