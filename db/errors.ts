/**
 * Why a data file could not be opened or written; the codes are the contract's error codes.
 * A storage fault is never "internal, try again": each code tells the person what happened
 * to the files and what to do (the renderer's `errors.<code>` texts).
 */
export type StorageErrorCode =
  | 'STORE_WRONG_KEY'
  | 'STORE_TOO_NEW'
  | 'STORE_CORRUPT'
  | 'STORE_MISSING'
  | 'KEYRING_CORRUPT'
  | 'DISK_FULL'
  | 'STORAGE_IO'
  | 'STORE_READONLY';

/** Kept under its historical name: db/ callers throw it when a file cannot be opened. */
export type StoreOpenErrorCode = StorageErrorCode;

export class StoreOpenError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreOpenError';
  }
}

/** Which of the two files a fault came from: damage means a different thing in each. */
export type DataFile = 'store' | 'keyring';

/**
 * Classifies a fault from SQLite (better-sqlite3's SqliteError carries SQLite's extended
 * code name in `code`) or from Node's fs (`ENOSPC`, …). Anything else is not a storage fault
 * and gives null, so real bugs still surface as INTERNAL.
 */
export function storageErrorOf(error: unknown, file: DataFile): StoreOpenError | null {
  if (error instanceof StoreOpenError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const message = `${file}: ${(error as Error).message}`;
  const damaged: StorageErrorCode = file === 'keyring' ? 'KEYRING_CORRUPT' : 'STORE_CORRUPT';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return new StoreOpenError('DISK_FULL', message);
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new StoreOpenError(damaged, message);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return new StoreOpenError('STORE_READONLY', message);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'ENOENT') {
    return new StoreOpenError(file === 'keyring' ? 'KEYRING_CORRUPT' : 'STORE_MISSING', message);
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    // SQLite reports a write that ran out of space during a sync or a truncate as an I/O error.
    return new StoreOpenError(/ENOSPC|no space/i.test(message) ? 'DISK_FULL' : 'STORAGE_IO', message);
  }
  return null;
}
