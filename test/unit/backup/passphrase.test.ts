import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectBackup } from '../../../electron/core/backup';
import { LAWYER, makeClinic, type Clinic } from '../../helpers/backup-fixtures';
import { ADMIN, tempCore, type TempCore } from '../../helpers/temp-core';

/**
 * Issue #13: the optional backup passphrase. Set by an administrator (the password rule
 * applies), it also opens every backup made afterwards, for a restore from the first-run
 * screen or from Administration; removing it changes the next backups only.
 */
const PASSPHRASE = 'Phrase-Sauvegarde-Nador-2026!';
let clinic: Clinic;
let fresh: TempCore;
const target = mkdtempSync(join(tmpdir(), 'clinic-usb-'));

const backups = () => readdirSync(target).filter((n) => /^clinic-backup-.*\.ccmbackup$/.test(n)).sort();
async function backUp(): Promise<string> {
  const before = backups();
  await clinic.t.ok('admin', 'backup:run', {});
  for (let i = 0; i < 600; i++) {
    const status = await clinic.t.ok('admin', 'backup:status', {});
    if (!status.running) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const made = backups().filter((n) => !before.includes(n));
  expect(made).toHaveLength(1);
  return join(target, made[0]!);
}

beforeAll(async () => {
  clinic = await makeClinic();
  await clinic.t.ok('admin', 'backup:saveSettings', { folder: target, keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 2 });
  fresh = await tempCore();
});
afterAll(async () => {
  await clinic?.t.cleanup();
  await fresh?.cleanup();
  rmSync(target, { recursive: true, force: true });
});

describe('backup passphrase', () => {
  it('refuses a weak passphrase under its field and keeps none', async () => {
    const weak = await clinic.t.call('admin', 'backup:setPassphrase', { passphrase: 'court' });
    expect(weak.ok ? null : weak.error.fields?.map((f) => f.message)).toContain('validation.passwordTooShort');
    expect((await clinic.t.ok('admin', 'backup:settings', {})).passphraseSetAt).toBeNull();
    const lawyer = await clinic.t.call('lawyer', 'backup:setPassphrase', { passphrase: PASSPHRASE });
    expect(lawyer.ok).toBe(false);
  });

  it('opens the backups made after it is set, on a new computer and over the clinic in use', async () => {
    const set = await clinic.t.ok('admin', 'backup:setPassphrase', { passphrase: PASSPHRASE });
    expect(set.passphraseSetAt).not.toBeNull();
    const file = await backUp();
    expect((await inspectBackup(file)).keys.passphrase).toBeDefined();

    const wrong = await fresh.call('setup', 'setup:restore', { file, passphrase: 'Pas-la-bonne-phrase-2026!' });
    expect(wrong.ok ? null : wrong.error.fields).toEqual([{ path: 'passphrase', message: 'validation.backupWrongPassphrase' }]);
    const both = await fresh.call('setup', 'setup:restore', { file, passphrase: PASSPHRASE, recoveryKey: clinic.t.recoveryKey });
    expect(both.ok ? null : both.error.code).toBe('VALIDATION');
    await fresh.ok('setup', 'setup:restore', { file, passphrase: PASSPHRASE });
    await fresh.ok('lawyer', 'auth:login', { username: LAWYER.username, password: LAWYER.password });
    expect((await fresh.ok('lawyer', 'beneficiaries:list', { limit: 50 })).items.filter((p) => p.latinName.includes(clinic.marker))).toHaveLength(3);

    const over = await clinic.t.ok('admin', 'restore:run', { files: [file], passphrase: PASSPHRASE, confirm: true });
    expect(over.file).toBe(file);
    await clinic.t.ok('admin', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
    // The restored clinic holds the passphrase it had when the backup was made.
    expect((await clinic.t.ok('admin', 'backup:settings', {})).passphraseSetAt).toBe(set.passphraseSetAt);
  });

  it('once removed, the next backups open with the recovery key only', async () => {
    expect((await clinic.t.ok('admin', 'backup:setPassphrase', { passphrase: '' })).passphraseSetAt).toBeNull();
    const file = await backUp();
    expect((await inspectBackup(file)).keys.passphrase).toBeUndefined();
    const refused = await clinic.t.call('admin', 'restore:run', { files: [file], passphrase: PASSPHRASE, confirm: true });
    expect(refused.ok ? null : refused.error.fields).toEqual([{ path: 'passphrase', message: 'validation.backupWrongPassphrase' }]);
  });
});
