import { DEFAULT_SERVICES, PARTNER_KINDS } from '../../../shared/domain/partner';
import type { Migration } from '../types';

const kinds = PARTNER_KINDS.map((k) => `'${k}'`).join(', ');

/**
 * Issue #14: the partner directory. Services are an editable list like the domains; a
 * partner's services, places served and languages are rows of their own (not JSON in a
 * column) because the directory and the referral form filter on each of them. `place_key`
 * is the place folded for search (shared/search/fold.ts): "Tanger", "TANGER" and "Tangér"
 * meet there, as do Arabic spellings with or without hamza; a partner lists a place in each
 * script people use for it. Contacts are people at the partner, not
 * beneficiaries: they are staff of an organisation, kept so a referral reaches someone.
 */
export const m0014Partners: Migration = {
  version: 14,
  name: 'partners',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE services (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        label_ar TEXT NOT NULL,
        label_fr TEXT NOT NULL,
        label_en TEXT NOT NULL,
        domain_id INTEGER REFERENCES domains (id),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE partners (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) > 0),
        name_key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN (${kinds})),
        address TEXT NOT NULL,
        phone TEXT NOT NULL,
        email TEXT NOT NULL,
        opening_hours TEXT NOT NULL,
        agreement INTEGER NOT NULL CHECK (agreement IN (0, 1)),
        agreement_from TEXT,
        agreement_to TEXT,
        gives_feedback INTEGER NOT NULL CHECK (gives_feedback IN (0, 1)),
        answer_days INTEGER CHECK (answer_days BETWEEN 1 AND 365),
        notes TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES accounts (id),
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES accounts (id),
        CHECK (agreement_to IS NULL OR agreement_from IS NULL OR agreement_to >= agreement_from)
      ) STRICT;
      CREATE INDEX partners_name ON partners (active, name_key, id);

      CREATE TABLE partner_services (
        partner_id INTEGER NOT NULL REFERENCES partners (id),
        service_id INTEGER NOT NULL REFERENCES services (id),
        PRIMARY KEY (partner_id, service_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX partner_services_service ON partner_services (service_id, partner_id);

      CREATE TABLE partner_places (
        partner_id INTEGER NOT NULL REFERENCES partners (id),
        place TEXT NOT NULL,
        place_key TEXT NOT NULL,
        sort INTEGER NOT NULL,
        PRIMARY KEY (partner_id, place_key)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX partner_places_key ON partner_places (place_key, partner_id);

      CREATE TABLE partner_languages (
        partner_id INTEGER NOT NULL REFERENCES partners (id),
        language TEXT NOT NULL,
        PRIMARY KEY (partner_id, language)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX partner_languages_language ON partner_languages (language, partner_id);

      CREATE TABLE partner_contacts (
        id INTEGER PRIMARY KEY,
        partner_id INTEGER NOT NULL REFERENCES partners (id),
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        phone TEXT NOT NULL,
        email TEXT NOT NULL,
        sort INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX partner_contacts_partner ON partner_contacts (partner_id, sort);
    `);
    const domainId = sqlite.prepare('SELECT id FROM domains WHERE code = ?').pluck();
    const insert = sqlite.prepare('INSERT INTO services (code, label_ar, label_fr, label_en, domain_id, active, sort) VALUES (?, ?, ?, ?, ?, 1, ?)');
    DEFAULT_SERVICES.forEach((s, i) => insert.run(s.code, s.ar, s.fr, s.en, s.domain ? (domainId.get(s.domain) ?? null) : null, i + 1));
  },
};
