import { z } from 'zod';
import { empty, passwordInputSchema } from './common';
import { channel } from './define';
import { nonEmpty, singleLineText } from './fields';

/**
 * Restoring a backup over the clinic in use, and undoing that (issue #13). Both sign every
 * window out and close the store while the files are swapped, so they run outside the
 * router's transaction (`transaction: false`) and write their own audit entries: one in the
 * clinic that goes, one (queued in its keyring) in the clinic that comes.
 */

export const backupFileSchema = z.object({
  /** Absolute path, as the restore takes it. */
  file: z.string(),
  name: z.string(),
  bytes: z.number().int().nonnegative(),
  /** From the header (readable without a key); null when the header does not read. */
  createdAt: z.string().nullable(),
  counts: z.object({ cases: z.number().int(), beneficiaries: z.number().int() }).nullable(),
  /** Can also be opened with the backup passphrase. */
  passphrase: z.boolean(),
});
export type BackupFile = z.infer<typeof backupFileSchema>;

export const setAsideClinicSchema = z.object({
  name: z.string(),
  at: z.string(),
  kind: z.enum(['restore', 'undo']).nullable(),
  bytes: z.number().int().nonnegative(),
});
export type SetAsideClinicView = z.infer<typeof setAsideClinicSchema>;

/**
 * What opens a backup: the recovery key of its time, or the backup passphrase if one was set
 * when it was made. Exactly one (the other left out).
 */
export const backupSecretFields = {
  recoveryKey: nonEmpty(singleLineText(100)).optional(),
  passphrase: passwordInputSchema.optional(),
};

export function refineOneSecret(value: { recoveryKey?: string | undefined; passphrase?: string | undefined }, ctx: z.RefinementCtx): void {
  const withKey = value.recoveryKey !== undefined;
  const withPassphrase = value.passphrase !== undefined;
  if (withKey === withPassphrase) ctx.addIssue({ code: 'custom', path: [withPassphrase ? 'passphrase' : 'recoveryKey'], message: 'validation.required' });
}

/** The secret as the backup layer takes it. */
export function backupSecretOf(value: { recoveryKey?: string | undefined; passphrase?: string | undefined }): { recoveryKey: string } | { passphrase: string } {
  return value.passphrase !== undefined ? { passphrase: value.passphrase } : { recoveryKey: value.recoveryKey ?? '' };
}

export const restoreRunInputSchema = z
  .strictObject({
    /**
     * One backup, or several newest first: the first that opens and checks is restored and the
     * damaged ones before it are skipped ("restore from the newest backup that verifies").
     */
    files: z.array(nonEmpty(singleLineText(4096))).min(1, 'validation.required').max(50),
    ...backupSecretFields,
    /** The person typed the confirmation word: everyone is signed out and the clinic replaced. */
    confirm: z.literal(true, { error: 'validation.required' }),
  })
  .superRefine(refineOneSecret);

export const restoreChannels = {
  /** The backups in the configured backup folder, newest first (headers only: no key needed). */
  'restore:candidates': channel({ input: empty, output: z.object({ folder: z.string(), files: z.array(backupFileSchema) }), access: ['admin'] }),
  'restore:run': channel({
    input: restoreRunInputSchema,
    output: z.object({ file: z.string(), backupCreatedAt: z.string(), skipped: z.array(z.string()), setAside: z.string() }),
    access: ['admin'],
    transaction: false,
  }),
  /** Clinics a restore set aside, that can be put back. */
  'restore:setAside': channel({ input: empty, output: z.array(setAsideClinicSchema), access: ['admin'] }),
  /** Puts a set-aside clinic back; the one in use is itself set aside (so this can be undone too). */
  'restore:undo': channel({
    input: z.strictObject({ name: z.string().regex(/^replaced-[\w-]+$/, 'validation.invalid'), confirm: z.literal(true, { error: 'validation.required' }) }),
    output: z.object({ setAside: z.string() }),
    access: ['admin'],
    transaction: false,
  }),
};
