import type { HandlerGroup } from '../handler-types';
import { myWork, teamWork } from '../registry/work';

export const workHandlers: HandlerGroup<'work'> = {
  async 'work:mine'(input, { trx, session, state, target }) {
    target('account', input.lawyerId ?? session.accountId, { kind: 'work' });
    return myWork(trx, session, input.lawyerId, state.now());
  },

  async 'work:team'(_input, { trx, state, target }) {
    target('account', null, { kind: 'team' });
    return teamWork(trx, state.now());
  },
};
