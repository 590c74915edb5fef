import { withTransaction } from '../../../db/transaction';
import { IDLE_LOCK_MINUTES } from '../../../shared/contract/settings';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { BackupError, restoreBackup } from '../backup';
import { restoreRefusal } from './restore-refusals';
import { backupSecretOf } from '../../../shared/contract/restore';
import { markRecoveryProven } from '../recovery-check';
import type { HandlerGroup } from '../handler-types';
import { sessionInfo } from '../sessions';
import type { CoreState } from '../state';
import type { FolderState, SetupStatus } from '../../../shared/contract/setup';

/** What the boot screen needs: the folder's state, where it is, and the clinic's name and language. */
function statusOf(state: CoreState, folder: FolderState): SetupStatus {
  const meta = state.vault.meta();
  return { ...folder, folder: state.vault.paths.dir, defaultLanguage: meta.defaultLanguage, clinicName: meta.clinicName, clinicNameAr: meta.clinicNameAr };
}

export const setupHandlers: HandlerGroup<'setup'> = {
  async 'setup:status'(_input, { state }) {
    return statusOf(state, state.vault.inspect());
  },

  async 'setup:setAside'(_input, { state }) {
    if (state.sessions.size > 0) throw new AppError('CONFLICT', 'sign everyone out first');
    const { state: folderState, problems } = state.vault.inspect();
    if (folderState !== 'damaged') throw new AppError('CONFLICT', 'only a damaged folder is set aside');
    const movedTo = state.vault.setAside(state.now(), problems);
    // Recorded in the new clinic's audit log when it is set up (there is no log to write to now).
    state.setAside = { movedTo, problems, at: state.nowIso() };
    return { movedTo, status: statusOf(state, state.vault.folder) };
  },

  async 'setup:restore'(input, { state }) {
    // Only into a folder without a clinic: a working clinic is replaced from Administration,
    // where the replaced files are kept and the restore can be undone.
    const folder = state.vault.inspect();
    if (folder.state === 'ready') throw new AppError('ALREADY_INITIALIZED');
    if (folder.state === 'damaged') throw new AppError('FOLDER_NOT_EMPTY');
    if (state.sessions.size > 0) throw new AppError('CONFLICT', 'sign everyone out first');
    state.vault.releaseKeyring();
    let restored: Awaited<ReturnType<typeof restoreBackup>>;
    try {
      restored = await restoreBackup(state.vault.paths.dir, input.file, backupSecretOf(input), state.now(), { nativeBinding: state.nativeBinding });
    } catch (error) {
      throw error instanceof BackupError ? restoreRefusal(error.code, 'file', input.passphrase !== undefined ? 'passphrase' : 'recoveryKey') : error;
    } finally {
      state.vault.inspect();
    }
    // Into the restored clinic's log at its next unlock (its store is not open here).
    await state.audit({ accountId: null, action: 'setup:restore', outcome: 'ok', details: { backupCreatedAt: restored.header.createdAt, backupId: restored.header.backupId } });
    return { status: statusOf(state, state.vault.folder), backupCreatedAt: restored.header.createdAt };
  },

  async 'setup:initialize'(input, { state, clientId }) {
    // Setup runs in a new folder only: it never deletes, empties or overwrites a clinic file.
    const folder = state.vault.inspect();
    if (folder.state === 'ready') throw new AppError('ALREADY_INITIALIZED');
    if (folder.state === 'damaged') throw new AppError('FOLDER_NOT_EMPTY');
    const { store, recoveryKey } = state.vault.createStore();
    const now = state.nowIso();
    try {
      const adminId = await withTransaction(store.db, async (trx) => {
        await trx
          .insertInto('clinic')
          .values({ id: 1, name: input.clinicName, name_ar: input.clinicNameAr, case_prefix: input.casePrefix, default_language: input.defaultLanguage, created_at: now })
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
        if (state.setAside) {
          const { movedTo, ...details } = state.setAside;
          await appendAudit(trx, { accountId: null, action: 'setup:setAside', entity: 'folder', entityId: movedTo, outcome: 'ok', details }, now);
        }
        await appendAudit(trx, { accountId: id, action: 'setup:initialize', entity: 'clinic', entityId: 1, outcome: 'ok' }, now);
        // The key is about to be shown for the first time: it counts as proven today.
        await markRecoveryProven(trx, new Date(now));
        await state.checks.storeOpened(trx);
        await state.backups.storeOpened(trx);
        return id;
      });
      // Written last: until this flag exists, the folder is an unfinished setup.
      state.vault.finishSetup({ clinic_name: input.clinicName, clinic_name_ar: input.clinicNameAr, default_language: input.defaultLanguage });
      state.setAside = null;
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
      try {
        await state.vault.undoSetup();
      } catch (cleanup) {
        console.error('[setup] could not undo a failed setup:', (cleanup as Error).message);
      }
      throw error;
    }
  },
};
