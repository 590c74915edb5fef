import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup, type WrittenBackup } from '../../../electron/core/backup';
import { LAWYER, makeClinic, type Clinic } from '../../helpers/backup-fixtures';
import { ADMIN, tempCore, type TempCore } from '../../helpers/temp-core';

/**
 * Issue #13: a clinic put back from its backup into an empty folder (a new computer) from the
 * first-run screen's channel, with the recovery key of the time; refusals leave the folder new.
 */
let clinic: Clinic;
let fresh: TempCore;
let backup: WrittenBackup;
const target = mkdtempSync(join(tmpdir(), 'clinic-usb-'));

beforeAll(async () => {
  clinic = await makeClinic();
  backup = await writeBackup({ dataDir: clinic.t.dir, dataKey: clinic.dataKey, targetDir: target, now: new Date('2026-11-25T10:11:12Z') });
  fresh = await tempCore();
});
afterAll(async () => {
  await clinic?.t.cleanup();
  await fresh?.cleanup();
  rmSync(target, { recursive: true, force: true });
});

describe('setup:restore', () => {
  it('refuses a wrong key, a missing file and a damaged one under their fields, leaving the folder new', async () => {
    const wrong = await fresh.call('setup', 'setup:restore', { file: backup.file, recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' });
    expect(wrong.ok ? null : wrong.error.fields).toEqual([{ path: 'recoveryKey', message: 'validation.backupWrongKey' }]);
    const missing = await fresh.call('setup', 'setup:restore', { file: join(target, 'nothing.ccmbackup'), recoveryKey: clinic.t.recoveryKey });
    expect(missing.ok ? null : missing.error.fields?.[0]?.path).toBe('file');
    const notBackup = await fresh.call('setup', 'setup:restore', { file: join(import.meta.dirname, 'setup-restore.test.ts'), recoveryKey: clinic.t.recoveryKey });
    expect(notBackup.ok ? null : notBackup.error.fields?.[0]).toMatchObject({ path: 'file' });
    expect((await fresh.ok('setup', 'setup:status', {})).state).toBe('new');
    expect(readdirSync(fresh.dir).filter((n) => n.startsWith('clinic.db'))).toEqual([]);
  });

  it('puts the clinic back: staff sign in with their passwords of that time, its records are there, and the restore is in its log', async () => {
    const restored = await fresh.ok('setup', 'setup:restore', { file: backup.file, recoveryKey: clinic.t.recoveryKey });
    expect(restored).toMatchObject({ status: { state: 'ready', clinicName: 'Clinique juridique de Rabat' }, backupCreatedAt: '2026-11-25T10:11:12.000Z' });
    await fresh.ok('admin', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
    await fresh.ok('lawyer', 'auth:login', { username: LAWYER.username, password: LAWYER.password });
    const people = await fresh.ok('admin', 'beneficiaries:list', { limit: 50 });
    expect(people.items.map((p) => p.latinName).filter((n) => n.includes(clinic.marker))).toHaveLength(3);
    const again = await fresh.call('setup', 'setup:restore', { file: backup.file, recoveryKey: clinic.t.recoveryKey });
    expect(again.ok ? null : again.error.code).toBe('ALREADY_INITIALIZED');
    expect(await fresh.ok('admin', 'audit:verify', {})).toMatchObject({ ok: true });
    const log = await fresh.ok('admin', 'audit:list', { category: 'administration', limit: 50 });
    expect(log.items.map((e) => e.action)).toContain('setup:restore');
  });
});
