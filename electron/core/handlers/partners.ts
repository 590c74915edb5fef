import type { HandlerGroup } from '../handler-types';
import { getPartner, listPartners, removePartner, savePartner, setPartnerActive } from '../partners/directory';
import { exportDirectory } from '../partners/export';
import { partnerReferrals } from '../partners/figures';
import { listServices, saveService } from '../partners/services';

/**
 * The partner directory (issue #14). Everyone reads it (intake refers people too);
 * supervisors and administrators edit it (the contract's access lists). Partners are
 * organisations, not beneficiaries: their names may appear in audit details.
 */
export const partnerHandlers: HandlerGroup<'services' | 'partners'> = {
  async 'services:list'(_input, { trx }) {
    return listServices(trx);
  },

  async 'services:save'(input, { trx, target }) {
    const id = await saveService(trx, input);
    target('service', id, { code: input.code, active: input.active });
    return listServices(trx);
  },

  async 'partners:list'(input, { trx, target }) {
    target('partner', null, { filtered: Boolean(input.query || input.place || input.serviceId || input.language) });
    return listPartners(trx, input);
  },

  async 'partners:get'(input, { trx, target }) {
    target('partner', input.id);
    return getPartner(trx, input.id);
  },

  async 'partners:referrals'(input, { trx, session, state, target }) {
    target('partner', input.partnerId, { kind: 'referrals' });
    return partnerReferrals(trx, input.partnerId, session, state.now());
  },

  async 'partners:save'(input, { trx, session, state, target }) {
    const id = await savePartner(trx, input.id, input.version, input.fields, session, state.now());
    target('partner', id, { name: input.fields.name, created: input.id === null });
    return getPartner(trx, id);
  },

  async 'partners:setActive'(input, { trx, session, state, target }) {
    await setPartnerActive(trx, input.id, input.active, session, state.now());
    target('partner', input.id, { active: input.active });
    return getPartner(trx, input.id);
  },

  async 'partners:export'(input, { trx, state, target }) {
    const file = await exportDirectory(trx, input.format, input.language, state.nowIso().slice(0, 10));
    target('partner', null, { export: input.format, language: input.language, rows: file.rows, sha256: file.sha256 });
    return file;
  },

  async 'partners:remove'(input, { trx, target }) {
    const name = await removePartner(trx, input.id);
    target('partner', input.id, { name });
    return { removed: true as const };
  },
};
