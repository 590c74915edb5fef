import { sql, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../../db/schema/store';
import type { TasksTable } from '../../../db/schema/store/tasks';
import type { Task, taskFieldsSchema } from '../../../shared/contract/tasks';
import { addDays, localDay } from '../../../shared/deadlines/zone';
import { AppError, refuseFields } from '../errors';
import type { Session } from '../sessions';
import { loadVisibleCase } from './cases';
import { caseVisible } from './visibility';

type Trx = Transaction<StoreDatabase>;
type Row = Selectable<TasksTable>;

const oversees = (s: Pick<Session, 'role'>) => s.role === 'supervisor' || s.role === 'admin';

function state(r: Row, today: string): Task['state'] {
  if (r.status === 'done') return 'done';
  if (!r.due_date) return 'open';
  if (r.due_date < today) return 'overdue';
  if (r.due_date === today) return 'today';
  return r.due_date <= addDays(today, 7) ? 'soon' : 'open';
}

async function taskViews(trx: Trx, rows: Row[], now: Date): Promise<Task[]> {
  const names = new Map((await trx.selectFrom('accounts').select(['id', 'full_name']).execute()).map((a) => [a.id, a.full_name]));
  const caseIds = [...new Set(rows.map((r) => r.case_id).filter((id): id is number => id !== null))];
  const refs = new Map(caseIds.length ? (await trx.selectFrom('cases').select(['id', 'reference']).where('id', 'in', caseIds).execute()).map((c) => [c.id, c.reference]) : []);
  const today = localDay(now.toISOString());
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    reference: r.case_id === null ? null : (refs.get(r.case_id) ?? null),
    title: r.title,
    dueDate: r.due_date ?? '',
    assigneeId: r.assignee_id,
    assignee: names.get(r.assignee_id) ?? '',
    notes: r.notes,
    status: r.status,
    doneAt: r.done_at,
    createdBy: names.get(r.created_by) ?? '',
    state: state(r, today),
  }));
}

/**
 * A task on a case follows the case's visibility; a task alone is seen by whom it is assigned
 * to, who wrote it, and supervisors. NOT_FOUND otherwise.
 */
async function loadTask(trx: Trx, id: number, session: Session): Promise<Row> {
  const row = await trx.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  if (row.case_id !== null) await loadVisibleCase(trx, row.case_id, session);
  else if (!oversees(session) && row.assignee_id !== session.accountId && row.created_by !== session.accountId) throw new AppError('NOT_FOUND');
  return row;
}

/** The one a task is given to must be an active account that may see its case. */
async function checkAssignee(trx: Trx, assigneeId: number, caseId: number | null): Promise<void> {
  const account = await trx.selectFrom('accounts').select(['id', 'role']).where('id', '=', assigneeId).where('active', '=', 1).executeTakeFirst();
  if (!account) throw new AppError('VALIDATION', 'invalid assignee', { fields: [{ path: 'fields.assigneeId', message: 'validation.invalidChoice' }] });
  if (caseId === null) return;
  // The assignee's visibility, as their own session would have it.
  const as = { accountId: assigneeId, role: account.role } as Session;
  const seen = await trx.selectFrom('cases').select('id').where('id', '=', caseId).where(caseVisible(as)).executeTakeFirst();
  if (!seen) refuseFields([{ path: 'fields.assigneeId', message: 'validation.assigneeCannotSeeCase' }]);
}

export async function createTask(trx: Trx, caseId: number | null, f: z.output<typeof taskFieldsSchema>, session: Session, now: Date): Promise<Task> {
  if (caseId !== null) await loadVisibleCase(trx, caseId, session);
  const assignee = f.assigneeId ?? session.accountId;
  await checkAssignee(trx, assignee, caseId);
  const { id } = await trx
    .insertInto('tasks')
    .values({ case_id: caseId, title: f.title, due_date: f.dueDate || null, assignee_id: assignee, notes: f.notes, status: 'open', done_at: null, done_by: null, created_at: now.toISOString(), created_by: session.accountId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await taskViews(trx, [await loadTask(trx, id, session)], now))[0]!;
}

export async function setTaskDone(trx: Trx, id: number, done: boolean, session: Session, now: Date): Promise<Task> {
  await loadTask(trx, id, session);
  await trx
    .updateTable('tasks')
    .set(done ? { status: 'done', done_at: now.toISOString(), done_by: session.accountId } : { status: 'open', done_at: null, done_by: null })
    .where('id', '=', id)
    .execute();
  return (await taskViews(trx, [await loadTask(trx, id, session)], now))[0]!;
}

/** A case's tasks (open first, then by due day), or the open tasks assigned to this account. */
export async function listTasks(trx: Trx, caseId: number | undefined, session: Session, now: Date): Promise<Task[]> {
  let query = trx.selectFrom('tasks').selectAll();
  if (caseId !== undefined) {
    await loadVisibleCase(trx, caseId, session);
    query = query.where('case_id', '=', caseId);
  } else {
    query = query
      .where('assignee_id', '=', session.accountId)
      .where('status', '=', 'open')
      // A task on a case the assignee can no longer see (reassigned) stays out of their list.
      .where((eb) => eb.or([eb('case_id', 'is', null), eb.exists(eb.selectFrom('cases').select(sql`1`.as('x')).whereRef('cases.id', '=', 'tasks.case_id').where(caseVisible(session, true)))]));
  }
  const rows = await query.orderBy(sql`status = 'done'`).orderBy(sql`due_date IS NULL`).orderBy('due_date').orderBy('id').limit(500).execute();
  return taskViews(trx, rows, now);
}

/**
 * Tasks due between two days for the calendar: one person's (assigned to them) or, for those
 * who oversee, everyone's. A task on a case follows the case's visibility; a task alone is seen
 * by its assignee, its writer and supervisors.
 */
export async function tasksBetween(trx: Trx, session: Session, assignee: number | undefined, from: string, to: string, now: Date): Promise<Task[]> {
  let query = trx
    .selectFrom('tasks')
    .selectAll()
    .where('due_date', '>=', from)
    .where('due_date', '<=', to)
    .where((eb) =>
      eb.or([
        eb.and([eb('case_id', 'is not', null), eb.exists(eb.selectFrom('cases').select(sql`1`.as('x')).whereRef('cases.id', '=', 'tasks.case_id').where(caseVisible(session, true)))]),
        eb.and([eb('case_id', 'is', null), oversees(session) ? sql<boolean>`1` : eb.or([eb('assignee_id', '=', session.accountId), eb('created_by', '=', session.accountId)])]),
      ]),
    );
  if (assignee !== undefined) query = query.where('assignee_id', '=', assignee);
  return taskViews(trx, await query.orderBy('due_date').orderBy('id').limit(500).execute(), now);
}

