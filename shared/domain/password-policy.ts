/**
 * The password rule shared by the setup form, the account forms and the core.
 *
 * A password protects the key that decrypts every case on the machine, so it must resist
 * offline guessing even with Argon2id in front of it: at least 12 characters and three of
 * the four character classes, or a passphrase of 20 characters or more. It may not contain
 * the username. Returns the translation keys of the rules that fail (empty when it passes).
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSPHRASE_MIN_LENGTH = 20;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem =
  | 'validation.passwordTooShort'
  | 'validation.passwordTooLong'
  | 'validation.passwordClasses'
  | 'validation.passwordContainsUsername';

export function passwordProblems(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('validation.passwordTooShort');
  if (length > PASSWORD_MAX_LENGTH) problems.push('validation.passwordTooLong');
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u].filter((re) => re.test(password)).length;
  // Scripts without case (Arabic) count as both letter classes, or no Arabic-only password could pass.
  const uncased = /[\p{Lo}]/u.test(password) ? 1 : 0;
  if (length < PASSPHRASE_MIN_LENGTH && classes + uncased < 3) problems.push('validation.passwordClasses');
  const user = username?.trim().toLowerCase();
  if (user && user.length >= 3 && password.toLowerCase().includes(user)) {
    problems.push('validation.passwordContainsUsername');
  }
  return problems;
}
