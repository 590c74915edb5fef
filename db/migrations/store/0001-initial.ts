import type { Migration } from '../types';

export const m0001Initial: Migration = {
  version: 1,
  name: 'clinic, accounts, settings, audit log',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE clinic (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        case_prefix TEXT NOT NULL,
        default_language TEXT NOT NULL CHECK (default_language IN ('ar', 'fr', 'en')),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('intake', 'lawyer', 'supervisor', 'admin')),
        language TEXT NOT NULL CHECK (language IN ('ar', 'fr', 'en')),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        account_id INTEGER,
        action TEXT NOT NULL,
        entity TEXT,
        entity_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
        details TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
      CREATE INDEX audit_log_account ON audit_log (account_id, id);

      -- The audit log is append-only: no connection of the application may rewrite history.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
