import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../../db/schema/store';

/**
 * The store's `settings` table: one JSON value per key (idle lock, backups, store checks,
 * the recovery-key check). Writes replace the row; a missing row reads as null.
 */
export async function putSetting(db: Kysely<StoreDatabase>, key: string, value: unknown): Promise<void> {
  const text = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: text })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: text }))
    .execute();
}
