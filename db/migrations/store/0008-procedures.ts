import { EXAMPLE_TEMPLATES } from '../../../shared/deadlines/example-templates';
import { moroccanHolidays } from '../../../shared/deadlines/moroccan-holidays';
import type { Migration } from '../types';

/**
 * Procedures with computed deadlines (issue #12).
 *
 * - `holidays`: the public holidays the deadline arithmetic skips; shipped with Morocco's for
 *   2025–2031 (lunar ones estimated), edited by supervisors.
 * - `procedure_templates`: one row per version of a template; its steps and rules as JSON. A
 *   new version is a new row, so a procedure keeps the version it started with. The shipped
 *   ones are examples (`example = 1`) for the clinic's lawyers to confirm.
 * - `procedures` and `procedure_steps`: a procedure copies its template's steps and rules; each
 *   step's computed due date is stored with how it was computed (`computation`, JSON), and a
 *   lawyer's override is kept beside it with its reason.
 * - `deadline_log`: every time a due date was computed, overridden, recomputed or met, by whom.
 */
export const m0008Procedures: Migration = {
  version: 8,
  name: 'procedures, templates, holidays, deadlines',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE holidays (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        name_ar TEXT NOT NULL,
        name_fr TEXT NOT NULL,
        name_en TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('fixed', 'lunar')),
        estimated INTEGER NOT NULL CHECK (estimated IN (0, 1)),
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES accounts (id)
      ) STRICT;
      CREATE INDEX holidays_date ON holidays (date);

      CREATE TABLE procedure_templates (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL,
        version INTEGER NOT NULL,
        name_ar TEXT NOT NULL,
        name_fr TEXT NOT NULL,
        name_en TEXT NOT NULL,
        trigger_ar TEXT NOT NULL,
        trigger_fr TEXT NOT NULL,
        trigger_en TEXT NOT NULL,
        steps TEXT NOT NULL,
        example INTEGER NOT NULL CHECK (example IN (0, 1)),
        active INTEGER NOT NULL CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES accounts (id),
        UNIQUE (code, version)
      ) STRICT;

      CREATE TABLE procedures (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        template_id INTEGER NOT NULL REFERENCES procedure_templates (id),
        authority TEXT NOT NULL,
        authority_refs TEXT NOT NULL,
        decision TEXT NOT NULL,
        notified_at TEXT NOT NULL,
        notified_day TEXT NOT NULL,
        notified_time TEXT NOT NULL,
        notification_mode TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
        result TEXT NOT NULL DEFAULT '',
        closed_at TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES accounts (id)
      ) STRICT;
      CREATE INDEX procedures_case ON procedures (case_id, id);

      CREATE TABLE procedure_steps (
        id INTEGER PRIMARY KEY,
        procedure_id INTEGER NOT NULL REFERENCES procedures (id),
        position INTEGER NOT NULL,
        step_key TEXT NOT NULL,
        name_ar TEXT NOT NULL,
        name_fr TEXT NOT NULL,
        name_en TEXT NOT NULL,
        rule TEXT,
        computation TEXT,
        computed_due_at TEXT,
        override_due_at TEXT,
        override_reason TEXT NOT NULL DEFAULT '',
        due_at TEXT,
        done_at TEXT,
        done_by INTEGER REFERENCES accounts (id),
        done_note TEXT NOT NULL DEFAULT '',
        needs_review INTEGER NOT NULL DEFAULT 0,
        UNIQUE (procedure_id, position)
      ) STRICT;
      CREATE INDEX procedure_steps_open_due ON procedure_steps (due_at) WHERE done_at IS NULL AND due_at IS NOT NULL;

      CREATE TABLE deadline_log (
        id INTEGER PRIMARY KEY,
        step_id INTEGER NOT NULL REFERENCES procedure_steps (id),
        at TEXT NOT NULL,
        by_account INTEGER REFERENCES accounts (id),
        event TEXT NOT NULL CHECK (event IN ('computed', 'overridden', 'recomputed', 'done', 'reopened')),
        due_at TEXT,
        reason TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX deadline_log_step ON deadline_log (step_id, id);
    `);
    const now = new Date().toISOString();
    const holiday = sqlite.prepare('INSERT INTO holidays (date, name_ar, name_fr, name_en, kind, estimated, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const h of moroccanHolidays(2025, 2031)) holiday.run(h.date, h.name.ar, h.name.fr, h.name.en, h.kind, h.estimated ? 1 : 0, now);
    const template = sqlite.prepare(
      'INSERT INTO procedure_templates (code, version, name_ar, name_fr, name_en, trigger_ar, trigger_fr, trigger_en, steps, example, active, created_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 1, 1, ?)',
    );
    for (const t of EXAMPLE_TEMPLATES) {
      template.run(t.code, t.name.ar, t.name.fr, t.name.en, t.triggerName.ar, t.triggerName.fr, t.triggerName.en, JSON.stringify(t.steps), now);
    }
  },
};
