import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../../db/schema/store';
import type { CalendarData, calendarInputSchema } from '../../../shared/contract/calendar';
import { atLocal, endOfDay, localDay } from '../../../shared/deadlines/zone';
import type { Session } from '../sessions';
import { holidaysBetween } from './holidays';
import { tasksBetween } from './tasks';
import { hearingsBetween, openDeadlines, scope } from './work';

type Trx = Transaction<StoreDatabase>;
const LIMIT = 500;

/**
 * The calendar (issue #12): open deadlines, hearings and appointments, tasks and holidays
 * between two clinic-time days, for one lawyer or (supervisors, administrators) everyone.
 * Each kind keeps the visibility rules of its own list; a lawyer sees only their own.
 */
export async function calendarEntries(trx: Trx, input: z.output<typeof calendarInputSchema>, session: Session, now: Date): Promise<CalendarData> {
  const { lawyer } = scope(session, input.lawyerId);
  const from = atLocal(input.from, 0, 0).toDate().toISOString();
  const to = endOfDay(input.to).toDate().toISOString();
  const today = localDay(now.toISOString());
  const deadlines = await openDeadlines(trx, session, lawyer, { from, to }, today);
  const hearings = await hearingsBetween(trx, session, lawyer, from, to, ['scheduled', 'held', 'adjourned']);
  // Intake staff have no caseload of their own: their tasks are the ones given to them.
  const assignee = lawyer ?? (session.role === 'intake' ? session.accountId : undefined);
  const tasks = await tasksBetween(trx, session, assignee, input.from, input.to, now);
  const holidays = await holidaysBetween(trx, input.from, input.to);
  const truncated = [deadlines, hearings, tasks].some((list) => list.length >= LIMIT);
  return { deadlines, hearings, tasks, holidays, truncated };
}
