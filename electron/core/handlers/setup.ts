import { withTransaction } from '../../../db/transaction';
import { IDLE_LOCK_MINUTES } from '../../../shared/contract/settings';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import type { HandlerGroup } from '../handler-types';
import { sessionInfo } from '../sessions';

export const setupHandlers: HandlerGroup<'setup'> = {
  async 'setup:status'(_input, { state }) {
    const meta = state.vault.meta();
    return { initialized: meta.initialized, defaultLanguage: meta.defaultLanguage, clinicName: meta.clinicName };
  },

  async 'setup:initialize'(input, { state, clientId }) {
    if (state.vault.meta().initialized) throw new AppError('ALREADY_INITIALIZED');
    const { store, recoveryKey } = state.vault.createStore();
    const now = state.nowIso();
    try {
      const adminId = await withTransaction(store.db, async (trx) => {
        await trx
          .insertInto('clinic')
          .values({ id: 1, name: input.clinicName, case_prefix: input.casePrefix, default_language: input.defaultLanguage, created_at: now })
          .execute();
        await trx
          .insertInto('settings')
          .values({ key: 'idle_lock_minutes', value: JSON.stringify(IDLE_LOCK_MINUTES.default) })
          .execute();
        const { id } = await trx
          .insertInto('accounts')
          .values({
            username: input.admin.username,
            full_name: input.admin.fullName,
            role: 'admin',
            language: input.defaultLanguage,
            active: 1,
            must_change_password: 0,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await state.vault.writePasswordSlot(id, input.admin.username, input.admin.password);
        await appendAudit(trx, { accountId: id, action: 'setup:initialize', entity: 'clinic', entityId: 1, outcome: 'ok' }, now);
        return id;
      });
      // Written last: until this flag exists, a restart treats the folder as not set up.
      state.vault.setMeta({ initialized: '1', clinic_name: input.clinicName, default_language: input.defaultLanguage });
      state.idleLockMinutes = IDLE_LOCK_MINUTES.default;
      const session = {
        clientId,
        accountId: adminId,
        username: input.admin.username,
        fullName: input.admin.fullName,
        role: 'admin' as const,
        language: input.defaultLanguage,
        state: 'unlocked' as const,
        mustChangePassword: false,
        lastActivityMs: state.now().getTime(),
      };
      state.sessions.set(clientId, session);
      return { recoveryKey, session: sessionInfo(session, state.idleLockMinutes) };
    } catch (error) {
      await state.vault.closeStore();
      throw error;
    }
  },
};
