/**
 * Referrals (issue #14): a person sent to a partner's service, and the referral's life.
 *
 *   draft → sent → acknowledged → accepted | declined → completed
 *   any open one → cancelled
 *
 * "No answer" is not a stored status: a referral sent or acknowledged whose follow-up date
 * has passed is unanswered (`referralState`). It shows the moment the date passes, with no
 * job to run, and an answer that arrives late simply moves it on.
 */
export const REFERRAL_STATUSES = ['draft', 'sent', 'acknowledged', 'accepted', 'declined', 'completed', 'cancelled'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** What a referral can become from each status; terminal statuses allow nothing. */
export const REFERRAL_MOVES: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['sent', 'cancelled'],
  sent: ['acknowledged', 'accepted', 'declined', 'cancelled'],
  acknowledged: ['accepted', 'declined', 'cancelled'],
  accepted: ['completed', 'cancelled'],
  declined: [],
  completed: [],
  cancelled: [],
};

export const canMoveReferral = (from: ReferralStatus, to: ReferralStatus): boolean => REFERRAL_MOVES[from].includes(to);

/** Waiting on the partner: the follow-up date applies to these. */
export const AWAITING_ANSWER: readonly ReferralStatus[] = ['sent', 'acknowledged'];

export const REFERRAL_OUTCOMES = ['service_provided', 'partly_provided', 'not_provided'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/**
 * On what ground the person's data may leave the clinic on this referral. The writer chooses
 * one of the first three; `internal` is the core's, for a referral to a colleague (nothing
 * leaves the clinic).
 */
export const REFERRAL_SHARING = ['consent', 'override', 'anonymous', 'internal'] as const;
export type ReferralSharing = (typeof REFERRAL_SHARING)[number];
export const WRITER_SHARING = ['consent', 'override', 'anonymous'] as const;

export type ReferralState = ReferralStatus | 'no_answer';

/** The status as staff see it: an unanswered referral past its follow-up day is "no answer". */
export function referralState(status: ReferralStatus, followUpDate: string | null, today: string): ReferralState {
  return AWAITING_ANSWER.includes(status) && followUpDate !== null && followUpDate < today ? 'no_answer' : status;
}
