import type { Migration } from '../types';

export const k0001Initial: Migration = {
  version: 1,
  name: 'vault meta, key slots, login throttle, pending audit',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE vault_meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE key_slots (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('password', 'recovery')),
        lookup TEXT UNIQUE,
        account_id INTEGER UNIQUE,
        kdf TEXT NOT NULL,
        iv BLOB NOT NULL,
        wrapped_key BLOB NOT NULL,
        tag BLOB NOT NULL,
        created_at TEXT NOT NULL,
        CHECK ((kind = 'password') = (lookup IS NOT NULL AND account_id IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX key_slots_one_recovery ON key_slots (kind) WHERE kind = 'recovery';

      CREATE TABLE login_throttle (
        lookup TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        last_failure_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE pending_audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        account_id INTEGER,
        action TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
        details TEXT
      ) STRICT;
    `);
  },
};
