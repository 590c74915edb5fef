import type { Migration } from '../types';

/** Tasks (issue #12): a to-do with a due day and an assignee, on a case or alone. */
export const m0010Tasks: Migration = {
  version: 10,
  name: 'tasks',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        case_id INTEGER REFERENCES cases (id),
        title TEXT NOT NULL,
        due_date TEXT,
        assignee_id INTEGER NOT NULL REFERENCES accounts (id),
        notes TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'done')),
        done_at TEXT,
        done_by INTEGER REFERENCES accounts (id),
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES accounts (id)
      ) STRICT;
      CREATE INDEX tasks_case ON tasks (case_id, id);
      CREATE INDEX tasks_open_assignee ON tasks (assignee_id, due_date) WHERE status = 'open';
    `);
  },
};
