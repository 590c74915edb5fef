import { sql, type Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { CaseSummary } from '../../../shared/contract/cases';
import type { DeadlineItem, HearingItem, MyWork, TeamRow } from '../../../shared/contract/work';
import { addDays, atLocal, clinicTime, endOfDay, localDay } from '../../../shared/deadlines/zone';
import type { HearingStatus } from '../../../shared/domain/hearing';
import { AppError } from '../errors';
import type { Session } from '../sessions';
import { listCases } from './cases';
import { caseVisible } from './visibility';
import { STEP_AND_PROCEDURE_NAMES, stepAndProcedureNames } from './step-names';

type Trx = Transaction<StoreDatabase>;

const atStartOf = (day: string): string => atLocal(day, 0, 0).toDate().toISOString();


/**
 * Whose work: a lawyer always their own; supervisors and administrators a chosen lawyer's or,
 * without one, every case; intake staff the cases they may see.
 */
export function scope(session: Session, lawyerId: number | undefined) {
  if (lawyerId !== undefined && session.role !== 'supervisor' && session.role !== 'admin' && lawyerId !== session.accountId) throw new AppError('FORBIDDEN');
  const lawyer = session.role === 'lawyer' ? session.accountId : lawyerId;
  return { lawyer };
}

/**
 * "My work" (issue #12): overdue deadlines, those due within 7 days, and open cases that have
 * nothing ahead. Open deadlines are found through the partial index on open steps' due dates
 * (migration 0008), then kept to the cases this session may see.
 */
export async function myWork(trx: Trx, session: Session, lawyerId: number | undefined, now: Date): Promise<MyWork> {
  const { lawyer } = scope(session, lawyerId);
  const today = localDay(now.toISOString());
  const horizon = endOfDay(addDays(today, 7)).toDate().toISOString();
  const items = await openDeadlines(trx, session, lawyer, { to: horizon }, today);
  const dayStart = atStartOf(today);
  const hearings = await hearingsBetween(trx, session, lawyer, dayStart, horizon, ['scheduled']);

  // Open cases with nothing ahead: no open deadline, no hearing to come, no next action from
  // today on, no open task, and no activity for 30 days.
  const since = endOfDay(addDays(today, -30)).toDate().toISOString();
  let quiet = trx
    .selectFrom('cases')
    .select('cases.id')
    .where('cases.status', '!=', 'closed')
    .where(caseVisible(session, lawyer !== undefined))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('procedures').innerJoin('procedure_steps', 'procedure_steps.procedure_id', 'procedures.id').select(sql`1`.as('x')).whereRef('procedures.case_id', '=', 'cases.id').where('procedure_steps.done_at', 'is', null).where('procedure_steps.due_at', 'is not', null))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('tasks').select(sql`1`.as('x')).whereRef('tasks.case_id', '=', 'cases.id').where('tasks.status', '=', 'open'))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('hearings').select(sql`1`.as('x')).whereRef('hearings.case_id', '=', 'cases.id').where('hearings.status', '=', 'scheduled').where('hearings.at', '>=', dayStart))))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('activities').select(sql`1`.as('x')).whereRef('activities.case_id', '=', 'cases.id').where((a) => a.or([a('activities.occurred_at', '>', since), a('activities.next_action_date', '>=', today)])))));
  if (lawyer !== undefined) quiet = quiet.where('cases.assigned_lawyer_id', '=', lawyer);
  const quietIds = (await quiet.orderBy('cases.intake_date').limit(50).execute()).map((r) => r.id);
  const noNextStep: CaseSummary[] = quietIds.length ? (await listCases(trx, { sort: 'intake_asc', limit: quietIds.length, cursor: undefined }, session, quietIds)).items : [];
  return { overdue: items.filter((i) => i.state === 'overdue'), upcoming: items.filter((i) => i.state !== 'overdue'), hearings, noNextStep };
}

/**
 * The team view: for each active lawyer, open cases, overdue deadlines, deadlines due within
 * 7 days and the oldest open case (one grouped query each, not one per lawyer).
 */
export async function teamWork(trx: Trx, now: Date): Promise<TeamRow[]> {
  const today = localDay(now.toISOString());
  const dayStart = atStartOf(today);
  const horizon = endOfDay(addDays(today, 7)).toDate().toISOString();
  const lawyers = await trx.selectFrom('accounts').select(['id', 'full_name']).where('role', '=', 'lawyer').where('active', '=', 1).orderBy('full_name').execute();
  const load = await trx
    .selectFrom('cases')
    .select((eb) => ['assigned_lawyer_id', eb.fn.countAll<number>().as('n'), eb.fn.min('intake_date').as('oldest')])
    .where('status', '!=', 'closed')
    .where('assigned_lawyer_id', 'is not', null)
    .groupBy('assigned_lawyer_id')
    .execute();
  const due = await trx
    .selectFrom('procedure_steps')
    .innerJoin('procedures', 'procedures.id', 'procedure_steps.procedure_id')
    .innerJoin('cases', 'cases.id', 'procedures.case_id')
    .select((eb) => [
      'cases.assigned_lawyer_id',
      eb.fn.sum<number>(sql`case when procedure_steps.due_at < ${dayStart} then 1 else 0 end`).as('overdue'),
      eb.fn.sum<number>(sql`case when procedure_steps.due_at >= ${dayStart} then 1 else 0 end`).as('soon'),
    ])
    .where('procedure_steps.done_at', 'is', null)
    .where('procedure_steps.due_at', 'is not', null)
    .where('procedure_steps.due_at', '<=', horizon)
    .where('cases.status', '!=', 'closed')
    .groupBy('cases.assigned_lawyer_id')
    .execute();
  return lawyers.map((l) => {
    const c = load.find((r) => r.assigned_lawyer_id === l.id);
    const d = due.find((r) => r.assigned_lawyer_id === l.id);
    return { lawyerId: l.id, name: l.full_name, openCases: Number(c?.n ?? 0), overdue: Number(d?.overdue ?? 0), dueThisWeek: Number(d?.soon ?? 0), oldestOpen: (c?.oldest as string | null | undefined) ?? null };
  });
}

