import { z } from 'zod';
import { BACKUP_KEEP, BACKUP_WARN_DAYS } from '../domain/backup';
import { empty } from './common';
import { channel } from './define';
import { singleLineText } from './fields';
import { INVALID_CHARACTERS, isAllowedText } from './text';
import { passwordProblems, PASSWORD_MAX_LENGTH } from '../domain/password-policy';

/**
 * Backups (issue #13, slice 2): where they go, how many are kept, and what happened. The
 * backup itself runs in the core's background (a worker thread); `backup:status` tells the
 * administrator how it is going and whether the clinic is protected.
 */

const keepCount = z
  .number({ error: 'validation.backupKeepRange' })
  .int('validation.backupKeepRange')
  .min(BACKUP_KEEP.min, 'validation.backupKeepRange')
  .max(BACKUP_KEEP.max, 'validation.backupKeepRange');

export const backupSettingsInputSchema = z.strictObject({
  /** An absolute folder ('' = no automatic backups). The core checks it exists and can be written. */
  folder: singleLineText(1024),
  keepDaily: keepCount,
  keepWeekly: keepCount,
  keepMonthly: keepCount,
  warnAfterDays: z
    .number({ error: 'validation.backupWarnRange' })
    .int('validation.backupWarnRange')
    .min(BACKUP_WARN_DAYS.min, 'validation.backupWarnRange')
    .max(BACKUP_WARN_DAYS.max, 'validation.backupWarnRange'),
});
export type BackupSettingsInput = z.input<typeof backupSettingsInputSchema>;

export const backupSettingsSchema = z.object({
  folder: z.string(),
  keepDaily: z.number().int(),
  keepWeekly: z.number().int(),
  keepMonthly: z.number().int(),
  warnAfterDays: z.number().int(),
  /** The folder looks like a cloud sync folder (OneDrive, Dropbox…): saved, but worth a warning. */
  cloudWarning: z.boolean(),
  /** When the backup passphrase was set; null when backups open with the recovery key only. */
  passphraseSetAt: z.string().nullable(),
});
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/** BackupErrorCode of electron/core/backup/errors.ts, plus what can go wrong around the file layer. */
export const BACKUP_FAILURE_CODES = [
  'DISK_FULL',
  'TARGET_MISSING',
  'TARGET_READONLY',
  'TARGET_NOT_EMPTY',
  'FILE_MISSING',
  'SOURCE_UNREADABLE',
  'VERIFY_FAILED',
  'WEAK_PASSPHRASE',
  'WRONG_KEY',
  'DAMAGED',
  'NEWER_FORMAT',
  'RESTORE_PENDING',
  'IO',
  /** The worker failed, was ended (the application quit) or took too long. */
  'INTERRUPTED',
] as const;
export type BackupFailureCode = (typeof BACKUP_FAILURE_CODES)[number];

export const BACKUP_PHASES = ['snapshot', 'write', 'verify', 'check', 'rename', 'done'] as const;

export const backupStatusSchema = z.object({
  running: z.object({ phase: z.enum(BACKUP_PHASES), percent: z.number().int().min(0).max(100) }).nullable(),
  /** The last backup that succeeded: its end, file name, folder and size. */
  last: z.object({ at: z.string(), file: z.string(), folder: z.string(), bytes: z.number().int().nonnegative() }).nullable(),
  /** The last attempt, if it failed after the last success. */
  lastFailure: z.object({ at: z.string(), code: z.enum(BACKUP_FAILURE_CODES) }).nullable(),
  /** No backup succeeded within `warnAfterDays`. */
  stale: z.boolean(),
  /** A folder is configured but is not there now (an unplugged drive). */
  folderMissing: z.boolean(),
  cloudWarning: z.boolean(),
  /** A folder is configured. */
  configured: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

/** A new backup passphrase under the password rule, or '' to remove it. */
export const backupPassphraseInputSchema = z.strictObject({
  passphrase: z
    .string()
    .max(PASSWORD_MAX_LENGTH, 'validation.tooLong')
    .superRefine((value, ctx) => {
      if (value === '') return;
      if (!isAllowedText(value, 'secret')) ctx.addIssue({ code: 'custom', message: INVALID_CHARACTERS });
      for (const problem of passwordProblems(value)) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export const backupChannels = {
  'backup:settings': channel({ input: empty, output: backupSettingsSchema, access: ['admin'] }),
  'backup:saveSettings': channel({ input: backupSettingsInputSchema, output: backupSettingsSchema, access: ['admin'] }),
  /** Sets (or with '' removes) the passphrase that also opens the backups made from now on. */
  'backup:setPassphrase': channel({ input: backupPassphraseInputSchema, output: backupSettingsSchema, access: ['admin'] }),
  /** Starts a backup in the background and answers at once; `backup:status` tells when it is done. */
  'backup:run': channel({ input: empty, output: z.object({ jobId: z.string() }), access: ['admin'] }),
  'backup:status': channel({ input: empty, output: backupStatusSchema, access: ['admin', 'supervisor'] }),
};
