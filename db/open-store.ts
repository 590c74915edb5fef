import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, type Driver } from 'kysely';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreOpenError, storageErrorOf } from './errors';
import { createPrivateFile } from './file-mode';
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
  try {
    return openStoreFile(file, dataKey, options);
  } catch (error) {
    throw refineCantOpen(error, file);
  }
}

/**
 * SQLite says "cannot open" both for a missing file and for a WAL database whose -shm it
 * cannot create. When the file is there, the folder's write access tells which it is.
 */
function refineCantOpen(error: unknown, file: string): unknown {
  if (!(error instanceof StoreOpenError) || error.code !== 'STORE_MISSING' || !existsSync(file)) return error;
  try {
    accessSync(dirname(file), constants.W_OK);
    return new StoreOpenError('STORAGE_IO', error.message);
  } catch {
    return new StoreOpenError('STORE_READONLY', error.message);
  }
}

function openStoreFile(file: string, dataKey: Uint8Array, options: OpenStoreOptions): OpenStore {
  let sqlite: Database.Database;
  try {
    if (options.create) {
      createPrivateFile(file); // 0600 from its first byte; refuses to reuse an existing file
    } else if (statSync(file).size === 0) {
      // SQLite would take an empty file for a new database and the migrations would fill it
      // with empty tables: sign-in would then answer "wrong password" over a lost store.
      throw new StoreOpenError('STORE_CORRUPT', 'clinic.db is empty (0 bytes)');
    }
    sqlite = new Database(file, {
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw storageErrorOf(error, 'store') ?? new StoreOpenError('STORE_CORRUPT', `cannot open store: ${(error as Error).message}`);
  }
  try {
    applyCipherKey(sqlite, dataKey);
    // The first read decrypts page 1: with a wrong key SQLCipher reports "file is not a
    // database". The caller knows whether the key itself was proven (vault.ts).
    try {
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      const fault = storageErrorOf(error, 'store');
      if (fault && fault.code !== 'STORE_CORRUPT') throw fault;
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
    throw storageErrorOf(error, 'store') ?? error;
  }
  const db = new Kysely<StoreDatabase>({ dialect: new StoreDialect(sqlite) });
  return {
    sqlite,
    db,
    async close() {
      // Kysely's destroy() only closes a connection it has used, so close it here as well:
      // an open handle would keep the WAL from being folded into the file.
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * SQLite rolls a transaction back by itself after some errors (a full disk, an I/O error, out
 * of memory). Kysely then sends ROLLBACK anyway, SQLite answers "no transaction is active",
 * and that error replaces the real one: a full disk would read as an internal error. This
 * dialect only rolls back a transaction that is still open.
 */
class StoreDialect extends SqliteDialect {
  constructor(private readonly sqlite: Database.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    const driver = super.createDriver();
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (connection) => {
      if (this.sqlite.inTransaction) await rollback(connection);
    };
    return driver;
  }
}

/** Checkpoints the WAL into the main file so a copy of the single file is complete. */
export function checkpoint(sqlite: Database.Database): void {
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}
