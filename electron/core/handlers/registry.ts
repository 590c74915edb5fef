import type { Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { Domain } from '../../../shared/contract/registry';
import { AppError } from '../errors';
import type { HandlerGroup } from '../handler-types';
import { globalSearch } from '../registry/search';

async function listDomains(trx: Transaction<StoreDatabase>): Promise<Domain[]> {
  const rows = await trx.selectFrom('domains').selectAll().orderBy('sort').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, ar: r.label_ar, fr: r.label_fr, en: r.label_en, active: r.active === 1 }));
}

export const registryHandlers: HandlerGroup<'domains' | 'enquiries' | 'search' | 'staff'> = {
  async 'domains:list'(_input, { trx }) {
    return listDomains(trx);
  },

  async 'domains:save'(input, { trx, target }) {
    const clash = await trx.selectFrom('domains').select('id').where('code', '=', input.code).executeTakeFirst();
    if (clash && clash.id !== input.id) {
      throw new AppError('CONFLICT', 'code taken', { fields: [{ path: 'code', message: 'errors.CONFLICT' }] });
    }
    const values = { code: input.code, label_ar: input.ar, label_fr: input.fr, label_en: input.en, active: input.active ? 1 : 0 };
    if (input.id === null) {
      const { max } = await trx.selectFrom('domains').select((eb) => eb.fn.max('sort').as('max')).executeTakeFirstOrThrow();
      const { id } = await trx.insertInto('domains').values({ ...values, sort: (max ?? 0) + 1 }).returning('id').executeTakeFirstOrThrow();
      target('domain', id);
    } else {
      const result = await trx.updateTable('domains').set(values).where('id', '=', input.id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
      target('domain', input.id);
    }
    return listDomains(trx);
  },

  async 'enquiries:create'(input, { trx, session, state, target }) {
    const domain = await trx.selectFrom('domains').select('id').where('id', '=', input.domainId).executeTakeFirst();
    if (!domain) throw new AppError('VALIDATION', 'unknown domain', { fields: [{ path: 'domainId', message: 'validation.invalidChoice' }] });
    const at = state.nowIso();
    const { id } = await trx
      .insertInto('enquiries')
      .values({ at, channel: input.channel, domain_id: input.domainId, question: input.question, answer: input.answer, created_by: session.accountId })
      .returning('id')
      .executeTakeFirstOrThrow();
    target('enquiry', id);
    return { id, at, channel: input.channel, domainId: input.domainId, question: input.question, answer: input.answer, by: session.fullName };
  },

  async 'enquiries:list'(input, { trx, target }) {
    target('enquiry', null);
    const rows = await trx
      .selectFrom('enquiries')
      .innerJoin('accounts', 'accounts.id', 'enquiries.created_by')
      .select(['enquiries.id', 'at', 'channel', 'domain_id', 'question', 'answer', 'accounts.full_name'])
      .orderBy('enquiries.id', 'desc')
      .limit(input.limit)
      .execute();
    return rows.map((r) => ({ id: r.id, at: r.at, channel: r.channel, domainId: r.domain_id, question: r.question, answer: r.answer, by: r.full_name }));
  },

  async 'search:global'(input, { trx, session, target }) {
    // The query itself is not logged: it is often a person's name.
    target('search', null);
    return globalSearch(trx, input.query, session);
  },

  async 'staff:lawyers'(_input, { trx }) {
    const rows = await trx.selectFrom('accounts').select(['id', 'full_name']).where('role', '=', 'lawyer').where('active', '=', 1).orderBy('full_name').execute();
    return rows.map((r) => ({ id: r.id, fullName: r.full_name }));
  },
};
