import type { Migration } from '../types';

/**
 * Issue #13: the result of every backup, so the administrator's status ("last backup three
 * days ago", "the last one failed: drive missing") survives a restart. One row per attempt;
 * the file itself is the backup, this is only its receipt (name, size, SHA-256 to compare
 * with a copy later). The settings (folder, keep counts) live in `settings` under `backup`.
 */
export const m0013Backups: Migration = {
  version: 13,
  name: 'backups',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE backups (
        id TEXT PRIMARY KEY,
        trigger TEXT NOT NULL CHECK (trigger IN ('administrator', 'schedule', 'signOut')),
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        file_name TEXT,
        folder TEXT NOT NULL,
        bytes INTEGER,
        sha256 TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
        error_code TEXT,
        CHECK ((outcome = 'ok') = (file_name IS NOT NULL AND sha256 IS NOT NULL AND bytes IS NOT NULL AND error_code IS NULL))
      ) STRICT;
      CREATE INDEX backups_finished ON backups (finished_at);
    `);
  },
};
