import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { StoreOpenError } from './errors';
import { migrate } from './migrate';
import { storeMigrations } from './migrations/store';
import type { StoreDatabase } from './schema/store';

export interface OpenStoreOptions {
  /** Create the file if missing (first-run setup only). Otherwise a missing file is an error. */
  create?: boolean;
  /** Path of a better_sqlite3.node built for the running runtime (Electron in development). */
  nativeBinding?: string;
  /** Page cache in KiB; the default (32 MiB) keeps a 100,000-case store within its read targets. */
  cacheKiB?: number;
}

export interface OpenStore {
  readonly sqlite: Database.Database;
  readonly db: Kysely<StoreDatabase>;
  close(): Promise<void>;
}

export const DATA_KEY_BYTES = 32;

/**
 * Applies the SQLCipher settings and the raw 256-bit key. `legacy=4` makes the file the
 * standard SQLCipher 4 format, so `sqlcipher` can open it with `PRAGMA key = "x'<hex>'"`.
 * The key is used raw (no per-open KDF): the password KDF already ran to unwrap it.
 */
export function applyCipherKey(sqlite: Database.Database, dataKey: Uint8Array): void {
  if (dataKey.length !== DATA_KEY_BYTES) throw new Error('data key must be 32 bytes');
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${Buffer.from(dataKey).toString('hex')}'"`);
}

/**
 * Opens the encrypted store and fails closed: a wrong key, a plaintext or damaged file, or a
 * file from a newer version is refused before anything else touches it.
 */
export function openStore(file: string, dataKey: Uint8Array, options: OpenStoreOptions = {}): OpenStore {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, {
      fileMustExist: !options.create,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw new StoreOpenError('STORE_CORRUPT', `cannot open store: ${(error as Error).message}`);
  }
  try {
    applyCipherKey(sqlite, dataKey);
    // The first read decrypts page 1: with a wrong key SQLCipher reports "file is not a database".
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new StoreOpenError('STORE_WRONG_KEY', 'the key does not open this store');
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    // Temporary tables and sort spills stay in memory, never in clear files on disk.
    sqlite.pragma('temp_store = MEMORY');
    // Deleted content is overwritten, so freed pages do not keep old records.
    sqlite.pragma('secure_delete = ON');
    // 32 MiB: at 100,000 cases every read target holds with room to spare, and 64 MiB
    // cost ~30 MB of the core's memory target for no visible gain (docs/PERFORMANCE.md).
    sqlite.pragma(`cache_size = -${Math.trunc(options.cacheKiB ?? 32 * 1024)}`);
    sqlite.pragma('busy_timeout = 5000');
    migrate(sqlite, storeMigrations);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    db,
    async close() {
      await db.destroy(); // closes the better-sqlite3 connection too
    },
  };
}

/** Checkpoints the WAL into the main file so a copy of the single file is complete. */
export function checkpoint(sqlite: Database.Database): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
