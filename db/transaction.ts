import type { Kysely, Transaction } from 'kysely';

/**
 * The one way to run a transaction: commits when `fn` resolves, rolls back when it throws
 * (Kysely's transaction().execute semantics), and refuses to nest, because a nested call
 * would silently join the outer transaction and its "rollback" would not roll anything back.
 */
export async function withTransaction<DB, T>(db: Kysely<DB>, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) throw new Error('nested transactions are refused');
  return db.transaction().execute(fn);
}
