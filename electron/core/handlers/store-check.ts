import type { HandlerGroup } from '../handler-types';

export const storeCheckHandlers: HandlerGroup<'storeCheck'> = {
  async 'storeCheck:status'(_input, { state }) {
    return state.checks.status();
  },

  async 'storeCheck:run'(input, { state, session, target }) {
    target('store', null, { kind: input.kind });
    state.checks.start(input.kind, 'administrator', session.accountId);
    return state.checks.status();
  },
};
