import type Database from 'better-sqlite3-multiple-ciphers';
import { StoreOpenError } from './errors';
import type { Migration } from './migrations/types';

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, m) => Math.max(max, m.version), 0);
}

/**
 * Brings a database up to the newest known version, one migration per transaction, recording
 * progress in `PRAGMA user_version`. A database written by a newer version of the application
 * is refused untouched: an older build must never guess at a schema it does not know.
 */
export function migrate(sqlite: Database.Database, migrations: readonly Migration[]): { from: number; to: number } {
  const from = sqlite.pragma('user_version', { simple: true }) as number;
  const latest = latestVersion(migrations);
  if (from > latest) {
    throw new StoreOpenError('STORE_TOO_NEW', `database version ${from} is newer than this application (${latest})`);
  }
  const pending = [...migrations].filter((m) => m.version > from).sort((a, b) => a.version - b.version);
  for (const migration of pending) {
    sqlite.transaction(() => {
      migration.up(sqlite);
      sqlite.pragma(`user_version = ${Math.trunc(migration.version)}`);
    })();
  }
  return { from, to: Math.max(from, latest) };
}
