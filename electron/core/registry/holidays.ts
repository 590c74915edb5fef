import type { Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../../db/schema/store';
import type { HolidaysTable } from '../../../db/schema/store/procedures';
import type { HolidayRow, holidayFieldsSchema } from '../../../shared/contract/holidays';
import type { StoredComputation } from '../../../shared/contract/procedures';
import { computeDeadline } from '../../../shared/deadlines/compute';
import { indexHolidays, type HolidayDay, type HolidayIndex } from '../../../shared/deadlines/holidays';
import { addDays, localDay } from '../../../shared/deadlines/zone';
import type { StepRule } from '../../../shared/domain/procedure';
import { AppError, refuseFields } from '../errors';
import type { Session } from '../sessions';

type Trx = Transaction<StoreDatabase>;
type Fields = z.output<typeof holidayFieldsSchema>;

function rowView(h: Selectable<HolidaysTable>, names: Map<number, string>): HolidayRow {
  return {
    id: h.id,
    date: h.date,
    name: { ar: h.name_ar, fr: h.name_fr, en: h.name_en },
    kind: h.kind,
    estimated: h.estimated === 1,
    updatedAt: h.updated_at,
    updatedBy: h.updated_by === null ? null : (names.get(h.updated_by) ?? ''),
  };
}

export async function holidaysBetween(trx: Trx, from: string, to: string): Promise<HolidayDay[]> {
  const rows = await trx.selectFrom('holidays').selectAll().where('date', '>=', from).where('date', '<=', to).orderBy('date').execute();
  return rows.map((h) => ({ date: h.date, estimated: h.estimated === 1, name: { ar: h.name_ar, fr: h.name_fr, en: h.name_en } }));
}

export async function holidayIndex(trx: Trx): Promise<HolidayIndex> {
  return indexHolidays(await holidaysBetween(trx, '0000-01-01', '9999-12-31'));
}

export async function listHolidayYear(trx: Trx, year: number): Promise<HolidayRow[]> {
  const rows = await trx.selectFrom('holidays').selectAll().where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).orderBy('date').orderBy('id').execute();
  const editors = [...new Set(rows.map((r) => r.updated_by).filter((id): id is number => id !== null))];
  const names = new Map(editors.length ? (await trx.selectFrom('accounts').select(['id', 'full_name']).where('id', 'in', editors).execute()).map((a) => [a.id, a.full_name]) : []);
  return rows.map((r) => rowView(r, names));
}

/**
 * Open deadlines whose counting window holds one of the changed days are computed again from
 * their stored trigger with the new table. A due date that moves is logged (`recomputed`) and
 * flagged for the lawyer, who confirms having seen it; an override stays in force, but its
 * step is flagged too, since the date it replaced has changed.
 *
 * A holiday after a deadline's computed due day cannot change it (rolling only moves forward
 * from the counted end, which is never after the due day), so only steps due on or after the
 * earliest changed day are read.
 */
export async function recomputeOpenDeadlines(trx: Trx, changedDays: readonly string[], session: Session, now: string): Promise<{ recomputed: number; moved: number }> {
  const earliest = [...changedDays].sort()[0];
  if (!earliest) return { recomputed: 0, moved: 0 };
  const latest = [...changedDays].sort().at(-1)!;
  // Instants are stored in UTC; a clinic-time day starts at most an hour before its UTC date.
  const candidates = await trx
    .selectFrom('procedure_steps')
    .select(['id', 'rule', 'computation', 'computed_due_at'])
    .where('done_at', 'is', null)
    .where('computation', 'is not', null)
    .where('computed_due_at', '>=', `${addDays(earliest, -1)}T00:00:00.000Z`)
    .execute();
  const holidays = await holidayIndex(trx);
  let recomputed = 0;
  let moved = 0;
  for (const step of candidates) {
    const before = JSON.parse(step.computation!) as StoredComputation;
    if (localDay(before.trigger) > latest || !step.rule) continue;
    const after = computeDeadline(before.trigger, JSON.parse(step.rule) as StepRule, holidays);
    const text = JSON.stringify(after);
    if (text === step.computation) continue;
    recomputed++;
    const dueMoved = after.due !== step.computed_due_at;
    await trx
      .updateTable('procedure_steps')
      .set({ computation: text, computed_due_at: after.due, ...(dueMoved ? { needs_review: 1 } : {}) })
      .where('id', '=', step.id)
      .execute();
    if (!dueMoved) continue;
    moved++;
    await trx.updateTable('procedure_steps').set({ due_at: after.due }).where('id', '=', step.id).where('override_due_at', 'is', null).execute();
    await trx.insertInto('deadline_log').values({ step_id: step.id, at: now, by_account: session.accountId, event: 'recomputed', due_at: after.due, reason: 'holidays' }).execute();
  }
  return { recomputed, moved };
}

async function refuseSameDay(trx: Trx, date: string, except: number | null): Promise<void> {
  let query = trx.selectFrom('holidays').select('id').where('date', '=', date);
  if (except !== null) query = query.where('id', '!=', except);
  if (await query.executeTakeFirst()) refuseFields([{ path: 'fields.date', message: 'validation.holidayExists' }]);
}

export async function saveHoliday(trx: Trx, id: number | null, f: Fields, session: Session, now: Date): Promise<{ id: number; changedDays: string[] }> {
  const values = {
    date: f.date,
    name_ar: f.nameAr,
    name_fr: f.nameFr,
    name_en: f.nameEn,
    kind: f.kind,
    // A fixed holiday's date is known; only lunar ones wait for the moon.
    estimated: f.kind === 'lunar' && f.estimated ? 1 : 0,
    updated_at: now.toISOString(),
    updated_by: session.accountId,
  };
  await refuseSameDay(trx, f.date, id);
  if (id === null) {
    const row = await trx.insertInto('holidays').values(values).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, changedDays: [f.date] };
  }
  const before = await trx.selectFrom('holidays').select(['date']).where('id', '=', id).executeTakeFirst();
  if (!before) throw new AppError('NOT_FOUND');
  await trx.updateTable('holidays').set(values).where('id', '=', id).execute();
  return { id, changedDays: [before.date, f.date] };
}

export async function removeHoliday(trx: Trx, id: number): Promise<string> {
  const row = await trx.deleteFrom('holidays').where('id', '=', id).returning('date').executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row.date;
}
