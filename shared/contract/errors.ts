import { z } from 'zod';

/**
 * Every failure that crosses the IPC boundary carries one of these codes. The renderer
 * translates `errors.<code>`; `message` is an English fallback for logs, never shown as-is.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'NOT_INITIALIZED',
  'ALREADY_INITIALIZED',
  'FOLDER_NOT_EMPTY',
  'UNAUTHENTICATED',
  'LOCKED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'INVALID_RECOVERY_KEY',
  'PASSWORD_CHANGE_REQUIRED',
  'ACCOUNT_INACTIVE',
  'RATE_LIMITED',
  'WEAK_PASSWORD',
  'USERNAME_TAKEN',
  'NOT_FOUND',
  'CONFLICT',
  'STORE_WRONG_KEY',
  'STORE_TOO_NEW',
  'STORE_CORRUPT',
  'STORE_MISSING',
  'KEYRING_CORRUPT',
  'DISK_FULL',
  'STORAGE_IO',
  'STORE_READONLY',
  'DOCUMENT_TOO_LARGE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const fieldIssueSchema = z.object({
  /** Dotted path of the field, e.g. `admin.password`. Empty for form-level issues. */
  path: z.string(),
  /** A translation key, e.g. `validation.required`. */
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const appErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  fields: z.array(fieldIssueSchema).optional(),
  /** For RATE_LIMITED: how long to wait before the next attempt. */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
