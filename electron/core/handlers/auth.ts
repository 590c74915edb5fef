import { AppError } from '../errors';
import type { HandlerGroup } from '../handler-types';
import type { CoreState } from '../state';
import { sessionInfo } from '../sessions';
import { checkThrottle, openSessionWithKey, recordFailure, tryPassword } from './unlock';

/** Throttle key of recovery attempts: one counter for the whole vault. */
const RECOVERY_LOOKUP = 'recovery-key';

/** Sign-in needs a set-up folder whose files are all there; otherwise say which is missing. */
function requireClinic(state: CoreState): void {
  if (state.vault.folder.state === 'ready') return;
  if (state.vault.inspect().state === 'new') throw new AppError('NOT_INITIALIZED');
  state.vault.requireReady();
}

export const authHandlers: HandlerGroup<'auth'> = {
  async 'auth:session'(_input, { state, session }) {
    return sessionInfo(session, state.idleLockMinutes);
  },

  async 'auth:login'(input, { state, clientId }) {
    requireClinic(state);
    const lookup = state.vault.lookupOf(input.username);
    await checkThrottle(state, lookup, 'auth:login', null);
    const unwrapped = await tryPassword(state, input.username, input.password);
    if (!unwrapped) {
      await recordFailure(state, lookup, 'auth:loginFailed', null);
      throw new AppError('INVALID_CREDENTIALS');
    }
    // Whoever was signed in on this window before is signed out by this login.
    await state.end(clientId, 'auth:signOut');
    const session = await openSessionWithKey(state, clientId, unwrapped.dataKey, { accountId: unwrapped.accountId }, 'auth:login');
    state.throttle.reset(lookup);
    return sessionInfo(session, state.idleLockMinutes);
  },

  async 'auth:unlock'(input, { state, clientId, session }) {
    if (!session) throw new AppError('UNAUTHENTICATED');
    if (session.state === 'unlocked') return sessionInfo(session, state.idleLockMinutes);
    const lookup = state.vault.lookupOf(session.username);
    await checkThrottle(state, lookup, 'auth:unlock', session.accountId);
    const unwrapped = await tryPassword(state, session.username, input.password);
    if (!unwrapped || unwrapped.accountId !== session.accountId) {
      await recordFailure(state, lookup, 'auth:unlockFailed', session.accountId);
      throw new AppError('INVALID_CREDENTIALS');
    }
    const unlocked = await openSessionWithKey(state, clientId, unwrapped.dataKey, { accountId: session.accountId }, 'auth:unlock');
    state.throttle.reset(lookup);
    return sessionInfo(unlocked, state.idleLockMinutes);
  },

  async 'auth:recover'(input, { state, clientId }) {
    requireClinic(state);
    await checkThrottle(state, RECOVERY_LOOKUP, 'auth:recover', null);
    const dataKey = state.vault.unwrapWithRecoveryKey(input.recoveryKey);
    if (!dataKey) {
      await recordFailure(state, RECOVERY_LOOKUP, 'auth:recoverFailed', null);
      throw new AppError('INVALID_RECOVERY_KEY');
    }
    await state.end(clientId, 'auth:signOut');
    const session = await openSessionWithKey(state, clientId, dataKey, { username: input.username }, 'auth:recover', async (account, trx) => {
      // The recovery key restores administrators; other staff ask an administrator to reset.
      if (account.role !== 'admin') throw new AppError('FORBIDDEN', 'recovery is for administrator accounts');
      await trx.updateTable('accounts').set({ must_change_password: 0, updated_at: state.nowIso() }).where('id', '=', account.id).execute();
      await state.vault.writePasswordSlot(account.id, account.username, input.newPassword);
    });
    state.throttle.reset(RECOVERY_LOOKUP);
    return sessionInfo(session, state.idleLockMinutes);
  },

  async 'auth:signOut'(_input, { state, clientId }) {
    await state.end(clientId, 'auth:signOut');
    return null;
  },

  async 'auth:lock'(_input, { state, session }) {
    if (session) await state.lock(session, 'auth:lock');
    return null;
  },

  async 'auth:activity'() {
    return null; // the router already recorded the activity
  },

  async 'auth:changePassword'(input, { state, session, trx, target }) {
    target('account', session.accountId);
    const lookup = state.vault.lookupOf(session.username);
    await checkThrottle(state, lookup, 'auth:changePassword', session.accountId);
    const unwrapped = await tryPassword(state, session.username, input.currentPassword);
    if (!unwrapped || unwrapped.accountId !== session.accountId) {
      state.throttle.recordFailure(lookup);
      throw new AppError('INVALID_CREDENTIALS', 'current password is wrong', {
        fields: [{ path: 'currentPassword', message: 'errors.INVALID_CREDENTIALS' }],
      });
    }
    unwrapped.dataKey.fill(0);
    await trx
      .updateTable('accounts')
      .set({ must_change_password: 0, updated_at: state.nowIso() })
      .where('id', '=', session.accountId)
      .execute();
    await state.vault.writePasswordSlot(session.accountId, session.username, input.newPassword);
    session.mustChangePassword = false;
    return null;
  },

  async 'auth:setLanguage'(input, { state, session, trx, target }) {
    target('account', session.accountId, { language: input.language });
    await trx.updateTable('accounts').set({ language: input.language, updated_at: state.nowIso() }).where('id', '=', session.accountId).execute();
    session.language = input.language;
    return null;
  },
};