/**
 * Open deadlines due up to `span.to` (and from `span.from`), on the open cases this session may
 * see: found through the partial index on open steps' due dates (migration 0008).
 */
/**
 * "Assigned to this lawyer", written so SQLite does not pick the assigned-lawyer index: with a
 * busy lawyer (400 open cases, thousands of steps) walking open steps or hearings by date and
 * checking the case is ten times faster than walking every case of the lawyer (measured on the
 * 100k-case bench store, docs/PERFORMANCE.md). The unary plus is SQLite's documented way to
 * keep a term from driving an index.
 */
function lawyerHint(lawyer: number) {
  return sql<boolean>`+${sql.ref('cases.assigned_lawyer_id')} = ${lawyer}`;
}

export async function openDeadlines(trx: Trx, session: Session, lawyer: number | undefined, span: { from?: string; to: string }, today: string): Promise<DeadlineItem[]> {
  let steps = trx
    .selectFrom('procedure_steps')
    .innerJoin('procedures', 'procedures.id', 'procedure_steps.procedure_id')
    .innerJoin('procedure_templates', 'procedure_templates.id', 'procedures.template_id')
    .innerJoin('cases', 'cases.id', 'procedures.case_id')
    .innerJoin('beneficiaries', 'beneficiaries.id', 'cases.beneficiary_id')
    .leftJoin('accounts', 'accounts.id', 'cases.assigned_lawyer_id')
    .select([
      'procedure_steps.id as stepId',
      'procedure_steps.due_at',
      'procedure_steps.override_due_at',
      'procedure_steps.needs_review',
      'procedure_steps.rule',
      ...STEP_AND_PROCEDURE_NAMES,
      'cases.id as caseId',
      'cases.reference',
      'beneficiaries.latin_name',
      'beneficiaries.arabic_name',
      'accounts.full_name as lawyer',
    ])
    .where('procedure_steps.done_at', 'is', null)
    .where('procedure_steps.due_at', 'is not', null)
    .where('procedure_steps.due_at', '<=', span.to)
    .where('cases.status', '!=', 'closed')
    .where(caseVisible(session, true));
  if (lawyer !== undefined) steps = steps.where(lawyerHint(lawyer));
  if (span.from !== undefined) steps = steps.where('procedure_steps.due_at', '>=', span.from);
  const rows = await steps.orderBy('procedure_steps.due_at').limit(500).execute();
  return rows.map((r) => {
    const dueAt = r.due_at!;
    const dueDay = localDay(dueAt);
    const counting = r.rule ? (JSON.parse(r.rule) as { counting: string }).counting : 'clock';
    return {
      stepId: r.stepId,
      caseId: r.caseId,
      reference: r.reference,
      person: r.latin_name || r.arabic_name,
      lawyer: r.lawyer,
      ...stepAndProcedureNames(r),
      dueAt,
      dueDay,
      dueTime: clinicTime(dueAt),
      endOfDay: r.override_due_at === null && counting !== 'clock',
      overridden: r.override_due_at !== null,
      needsReview: r.needs_review === 1,
      state: dueDay < today ? 'overdue' : dueDay === today ? 'today' : 'soon',
    };
  });
}

/** Hearings and appointments between two instants with one of `statuses`, on the cases this session may see. */
export async function hearingsBetween(trx: Trx, session: Session, lawyer: number | undefined, from: string, to: string, statuses: readonly HearingStatus[]): Promise<Array<HearingItem & { status: HearingStatus }>> {
  let hearingRows = trx
    .selectFrom('hearings')
    .innerJoin('cases', 'cases.id', 'hearings.case_id')
    .innerJoin('beneficiaries', 'beneficiaries.id', 'cases.beneficiary_id')
    .leftJoin('accounts', 'accounts.id', 'cases.assigned_lawyer_id')
    .select(['hearings.id', 'hearings.kind', 'hearings.at', 'hearings.place', 'hearings.room', 'cases.id as caseId', 'cases.reference', 'beneficiaries.latin_name', 'beneficiaries.arabic_name', 'accounts.full_name as lawyer', 'hearings.status'])
    .where('hearings.status', 'in', statuses)
    .where('hearings.at', '>=', from)
    .where('hearings.at', '<=', to)
    .where(caseVisible(session, true));
  if (lawyer !== undefined) hearingRows = hearingRows.where(lawyerHint(lawyer));
  return (await hearingRows.orderBy('hearings.at').limit(500).execute()).map((h) => ({
    hearingId: h.id,
    caseId: h.caseId,
    reference: h.reference,
    person: h.latin_name || h.arabic_name,
    lawyer: h.lawyer,
    kind: h.kind as HearingItem['kind'],
    at: h.at,
    place: h.place,
    room: h.room,
    status: h.status,
  }));
}
