import { sql, type Selectable, type Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { ReferralsTable } from '../../../db/schema/store/referrals';
import type { Referral, ReferralFields, ReferralMoveInput } from '../../../shared/contract/referrals';
import { addDays, localDay } from '../../../shared/deadlines/zone';
import { DEFAULT_ANSWER_DAYS } from '../../../shared/domain/partner';
import { AWAITING_ANSWER, canMoveReferral, referralState, type ReferralStatus } from '../../../shared/domain/referral';
import { AppError, refuseFields } from '../errors';
import { loadVisibleCase } from '../registry/cases';
import { caseVisible } from '../registry/visibility';
import type { Session } from '../sessions';
import { consentFor, recordNamedConsent } from './consent';

type Trx = Transaction<StoreDatabase>;
type Row = Selectable<ReferralsTable>;

const oversees = (s: Session) => s.role === 'supervisor' || s.role === 'admin';

/** Who may move a referral along: its writer, the colleague it was sent to, the case's lawyer, supervisors. */
function mayUpdate(session: Session, r: Row, caseLawyer: number | null): boolean {
  return oversees(session) || r.created_by === session.accountId || r.internal_account_id === session.accountId || caseLawyer === session.accountId;
}

async function views(trx: Trx, rows: Row[], session: Session, today: string): Promise<Referral[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const caseIds = [...new Set(rows.map((r) => r.case_id).filter((id): id is number => id !== null))];
  const partnerIds = [...new Set(rows.map((r) => r.partner_id).filter((id): id is number => id !== null))];
  const [accounts, cases, partners, events] = await Promise.all([
    trx.selectFrom('accounts').select(['id', 'full_name']).execute(),
    caseIds.length ? trx.selectFrom('cases').select(['id', 'reference', 'assigned_lawyer_id']).where('id', 'in', caseIds).execute() : [],
    partnerIds.length ? trx.selectFrom('partners').select(['id', 'name']).where('id', 'in', partnerIds).execute() : [],
    trx.selectFrom('referral_events').selectAll().where('referral_id', 'in', ids).orderBy('id').execute(),
  ]);
  const names = new Map(accounts.map((a) => [a.id, a.full_name]));
  const caseOf = new Map(cases.map((c) => [c.id, c]));
  const partnerName = new Map(partners.map((p) => [p.id, p.name]));
  return rows.map((r) => {
    const c = r.case_id === null ? undefined : caseOf.get(r.case_id);
    return {
      id: r.id,
      caseId: r.case_id ?? 0,
      reference: c?.reference ?? '',
      partner: r.partner_id === null ? null : { id: r.partner_id, name: partnerName.get(r.partner_id) ?? '' },
      internalTo: r.internal_account_id === null ? null : { id: r.internal_account_id, name: names.get(r.internal_account_id) ?? '' },
      serviceId: r.service_id,
      reason: r.reason,
      request: r.request,
      urgency: r.urgency,
      sharing: r.sharing,
      overrideReason: r.override_reason ?? '',
      status: r.status,
      state: referralState(r.status, r.follow_up_date, today),
      referredOn: r.referred_on,
      followUpDate: r.follow_up_date ?? '',
      answeredOn: r.answered_on ?? '',
      declineReason: r.decline_reason ?? '',
      outcome: r.outcome,
      outcomeNote: r.outcome_note ?? '',
      createdBy: names.get(r.created_by) ?? '',
      canUpdate: mayUpdate(session, r, c?.assigned_lawyer_id ?? null),
      version: r.version,
      history: events.filter((e) => e.referral_id === r.id).map((e) => ({ at: e.at, by: names.get(e.by_account) ?? '', status: e.status, note: e.note })),
    };
  });
}

export async function referralsOfCase(trx: Trx, caseId: number, session: Session, now: Date): Promise<Referral[]> {
  await loadVisibleCase(trx, caseId, session);
  const rows = await trx.selectFrom('referrals').selectAll().where('case_id', '=', caseId).orderBy('id', 'desc').execute();
  return views(trx, rows, session, localDay(now.toISOString()));
}

async function activePartner(trx: Trx, id: number): Promise<{ id: number; answer_days: number | null }> {
  const partner = await trx.selectFrom('partners').select(['id', 'answer_days', 'active']).where('id', '=', id).executeTakeFirst();
  if (!partner || partner.active !== 1) refuseFields([{ path: 'fields.partnerId', message: 'validation.invalidChoice' }]);
  return partner!;
}

/** The partner's expected answer time (or the clinic's default) from `today`. */
async function defaultFollowUp(trx: Trx, partnerId: number | null, today: string): Promise<string> {
  const days = partnerId === null ? null : ((await trx.selectFrom('partners').select('answer_days').where('id', '=', partnerId).executeTakeFirst())?.answer_days ?? null);
  return addDays(today, days ?? DEFAULT_ANSWER_DAYS);
}

/**
 * Earlier referrals for the same service of this person and the people of their household,
 * on cases this session sees (a referral on a case hidden from it stays hidden here too).
 */
async function hintsFor(trx: Trx, beneficiaryId: number, serviceId: number, session: Session, today: string) {
  const [out, back] = await Promise.all([
    trx.selectFrom('household_links').select('related_id as id').where('beneficiary_id', '=', beneficiaryId).execute(),
    trx.selectFrom('household_links').select('beneficiary_id as id').where('related_id', '=', beneficiaryId).execute(),
  ]);
  const people = [beneficiaryId, ...out.map((r) => r.id), ...back.map((r) => r.id)];
  const rows = await trx
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .leftJoin('partners', 'partners.id', 'referrals.partner_id')
    .leftJoin('accounts', 'accounts.id', 'referrals.internal_account_id')
    .select(['referrals.id', 'referrals.beneficiary_id', 'referrals.referred_on', 'referrals.status', 'referrals.follow_up_date', 'partners.name as partner', 'accounts.full_name as colleague'])
    .where('referrals.beneficiary_id', 'in', people)
    .where('referrals.service_id', '=', serviceId)
    .where('referrals.status', 'not in', ['cancelled', 'draft'])
    .where(caseVisible(session, true))
    .orderBy('referrals.id', 'desc')
    .limit(20)
    .execute();
  return rows.map((r) => ({
    referralId: r.id,
    who: r.beneficiary_id === beneficiaryId ? ('self' as const) : ('household' as const),
    target: r.partner ?? r.colleague ?? '',
    referredOn: r.referred_on,
    state: referralState(r.status, r.follow_up_date, today),
  }));
}

export async function prepareReferral(trx: Trx, caseId: number, serviceId: number, partnerId: number | null, session: Session, now: Date) {
  const kase = await loadVisibleCase(trx, caseId, session);
  const today = localDay(now.toISOString());
  const consent = partnerId === null ? null : await consentFor(trx, kase.beneficiary_id, partnerId, serviceId);
  return {
    hints: await hintsFor(trx, kase.beneficiary_id, serviceId, session, today),
    consent: { covered: consent?.given ?? false, recordedAt: consent?.given ? consent.recordedAt : null },
    defaultFollowUp: await defaultFollowUp(trx, partnerId, today),
  };
}

async function checkTarget(trx: Trx, f: ReferralFields): Promise<void> {
  if (!(await trx.selectFrom('services').select('id').where('id', '=', f.serviceId).where('active', '=', 1).executeTakeFirst())) {
    refuseFields([{ path: 'fields.serviceId', message: 'validation.invalidChoice' }]);
  }
  if (f.partnerId !== null) await activePartner(trx, f.partnerId);
  if (f.internalAccountId !== null && !(await trx.selectFrom('accounts').select('id').where('id', '=', f.internalAccountId).where('active', '=', 1).executeTakeFirst())) {
    refuseFields([{ path: 'fields.internalAccountId', message: 'validation.invalidChoice' }]);
  }
}

/**
 * The consent gate (issue #14, law 09-08): a referral that carries the person's data to a
 * partner needs their consent to that sharing: on record, or given today (recorded now, naming
 * the partner and the service). Otherwise a written override, kept on the referral and in the
 * audit log, or an anonymous referral whose slip identifies nobody. Refused in the core, not
 * only in the form.
 */
async function sharingGround(trx: Trx, f: ReferralFields, beneficiaryId: number, session: Session, at: string) {
  if (f.partnerId === null) return { sharing: 'internal' as const, consent_id: null, override_reason: null };
  if (f.sharing === 'anonymous') return { sharing: 'anonymous' as const, consent_id: null, override_reason: null };
  if (f.sharing === 'override') return { sharing: 'override' as const, consent_id: null, override_reason: f.overrideReason };
  if (f.consentNow) return { sharing: 'consent' as const, consent_id: await recordNamedConsent(trx, beneficiaryId, f.partnerId, f.serviceId, session.accountId, at), override_reason: null };
  const consent = await consentFor(trx, beneficiaryId, f.partnerId, f.serviceId);
  if (!consent?.given) refuseFields([{ path: 'fields.sharing', message: 'validation.referralConsentMissing' }]);
  return { sharing: 'consent' as const, consent_id: consent!.id, override_reason: null };
}

export async function createReferral(trx: Trx, caseId: number, send: boolean, f: ReferralFields, session: Session, now: Date): Promise<Referral> {
  const kase = await loadVisibleCase(trx, caseId, session);
  await checkTarget(trx, f);
  const at = now.toISOString();
  const today = localDay(at);
  if (f.followUpDate && f.followUpDate < today) refuseFields([{ path: 'fields.followUpDate', message: 'validation.followUpBeforeReferral' }]);
  const ground = await sharingGround(trx, f, kase.beneficiary_id, session, at);
  const status: ReferralStatus = send ? 'sent' : 'draft';
  const { id } = await trx
    .insertInto('referrals')
    .values({
      direction: 'outgoing',
      case_id: caseId,
      beneficiary_id: kase.beneficiary_id,
      partner_id: f.partnerId,
      internal_account_id: f.internalAccountId,
      service_id: f.serviceId,
      reason: f.reason,
      request: f.request,
      urgency: f.urgency,
      ...ground,
      status,
      referred_on: today,
      follow_up_date: f.followUpDate || (await defaultFollowUp(trx, f.partnerId, today)),
      answered_on: null,
      decline_reason: null,
      outcome: null,
      outcome_note: null,
      created_at: at,
      created_by: session.accountId,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('referral_events').values({ referral_id: id, at, by_account: session.accountId, status, note: '' }).execute();
  return (await views(trx, [await trx.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirstOrThrow()], session, today))[0]!;
}

/** A referral on a case this session sees, or NOT_FOUND. */
async function loadReferral(trx: Trx, id: number, session: Session): Promise<{ row: Row; lawyer: number | null }> {
  const row = await trx.selectFrom('referrals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row || row.case_id === null) throw new AppError('NOT_FOUND');
  const kase = await loadVisibleCase(trx, row.case_id, session);
  return { row, lawyer: kase.assigned_lawyer_id };
}

export async function moveReferral(trx: Trx, input: ReferralMoveInput, session: Session, now: Date): Promise<{ referral: Referral; from: ReferralStatus }> {
  const { row, lawyer } = await loadReferral(trx, input.id, session);
  if (!mayUpdate(session, row, lawyer)) throw new AppError('FORBIDDEN');
  if (row.version !== input.version) throw new AppError('CONFLICT', 'referral changed meanwhile');
  if (!canMoveReferral(row.status, input.to)) refuseFields([{ path: 'to', message: 'validation.referralMove' }]);
  const at = now.toISOString();
  const today = localDay(at);
  const firstAnswer = row.answered_on === null && AWAITING_ANSWER.includes(row.status) && ['acknowledged', 'accepted', 'declined'].includes(input.to);
  await trx
    .updateTable('referrals')
    .set({
      status: input.to,
      // Sending a draft starts its clock again from the day it leaves.
      ...(row.status === 'draft' && input.to === 'sent' ? { referred_on: today, follow_up_date: row.follow_up_date && row.follow_up_date >= today ? row.follow_up_date : await defaultFollowUp(trx, row.partner_id, today) } : {}),
      ...(firstAnswer ? { answered_on: today } : {}),
      ...(input.to === 'declined' ? { decline_reason: input.declineReason ?? '' } : {}),
      ...(input.to === 'completed' ? { outcome: input.outcome ?? null, outcome_note: input.outcomeNote ?? '' } : {}),
      updated_at: at,
      version: row.version + 1,
    })
    .where('id', '=', row.id)
    .execute();
  await trx.insertInto('referral_events').values({ referral_id: row.id, at, by_account: session.accountId, status: input.to, note: input.note ?? '' }).execute();
  const after = await trx.selectFrom('referrals').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  return { referral: (await views(trx, [after], session, today))[0]!, from: row.status };
}

/** Referrals sent or acknowledged whose follow-up day has passed, on the cases this session sees. */
export async function waitingReferrals(trx: Trx, session: Session, now: Date) {
  const today = localDay(now.toISOString());
  const cap = 500;
  const rows = await trx
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .leftJoin('partners', 'partners.id', 'referrals.partner_id')
    .leftJoin('accounts as colleague', 'colleague.id', 'referrals.internal_account_id')
    .innerJoin('accounts as owner', 'owner.id', 'referrals.created_by')
    .select([
      'referrals.id',
      'referrals.case_id',
      'cases.reference',
      'referrals.partner_id',
      'partners.name as partner_name',
      'colleague.full_name as colleague',
      'referrals.service_id',
      'referrals.referred_on',
      'referrals.follow_up_date',
      'owner.full_name as owner',
      'referrals.created_by',
    ])
    .where(sql<boolean>`referrals.status IN ('sent', 'acknowledged')`)
    .where('referrals.follow_up_date', '<', today)
    .where(caseVisible(session, true))
    .orderBy('referrals.follow_up_date')
    .orderBy('referrals.id')
    .limit(cap + 1)
    .execute();
  return {
    items: rows.slice(0, cap).map((r) => ({
      id: r.id,
      caseId: r.case_id!,
      reference: r.reference,
      partner: r.partner_id === null ? null : { id: r.partner_id, name: r.partner_name ?? '' },
      internalTo: r.colleague ?? '',
      serviceId: r.service_id,
      referredOn: r.referred_on,
      followUpDate: r.follow_up_date ?? '',
      daysLate: Math.round((Date.parse(today) - Date.parse(r.follow_up_date ?? today)) / 86_400_000),
      owner: r.owner,
      mine: r.created_by === session.accountId,
    })),
    truncated: rows.length > cap,
  };
}
