import type { HandlerGroup } from '../handler-types';
import { calendarEntries } from '../registry/calendar';

/** The calendar (issue #12): traced like "my work", against whose calendar was opened. */
export const calendarHandlers: HandlerGroup<'calendar'> = {
  async 'calendar:entries'(input, { trx, session, state, target }) {
    target('account', input.lawyerId ?? (session.role === 'lawyer' ? session.accountId : null), { from: input.from, to: input.to });
    return calendarEntries(trx, input, session, state.now());
  },
};
