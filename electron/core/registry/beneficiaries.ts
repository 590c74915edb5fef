import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../../db/schema/store';
import type {
  beneficiaryFieldsSchema,
  beneficiaryListInputSchema,
  BeneficiaryDetail,
  Candidate,
  candidatesInputSchema,
  MatchReason,
} from '../../../shared/contract/beneficiaries';
import type { Relation } from '../../../shared/domain/beneficiary';
import { normalizeDocumentNumber } from '../../../shared/search/document-number';
import { bestNameMatch } from '../../../shared/search/name-match';
import { nameFts5Match } from '../../../shared/search/name-search-terms';
import { normalizePhone } from '../../../shared/search/phone';
import { AppError } from '../errors';
import type { Session } from '../sessions';
import { namesOf, toColumns, toFields, toSummary } from './beneficiary-rows';
import { decodeCursor, encodeCursor } from './cursor';
import { indexPerson } from './search-index';
import { caseVisible } from './visibility';

type Trx = Transaction<StoreDatabase>;
type Fields = z.output<typeof beneficiaryFieldsSchema>;

export async function loadBeneficiaryRow(trx: Trx, id: number) {
  const row = await trx.selectFrom('beneficiaries').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function writeDocuments(trx: Trx, id: number, documents: Fields['documents']): Promise<void> {
  await trx.deleteFrom('identity_documents').where('beneficiary_id', '=', id).execute();
  for (const d of documents) {
    await trx
      .insertInto('identity_documents')
      .values({ beneficiary_id: id, type: d.type, number: d.number, number_norm: normalizeDocumentNumber(d.number) ?? d.number.toUpperCase(), expiry: d.expiry || null })
      .execute();
  }
}

/** Consent is appended whenever it changes: the record of who recorded what, and when, stays. */
async function recordConsent(trx: Trx, id: number, f: Fields, session: Session, at: string): Promise<void> {
  const current = await currentConsent(trx, id);
  const wanted = { data_keeping: f.consentDataKeeping, referral_sharing: f.consentReferralSharing } as const;
  for (const scope of ['data_keeping', 'referral_sharing'] as const) {
    const before = scope === 'data_keeping' ? current.dataKeeping : current.referralSharing;
    const want = wanted[scope];
    // "Not asked" is never written: it is the absence of an answer.
    if (want === null || (current.recorded && before === want)) continue;
    await trx.insertInto('consents').values({ beneficiary_id: id, scope, given: want ? 1 : 0, recorded_at: at, recorded_by: session.accountId }).execute();
  }
}

/**
 * The person's general answers, as their form shows them. A consent given for one referral
 * (naming a partner or a service, electron/core/referrals/consent.ts) is not a general yes.
 */
async function currentConsent(trx: Trx, id: number) {
  const rows = await trx
    .selectFrom('consents')
    .select(['scope', 'given'])
    .where('beneficiary_id', '=', id)
    .where('partner_id', 'is', null)
    .where('service_id', 'is', null)
    .orderBy('id')
    .execute();
  const last = (scope: string) => rows.filter((r) => r.scope === scope).at(-1);
  const sharing = last('referral_sharing');
  return { recorded: rows.length > 0, dataKeeping: last('data_keeping')?.given === 1, referralSharing: sharing ? sharing.given === 1 : null };
}

export async function createBeneficiary(trx: Trx, f: Fields, session: Session, now: string): Promise<number> {
  const { id } = await trx
    .insertInto('beneficiaries')
    .values({ ...toColumns(f, now.slice(0, 10)), created_by: session.accountId, created_at: now, updated_at: now, merged_into: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeDocuments(trx, id, f.documents);
  await recordConsent(trx, id, f, session, now);
  await indexPerson(trx, id, namesOf({ latin_name: f.latinName, arabic_name: f.arabicName, other_spellings: f.otherSpellings }));
  return id;
}

export async function updateBeneficiary(trx: Trx, id: number, f: Fields, session: Session, now: string): Promise<void> {
  const row = await loadBeneficiaryRow(trx, id);
  if (row.merged_into !== null) throw new AppError('CONFLICT', 'merged record');
  const columns = toColumns(f, now.slice(0, 10));
  // Keep the date an unchanged age estimate was first given.
  if (row.estimated_age === columns.estimated_age) columns.estimated_at = row.estimated_at;
  await trx.updateTable('beneficiaries').set({ ...columns, updated_at: now }).where('id', '=', id).execute();
  await writeDocuments(trx, id, f.documents);
  await recordConsent(trx, id, f, session, now);
  await indexPerson(trx, id, namesOf({ latin_name: f.latinName, arabic_name: f.arabicName, other_spellings: f.otherSpellings }));
}

export async function beneficiaryDetail(trx: Trx, id: number, session: Session): Promise<BeneficiaryDetail> {
  const row = await loadBeneficiaryRow(trx, id);
  const documents = await trx.selectFrom('identity_documents').select(['type', 'number', 'expiry']).where('beneficiary_id', '=', id).orderBy('id').execute();
  const consents = await trx
    .selectFrom('consents')
    .innerJoin('accounts', 'accounts.id', 'consents.recorded_by')
    .leftJoin('partners', 'partners.id', 'consents.partner_id')
    .leftJoin('services', 'services.id', 'consents.service_id')
    .select(['consents.scope', 'consents.given', 'consents.recorded_at', 'accounts.full_name', 'partners.name as partner', 'services.label_ar', 'services.label_fr', 'services.label_en'])
    .where('consents.beneficiary_id', '=', id)
    .orderBy('consents.id')
    .execute();
  // A link is recorded once but belongs to both people: seen from the other side, the
  // relation is inverted (the child of A has A as parent).
  const outgoing = await trx
    .selectFrom('household_links')
    .innerJoin('beneficiaries', 'beneficiaries.id', 'household_links.related_id')
    .selectAll('beneficiaries')
    .select(['household_links.id as link_id', 'household_links.relation'])
    .where('household_links.beneficiary_id', '=', id)
    .execute();
  const incoming = await trx
    .selectFrom('household_links')
    .innerJoin('beneficiaries', 'beneficiaries.id', 'household_links.beneficiary_id')
    .selectAll('beneficiaries')
    .select(['household_links.id as link_id', 'household_links.relation'])
    .where('household_links.related_id', '=', id)
    .execute();
  const household = [...outgoing, ...incoming.map((h) => ({ ...h, relation: INVERSE[h.relation as Relation] }))]
    .filter((h) => h.merged_into === null)
    .sort((a, b) => a.link_id - b.link_id);
  const cases = await trx
    .selectFrom('cases')
    .select(['id', 'reference', 'status', 'intake_date'])
    .where('beneficiary_id', '=', id)
    .where(caseVisible(session, true))
    .orderBy('intake_date', 'desc')
    .execute();
  const creator = await trx.selectFrom('accounts').select('full_name').where('id', '=', row.created_by).executeTakeFirst();
  const consent = await currentConsent(trx, id);
  return {
    id: row.id,
    fields: toFields(row, documents, { dataKeeping: consent.dataKeeping, referralSharing: consent.referralSharing }),
    consents: consents.map((c) => ({
      scope: c.scope,
      given: c.given === 1,
      recordedAt: c.recorded_at,
      recordedBy: c.full_name,
      partner: c.partner,
      service: c.label_fr === null ? null : { ar: c.label_ar ?? '', fr: c.label_fr, en: c.label_en ?? '' },
    })),
    household: household.map((h) => ({ linkId: h.link_id, relation: h.relation as Relation, beneficiary: toSummary(h) })),
    cases: cases.map((c) => ({ id: c.id, reference: c.reference, status: c.status, intakeDate: c.intake_date })),
    createdAt: row.created_at,
    createdBy: creator?.full_name ?? '',
    updatedAt: row.updated_at,
    mergedInto: row.merged_into,
  };
}

type PeopleFilters = Pick<z.output<typeof beneficiaryListInputSchema>, 'name' | 'nationality' | 'legalStatus'>;

function filteredPeople(trx: Trx, input: PeopleFilters) {
  let q = trx.selectFrom('beneficiaries').selectAll().where('merged_into', 'is', null);
  if (input.nationality) q = q.where('nationality', '=', input.nationality);
  if (input.legalStatus) q = q.where('legal_status', '=', input.legalStatus);
  // A name filter goes through the intake search's index (any script, any spelling); typed
  // text that folds to nothing (punctuation only) filters nothing out.
  const match = input.name ? nameFts5Match(input.name) : null;
  if (match) q = q.where('id', 'in', trx.selectFrom('person_fts').select(sql<number>`rowid`.as('id')).where(sql<boolean>`person_fts MATCH ${match}`));
  return q;
}

/** How many people the list holds with these filters (its own channel, like countCases). */
export async function countBeneficiaries(trx: Trx, input: PeopleFilters): Promise<number> {
  const row = await filteredPeople(trx, input).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listBeneficiaries(trx: Trx, input: z.output<typeof beneficiaryListInputSchema>) {
  const after = decodeCursor(input.cursor);
  let q = filteredPeople(trx, input);
  if (input.sort === 'name_asc') {
    if (after) q = q.where((eb) => eb(eb.refTuple('latin_name', 'id'), '>', eb.tuple(String(after.key), after.id)));
    q = q.orderBy('latin_name').orderBy('id');
  } else {
    if (after) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(String(after.key), after.id)));
    q = q.orderBy('created_at', 'desc').orderBy('id', 'desc');
  }
  const rows = await q.limit(input.limit + 1).execute();
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  const more = rows.length > input.limit && last;
  return {
    items: items.map(toSummary),
    nextCursor: more ? encodeCursor(input.sort === 'name_asc' ? last.latin_name : last.created_at, last.id) : null,
  };
}

const INVERSE: Record<Relation, Relation> = { spouse: 'spouse', child: 'parent', parent: 'child', sibling: 'sibling', other: 'other' };

const REASON_ORDER: Record<MatchReason, number> = { document: 0, phone: 1, name_exact: 2, name_other_script: 3, name_spelling: 4 };

/**
 * Who might already be registered: same phone, same document number, or a name that
 * matches across spellings and scripts. FTS5 narrows the registry to a few hundred rows;
 * shared/search scores and explains each of them.
 */
export async function findCandidates(trx: Trx, input: z.output<typeof candidatesInputSchema>, limit = 10): Promise<Candidate[]> {
  const found = new Map<number, { reasons: Set<MatchReason>; score: number }>();
  const add = (id: number, reason: MatchReason, score: number) => {
    const entry = found.get(id) ?? { reasons: new Set<MatchReason>(), score: 0 };
    entry.reasons.add(reason);
    entry.score = Math.max(entry.score, score);
    found.set(id, entry);
  };
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (phone) {
    const rows = await trx.selectFrom('beneficiaries').select('id').where('phone_norm', '=', phone).where('merged_into', 'is', null).limit(50).execute();
    rows.forEach((r) => add(r.id, 'phone', 1));
  }
  const doc = input.documentNumber ? normalizeDocumentNumber(input.documentNumber) : null;
  if (doc && doc.length >= 4) {
    const rows = await trx
      .selectFrom('identity_documents')
      .innerJoin('beneficiaries', 'beneficiaries.id', 'identity_documents.beneficiary_id')
      .select('beneficiaries.id')
      .where('identity_documents.number_norm', '=', doc)
      .where('beneficiaries.merged_into', 'is', null)
      .limit(50)
      .execute();
    rows.forEach((r) => add(r.id, 'document', 1));
  }
  const match = input.name ? nameFts5Match(input.name) : null;
  if (match && input.name) {
    // While the first letters are typed, thousands match and any order will do: take the
    // newest registrations (FTS5 walks rowids backwards for free). Once a name is typed,
    // rank (BM25, folded words 10:1 over phonetic keys) so the person meant is among the
    // 300 scored, whatever their registration date.
    const typedEnough = input.name.trim().split(/\s+/).length > 1 || input.name.trim().length >= 5;
    const rows = await trx
      .selectFrom('person_fts')
      .innerJoin('beneficiaries', 'beneficiaries.id', 'person_fts.rowid')
      .select(['beneficiaries.id', 'beneficiaries.latin_name', 'beneficiaries.arabic_name', 'beneficiaries.other_spellings'])
      .where(sql<boolean>`person_fts MATCH ${match}`)
      .where('beneficiaries.merged_into', 'is', null)
      .orderBy(typedEnough ? sql`bm25(person_fts, 10.0, 1.0)` : sql`person_fts.rowid desc`)
      .limit(300)
      .execute();
    for (const row of rows) {
      const m = bestNameMatch(input.name, namesOf(row), true);
      if (m.reason === 'none') continue;
      add(row.id, m.reason === 'exact' ? 'name_exact' : m.reason === 'other-script' ? 'name_other_script' : 'name_spelling', m.score);
    }
  }
  const ranked = [...found.entries()]
    .sort(([, a], [, b]) => b.reasons.size - a.reasons.size || b.score - a.score)
    .slice(0, limit);
  if (ranked.length === 0) return [];
  const rows = await trx.selectFrom('beneficiaries').selectAll().where('id', 'in', ranked.map(([id]) => id)).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ranked.flatMap(([id, e]) => {
    const row = byId.get(id);
    return row ? [{ beneficiary: toSummary(row), reasons: [...e.reasons].sort((a, b) => REASON_ORDER[a] - REASON_ORDER[b]), score: e.score }] : [];
  });
}

export async function linkHousehold(trx: Trx, id: number, relatedId: number, relation: Relation): Promise<void> {
  if (id === relatedId) throw new AppError('CONFLICT', 'a person cannot be their own household member');
  await loadBeneficiaryRow(trx, id);
  await loadBeneficiaryRow(trx, relatedId);
  const exists = await trx
    .selectFrom('household_links')
    .select('id')
    .where((eb) => eb.or([eb.and([eb('beneficiary_id', '=', id), eb('related_id', '=', relatedId)]), eb.and([eb('beneficiary_id', '=', relatedId), eb('related_id', '=', id)])]))
    .executeTakeFirst();
  if (exists) throw new AppError('CONFLICT', 'already linked');
  await trx.insertInto('household_links').values({ beneficiary_id: id, related_id: relatedId, relation }).execute();
}

export async function unlinkHousehold(trx: Trx, id: number, linkId: number): Promise<void> {
  const result = await trx
    .deleteFrom('household_links')
    .where('id', '=', linkId)
    .where((eb) => eb.or([eb('beneficiary_id', '=', id), eb('related_id', '=', id)]))
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('NOT_FOUND');
}
