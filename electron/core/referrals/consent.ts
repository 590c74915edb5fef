import type { Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';

type Trx = Transaction<StoreDatabase>;

/**
 * The consent record that decides whether a person's data may go to `partnerId` for
 * `serviceId`: the latest "referral sharing" record that applies, general (no partner, no
 * service) or naming them. The latest wins, so a withdrawal recorded after a consent undoes
 * it, and a consent named for one partner after a general refusal allows that partner only.
 */
export async function consentFor(trx: Trx, beneficiaryId: number, partnerId: number, serviceId: number): Promise<{ id: number; given: boolean; recordedAt: string } | null> {
  const row = await trx
    .selectFrom('consents')
    .select(['id', 'given', 'recorded_at'])
    .where('beneficiary_id', '=', beneficiaryId)
    .where('scope', '=', 'referral_sharing')
    .where((eb) => eb.or([eb('partner_id', 'is', null), eb('partner_id', '=', partnerId)]))
    .where((eb) => eb.or([eb('service_id', 'is', null), eb('service_id', '=', serviceId)]))
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, given: row.given === 1, recordedAt: row.recorded_at } : null;
}

/** Records the person's consent, given today, to this partner receiving their data for this service. */
export async function recordNamedConsent(trx: Trx, beneficiaryId: number, partnerId: number, serviceId: number, accountId: number, at: string): Promise<number> {
  const { id } = await trx
    .insertInto('consents')
    .values({ beneficiary_id: beneficiaryId, scope: 'referral_sharing', given: 1, recorded_at: at, recorded_by: accountId, partner_id: partnerId, service_id: serviceId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
