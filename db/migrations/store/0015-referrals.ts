import { REFERRAL_OUTCOMES, REFERRAL_SHARING, REFERRAL_STATUSES } from '../../../shared/domain/referral';
import { URGENCIES } from '../../../shared/domain/case';
import type { Migration } from '../types';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Issue #14: referrals and their history. A referral belongs to a case (its visibility is the
 * case's), goes to a partner's service or to a colleague (internal), and records on what
 * ground the person's data may leave the clinic: a consent record, a written override, or
 * nothing identifying at all (anonymous). Each change of status is a row of
 * `referral_events`, never an update of the past.
 *
 * Consents gain a partner and a service: a consent to share may name whom and for what
 * (both null: any referral, as before).
 */
export const m0015Referrals: Migration = {
  version: 15,
  name: 'referrals',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE consents ADD COLUMN partner_id INTEGER REFERENCES partners (id);
      ALTER TABLE consents ADD COLUMN service_id INTEGER REFERENCES services (id);

      CREATE TABLE referrals (
        id INTEGER PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('outgoing', 'incoming')),
        case_id INTEGER REFERENCES cases (id),
        beneficiary_id INTEGER REFERENCES beneficiaries (id),
        partner_id INTEGER REFERENCES partners (id),
        internal_account_id INTEGER REFERENCES accounts (id),
        service_id INTEGER NOT NULL REFERENCES services (id),
        reason TEXT NOT NULL,
        request TEXT NOT NULL,
        urgency TEXT NOT NULL CHECK (urgency IN (${list(URGENCIES)})),
        sharing TEXT NOT NULL CHECK (sharing IN (${list(REFERRAL_SHARING)})),
        consent_id INTEGER REFERENCES consents (id),
        override_reason TEXT,
        status TEXT NOT NULL CHECK (status IN (${list(REFERRAL_STATUSES)})),
        referred_on TEXT NOT NULL,
        follow_up_date TEXT,
        answered_on TEXT,
        decline_reason TEXT,
        outcome TEXT CHECK (outcome IN (${list(REFERRAL_OUTCOMES)})),
        outcome_note TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER NOT NULL REFERENCES accounts (id),
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (direction = 'incoming' OR case_id IS NOT NULL),
        CHECK ((partner_id IS NULL) <> (internal_account_id IS NULL)),
        CHECK ((sharing = 'consent') = (consent_id IS NOT NULL)),
        CHECK ((sharing = 'override') = (override_reason IS NOT NULL)),
        CHECK (follow_up_date IS NULL OR follow_up_date >= referred_on)
      ) STRICT;
      CREATE INDEX referrals_case ON referrals (case_id, id);
      CREATE INDEX referrals_partner ON referrals (partner_id, id);
      CREATE INDEX referrals_person_service ON referrals (beneficiary_id, service_id);
      CREATE INDEX referrals_waiting ON referrals (follow_up_date) WHERE status IN ('sent', 'acknowledged');

      CREATE TABLE referral_events (
        id INTEGER PRIMARY KEY,
        referral_id INTEGER NOT NULL REFERENCES referrals (id),
        at TEXT NOT NULL,
        by_account INTEGER NOT NULL REFERENCES accounts (id),
        status TEXT NOT NULL CHECK (status IN (${list(REFERRAL_STATUSES)})),
        note TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referral_events_referral ON referral_events (referral_id, id);
    `);
  },
};
