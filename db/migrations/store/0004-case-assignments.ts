import type { Migration } from '../types';

/**
 * Who was given a case, by whom and when (issue #10, item 6): assigning a case wrote nothing
 * in its history and told the lawyer nothing. `seen_at` is set when the lawyer first opens
 * the case after it was given to them; until then it heads their home page.
 */
export const m0004CaseAssignments: Migration = {
  version: 4,
  name: 'case assignments',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE case_assignments (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        from_lawyer_id INTEGER REFERENCES accounts (id),
        to_lawyer_id INTEGER REFERENCES accounts (id),
        at TEXT NOT NULL,
        by_account INTEGER NOT NULL REFERENCES accounts (id),
        seen_at TEXT
      ) STRICT;
      CREATE INDEX case_assignments_case ON case_assignments (case_id, id);
      CREATE INDEX case_assignments_unseen ON case_assignments (to_lawyer_id, id) WHERE seen_at IS NULL;
    `);
  },
};
