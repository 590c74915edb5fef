import type { FieldIssue } from '../../../shared/contract/errors';
import type { BackupErrorCode } from '../backup';
import { AppError } from '../errors';

/** Why a backup was refused, under the field a person can change (`file` is the form's backup field). */
const REFUSALS: Partial<Record<BackupErrorCode, { path: 'file' | 'recoveryKey'; message: string }>> = {
  WRONG_KEY: { path: 'recoveryKey', message: 'validation.backupWrongKey' },
  DAMAGED: { path: 'file', message: 'validation.backupDamaged' },
  VERIFY_FAILED: { path: 'file', message: 'validation.backupDamaged' },
  NEWER_FORMAT: { path: 'file', message: 'validation.backupNewer' },
  TARGET_MISSING: { path: 'file', message: 'validation.backupNotFound' },
  FILE_MISSING: { path: 'file', message: 'validation.backupNotFound' },
  SOURCE_UNREADABLE: { path: 'file', message: 'validation.backupNotFound' },
};

/**
 * A backup error as the refusal a form shows: field errors for what the person can change
 * (`filePath` names the form's backup field), a full disk as DISK_FULL, anything else as
 * "this file cannot be read as a backup".
 */
export function restoreRefusal(code: BackupErrorCode, filePath: string, keyField: 'recoveryKey' | 'passphrase' = 'recoveryKey'): AppError {
  if (code === 'DISK_FULL') return new AppError('DISK_FULL', 'the data folder has no room for the restored clinic');
  if (code === 'RESTORE_PENDING') return new AppError('CONFLICT', 'a restore is already half-done in this folder');
  const refusal = REFUSALS[code] ?? { path: 'file', message: 'validation.backupUnreadable' };
  const field: FieldIssue = { path: refusal.path === 'file' ? filePath : keyField, message: refusal.path === 'recoveryKey' && keyField === 'passphrase' ? 'validation.backupWrongPassphrase' : refusal.message };
  return new AppError('VALIDATION', 'backup refused', { fields: [field] });
}
