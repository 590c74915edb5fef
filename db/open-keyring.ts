import { existsSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { StoreOpenError, storageErrorOf } from './errors';
import { createPrivateFile } from './file-mode';
import { migrate } from './migrate';
import { keyringMigrations } from './migrations/keyring';

export interface OpenKeyring {
  readonly sqlite: Database.Database;
  /** Closes the connection itself (idempotent): nothing is left half-written beside the file. */
  close(): void;
}

export interface OpenKeyringOptions {
  /** Create the file (first-run setup only). Otherwise a missing file is an error. */
  create?: boolean;
  nativeBinding?: string;
}

/**
 * The keyring is deliberately not encrypted: it must be readable before anyone unlocks.
 * It holds only wrapped keys (AES-256-GCM under Argon2id or the recovery key), public KDF
 * parameters, hashed username lookups and throttle counters (docs/SECURITY.md).
 *
 * It uses a rollback journal, not WAL. It is a few kilobytes written a few times a day, and
 * losing it loses the clinic: with WAL, committed key slots lived only in `keyring.db-wal`
 * until a checkpoint that never came, so a copy of `keyring.db` (or a clean-up tool deleting
 * the `-wal`) lost every slot. With `journal_mode = DELETE` and `synchronous = FULL`, every
 * committed change is in `keyring.db` itself when the call returns; the `-journal` exists
 * only during a write. Switching an older keyring out of WAL first checkpoints its WAL into
 * the file, so keyrings written by earlier versions are repaired on their first open.
 */
export function openKeyring(file: string, options: OpenKeyringOptions = {}): OpenKeyring {
  // A 0-byte keyring.db (left by a setup that failed at its first write) holds nothing: reuse it.
  const created = options.create && !existsSync(file);
  if (created) createPrivateFile(file);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { fileMustExist: true, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  } catch (error) {
    throw storageErrorOf(error, 'keyring') ?? error;
  }
  try {
    // A file with no tables is not a keyring (a lost write, a stray file): refuse it before
    // the migrations would silently turn it into an empty one.
    const tables = sqlite.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get() as number;
    if (tables === 0 && !options.create) throw new StoreOpenError('KEYRING_CORRUPT', 'keyring.db holds no tables');
    sqlite.pragma('journal_mode = DELETE');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    migrate(sqlite, keyringMigrations);
  } catch (error) {
    sqlite.close();
    // A file this call created and could not fill is removed, so a failed first-run setup
    // leaves the folder as new as it found it.
    if (created) rmSync(file, { force: true });
    throw storageErrorOf(error, 'keyring') ?? error;
  }
  return {
    sqlite,
    close() {
      if (sqlite.open) sqlite.close();
    },
  };
}
