import { DEFAULT_DOMAINS } from '../../../shared/domain/case';
import type { Migration } from '../types';

/**
 * The beneficiary registry and case files (issue #3). Calendar dates are YYYY-MM-DD text.
 * Search: person_fts holds folded names and phonetic keys (shared/search), case_fts the
 * folded reference and summary; both are written by the core in the same transaction as
 * the row, with rowid = the row's id.
 */
export const m0002Registry: Migration = {
  version: 2,
  name: 'beneficiaries, documents, consents, household, domains, enquiries, cases, search',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE beneficiaries (
        id INTEGER PRIMARY KEY,
        latin_name TEXT NOT NULL,
        arabic_name TEXT NOT NULL,
        other_spellings TEXT NOT NULL,
        sex TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        birth_date TEXT,
        estimated_age INTEGER CHECK (estimated_age BETWEEN 0 AND 120),
        estimated_at TEXT,
        nationality TEXT,
        birth_country TEXT,
        languages TEXT NOT NULL,
        interpreter_needed INTEGER NOT NULL CHECK (interpreter_needed IN (0, 1)),
        phone TEXT NOT NULL,
        phone_norm TEXT,
        city TEXT NOT NULL,
        arrival_date TEXT,
        legal_status TEXT NOT NULL,
        specific_needs TEXT NOT NULL,
        referral_source TEXT,
        created_by INTEGER NOT NULL REFERENCES accounts (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        merged_into INTEGER REFERENCES beneficiaries (id),
        CHECK (latin_name <> '' OR arabic_name <> '')
      ) STRICT;
      CREATE INDEX beneficiaries_phone ON beneficiaries (phone_norm) WHERE phone_norm IS NOT NULL;
      CREATE INDEX beneficiaries_created ON beneficiaries (created_at, id);
      CREATE INDEX beneficiaries_name ON beneficiaries (latin_name, id);
      CREATE INDEX beneficiaries_nationality ON beneficiaries (nationality);

      CREATE TABLE identity_documents (
        id INTEGER PRIMARY KEY,
        beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries (id),
        type TEXT NOT NULL,
        number TEXT NOT NULL,
        number_norm TEXT NOT NULL,
        expiry TEXT
      ) STRICT;
      CREATE INDEX identity_documents_number ON identity_documents (number_norm);
      CREATE INDEX identity_documents_owner ON identity_documents (beneficiary_id);

      CREATE TABLE consents (
        id INTEGER PRIMARY KEY,
        beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries (id),
        scope TEXT NOT NULL CHECK (scope IN ('data_keeping', 'referral_sharing')),
        given INTEGER NOT NULL CHECK (given IN (0, 1)),
        recorded_at TEXT NOT NULL,
        recorded_by INTEGER NOT NULL REFERENCES accounts (id)
      ) STRICT;
      CREATE INDEX consents_owner ON consents (beneficiary_id, id);

      CREATE TABLE household_links (
        id INTEGER PRIMARY KEY,
        beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries (id),
        related_id INTEGER NOT NULL REFERENCES beneficiaries (id),
        relation TEXT NOT NULL,
        CHECK (beneficiary_id <> related_id),
        UNIQUE (beneficiary_id, related_id)
      ) STRICT;
      CREATE INDEX household_links_related ON household_links (related_id);

      CREATE TABLE domains (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        label_ar TEXT NOT NULL,
        label_fr TEXT NOT NULL,
        label_en TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE enquiries (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        channel TEXT NOT NULL,
        domain_id INTEGER NOT NULL REFERENCES domains (id),
        question TEXT NOT NULL,
        answer TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES accounts (id)
      ) STRICT;

      -- One row per prefix and year; incremented inside the case-creating transaction, so a
      -- rolled-back creation gives its number back and references stay gapless.
      CREATE TABLE reference_counters (
        prefix TEXT NOT NULL,
        year INTEGER NOT NULL,
        last INTEGER NOT NULL,
        PRIMARY KEY (prefix, year)
      ) STRICT;

      CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        reference TEXT NOT NULL UNIQUE,
        beneficiary_id INTEGER NOT NULL REFERENCES beneficiaries (id),
        intake_date TEXT NOT NULL,
        channel TEXT NOT NULL,
        summary TEXT NOT NULL,
        urgency TEXT NOT NULL CHECK (urgency IN ('normal', 'urgent', 'critical')),
        urgency_rank INTEGER NOT NULL,
        urgency_reasons TEXT NOT NULL,
        sensitive INTEGER NOT NULL CHECK (sensitive IN (0, 1)),
        assigned_lawyer_id INTEGER REFERENCES accounts (id),
        status TEXT NOT NULL CHECK (status IN ('intake', 'open', 'pending', 'closed', 'reopened')),
        closure_reason TEXT,
        outcome TEXT,
        created_by INTEGER NOT NULL REFERENCES accounts (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cases_intake ON cases (intake_date, id);
      CREATE INDEX cases_status_intake ON cases (status, intake_date, id);
      CREATE INDEX cases_lawyer_intake ON cases (assigned_lawyer_id, intake_date, id);
      CREATE INDEX cases_creator_intake ON cases (created_by, intake_date, id);
      CREATE INDEX cases_urgency ON cases (urgency_rank, intake_date, id);
      CREATE INDEX cases_beneficiary ON cases (beneficiary_id);

      CREATE TABLE case_domains (
        case_id INTEGER NOT NULL REFERENCES cases (id),
        domain_id INTEGER NOT NULL REFERENCES domains (id),
        PRIMARY KEY (case_id, domain_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_domains_domain ON case_domains (domain_id, case_id);

      CREATE TABLE case_status_history (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        at TEXT NOT NULL,
        by_account INTEGER NOT NULL REFERENCES accounts (id),
        note TEXT NOT NULL,
        closure_reason TEXT,
        outcome TEXT
      ) STRICT;
      CREATE INDEX case_status_history_case ON case_status_history (case_id, id);

      CREATE TABLE beneficiary_merges (
        id INTEGER PRIMARY KEY,
        kept_id INTEGER NOT NULL REFERENCES beneficiaries (id),
        merged_id INTEGER NOT NULL REFERENCES beneficiaries (id),
        moved TEXT NOT NULL,
        at TEXT NOT NULL,
        by_account INTEGER NOT NULL REFERENCES accounts (id),
        undone_at TEXT
      ) STRICT;

      CREATE VIRTUAL TABLE person_fts USING fts5 (name_text, name_keys, tokenize = 'unicode61 remove_diacritics 0');
      CREATE VIRTUAL TABLE case_fts USING fts5 (reference, summary, tokenize = 'unicode61 remove_diacritics 0');
    `);
    const insert = sqlite.prepare('INSERT INTO domains (code, label_ar, label_fr, label_en, active, sort) VALUES (?, ?, ?, ?, 1, ?)');
    DEFAULT_DOMAINS.forEach((d, i) => insert.run(d.code, d.ar, d.fr, d.en, i + 1));
  },
};
