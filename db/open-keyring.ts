import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { migrate } from './migrate';
import { keyringMigrations } from './migrations/keyring';
import type { KeyringDatabase } from './schema/keyring';

export interface OpenKeyring {
  readonly sqlite: Database.Database;
  readonly db: Kysely<KeyringDatabase>;
  close(): Promise<void>;
}

/**
 * The keyring is deliberately not encrypted: it must be readable before anyone unlocks.
 * It holds only wrapped keys (AES-256-GCM under Argon2id or the recovery key), public KDF
 * parameters, hashed username lookups and throttle counters (docs/SECURITY.md).
 */
export function openKeyring(file: string, options: { nativeBinding?: string } = {}): OpenKeyring {
  const sqlite = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    migrate(sqlite, keyringMigrations);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<KeyringDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { sqlite, db, close: () => db.destroy() };
}
