import type { Migration } from '../types';

/**
 * Hearings and appointments (issue #12). An adjourned hearing points to the next one, made in
 * the same step, and the next one back to it: the chain of adjournments of a case reads both
 * ways. `day` is the clinic-time day, for "this week" and the calendar without zone arithmetic.
 */
export const m0009Hearings: Migration = {
  version: 9,
  name: 'hearings',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE hearings (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL,
        at TEXT NOT NULL,
        day TEXT NOT NULL,
        time TEXT NOT NULL,
        place TEXT NOT NULL,
        room TEXT NOT NULL,
        purpose TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('scheduled', 'held', 'adjourned', 'cancelled')),
        result TEXT NOT NULL DEFAULT '',
        previous_id INTEGER REFERENCES hearings (id),
        next_id INTEGER REFERENCES hearings (id),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES accounts (id),
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hearings_case ON hearings (case_id, at);
      CREATE INDEX hearings_scheduled ON hearings (at) WHERE status = 'scheduled';
    `);
  },
};
