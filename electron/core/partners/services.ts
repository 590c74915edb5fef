import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../../db/schema/store';
import type { saveServiceInputSchema, Service } from '../../../shared/contract/partners';
import { AppError, refuseFields } from '../errors';

type Trx = Transaction<StoreDatabase>;

export async function listServices(trx: Trx): Promise<Service[]> {
  const rows = await trx.selectFrom('services').selectAll().orderBy('sort').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, ar: r.label_ar, fr: r.label_fr, en: r.label_en, domainId: r.domain_id, active: r.active === 1 }));
}

/** Adds or changes a service; returns the new id. A code is unique; the domain must exist. */
export async function saveService(trx: Trx, input: z.output<typeof saveServiceInputSchema>): Promise<number> {
  const clash = await trx.selectFrom('services').select('id').where('code', '=', input.code).executeTakeFirst();
  if (clash && clash.id !== input.id) throw new AppError('CONFLICT', 'code taken', { fields: [{ path: 'code', message: 'errors.CONFLICT' }] });
  if (input.domainId !== null && !(await trx.selectFrom('domains').select('id').where('id', '=', input.domainId).executeTakeFirst())) {
    refuseFields([{ path: 'domainId', message: 'validation.invalidChoice' }]);
  }
  const values = { code: input.code, label_ar: input.ar, label_fr: input.fr, label_en: input.en, domain_id: input.domainId, active: input.active ? 1 : 0 };
  if (input.id === null) {
    const { max } = await trx.selectFrom('services').select((eb) => eb.fn.max('sort').as('max')).executeTakeFirstOrThrow();
    const { id } = await trx.insertInto('services').values({ ...values, sort: (max ?? 0) + 1 }).returning('id').executeTakeFirstOrThrow();
    return id;
  }
  const result = await trx.updateTable('services').set(values).where('id', '=', input.id).executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
  return input.id;
}
