import { sql, type Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { PartnerReferrals } from '../../../shared/contract/partners';
import { localDay } from '../../../shared/deadlines/zone';
import { referralState } from '../../../shared/domain/referral';
import { caseVisible } from '../registry/visibility';
import type { Session } from '../sessions';
import { AppError } from '../errors';

type Trx = Transaction<StoreDatabase>;

const LIST_CAP = 200;

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * A partner's page (issue #14): its figures over every referral the clinic sent it (counts
 * only, so over all of them, whoever sees which case), and the referrals themselves on the
 * cases this session sees, newest first.
 *
 * - sent: referrals that left the clinic (a "sent" event), cancelled ones included;
 * - accepted: accepted or completed, out of those sent;
 * - median days to an answer: from the day sent to the partner's first answer
 *   (acknowledged, accepted or declined);
 * - no answer: still waiting past their follow-up day, out of those sent.
 */
export async function partnerReferrals(trx: Trx, partnerId: number, session: Session, now: Date): Promise<PartnerReferrals> {
  if (!(await trx.selectFrom('partners').select('id').where('id', '=', partnerId).executeTakeFirst())) throw new AppError('NOT_FOUND');
  const today = localDay(now.toISOString());
  const all = await trx
    .selectFrom('referrals')
    .select(['status', 'referred_on', 'answered_on', 'follow_up_date'])
    .where('partner_id', '=', partnerId)
    .where((eb) => eb.exists(eb.selectFrom('referral_events').select(sql`1`.as('x')).whereRef('referral_events.referral_id', '=', 'referrals.id').where('referral_events.status', '=', 'sent')))
    .execute();
  const days = all.filter((r) => r.answered_on).map((r) => Math.round((Date.parse(r.answered_on!) - Date.parse(r.referred_on)) / 86_400_000));
  const accepted = all.filter((r) => r.status === 'accepted' || r.status === 'completed').length;
  const unanswered = all.filter((r) => referralState(r.status, r.follow_up_date, today) === 'no_answer').length;
  const pct = (n: number) => (all.length ? Math.round((n / all.length) * 1000) / 10 : null);

  const rows = await trx
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .select(['referrals.id', 'referrals.case_id', 'cases.reference', 'referrals.service_id', 'referrals.referred_on', 'referrals.status', 'referrals.follow_up_date', 'referrals.direction'])
    .where('referrals.partner_id', '=', partnerId)
    .where(caseVisible(session, true))
    .orderBy('referrals.id', 'desc')
    .limit(LIST_CAP + 1)
    .execute();
  return {
    figures: { sent: all.length, acceptedPercent: pct(accepted), medianDaysToAnswer: median(days), noAnswerPercent: pct(unanswered) },
    items: rows.slice(0, LIST_CAP).map((r) => ({
      id: r.id,
      caseId: r.case_id!,
      reference: r.reference,
      direction: r.direction,
      serviceId: r.service_id,
      referredOn: r.referred_on,
      state: referralState(r.status, r.follow_up_date, today),
    })),
    truncated: rows.length > LIST_CAP,
  };
}
