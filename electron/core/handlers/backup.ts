import { randomBytes } from 'node:crypto';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { FieldIssue } from '../../../shared/contract/errors';
import { AppError, refuseFields } from '../errors';
import type { HandlerGroup } from '../handler-types';

/**
 * What is wrong with a backup folder, as field errors. Absolute only: a relative path would
 * depend on the directory the application was started from. It must exist and take a file
 * (tested by creating one: permission bits do not tell about a read-only drive or Windows
 * ACLs), and must not be inside the data folder (a copy beside the original protects nothing,
 * and a restore moves that folder's files around).
 */
function folderProblems(folder: string, dataDir: string): FieldIssue[] {
  const issue = (message: string): FieldIssue[] => [{ path: 'folder', message }];
  if (folder === '') return [];
  if (!isAbsolute(folder)) return issue('validation.folderNotAbsolute');
  try {
    if (!statSync(folder).isDirectory()) return issue('validation.folderMissing');
  } catch {
    return issue('validation.folderMissing');
  }
  const inside = relative(resolve(dataDir), resolve(folder));
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) return issue('validation.folderInsideData');
  const probe = resolve(folder, `.clinic-write-test-${process.pid}-${randomBytes(6).toString('hex')}`);
  try {
    closeSync(openSync(probe, 'wx', 0o600));
    rmSync(probe, { force: true });
  } catch {
    return issue('validation.folderNotWritable');
  }
  return [];
}

export const backupHandlers: HandlerGroup<'backup'> = {
  async 'backup:settings'(_input, { state, target }) {
    target('settings', 'backup');
    return state.backups.view();
  },

  async 'backup:saveSettings'(input, { state, trx, target }) {
    const folder = input.folder === '' ? '' : resolve(input.folder);
    // Counts only in the audit entry: the folder's path can name a person (C:\Users\…).
    target('settings', 'backup', { configured: folder !== '', keepDaily: input.keepDaily, keepWeekly: input.keepWeekly, keepMonthly: input.keepMonthly, warnAfterDays: input.warnAfterDays });
    refuseFields(folderProblems(input.folder, state.vault.paths.dir));
    return state.backups.save(trx, { ...input, folder });
  },

  async 'backup:setPassphrase'(input, { state, trx, target }) {
    // Whether one is set, never the passphrase.
    target('settings', 'backup', { passphrase: input.passphrase !== '' });
    return state.backups.setPassphrase(trx, input.passphrase);
  },

  async 'backup:run'(_input, { state, session, target }) {
    if (state.backups.isRunning()) throw new AppError('CONFLICT', 'a backup is already running');
    refuseFields(state.backups.view().folder === '' ? [{ path: 'folder', message: 'validation.folderRequired' }] : []);
    refuseFields(folderProblems(state.backups.view().folder, state.vault.paths.dir));
    const jobId = state.backups.start('administrator', session.accountId);
    if (!jobId) throw new AppError('CONFLICT', 'a backup is already running');
    target('backup', jobId);
    return { jobId };
  },

  async 'backup:status'(_input, { state }) {
    return state.backups.status();
  },
};
