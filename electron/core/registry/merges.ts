import type { Selectable, Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { HouseholdLinksTable } from '../../../db/schema/store/household-links';
import { AppError } from '../errors';
import type { Session } from '../sessions';
import { loadBeneficiaryRow } from './beneficiaries';
import { namesOf } from './beneficiary-rows';
import { indexPerson, unindexPerson } from './search-index';

type Trx = Transaction<StoreDatabase>;
type Link = Selectable<HouseholdLinksTable>;

/** How long a merge can be undone. */
export const UNDO_DAYS = 30;

interface Moved {
  cases: number[];
  documents: number[];
  consents: number[];
  /** Household links as they were before the merge, and the ids of the re-pointed copies. */
  household: { removed: Link[]; added: number[] };
}

async function reindex(trx: Trx, id: number, extraNamesOf: number[] = []): Promise<void> {
  const rows = await trx.selectFrom('beneficiaries').select(['latin_name', 'arabic_name', 'other_spellings']).where('id', 'in', [id, ...extraNamesOf]).execute();
  await indexPerson(trx, id, rows.flatMap(namesOf));
}

/**
 * Folds `mergeId` into `keepId`: its cases, documents, consents and household links move to
 * the kept record; the merged record stays (marked merged_into) so the merge can be undone,
 * and its names keep finding the kept person in search.
 */
export async function mergeBeneficiaries(trx: Trx, keepId: number, mergeId: number, session: Session, now: string): Promise<number> {
  if (keepId === mergeId) throw new AppError('CONFLICT', 'same record');
  const keep = await loadBeneficiaryRow(trx, keepId);
  const merge = await loadBeneficiaryRow(trx, mergeId);
  if (keep.merged_into !== null || merge.merged_into !== null) throw new AppError('CONFLICT', 'already merged');
  const ids = async (table: 'cases' | 'identity_documents' | 'consents') =>
    (await trx.selectFrom(table).select('id').where('beneficiary_id', '=', mergeId).execute()).map((r) => r.id);
  const moved: Moved = { cases: await ids('cases'), documents: await ids('identity_documents'), consents: await ids('consents'), household: { removed: [], added: [] } };
  for (const table of ['cases', 'identity_documents', 'consents'] as const) {
    await trx.updateTable(table).set({ beneficiary_id: keepId }).where('beneficiary_id', '=', mergeId).execute();
  }
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
    if (!exists) await trx.insertInto('household_links').values({ beneficiary_id: link.beneficiary_id, related_id: link.related_id, relation: link.relation }).execute();
  }
  await trx.updateTable('beneficiaries').set({ merged_into: null, updated_at: now }).where('id', '=', row.merged_id).execute();
  await trx.updateTable('beneficiary_merges').set({ undone_at: now }).where('id', '=', row.id).execute();
  await reindex(trx, row.kept_id);
  await reindex(trx, row.merged_id);
  return row.kept_id;
}
