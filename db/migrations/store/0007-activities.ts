import type { Migration } from '../types';

/**
 * Follow-up activities on cases (issue #12). An activity is edited in place, but the text it
 * replaced is kept in `activity_revisions` first (append only): a note in a legal file is
 * evidence, and "who wrote what, when" must survive an edit.
 *
 * `occurred_at` is the UTC instant; `occurred_day` the clinic-time day it was typed with, kept
 * for day filters and "no activity for 30 days" without time-zone arithmetic in SQL.
 */
export const m0007Activities: Migration = {
  version: 7,
  name: 'activities',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE activities (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL,
        accompaniment_to TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        occurred_day TEXT NOT NULL,
        occurred_time TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),
        language TEXT NOT NULL,
        interpreter INTEGER NOT NULL CHECK (interpreter IN (0, 1)),
        notes TEXT NOT NULL,
        next_action TEXT NOT NULL,
        next_action_date TEXT,
        restricted INTEGER NOT NULL CHECK (restricted IN (0, 1)),
        author_id INTEGER NOT NULL REFERENCES accounts (id),
        created_at TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        edited_at TEXT,
        edited_by INTEGER REFERENCES accounts (id)
      ) STRICT;
      CREATE INDEX activities_case ON activities (case_id, occurred_at DESC, id DESC);
      CREATE INDEX activities_case_kind ON activities (case_id, kind, occurred_at DESC, id DESC);

      CREATE TABLE activity_revisions (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES activities (id),
        revision INTEGER NOT NULL,
        fields TEXT NOT NULL,
        written_by INTEGER NOT NULL REFERENCES accounts (id),
        written_at TEXT NOT NULL,
        UNIQUE (activity_id, revision)
      ) STRICT;
    `);
  },
};
