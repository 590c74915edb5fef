import { localIsoDate, pastDateIssue } from '../../../shared/domain/dates';
import { refuseFields } from '../errors';
import type { HandlerGroup } from '../handler-types';
import { assignCase, caseDetail, countCases, createCase, listCases, markAssignmentsSeen, newlyAssignedIds, setCaseStatus, updateCase } from '../registry/cases';

export const caseHandlers: HandlerGroup<'cases'> = {
  async 'cases:create'(input, { trx, session, state, target }) {
    refuseFields(pastDateIssue('intakeDate', input.intakeDate, localIsoDate(state.now())));
    const id = await createCase(trx, input, session, state.nowIso());
    target('case', id, { beneficiaryId: input.beneficiaryId });
    return caseDetail(trx, id, session, true);
  },

  async 'cases:get'(input, { trx, session, state, target }) {
    target('case', input.id);
    const detail = await caseDetail(trx, input.id, session);
    if (detail.assignedLawyerId === session.accountId) await markAssignmentsSeen(trx, input.id, session, state.nowIso());
    return detail;
  },

  async 'cases:newlyAssigned'(_input, { trx, session, target }) {
    target('case', null, { kind: 'newlyAssigned' });
    const ids = await newlyAssignedIds(trx, session);
    if (ids.length === 0) return [];
    const { items } = await listCases(trx, { sort: 'intake_desc', limit: ids.length, cursor: undefined }, session, ids);
    return ids.map((id) => items.find((c) => c.id === id)).filter((c) => c !== undefined);
  },

  async 'cases:update'(input, { trx, session, state, target }) {
    target('case', input.id);
    refuseFields(pastDateIssue('fields.intakeDate', input.fields.intakeDate, localIsoDate(state.now())));
    await updateCase(trx, input.id, input.fields, session, state.nowIso());
    return caseDetail(trx, input.id, session);
  },

  async 'cases:count'(input, { trx, session, target }) {
    target('case', null, { kind: 'count' });
    return { total: await countCases(trx, input, session) };
  },

  async 'cases:list'(input, { trx, session, target }) {
    target('case', null, { kind: 'list' });
    return listCases(trx, input, session);
  },

  async 'cases:setStatus'(input, { trx, session, state, target }) {
    target('case', input.id, { status: input.status });
    await setCaseStatus(trx, input, session, state.nowIso());
    return caseDetail(trx, input.id, session);
  },

  async 'cases:assign'(input, { trx, session, state, target }) {
    target('case', input.id, { lawyerId: input.lawyerId });
    await assignCase(trx, input.id, input.lawyerId, session, state.nowIso());
    return caseDetail(trx, input.id, session);
  },
};
