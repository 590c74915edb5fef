import type { HandlerGroup } from '../handler-types';
import { listHolidayYear, recomputeOpenDeadlines, removeHoliday, saveHoliday } from '../registry/holidays';

/**
 * The public holidays the deadline arithmetic skips (issue #12). A change recomputes the open
 * deadlines it can move, in the same transaction: a table and deadlines that disagree are
 * never committed.
 */
export const holidayHandlers: HandlerGroup<'holidays'> = {
  async 'holidays:list'(input, { trx, target }) {
    target('holiday', null, { year: input.year });
    return listHolidayYear(trx, input.year);
  },

  async 'holidays:save'(input, { trx, session, state, target }) {
    const { id, changedDays } = await saveHoliday(trx, input.id, input.fields, session, state.now());
    const effect = await recomputeOpenDeadlines(trx, changedDays, session, state.nowIso());
    target('holiday', id, { date: input.fields.date, estimated: input.fields.estimated, ...effect });
    return { holidays: await listHolidayYear(trx, Number(input.fields.date.slice(0, 4))), ...effect };
  },

  async 'holidays:remove'(input, { trx, session, state, target }) {
    const date = await removeHoliday(trx, input.id);
    const effect = await recomputeOpenDeadlines(trx, [date], session, state.nowIso());
    target('holiday', input.id, { date, ...effect });
    return { holidays: await listHolidayYear(trx, Number(date.slice(0, 4))), ...effect };
  },
};
