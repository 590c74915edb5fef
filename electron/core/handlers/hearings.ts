import type { HandlerGroup } from '../handler-types';
import { createHearing, listHearings, recordHearing } from '../registry/hearings';

/** Hearings and appointments (issue #12); audit entries name the case. */
export const hearingHandlers: HandlerGroup<'hearings'> = {
  async 'hearings:list'(input, { trx, session, target }) {
    target('case', input.caseId, { kind: 'hearings' });
    return listHearings(trx, input.caseId, session);
  },

  async 'hearings:create'(input, { trx, session, state, target }) {
    target('case', input.caseId, { hearing: 'new' });
    const hearing = await createHearing(trx, input.caseId, input.fields, session, state.now());
    target('case', input.caseId, { hearingId: hearing.id });
    return hearing;
  },

  async 'hearings:record'(input, { trx, session, state, target }) {
    const all = await recordHearing(trx, input.id, input.outcome, session, state.now());
    target('case', all[0]?.caseId ?? null, { hearingId: input.id, status: input.outcome.status });
    return all;
  },
};
