import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { backupSecretOf, type BackupFile } from '../../../shared/contract/restore';
import { BACKUP_EXTENSION, BackupError, inspectBackup, listSetAside, stageRestore, swapStaged, undoRestore, type StagedRestore } from '../backup';
import { AppError, refuseFields } from '../errors';
import type { HandlerGroup } from '../handler-types';
import type { Session } from '../sessions';
import type { CoreState } from '../state';
import { Vault } from '../vault';
import { restoreRefusal } from './restore-refusals';

/** More than a year of rotated backups (7 + 4 + 12 by default): the list stops there. */
const MAX_LISTED = 100;

/** The backups of a folder, newest first, described from their headers (no key needed). */
async function listBackupFiles(folder: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith(BACKUP_EXTENSION));
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names.sort().reverse().slice(0, MAX_LISTED)) {
    const file = join(folder, name);
    let bytes = 0;
    try {
      bytes = statSync(file).size;
    } catch {
      continue;
    }
    try {
      const header = await inspectBackup(file);
      files.push({ file, name, bytes, createdAt: header.createdAt, counts: { cases: header.counts.cases, beneficiaries: header.counts.beneficiaries }, passphrase: header.keys.passphrase !== undefined });
    } catch {
      // Listed all the same, without a date: the restore says what is wrong with it.
      files.push({ file, name, bytes, createdAt: null, counts: null, passphrase: false });
    }
  }
  return files.sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.name.localeCompare(a.name));
}

/** A running backup reads the store the restore is about to replace: the restore waits for it. */
function refuseWhileBackingUp(state: CoreState): void {
  if (state.backups.isRunning()) refuseFields([{ path: '', message: 'validation.restoreBackupRunning' }]);
}

/** Codes only in the entries: a path could name a person's account (C:\Users\…). */
async function auditRestore(state: CoreState, session: Session, action: 'restore:run' | 'restore:undo', outcome: 'ok' | 'failed', details: Record<string, unknown>): Promise<void> {
  await state.audit({ accountId: session.accountId, action, outcome, details });
}

export const restoreHandlers: HandlerGroup<'restore'> = {
  async 'restore:candidates'(_input, { state, target }) {
    target('backup', null);
    const folder = state.backups.view().folder;
    return { folder, files: folder === '' ? [] : await listBackupFiles(folder) };
  },

  async 'restore:setAside'(_input, { state, target }) {
    target('backup', null);
    return listSetAside(state.vault.paths.dir);
  },

  /**
   * Opens and checks the backup while the clinic is still open (a wrong key or a damaged file
   * costs nobody their session), then signs everyone out and swaps the files. The clinic that
   * goes records the restore in its log; the one that comes gets the entry at its first unlock.
   */
  async 'restore:run'(input, { state, session }) {
    refuseWhileBackingUp(state);
    const dataDir = state.vault.paths.dir;
    const skipped: string[] = [];
    let staged: StagedRestore | null = null;
    let file = '';
    const secret = backupSecretOf(input);
    const keyField = 'passphrase' in secret ? 'passphrase' : 'recoveryKey';
    for (const [index, candidate] of input.files.entries()) {
      try {
        staged = await stageRestore(dataDir, resolve(candidate), secret, { nativeBinding: state.nativeBinding });
        file = candidate;
        break;
      } catch (error) {
        if (!(error instanceof BackupError)) throw error;
        // Among several, a damaged backup is passed over for the next (older) one; a wrong key is not.
        const damaged = ['DAMAGED', 'VERIFY_FAILED', 'FILE_MISSING', 'IO'].includes(error.code);
        if (damaged && index < input.files.length - 1) {
          skipped.push(candidate);
          continue;
        }
        await auditRestore(state, session, 'restore:run', 'failed', { code: error.code, skipped: skipped.length });
        throw restoreRefusal(error.code, input.files.length > 1 ? 'files' : 'files.0', keyField);
      }
    }
    if (!staged) throw new AppError('INTERNAL', 'no backup was staged');
    const { backupId, createdAt } = staged.header;
    const about = { backupId, backupCreatedAt: createdAt, skipped: skipped.length };
    await auditRestore(state, session, 'restore:run', 'ok', { ...about, stage: 'replacing' });
    const ready = staged;
    let setAside: string;
    try {
      setAside = basename(await state.replaceClinic(() => swapStaged(dataDir, ready, state.now())));
    } catch (error) {
      // The swap rolled back (or its journal finishes it at the next start): queued in the
      // keyring of whichever clinic is there now.
      const code = error instanceof BackupError ? error.code : 'IO';
      await auditRestore(state, session, 'restore:run', 'failed', { ...about, code });
      throw error instanceof BackupError ? restoreRefusal(error.code, 'files') : error;
    }
    await auditRestore(state, session, 'restore:run', 'ok', { ...about, stage: 'restored', setAside });
    return { file, backupCreatedAt: createdAt, skipped, setAside };
  },

  /** Puts a set-aside clinic back after checking it still opens as one; the one in use is set aside in turn. */
  async 'restore:undo'(input, { state, session }) {
    refuseWhileBackingUp(state);
    const dataDir = state.vault.paths.dir;
    if (!listSetAside(dataDir).some((f) => f.name === input.name)) throw new AppError('NOT_FOUND');
    const probe = Vault.open(join(dataDir, input.name), state.nativeBinding);
    const whole = probe.folder.state === 'ready';
    await probe.close();
    if (!whole) refuseFields([{ path: 'name', message: 'validation.setAsideDamaged' }]);
    await auditRestore(state, session, 'restore:undo', 'ok', { name: input.name, stage: 'replacing' });
    let setAside: string;
    try {
      setAside = basename(await state.replaceClinic(() => undoRestore(dataDir, input.name, state.now())));
    } catch (error) {
      const code = error instanceof BackupError ? error.code : 'IO';
      await auditRestore(state, session, 'restore:undo', 'failed', { name: input.name, code });
      throw error instanceof BackupError ? restoreRefusal(error.code, 'name') : error;
    }
    await auditRestore(state, session, 'restore:undo', 'ok', { name: input.name, stage: 'putBack', setAside });
    return { setAside };
  },
};
