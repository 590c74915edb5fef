import type { Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../../db/schema/store';
import type { HearingsTable } from '../../../db/schema/store/hearings';
import type { Hearing, hearingFieldsSchema, hearingOutcomeSchema } from '../../../shared/contract/hearings';
import { instantAt as instantOf } from '../../../shared/deadlines/zone';
import { localIsoDate, yearsBefore } from '../../../shared/domain/dates';
import { MAX_HEARING_YEARS_AHEAD, type HearingKind } from '../../../shared/domain/hearing';
import { AppError, refuseFields } from '../errors';
import type { Session } from '../sessions';
import { loadVisibleCase } from './cases';

type Trx = Transaction<StoreDatabase>;
type Row = Selectable<HearingsTable>;

/** A hearing is dated within ten years back and five ahead: beyond, a typing slip. */
function dateIssues(date: string, now: Date, path: string) {
  const today = localIsoDate(now);
  const ahead = `${Number(today.slice(0, 4)) + MAX_HEARING_YEARS_AHEAD}${today.slice(4)}`;
  if (date < yearsBefore(today, 10)) return [{ path, message: 'validation.activityTooOld' }];
  if (date > ahead) return [{ path, message: 'validation.tooFarAhead' }];
  return [];
}

function view(r: Row, names: Map<number, string>): Hearing {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind as HearingKind,
    at: r.at,
    date: r.day,
    time: r.time,
    place: r.place,
    room: r.room,
    purpose: r.purpose,
    status: r.status,
    result: r.result,
    previousId: r.previous_id,
    nextId: r.next_id,
    createdBy: names.get(r.created_by) ?? '',
  };
}

export async function listHearings(trx: Trx, caseId: number, session: Session): Promise<Hearing[]> {
  await loadVisibleCase(trx, caseId, session);
  const rows = await trx.selectFrom('hearings').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy('id').execute();
  const names = new Map((await trx.selectFrom('accounts').select(['id', 'full_name']).execute()).map((a) => [a.id, a.full_name]));
  return rows.map((r) => view(r, names));
}

async function insertHearing(trx: Trx, caseId: number, f: z.output<typeof hearingFieldsSchema>, previousId: number | null, session: Session, now: string): Promise<number> {
  const { id } = await trx
    .insertInto('hearings')
    .values({
      case_id: caseId,
      kind: f.kind,
      at: instantOf(f.date, f.time),
      day: f.date,
      time: f.time,
      place: f.place,
      room: f.room,
      purpose: f.purpose,
      status: 'scheduled',
      previous_id: previousId,
      next_id: null,
      created_at: now,
      created_by: session.accountId,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Whoever may see the case schedules on it (lawyers their cases, intake theirs, supervisors all). */
export async function createHearing(trx: Trx, caseId: number, f: z.output<typeof hearingFieldsSchema>, session: Session, now: Date): Promise<Hearing> {
  await loadVisibleCase(trx, caseId, session);
  refuseFields(dateIssues(f.date, now, 'fields.date'));
  const id = await insertHearing(trx, caseId, f, null, session, now.toISOString());
  return (await listHearings(trx, caseId, session)).find((h) => h.id === id)!;
}

/**
 * What happened at a scheduled hearing. "Adjourned" makes the next hearing in the same step
 * (same kind, place, room and purpose, at the new date and time), linked both ways.
 */
export async function recordHearing(trx: Trx, id: number, o: z.output<typeof hearingOutcomeSchema>, session: Session, now: Date): Promise<Hearing[]> {
  const row = await trx.selectFrom('hearings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  await loadVisibleCase(trx, row.case_id, session);
  if (row.status !== 'scheduled') throw new AppError('CONFLICT', 'already recorded');
  const nowIso = now.toISOString();
  let nextId: number | null = null;
  if (o.status === 'adjourned') {
    refuseFields(dateIssues(o.nextDate, now, 'outcome.nextDate'));
    if (instantOf(o.nextDate, o.nextTime) <= row.at) refuseFields([{ path: 'outcome.nextDate', message: 'validation.adjournedBefore' }]);
    nextId = await insertHearing(trx, row.case_id, { kind: row.kind as HearingKind, date: o.nextDate, time: o.nextTime, place: row.place, room: row.room, purpose: row.purpose }, id, session, nowIso);
  }
  await trx.updateTable('hearings').set({ status: o.status, result: o.result, next_id: nextId, updated_at: nowIso }).where('id', '=', id).execute();
  return listHearings(trx, row.case_id, session);
}
