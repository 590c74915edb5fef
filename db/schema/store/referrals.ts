import type { Generated } from 'kysely';
import type { Urgency } from '../../../shared/domain/case';
import type { ReferralOutcome, ReferralSharing, ReferralStatus } from '../../../shared/domain/referral';

/** A referral to a partner's service or to a colleague (migration 0015). */
export interface ReferralsTable {
  id: Generated<number>;
  direction: 'outgoing' | 'incoming';
  case_id: number | null;
  beneficiary_id: number | null;
  partner_id: number | null;
  internal_account_id: number | null;
  service_id: number;
  reason: string;
  request: string;
  urgency: Urgency;
  sharing: ReferralSharing;
  consent_id: number | null;
  override_reason: string | null;
  status: ReferralStatus;
  /** The clinic day it was written (sent the same day, or later from a draft). */
  referred_on: string;
  follow_up_date: string | null;
  /** The day the partner first answered (acknowledged, accepted or declined). */
  answered_on: string | null;
  decline_reason: string | null;
  outcome: ReferralOutcome | null;
  outcome_note: string | null;
  created_at: string;
  created_by: number;
  updated_at: string;
  version: Generated<number>;
}

/** Each change of a referral's status, appended. */
export interface ReferralEventsTable {
  id: Generated<number>;
  referral_id: number;
  at: string;
  by_account: number;
  status: ReferralStatus;
  note: string;
}
