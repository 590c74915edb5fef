import type { Selectable, Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { BeneficiariesTable } from '../../../db/schema/store/beneficiaries';
import type { HouseholdLinksTable } from '../../../db/schema/store/household-links';
import type { MergeField } from '../../../shared/contract/beneficiaries';
import { AppError } from '../errors';
import type { Session } from '../sessions';
import { loadBeneficiaryRow } from './beneficiaries';
import { namesOf } from './beneficiary-rows';
import { indexPerson, unindexPerson } from './search-index';

type Trx = Transaction<StoreDatabase>;
type Link = Selectable<HouseholdLinksTable>;
type Row = Selectable<BeneficiariesTable>;

/** The columns each choosable field covers: a birth date and an estimated age go together. */
const FIELD_COLUMNS: Record<MergeField, (keyof Row)[]> = {
  latinName: ['latin_name'],
  arabicName: ['arabic_name'],
  sex: ['sex'],
  birth: ['birth_date', 'estimated_age', 'estimated_at'],
  nationality: ['nationality'],
  birthCountry: ['birth_country'],
  languages: ['languages'],
  interpreterNeeded: ['interpreter_needed'],
  phone: ['phone', 'phone_norm'],
  city: ['city'],
  arrivalDate: ['arrival_date'],
  legalStatus: ['legal_status'],
  specificNeeds: ['specific_needs'],
  referralSource: ['referral_source'],
};
/** What undo writes back on the kept record: everything a merge may change. */
const RESTORED_COLUMNS = [...new Set([...Object.values(FIELD_COLUMNS).flat(), 'other_spellings', 'updated_at'] as (keyof Row)[])];

/** How long a merge can be undone. */
export const UNDO_DAYS = 30;

interface Moved {
  cases: number[];
  documents: number[];
  consents: number[];
  /** Household links as they were before the merge, and the ids of the re-pointed copies. */
  household: { removed: Link[]; added: number[] };
  /** The kept record's columns before the merge, and the merged record's last change (undo puts both back). Absent in merges made before they were kept. */
  keptBefore?: Partial<Row>;
  mergedUpdatedAt?: string;
}

/**
 * Every spelling of both records that is not the kept record's (new) Latin or Arabic name,
 * once each: a name typed under one registration must still be known under the other.
 */
function spellingsAfter(keep: Row, merge: Row, latin: string, arabic: string): string {
  const seen = new Set([latin, arabic].map((n) => n.trim().toLowerCase()).filter(Boolean));
  const out: string[] = [];
  for (const name of [...namesOf(keep), ...namesOf(merge)]) {
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out.join(', ');
}

async function reindex(trx: Trx, id: number, extraNamesOf: number[] = []): Promise<void> {
  const rows = await trx.selectFrom('beneficiaries').select(['latin_name', 'arabic_name', 'other_spellings']).where('id', 'in', [id, ...extraNamesOf]).execute();
  await indexPerson(trx, id, rows.flatMap(namesOf));
}

/**
 * Folds `mergeId` into `keepId`: the kept record takes the fields chosen in `take` and every
 * spelling of both; cases, new documents, new consents and household links move to it. The
 * merged record stays (marked merged_into) so the merge can be undone exactly, and its names
 * keep finding the kept person in search.
 */
export async function mergeBeneficiaries(trx: Trx, keepId: number, mergeId: number, take: readonly MergeField[], session: Session, now: string): Promise<number> {
  if (keepId === mergeId) throw new AppError('CONFLICT', 'same record');
  const keep = await loadBeneficiaryRow(trx, keepId);
  const merge = await loadBeneficiaryRow(trx, mergeId);
  if (keep.merged_into !== null || merge.merged_into !== null) throw new AppError('CONFLICT', 'already merged');
  // The kept record takes the chosen fields, and every spelling of both.
  const update: Partial<Row> = {};
  for (const field of new Set(take)) for (const column of FIELD_COLUMNS[field]) Object.assign(update, { [column]: merge[column] });
  const latin = update.latin_name ?? keep.latin_name;
  const arabic = update.arabic_name ?? keep.arabic_name;
  const keptBefore = Object.fromEntries(RESTORED_COLUMNS.map((c) => [c, keep[c]])) as Partial<Row>;
  await trx
    .updateTable('beneficiaries')
    .set({ ...update, other_spellings: spellingsAfter(keep, merge, latin, arabic), updated_at: now })
    .where('id', '=', keepId)
    .execute();

  // Cases all move. Documents and consents move unless the kept record already has the same
  // one (same type and number; same scope and answer): the merged record keeps those, so
  // nothing is lost and nothing shows twice.
  const cases = (await trx.selectFrom('cases').select('id').where('beneficiary_id', '=', mergeId).execute()).map((r) => r.id);
  const keptDocs = await trx.selectFrom('identity_documents').select(['type', 'number_norm']).where('beneficiary_id', '=', keepId).execute();
  const documents = (await trx.selectFrom('identity_documents').select(['id', 'type', 'number_norm']).where('beneficiary_id', '=', mergeId).execute())
    .filter((d) => !keptDocs.some((k) => k.type === d.type && k.number_norm === d.number_norm))
    .map((d) => d.id);
  const keptConsents = await trx.selectFrom('consents').select(['scope', 'given']).where('beneficiary_id', '=', keepId).execute();
  const consents = (await trx.selectFrom('consents').select(['id', 'scope', 'given']).where('beneficiary_id', '=', mergeId).execute())
    .filter((c) => !keptConsents.some((k) => k.scope === c.scope && k.given === c.given))
    .map((c) => c.id);
  const moved: Moved = { cases, documents, consents, household: { removed: [], added: [] }, keptBefore, mergedUpdatedAt: merge.updated_at };
  const move = async (table: 'cases' | 'identity_documents' | 'consents', ids: number[]) => {
    if (ids.length) await trx.updateTable(table).set({ beneficiary_id: keepId }).where('id', 'in', ids).execute();
  };
  await move('cases', cases);
  await move('identity_documents', documents);
  await move('consents', consents);
  const links = await trx
    .selectFrom('household_links')
    .selectAll()
    .where((eb) => eb.or([eb('beneficiary_id', '=', mergeId), eb('related_id', '=', mergeId)]))
    .execute();
  moved.household.removed = links;
  await trx.deleteFrom('household_links').where('id', 'in', links.length ? links.map((l) => l.id) : [-1]).execute();
  for (const link of links) {
    const from = link.beneficiary_id === mergeId ? keepId : link.beneficiary_id;
    const to = link.related_id === mergeId ? keepId : link.related_id;
    if (from === to) continue;
    const exists = await trx.selectFrom('household_links').select('id').where('beneficiary_id', '=', from).where('related_id', '=', to).executeTakeFirst();
    if (exists) continue;
    const { id } = await trx.insertInto('household_links').values({ beneficiary_id: from, related_id: to, relation: link.relation }).returning('id').executeTakeFirstOrThrow();
    moved.household.added.push(id);
  }
  await trx.updateTable('beneficiaries').set({ merged_into: keepId, updated_at: now }).where('id', '=', mergeId).execute();
  await unindexPerson(trx, mergeId);
  await reindex(trx, keepId, [mergeId]);
  const { id } = await trx
    .insertInto('beneficiary_merges')
    .values({ kept_id: keepId, merged_id: mergeId, moved: JSON.stringify(moved), at: now, by_account: session.accountId, undone_at: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function undoableUntil(at: string): string {
  return new Date(Date.parse(at) + UNDO_DAYS * 86_400_000).toISOString();
}

/** Undoes a merge within UNDO_DAYS: what moved goes back; what was added since stays with the kept record. */
export async function unmergeBeneficiaries(trx: Trx, mergeRowId: number, now: string): Promise<number> {
  const row = await trx.selectFrom('beneficiary_merges').selectAll().where('id', '=', mergeRowId).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (row.undone_at !== null) throw new AppError('CONFLICT', 'already undone');
  if (now > undoableUntil(row.at)) throw new AppError('CONFLICT', `a merge can be undone for ${UNDO_DAYS} days`);
  const moved = JSON.parse(row.moved) as Moved;
  const back = async (table: 'cases' | 'identity_documents' | 'consents', ids: number[]) => {
    if (ids.length) await trx.updateTable(table).set({ beneficiary_id: row.merged_id }).where('id', 'in', ids).execute();
  };
  await back('cases', moved.cases);
  await back('identity_documents', moved.documents);
  await back('consents', moved.consents);
  if (moved.household.added.length) await trx.deleteFrom('household_links').where('id', 'in', moved.household.added).execute();
  for (const link of moved.household.removed) {
    const exists = await trx.selectFrom('household_links').select('id').where('beneficiary_id', '=', link.beneficiary_id).where('related_id', '=', link.related_id).executeTakeFirst();
    // Under its own id again, so the links read exactly as before the merge.
    const free = !(await trx.selectFrom('household_links').select('id').where('id', '=', link.id).executeTakeFirst());
    if (!exists) await trx.insertInto('household_links').values({ ...(free ? { id: link.id } : {}), beneficiary_id: link.beneficiary_id, related_id: link.related_id, relation: link.relation }).execute();
  }
  // Both records as they were: the kept one's fields and spellings, the merged one's last change.
  if (moved.keptBefore) await trx.updateTable('beneficiaries').set(moved.keptBefore).where('id', '=', row.kept_id).execute();
  await trx.updateTable('beneficiaries').set({ merged_into: null, updated_at: moved.mergedUpdatedAt ?? now }).where('id', '=', row.merged_id).execute();
  await trx.updateTable('beneficiary_merges').set({ undone_at: now }).where('id', '=', row.id).execute();
  await reindex(trx, row.kept_id);
  await reindex(trx, row.merged_id);
  return row.kept_id;
}
