import { localIsoDate, personDateIssues } from '../../../shared/domain/dates';
import { refuseFields } from '../errors';
import type { HandlerGroup } from '../handler-types';
import {
  beneficiaryDetail,
  createBeneficiary,
  findCandidates,
  linkHousehold,
  countBeneficiaries,
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
    refuseFields(personDateIssues(input, localIsoDate(state.now())));
    const id = await createBeneficiary(trx, input, session, state.nowIso());
    target('beneficiary', id);
    return beneficiaryDetail(trx, id, session);
  },

  async 'beneficiaries:update'(input, { trx, session, state, target }) {
    target('beneficiary', input.id);
    refuseFields(personDateIssues(input.fields, localIsoDate(state.now()), 'fields.'));
    await updateBeneficiary(trx, input.id, input.fields, session, state.nowIso());
    return beneficiaryDetail(trx, input.id, session);
  },

  async 'beneficiaries:get'(input, { trx, session, target }) {
    target('beneficiary', input.id);
    return beneficiaryDetail(trx, input.id, session);
  },

  async 'beneficiaries:count'(input, { trx, target }) {
    target('beneficiary', null, { kind: 'count' });
    return { total: await countBeneficiaries(trx, input) };
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
    target('beneficiary', input.keepId, { merged: input.mergeId, take: input.take });
    const mergeId = await mergeBeneficiaries(trx, input.keepId, input.mergeId, input.take, session, state.nowIso());
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
      .innerJoin('beneficiaries as k', 'k.id', 'beneficiary_merges.kept_id')
      .innerJoin('beneficiaries as m', 'm.id', 'beneficiary_merges.merged_id')
      .select([
        'beneficiary_merges.id',
        'kept_id',
        'merged_id',
        'at',
        'moved',
        'accounts.full_name',
        'undone_at',
        'k.latin_name as kept_latin',
        'k.arabic_name as kept_arabic',
        'm.latin_name as merged_latin',
        'm.arabic_name as merged_arabic',
      ])
      .orderBy('beneficiary_merges.id', 'desc')
      .limit(50)
      .execute();
    const movedCases = new Map(rows.map((r) => [r.id, (JSON.parse(r.moved) as { cases: number[] }).cases]));
    const caseIds = [...new Set([...movedCases.values()].flat())];
    const references = new Map(
      (caseIds.length ? await trx.selectFrom('cases').select(['id', 'reference']).where('id', 'in', caseIds).execute() : []).map((c) => [c.id, c.reference]),
    );
    return rows.map((r) => ({
      id: r.id,
      keptId: r.kept_id,
      mergedId: r.merged_id,
      kept: { latinName: r.kept_latin, arabicName: r.kept_arabic },
      merged: { latinName: r.merged_latin, arabicName: r.merged_arabic },
      caseReferences: (movedCases.get(r.id) ?? []).map((id) => references.get(id) ?? '').filter(Boolean),
      at: r.at,
      by: r.full_name,
      undoneAt: r.undone_at,
      undoableUntil: undoableUntil(r.at),
    }));
  },
};
