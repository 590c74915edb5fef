import type { HandlerGroup } from '../handler-types';
import {
  beneficiaryDetail,
  createBeneficiary,
  findCandidates,
  linkHousehold,
  listBeneficiaries,
  unlinkHousehold,
  updateBeneficiary,
} from '../registry/beneficiaries';
import { mergeBeneficiaries, undoableUntil, unmergeBeneficiaries } from '../registry/merges';

export const beneficiaryHandlers: HandlerGroup<'beneficiaries'> = {
  async 'beneficiaries:candidates'(input, { trx, target }) {
    target('beneficiary', null, { kind: 'candidates' });
    return findCandidates(trx, input);
  },

  async 'beneficiaries:create'(input, { trx, session, state, target }) {
    const id = await createBeneficiary(trx, input, session, state.nowIso());
    target('beneficiary', id);
    return beneficiaryDetail(trx, id, session);
  },

  async 'beneficiaries:update'(input, { trx, session, state, target }) {
    target('beneficiary', input.id);
    await updateBeneficiary(trx, input.id, input.fields, session, state.nowIso());
    return beneficiaryDetail(trx, input.id, session);
  },

  async 'beneficiaries:get'(input, { trx, session, target }) {
    target('beneficiary', input.id);
    return beneficiaryDetail(trx, input.id, session);
  },

  async 'beneficiaries:list'(input, { trx, target }) {
    target('beneficiary', null, { kind: 'list' });
    return listBeneficiaries(trx, input);
  },

  async 'beneficiaries:linkHousehold'(input, { trx, session, target }) {
    target('beneficiary', input.id, { relatedId: input.relatedId, relation: input.relation });
    await linkHousehold(trx, input.id, input.relatedId, input.relation);
    return beneficiaryDetail(trx, input.id, session);
  },

  async 'beneficiaries:unlinkHousehold'(input, { trx, session, target }) {
    target('beneficiary', input.id, { linkId: input.linkId });
    await unlinkHousehold(trx, input.id, input.linkId);
    return beneficiaryDetail(trx, input.id, session);
  },

  async 'beneficiaries:merge'(input, { trx, session, state, target }) {
    target('beneficiary', input.keepId, { merged: input.mergeId });
    const mergeId = await mergeBeneficiaries(trx, input.keepId, input.mergeId, session, state.nowIso());
    return { mergeId, kept: await beneficiaryDetail(trx, input.keepId, session) };
  },

  async 'beneficiaries:unmerge'(input, { trx, session, state, target }) {
    target('beneficiary_merge', input.mergeId);
    const keptId = await unmergeBeneficiaries(trx, input.mergeId, state.nowIso());
    return beneficiaryDetail(trx, keptId, session);
  },

  async 'beneficiaries:merges'(_input, { trx, target }) {
    target('beneficiary_merge', null);
    const rows = await trx
      .selectFrom('beneficiary_merges')
      .innerJoin('accounts', 'accounts.id', 'beneficiary_merges.by_account')
      .select(['beneficiary_merges.id', 'kept_id', 'merged_id', 'at', 'accounts.full_name', 'undone_at'])
      .orderBy('beneficiary_merges.id', 'desc')
      .limit(50)
      .execute();
    return rows.map((r) => ({ id: r.id, keptId: r.kept_id, mergedId: r.merged_id, at: r.at, by: r.full_name, undoneAt: r.undone_at, undoableUntil: undoableUntil(r.at) }));
  },
};
