/**
 * What can go wrong with a backup file, as a typed code the screen (later) turns into a
 * sentence that says what to do. Messages never quote file contents or keys.
 */
export type BackupErrorCode =
  /** The disk (target, or the data folder for the temporary snapshot) ran out of space. */
  | 'DISK_FULL'
  /** The target folder does not exist (an unplugged USB drive). */
  | 'TARGET_MISSING'
  /** The target cannot be written (read-only drive, permissions). */
  | 'TARGET_READONLY'
  /** Extracting would overwrite files already in the output folder. */
  | 'TARGET_NOT_EMPTY'
  /** The backup file named does not exist (a path mistyped, a drive not plugged in). */
  | 'FILE_MISSING'
  /** The clinic's own files could not be read or opened with the given data key. */
  | 'SOURCE_UNREADABLE'
  /** The file was written but reading it back did not give the same clinic. */
  | 'VERIFY_FAILED'
  /** The passphrase is too weak to protect a file that may leave the building. */
  | 'WEAK_PASSPHRASE'
  /** Neither the recovery key nor the passphrase opens this backup. */
  | 'WRONG_KEY'
  /** Not a backup file, bytes changed, or cut short. */
  | 'DAMAGED'
  /** Written by a newer version of the application (file format or store schema). */
  | 'NEWER_FORMAT'
  /** A restore or undo is already half-done in this folder: recoverInterruptedRestore first. */
  | 'RESTORE_PENDING'
  /** Any other input/output failure. */
  | 'IO';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BackupError';
  }
}

/**
 * Turns a file-system or SQLite fault into a BackupError. A BackupError passes through.
 * `where` says which side the fault is on, for the message only.
 */
export function backupErrorOf(error: unknown, where: string): BackupError {
  if (error instanceof BackupError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const text = error instanceof Error ? error.message : String(error);
  const message = `${where}: ${typeof code === 'string' ? code : 'error'}`;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || /ENOSPC|no space|database or disk is full/i.test(text)) {
    return new BackupError('DISK_FULL', message, { cause: error });
  }
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || (typeof code === 'string' && code.startsWith('SQLITE_READONLY'))) {
    return new BackupError('TARGET_READONLY', message, { cause: error });
  }
  return new BackupError('IO', message, { cause: error });
}
