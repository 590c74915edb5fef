import type { Generated } from 'kysely';

/** Consent records are appended, never edited: the history of what was agreed is kept (law 09-08). */
export interface ConsentsTable {
  id: Generated<number>;
  beneficiary_id: number;
  scope: 'data_keeping' | 'referral_sharing';
  given: number;
  recorded_at: string;
  recorded_by: number;
  /** A consent to share naming whom (migration 0015); null: any partner. */
  partner_id: Generated<number | null>;
  /** …and for what service; null: any service. */
  service_id: Generated<number | null>;
}
