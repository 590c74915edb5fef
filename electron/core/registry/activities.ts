import { sql, type ExpressionBuilder, type Expression, type SqlBool, type Selectable, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../../db/schema/store';
import type { ActivitiesTable } from '../../../db/schema/store/activities';
import type { Activity, ActivityFields, ActivityRevision, activityListInputSchema } from '../../../shared/contract/activities';
import { activityDateIssues } from '../../../shared/domain/activity';
import { localIsoDate } from '../../../shared/domain/dates';
import { instantAt } from '../../../shared/deadlines/zone';
import { AppError, refuseFields } from '../errors';
import type { Session } from '../sessions';
import { loadVisibleCase } from './cases';
import { decodeCursor, encodeCursor } from './cursor';

type Trx = Transaction<StoreDatabase>;
type Row = Selectable<ActivitiesTable>;

/** Supervisors and administrators read and correct every activity of the cases they see. */
const oversees = (session: Session): boolean => session.role === 'supervisor' || session.role === 'admin';

/**
 * A restricted activity (violence, health, what the person asked to keep close) is read by its
 * author, the case's lawyer and supervisors only. For anyone else it does not exist: absent
 * from lists and NOT_FOUND when named, like a hidden case.
 */
function readable(session: Session, lawyerId: number | null) {
  return (eb: ExpressionBuilder<StoreDatabase, 'activities'>): Expression<SqlBool> => {
    if (oversees(session) || lawyerId === session.accountId) return sql<SqlBool>`1 = 1`;
    return eb.or([eb('activities.restricted', '=', 0), eb('activities.author_id', '=', session.accountId)]);
  };
}

function columns(f: ActivityFields) {
  return {
    kind: f.kind,
    accompaniment_to: f.kind === 'accompaniment' ? f.accompanimentTo : '',
    occurred_at: instantAt(f.date, f.time),
    occurred_day: f.date,
    occurred_time: f.time,
    duration_minutes: f.durationMinutes,
    language: f.language,
    interpreter: f.interpreter ? 1 : 0,
    notes: f.notes,
    next_action: f.nextAction.trim() ? f.nextAction : '',
    next_action_date: f.nextActionDate || null,
    restricted: f.restricted ? 1 : 0,
  };
}

function fieldsOf(row: Pick<Row, keyof ReturnType<typeof columns>>): ActivityRevision['fields'] {
  return {
    kind: row.kind as ActivityFields['kind'],
    accompanimentTo: row.accompaniment_to,
    date: row.occurred_day,
    time: row.occurred_time,
    durationMinutes: row.duration_minutes,
    language: row.language,
    interpreter: row.interpreter === 1,
    notes: row.notes,
    nextAction: row.next_action,
    nextActionDate: row.next_action_date ?? '',
    restricted: row.restricted === 1,
  };
}

/** The date rules that need the clock: not in the future (to the minute), not ten years back. */
function checkWhen(f: ActivityFields, now: Date): void {
  const issues = activityDateIssues(f, localIsoDate(now), 'fields.');
  if (issues.length === 0 && Date.parse(instantAt(f.date, f.time)) > now.getTime() + 60_000) {
    issues.push({ path: 'fields.time', message: 'validation.dateInFuture' });
  }
  refuseFields(issues);
}

async function accountNames(trx: Trx): Promise<Map<number, string>> {
  return new Map((await trx.selectFrom('accounts').select(['id', 'full_name']).execute()).map((a) => [a.id, a.full_name]));
}

function toView(row: Row, names: Map<number, string>, session: Session): Activity {
  return {
    id: row.id,
    caseId: row.case_id,
    ...fieldsOf(row),
    occurredAt: row.occurred_at,
    authorId: row.author_id,
    author: names.get(row.author_id) ?? '',
    createdAt: row.created_at,
    revision: row.revision,
    editedAt: row.edited_at,
    editedBy: row.edited_by === null ? null : (names.get(row.edited_by) ?? ''),
    canEdit: mayEdit(session, row),
  };
}

function mayEdit(session: Session, row: Pick<Row, 'author_id'>): boolean {
  return oversees(session) || row.author_id === session.accountId;
}

/** An activity this session may read, with its case; NOT_FOUND otherwise. */
async function loadReadable(trx: Trx, id: number, session: Session): Promise<Row> {
  const row = await trx.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  const kase = await loadVisibleCase(trx, row.case_id, session);
  const ok = await trx.selectFrom('activities').select('id').where('id', '=', id).where(readable(session, kase.assigned_lawyer_id)).executeTakeFirst();
  if (!ok) throw new AppError('NOT_FOUND');
  return row;
}

/**
 * Who records: whoever may see the case (a lawyer their assigned cases, intake staff the cases
 * they opened, supervisors all), which loadVisibleCase enforces.
 */
export async function createActivity(trx: Trx, caseId: number, f: ActivityFields, session: Session, now: Date): Promise<Activity> {
  await loadVisibleCase(trx, caseId, session);
  checkWhen(f, now);
  const { id } = await trx
    .insertInto('activities')
    .values({ case_id: caseId, ...columns(f), author_id: session.accountId, created_at: now.toISOString(), edited_at: null, edited_by: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return activityView(trx, id, session);
}

export async function activityView(trx: Trx, id: number, session: Session): Promise<Activity> {
  return toView(await loadReadable(trx, id, session), await accountNames(trx), session);
}

/**
 * An edit keeps the text it replaces (activity_revisions) before writing the new one, and is
 * refused if the activity changed since the editor loaded it.
 */
export async function updateActivity(trx: Trx, id: number, revision: number, f: ActivityFields, session: Session, now: Date): Promise<Activity> {
  const row = await loadReadable(trx, id, session);
  if (!mayEdit(session, row)) throw new AppError('FORBIDDEN');
  if (row.revision !== revision) throw new AppError('CONFLICT', 'edited meanwhile');
  checkWhen(f, now);
  await trx
    .insertInto('activity_revisions')
    .values({
      activity_id: id,
      revision: row.revision,
      fields: JSON.stringify(fieldsOf(row)),
      written_by: row.edited_by ?? row.author_id,
      written_at: row.edited_at ?? row.created_at,
    })
    .execute();
  await trx
    .updateTable('activities')
    .set({ ...columns(f), revision: row.revision + 1, edited_at: now.toISOString(), edited_by: session.accountId })
    .where('id', '=', id)
    .execute();
  return activityView(trx, id, session);
}

/** Every text the activity had, oldest first, the current one last. */
export async function activityHistory(trx: Trx, id: number, session: Session): Promise<ActivityRevision[]> {
  const row = await loadReadable(trx, id, session);
  const names = await accountNames(trx);
  const earlier = await trx.selectFrom('activity_revisions').selectAll().where('activity_id', '=', id).orderBy('revision').execute();
  return [
    ...earlier.map((r) => ({
      revision: r.revision,
      fields: JSON.parse(r.fields) as ActivityRevision['fields'],
      writtenBy: names.get(r.written_by) ?? '',
      writtenAt: r.written_at,
    })),
    { revision: row.revision, fields: fieldsOf(row), writtenBy: names.get(row.edited_by ?? row.author_id) ?? '', writtenAt: row.edited_at ?? row.created_at },
  ];
}

/** One page of a case's activities, newest first (keyset on the instant, then the id). */
export async function listActivities(trx: Trx, input: z.output<typeof activityListInputSchema>, session: Session) {
  const kase = await loadVisibleCase(trx, input.caseId, session);
  let query = trx.selectFrom('activities').selectAll().where('case_id', '=', input.caseId).where(readable(session, kase.assigned_lawyer_id));
  if (input.kind) query = query.where('kind', '=', input.kind);
  const after = decodeCursor(input.cursor);
  if (after) {
    const key = String(after.key);
    query = query.where((eb) => eb.or([eb('occurred_at', '<', key), eb.and([eb('occurred_at', '=', key), eb('id', '<', after.id)])]));
  }
  const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(input.limit + 1).execute();
  const names = await accountNames(trx);
  const items = rows.slice(0, input.limit).map((r) => toView(r, names, session));
  const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
  return { items, nextCursor: last ? encodeCursor(last.occurred_at, last.id) : null };
}
