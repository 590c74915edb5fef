import type { Selectable, Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { AccountsTable } from '../../../db/schema/store/accounts';
import type { Account } from '../../../shared/contract/accounts';
import { AppError } from '../errors';
import type { HandlerGroup } from '../handler-types';
import type { CoreState } from '../state';

export function toAccount(row: Selectable<AccountsTable>): Account {
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    role: row.role,
    language: row.language,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

async function loadAccount(trx: Transaction<StoreDatabase>, id: number): Promise<Selectable<AccountsTable>> {
  const row = await trx.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Signs out every window of an account that just lost access. */
async function endSessionsOf(state: CoreState, accountId: number): Promise<void> {
  for (const session of [...state.sessions.values()]) {
    if (session.accountId === accountId) state.sessions.delete(session.clientId);
  }
}

export const accountHandlers: HandlerGroup<'accounts'> = {
  async 'accounts:list'(_input, { trx, target }) {
    target('account', null);
    const rows = await trx.selectFrom('accounts').selectAll().orderBy('active', 'desc').orderBy('full_name').execute();
    return rows.map(toAccount);
  },

  async 'accounts:create'(input, { state, trx, target }) {
    const taken = await trx.selectFrom('accounts').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken) {
      throw new AppError('USERNAME_TAKEN', 'username taken', { fields: [{ path: 'username', message: 'errors.USERNAME_TAKEN' }] });
    }
    const now = state.nowIso();
    const { id } = await trx
      .insertInto('accounts')
      .values({
        username: input.username,
        full_name: input.fullName,
        role: input.role,
        language: input.language,
        active: 1,
        // The administrator chose this password: the person sets their own at first login.
        must_change_password: 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    target('account', id, { role: input.role });
    // Last step before commit: the keyring is a separate file, written only once the row is in.
    await state.vault.writePasswordSlot(id, input.username, input.password);
    return toAccount(await loadAccount(trx, id));
  },

  async 'accounts:deactivate'(input, { state, session, trx, target }) {
    target('account', input.accountId);
    if (input.accountId === session.accountId) throw new AppError('CONFLICT', 'you cannot deactivate your own account');
    const row = await loadAccount(trx, input.accountId);
    if (row.role === 'admin') {
      const { n } = await trx
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('active', '=', 1)
        .executeTakeFirstOrThrow();
      if (n <= 1) throw new AppError('CONFLICT', 'the last administrator stays active');
    }
    await trx.updateTable('accounts').set({ active: 0, updated_at: state.nowIso() }).where('id', '=', row.id).execute();
    // Destroying the slot is what really locks the person out: the row flag alone would not.
    state.vault.deletePasswordSlot(row.id);
    await endSessionsOf(state, row.id);
    return toAccount(await loadAccount(trx, row.id));
  },

  async 'accounts:reactivate'(input, { state, trx, target }) {
    target('account', input.accountId);
    const row = await loadAccount(trx, input.accountId);
    if (row.active === 1) throw new AppError('CONFLICT', 'account is already active');
    await trx
      .updateTable('accounts')
      .set({ active: 1, must_change_password: 1, updated_at: state.nowIso() })
      .where('id', '=', row.id)
      .execute();
    await state.vault.writePasswordSlot(row.id, row.username, input.newPassword);
    return toAccount(await loadAccount(trx, row.id));
  },

  async 'accounts:resetPassword'(input, { state, session, trx, target }) {
    target('account', input.accountId);
    const row = await loadAccount(trx, input.accountId);
    if (row.active !== 1) throw new AppError('ACCOUNT_INACTIVE');
    const mustChange = row.id === session.accountId ? 0 : 1;
    await trx
      .updateTable('accounts')
      .set({ must_change_password: mustChange, updated_at: state.nowIso() })
      .where('id', '=', row.id)
      .execute();
    await state.vault.writePasswordSlot(row.id, row.username, input.newPassword);
    return toAccount(await loadAccount(trx, row.id));
  },
};
