/**
 * Restoring a backup into a clinic's data folder, and undoing that.
 *
 * The caller closes the clinic first (no open store or keyring: core.close() or
 * vault.close()). The backup is opened into a staging folder inside the data folder (same
 * disk, so the swap is renames), checked there as the application itself would open it,
 * and only then swapped in (swap-journal.ts). Until the swap starts, the clinic's own files
 * are not touched; after it, they are kept in `replaced-<stamp>/`.
 */
import { rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Vault } from '../vault';
import { verifyAuditChain } from '../audit';
import { Problems, runPragmaCheck } from '../integrity/check';
import { BackupError } from './errors';
import { exists, makeWorkDir, removeStale } from './files';
import type { BackupHeader } from './format';
import { openBackupWithKey } from './open';
import { JOURNAL_NAME, REPLACED_PREFIX, RESTORE_STAGING_PREFIX, swapIn, type SwapStep } from './swap-journal';

export type RestoreStep = 'opened' | 'checked' | SwapStep;

export interface RestoreOptions {
  /** Each step as it completes (the swap's steps are each one rename). */
  onStep?: (step: RestoreStep) => void;
  nativeBinding?: string | undefined;
}

export interface RestoreResult {
  header: BackupHeader;
  /** The folder now holding the clinic files that were replaced (for undoRestore). */
  replaced: string;
}

/** A backup opened and checked in a hidden folder of the data folder, not yet swapped in. */
export interface StagedRestore {
  header: BackupHeader;
  /** The staging folder's name inside the data folder. */
  staging: string;
}

/**
 * Opens a backup into a staging folder of the data folder and checks it as the application
 * would open it. The clinic's own files are not touched, so this may run while the clinic is
 * open: a wrong key or a damaged file is refused before anyone is signed out.
 *
 * Errors: those of openBackup (WRONG_KEY, DAMAGED, NEWER_FORMAT, DISK_FULL, IO),
 * VERIFY_FAILED (the restored files would not open as a clinic), RESTORE_PENDING. With any of
 * them nothing is left behind.
 */
export async function stageRestore(dataDir: string, file: string, secret: { recoveryKey: string } | { passphrase: string }, options: RestoreOptions = {}): Promise<StagedRestore> {
  const onStep = options.onStep ?? (() => {});
  if (exists(join(dataDir, JOURNAL_NAME))) throw new BackupError('RESTORE_PENDING', 'a restore is already half-done in this folder');
  removeStale(dataDir, RESTORE_STAGING_PREFIX);
  const staging = makeWorkDir(dataDir, RESTORE_STAGING_PREFIX);
  try {
    const { opened, dataKey } = await openBackupWithKey(file, secret, staging);
    onStep('opened');
    try {
      await checkStaged(staging, secret, dataKey, opened.header, options.nativeBinding);
    } finally {
      dataKey.fill(0);
    }
    onStep('checked');
    return { header: opened.header, staging: basename(staging) };
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Swaps a staged backup in (swap-journal.ts). The caller closes the clinic first (no open store
 * or keyring). Returns the folder now holding the replaced files. On failure the staging
 * folder is removed and the clinic's files are as they were (or the journal completes the swap
 * at the next start).
 */
export function swapStaged(dataDir: string, staged: StagedRestore, now: Date, onStep?: (step: SwapStep) => void): string {
  try {
    return join(dataDir, swapIn(dataDir, staged.staging, 'restore', now, onStep));
  } catch (error) {
    if (!exists(join(dataDir, JOURNAL_NAME))) discardStaged(dataDir, staged);
    throw error;
  }
}

/** Removes a staged backup that will not be swapped in. */
export function discardStaged(dataDir: string, staged: StagedRestore): void {
  rmSync(join(dataDir, staged.staging), { recursive: true, force: true });
}

/**
 * Restores a backup into a closed clinic's data folder: staged, checked, then swapped in.
 * Errors: those of stageRestore, and the swap's (then the clinic's files are as they were).
 */
export async function restoreBackup(dataDir: string, file: string, secret: { recoveryKey: string } | { passphrase: string }, now: Date, options: RestoreOptions = {}): Promise<RestoreResult> {
  const staged = await stageRestore(dataDir, file, secret, options);
  const replaced = swapStaged(dataDir, staged, now, options.onStep);
  return { header: staged.header, replaced };
}

/**
 * Opens the staged folder as the application will: the keyring is a finished setup, the data
 * key comes out of its recovery slot (recovery key) or the backup (passphrase: the header
 * wraps the data key under the backup key), the store opens with it (running the migrations
 * of an older backup, here, before anything is swapped), `quick_check` finds nothing, the
 * counts match the header, the audit chain verifies.
 */
async function checkStaged(staging: string, secret: { recoveryKey: string } | { passphrase: string }, headerDataKey: Buffer, header: BackupHeader, nativeBinding: string | undefined): Promise<void> {
  const vault = Vault.open(staging, nativeBinding);
  try {
    if (vault.folder.state !== 'ready') throw new BackupError('VERIFY_FAILED', `the restored files are not a ready clinic (${vault.folder.problems.join(', ')})`);
    let dataKey: Buffer = Buffer.from(headerDataKey);
    if ('recoveryKey' in secret) {
      const fromSlot = vault.unwrapWithRecoveryKey(secret.recoveryKey);
      if (!fromSlot || !fromSlot.equals(headerDataKey)) {
        fromSlot?.fill(0);
        dataKey.fill(0);
        throw new BackupError('VERIFY_FAILED', "the restored keyring's recovery slot does not give the backup's data key");
      }
      dataKey.fill(0);
      dataKey = fromSlot;
    }
    let store;
    try {
      store = vault.openWith(dataKey); // takes the key; zeroes it on failure
    } catch (error) {
      throw new BackupError('VERIFY_FAILED', `the restored store does not open (${(error as { code?: string }).code ?? 'error'})`, { cause: error });
    }
    const problems = new Problems(5);
    if (!runPragmaCheck(store.sqlite, 'quick_check', problems, 10)) throw new BackupError('VERIFY_FAILED', `the restored store does not check: ${problems.lines.join('; ')}`);
    const count = (table: string) => Number(store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    const counts = { cases: count('cases'), beneficiaries: count('beneficiaries'), auditEntries: count('audit_log') };
    if (JSON.stringify(counts) !== JSON.stringify(header.counts)) throw new BackupError('VERIFY_FAILED', 'the restored store does not hold the counts its header announces');
    if (!verifyAuditChain(store.sqlite).ok) throw new BackupError('VERIFY_FAILED', "the restored store's audit chain does not verify");
  } finally {
    // Closing checkpoints the WAL into clinic.db: nothing is left open on the staged files.
    await vault.close();
  }
}

/**
 * Puts back the files a restore replaced. The files in use now are not deleted either: they
 * move into a new `replaced-<stamp>/`, whose path is returned. The caller closes the clinic first.
 */
export function undoRestore(dataDir: string, replacedFolder: string, now: Date, onStep?: (step: SwapStep) => void): string {
  const folder = resolve(dataDir, replacedFolder);
  if (dirname(folder) !== resolve(dataDir) || !basename(folder).startsWith(REPLACED_PREFIX)) {
    throw new BackupError('IO', 'only a replaced-… folder of this data folder can be put back');
  }
  return join(dataDir, swapIn(dataDir, basename(folder), 'undo', now, onStep));
}
