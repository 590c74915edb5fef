import type { Selectable, Transaction } from 'kysely';
import { StoreOpenError } from '../../../db/errors';
import type { StoreDatabase } from '../../../db/schema/store';
import type { AccountsTable } from '../../../db/schema/store/accounts';
import { withTransaction } from '../../../db/transaction';
import { appendAudit } from '../audit';
import { TamperedSlotError } from '../crypto/kdf';
import { AppError } from '../errors';
import type { Session } from '../sessions';
import type { CoreState } from '../state';

/**
 * The shared path of login, unlock and recovery once a data key is in hand: open the store
 * (or check it is the one already open), load the account, refuse inactive ones, move the
 * queued audit events in, and record the unlock, all in one transaction.
 */
export async function openSessionWithKey(
  state: CoreState,
  clientId: string,
  dataKey: Buffer,
  find: { accountId: number } | { username: string },
  action: string,
  before?: (account: Selectable<AccountsTable>, trx: Transaction<StoreDatabase>) => Promise<void>,
): Promise<Session> {
  let store;
  try {
    store = state.vault.openWith(dataKey);
  } catch (error) {
    if (error instanceof StoreOpenError) throw error; // typed by the router
    if (error instanceof TamperedSlotError) throw new AppError('INVALID_CREDENTIALS');
    throw error;
  }
  try {
    const session = await withTransaction(store.db, async (trx) => {
      const query = trx.selectFrom('accounts').selectAll();
      const account = await ('accountId' in find
        ? query.where('id', '=', find.accountId)
        : query.where('username', '=', find.username)
      ).executeTakeFirst();
      if (!account || account.active !== 1) throw new AppError('INVALID_CREDENTIALS');
      await before?.(account, trx);
      await state.flushPendingAudit(trx);
      await appendAudit(trx, { accountId: account.id, action, outcome: 'ok' }, state.nowIso());
      await state.loadIdleLockMinutes(trx);
      await state.checks.storeOpened(trx);
      await state.backups.storeOpened(trx);
      const refreshed = await trx
        .selectFrom('accounts')
        .select('must_change_password')
        .where('id', '=', account.id)
        .executeTakeFirstOrThrow();
      return {
        clientId,
        accountId: account.id,
        username: account.username,
        fullName: account.full_name,
        role: account.role,
        language: account.language,
        state: 'unlocked' as const,
        mustChangePassword: refreshed.must_change_password === 1,
        lastActivityMs: state.now().getTime(),
      };
    });
    state.sessions.set(clientId, session);
    return session;
  } catch (error) {
    await state.closeStoreIfUnused();
    throw error;
  }
}

/** Checks the growing delay before spending a key derivation on an attempt. */
export async function checkThrottle(state: CoreState, lookup: string, action: string, accountId: number | null): Promise<void> {
  const wait = state.throttle.waitSeconds(lookup);
  if (wait > 0) {
    await state.audit({ accountId, action, outcome: 'denied', details: { code: 'RATE_LIMITED' } });
    throw new AppError('RATE_LIMITED', 'too many attempts', { retryAfterSeconds: wait });
  }
}

export async function recordFailure(state: CoreState, lookup: string, action: string, accountId: number | null): Promise<void> {
  state.throttle.recordFailure(lookup);
  await state.audit({ accountId, action, outcome: 'failed', details: { code: 'INVALID_CREDENTIALS' } });
}

/** A password attempt: a wrong password and a tampered or unknown slot look the same. */
export async function tryPassword(state: CoreState, username: string, password: string) {
  try {
    return await state.vault.unwrapWithPassword(username, password);
  } catch (error) {
    if (error instanceof TamperedSlotError) return null;
    throw error;
  }
}
