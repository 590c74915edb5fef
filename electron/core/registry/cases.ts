import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../../db/schema/store';
import type { CaseDetail, caseFieldsSchema, caseListInputSchema, CaseSummary, createCaseInputSchema } from '../../../shared/contract/cases';
import { STATUS_TRANSITIONS, URGENCIES, type CaseStatus } from '../../../shared/domain/case';
import { AppError } from '../errors';
import type { Session } from '../sessions';
import { loadBeneficiaryRow } from './beneficiaries';
import { toSummary } from './beneficiary-rows';
import { decodeCursor, encodeCursor } from './cursor';
import { indexCase } from './search-index';
import { canEditCase, caseVisible } from './visibility';

type Trx = Transaction<StoreDatabase>;
type Fields = z.output<typeof caseFieldsSchema>;

/**
 * The next reference for this clinic and year: RBT-2026-00042. The counter row is updated
 * inside the case-creating transaction (and calls are serialized), so numbers are unique
 * and gapless: a creation that fails rolls its number back.
 */
export async function nextReference(trx: Trx, year: number): Promise<string> {
  const { case_prefix: prefix } = await trx.selectFrom('clinic').select('case_prefix').where('id', '=', 1).executeTakeFirstOrThrow();
  const row = await trx
    .insertInto('reference_counters')
    .values({ prefix, year, last: 1 })
    .onConflict((oc) => oc.columns(['prefix', 'year']).doUpdateSet({ last: sql`last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(row.last).padStart(5, '0')}`;
}

/** Active domains only, except those the case already has (a retired domain stays on old cases). */
async function checkDomains(trx: Trx, ids: number[], caseId?: number): Promise<void> {
  const found = await trx
    .selectFrom('domains')
    .select('id')
    .where('id', 'in', ids)
    .where((eb) =>
      caseId === undefined
        ? eb('active', '=', 1)
        : eb.or([eb('active', '=', 1), eb.exists(eb.selectFrom('case_domains').select('case_id').where('case_domains.case_id', '=', caseId).whereRef('case_domains.domain_id', '=', 'domains.id'))]),
    )
    .execute();
  if (found.length !== new Set(ids).size) {
    throw new AppError('VALIDATION', 'unknown domain', { fields: [{ path: 'domainIds', message: 'validation.invalidChoice' }] });
  }
}

async function checkLawyer(trx: Trx, id: number | null): Promise<void> {
  if (id === null) return;
  const lawyer = await trx.selectFrom('accounts').select('id').where('id', '=', id).where('role', '=', 'lawyer').where('active', '=', 1).executeTakeFirst();
  if (!lawyer) throw new AppError('VALIDATION', 'not a lawyer', { fields: [{ path: 'assignedLawyerId', message: 'validation.invalidChoice' }] });
}

function fieldColumns(f: Fields) {
  return {
    intake_date: f.intakeDate,
    channel: f.channel,
    summary: f.summary,
    urgency: f.urgency,
    urgency_rank: URGENCIES.indexOf(f.urgency),
    urgency_reasons: JSON.stringify(f.urgencyReasons),
    sensitive: f.sensitive ? 1 : 0,
  };
}

async function writeDomains(trx: Trx, caseId: number, ids: number[]): Promise<void> {
  await trx.deleteFrom('case_domains').where('case_id', '=', caseId).execute();
  for (const domainId of new Set(ids)) await trx.insertInto('case_domains').values({ case_id: caseId, domain_id: domainId }).execute();
}

export async function createCase(trx: Trx, input: z.output<typeof createCaseInputSchema>, session: Session, now: string): Promise<number> {
  const person = await loadBeneficiaryRow(trx, input.beneficiaryId);
  if (person.merged_into !== null) throw new AppError('CONFLICT', 'merged record');
  await checkDomains(trx, input.domainIds);
  // Only supervisors and administrators assign work.
  const lawyer = session.role === 'supervisor' || session.role === 'admin' ? input.assignedLawyerId : null;
  await checkLawyer(trx, lawyer);
  const reference = await nextReference(trx, Number(now.slice(0, 4)));
  const { id } = await trx
    .insertInto('cases')
    .values({
      ...fieldColumns(input),
      reference,
      beneficiary_id: input.beneficiaryId,
      assigned_lawyer_id: lawyer,
      status: 'intake',
      closure_reason: null,
      outcome: null,
      created_by: session.accountId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeDomains(trx, id, input.domainIds);
  await trx.insertInto('case_status_history').values({ case_id: id, from_status: null, to_status: 'intake', at: now, by_account: session.accountId, note: '', closure_reason: null, outcome: null }).execute();
  if (lawyer !== null) await recordAssignment(trx, id, null, lawyer, session, now);
  await indexCase(trx, id, reference, input.summary);
  return id;
}

/** A case this session may see, or NOT_FOUND (never FORBIDDEN: a hidden case does not exist). */
export async function loadVisibleCase(trx: Trx, id: number, session: Session) {
  const row = await trx.selectFrom('cases').selectAll().where('id', '=', id).where(caseVisible(session)).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * `asCreator`: the answer to the creating call itself. Intake staff who open a sensitive case
 * get it back once, as a receipt of what they typed; afterwards it is hidden from them.
 */
export async function caseDetail(trx: Trx, id: number, session: Session, asCreator = false): Promise<CaseDetail> {
  const row = asCreator
    ? await trx.selectFrom('cases').selectAll().where('id', '=', id).where('created_by', '=', session.accountId).executeTakeFirstOrThrow()
    : await loadVisibleCase(trx, id, session);
  const person = await loadBeneficiaryRow(trx, row.beneficiary_id);
  const domains = await trx.selectFrom('case_domains').select('domain_id').where('case_id', '=', id).execute();
  const names = new Map((await trx.selectFrom('accounts').select(['id', 'full_name']).execute()).map((a) => [a.id, a.full_name]));
  const history = await trx.selectFrom('case_status_history').selectAll().where('case_id', '=', id).orderBy('id').execute();
  const assignments = await trx.selectFrom('case_assignments').selectAll().where('case_id', '=', id).orderBy('id').execute();
  return {
    id: row.id,
    reference: row.reference,
    beneficiary: toSummary(person),
    fields: {
      intakeDate: row.intake_date,
      channel: row.channel as Fields['channel'],
      domainIds: domains.map((d) => d.domain_id),
      summary: row.summary,
      urgency: row.urgency,
      urgencyReasons: JSON.parse(row.urgency_reasons) as Fields['urgencyReasons'],
      sensitive: row.sensitive === 1,
    },
    status: row.status,
    assignedLawyerId: row.assigned_lawyer_id,
    assignedLawyer: row.assigned_lawyer_id === null ? null : (names.get(row.assigned_lawyer_id) ?? null),
    closureReason: row.closure_reason,
    outcome: row.outcome,
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      at: h.at,
      by: names.get(h.by_account) ?? '',
      note: h.note,
      closureReason: h.closure_reason,
      outcome: h.outcome,
    })),
    assignments: assignments.map((a) => ({
      at: a.at,
      by: names.get(a.by_account) ?? '',
      from: a.from_lawyer_id === null ? null : (names.get(a.from_lawyer_id) ?? ''),
      to: a.to_lawyer_id === null ? null : (names.get(a.to_lawyer_id) ?? ''),
    })),
    createdAt: row.created_at,
    createdBy: names.get(row.created_by) ?? '',
  };
}

export async function updateCase(trx: Trx, id: number, f: Fields, session: Session, now: string): Promise<void> {
  const row = await loadVisibleCase(trx, id, session);
  if (!canEditCase(session, row)) throw new AppError('FORBIDDEN');
  await checkDomains(trx, f.domainIds, id);
  await trx.updateTable('cases').set({ ...fieldColumns(f), updated_at: now }).where('id', '=', id).execute();
  await writeDomains(trx, id, f.domainIds);
  await indexCase(trx, id, row.reference, f.summary);
}

export async function setCaseStatus(
  trx: Trx,
  input: { id: number; status: CaseStatus; note: string; closureReason: string; outcome: string; confirmOpen: boolean },
  session: Session,
  now: string,
): Promise<void> {
  const row = await loadVisibleCase(trx, input.id, session);
  if (!canEditCase(session, row)) throw new AppError('FORBIDDEN');
  if (!STATUS_TRANSITIONS[row.status].includes(input.status)) {
    throw new AppError('CONFLICT', `cannot move from ${row.status} to ${input.status}`, { fields: [{ path: 'status', message: 'validation.invalidChoice' }] });
  }
  const closing = input.status === 'closed';
  // Closing with a deadline still running or a hearing to come is asked twice (issue #12):
  // the dialog lists them and the closing must say it knows.
  if (closing && !input.confirmOpen && (await openItems(trx, input.id, now)) > 0) {
    throw new AppError('VALIDATION', 'open deadlines or hearings', { fields: [{ path: 'confirmOpen', message: 'validation.confirmOpenItems' }] });
  }
  await trx
    .updateTable('cases')
    .set({ status: input.status, closure_reason: closing ? input.closureReason : null, outcome: closing ? input.outcome : null, updated_at: now })
    .where('id', '=', input.id)
    .execute();
  await trx
    .insertInto('case_status_history')
    .values({ case_id: input.id, from_status: row.status, to_status: input.status, at: now, by_account: session.accountId, note: input.note, closure_reason: closing ? input.closureReason : null, outcome: closing ? input.outcome : null })
    .execute();
}

/** Open deadlines and hearings still to come on a case. */
export async function openItems(trx: Trx, caseId: number, now: string): Promise<number> {
  const steps = await trx
    .selectFrom('procedure_steps')
    .innerJoin('procedures', 'procedures.id', 'procedure_steps.procedure_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('procedures.case_id', '=', caseId)
    .where('procedure_steps.done_at', 'is', null)
    .where('procedure_steps.due_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const hearings = await trx
    .selectFrom('hearings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_id', '=', caseId)
    .where('status', '=', 'scheduled')
    .where('at', '>=', now)
    .executeTakeFirstOrThrow();
  return Number(steps.n) + Number(hearings.n);
}

export async function assignCase(trx: Trx, id: number, lawyerId: number | null, session: Session, now: string): Promise<void> {
  const row = await loadVisibleCase(trx, id, session);
  await checkLawyer(trx, lawyerId);
  if (row.assigned_lawyer_id === lawyerId) return; // nothing changes, nothing to record
  await trx.updateTable('cases').set({ assigned_lawyer_id: lawyerId, updated_at: now }).where('id', '=', id).execute();
  await recordAssignment(trx, id, row.assigned_lawyer_id, lawyerId, session, now);
}

/** Writes the assignment into the case's history; the new lawyer sees it on their home page. */
export async function recordAssignment(trx: Trx, caseId: number, from: number | null, to: number | null, session: Session, now: string): Promise<void> {
  await trx.insertInto('case_assignments').values({ case_id: caseId, from_lawyer_id: from, to_lawyer_id: to, at: now, by_account: session.accountId, seen_at: null }).execute();
}

/** The lawyer opened the case: what was given to them is no longer new. */
export async function markAssignmentsSeen(trx: Trx, caseId: number, session: Session, now: string): Promise<void> {
  await trx.updateTable('case_assignments').set({ seen_at: now }).where('case_id', '=', caseId).where('to_lawyer_id', '=', session.accountId).where('seen_at', 'is', null).execute();
}

/** Cases given to this account that it has not opened since, newest first. */
export async function newlyAssignedIds(trx: Trx, session: Session): Promise<number[]> {
  const rows = await trx
    .selectFrom('case_assignments')
    .innerJoin('cases', 'cases.id', 'case_assignments.case_id')
    .select('case_assignments.case_id')
    .where('case_assignments.to_lawyer_id', '=', session.accountId)
    .where('case_assignments.seen_at', 'is', null)
    .where('cases.assigned_lawyer_id', '=', session.accountId)
    .orderBy('case_assignments.id', 'desc')
    .limit(50)
    .execute();
  return [...new Set(rows.map((r) => r.case_id))];
}

const SORTS = {
  intake_desc: { column: 'cases.intake_date', dir: 'desc' },
  intake_asc: { column: 'cases.intake_date', dir: 'asc' },
  reference_desc: { column: 'cases.reference', dir: 'desc' },
  urgency_desc: { column: 'cases.urgency_rank', dir: 'desc' },
} as const;

/**
 * One page of the cases this session may see, filtered and sorted, by keyset. `onlyIds`
 * restricts it to known cases (search results), so they carry exactly what a list row shows.
 *
 * Two steps in one statement: the filters, the sort and the limit pick the page's case ids
 * first (from indexes, carrying only the sort key), and only those rows are then joined to
 * their person and lawyer. When no index gives the requested order (a date range sorted by
 * reference, a nationality), SQLite must sort every matching case; sorting ids instead of
 * whole joined rows made those pages four times cheaper at 100,000 cases
 * (docs/PERFORMANCE.md). Same rows, same order.
 */
type CaseFilters = Omit<z.output<typeof caseListInputSchema>, 'sort' | 'cursor' | 'limit'>;

/** The ids of the cases this account may see that match the filters (no order, no page). */
function filteredCases(trx: Trx, input: CaseFilters, session: Session, onlyIds?: number[]) {
  let page = trx.selectFrom('cases').select('cases.id').where(caseVisible(session, onlyIds !== undefined));
  if (onlyIds) page = page.where('cases.id', 'in', onlyIds.length ? onlyIds : [-1]);
  if (input.status) page = page.where('cases.status', '=', input.status);
  if (input.lawyerId) page = page.where('cases.assigned_lawyer_id', '=', input.lawyerId);
  if (input.urgency) page = page.where('cases.urgency', '=', input.urgency);
  if (input.from) page = page.where('cases.intake_date', '>=', input.from);
  if (input.to) page = page.where('cases.intake_date', '<=', input.to);
  // A join, not EXISTS: SQLite can then start from the nationality's people, so a
  // nationality with few or no cases costs nothing instead of a scan of every case.
  const nationality = input.nationality;
  if (nationality) page = page.$if(true, (qb) => qb.innerJoin('beneficiaries', 'beneficiaries.id', 'cases.beneficiary_id').where('beneficiaries.nationality', '=', nationality));
  if (input.domainId) {
    const domainId = input.domainId;
    page = page.where((eb) => eb.exists(eb.selectFrom('case_domains').select('case_id').whereRef('case_domains.case_id', '=', 'cases.id').where('case_domains.domain_id', '=', domainId)));
  }
  return page;
}

/**
 * How many cases the list holds with these filters, for this account. Its own channel: at
 * 100,000 cases a count can take a tenth of a second, and the first page must not wait for it.
 */
export async function countCases(trx: Trx, input: CaseFilters, session: Session): Promise<number> {
  const row = await filteredCases(trx, input, session).clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listCases(trx: Trx, input: z.output<typeof caseListInputSchema>, session: Session, onlyIds?: number[]) {
  const sort = SORTS[input.sort];
  const after = decodeCursor(input.cursor);
  let page = filteredCases(trx, input, session, onlyIds);
  if (after) {
    const op = sort.dir === 'desc' ? '<' : '>';
    page = page.where((eb) => eb(eb.refTuple(sort.column, 'cases.id'), op, eb.tuple(after.key, after.id)));
  }
  page = page.orderBy(sort.column, sort.dir).orderBy('cases.id', sort.dir).limit(input.limit + 1);
  const rows = await trx
    .selectFrom('cases')
    .innerJoin('beneficiaries', 'beneficiaries.id', 'cases.beneficiary_id')
    .leftJoin('accounts', 'accounts.id', 'cases.assigned_lawyer_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.beneficiary_id',
      'cases.intake_date',
      'cases.status',
      'cases.urgency',
      'cases.urgency_rank',
      'cases.sensitive',
      'beneficiaries.latin_name',
      'beneficiaries.arabic_name',
      'accounts.full_name as lawyer',
    ])
    .where('cases.id', 'in', page)
    .orderBy(sort.column, sort.dir)
    .orderBy('cases.id', sort.dir)
    .execute();
  const items = rows.slice(0, input.limit);
  const domainRows = items.length
    ? await trx.selectFrom('case_domains').select(['case_id', 'domain_id']).where('case_id', 'in', items.map((r) => r.id)).execute()
    : [];
  const last = items.at(-1);
  const keyOf = (r: (typeof rows)[number]) =>
    sort.column === 'cases.intake_date' ? r.intake_date : sort.column === 'cases.reference' ? r.reference : r.urgency_rank;
  return {
    items: items.map((r): CaseSummary => ({
      id: r.id,
      reference: r.reference,
      beneficiaryId: r.beneficiary_id,
      beneficiaryName: r.latin_name || r.arabic_name,
      intakeDate: r.intake_date,
      status: r.status,
      urgency: r.urgency,
      sensitive: r.sensitive === 1,
      domainIds: domainRows.filter((d) => d.case_id === r.id).map((d) => d.domain_id),
      assignedLawyer: r.lawyer,
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor(keyOf(last), last.id) : null,
  };
}
