import { copyFileSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, writeSync, closeSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup, type WrittenBackup } from '../../../electron/core/backup';
import { LAWYER, makeClinic, type Clinic } from '../../helpers/backup-fixtures';
import { person } from '../../helpers/registry-fixtures';
import { ADMIN } from '../../helpers/temp-core';

/**
 * Issue #13: restoring a backup over the clinic in use, from Administration, and undoing it.
 * A refusal costs nobody their session; a restore signs every window out, the staff sign in
 * with the passwords of the backup's time, and the clinic that went is kept to be put back.
 */
let clinic: Clinic;
let backup: WrittenBackup;
let older: WrittenBackup;
const target = mkdtempSync(join(tmpdir(), 'clinic-usb-'));
const laterName = 'Youssef Après-la-sauvegarde';

const signIn = (client: string, who: { username: string; password: string }) => clinic.t.ok(client, 'auth:login', { username: who.username, password: who.password });
const peopleNamed = async (client: string, text: string) => (await clinic.t.ok(client, 'beneficiaries:list', { limit: 50 })).items.filter((p) => p.latinName.includes(text));

beforeAll(async () => {
  clinic = await makeClinic();
  older = await writeBackup({ dataDir: clinic.t.dir, dataKey: clinic.dataKey, targetDir: target, now: new Date('2026-11-24T09:00:00Z') });
  backup = await writeBackup({ dataDir: clinic.t.dir, dataKey: clinic.dataKey, targetDir: target, now: new Date('2026-11-25T10:11:12Z') });
  // Work done after the last backup: gone after the restore, back after the undo.
  await clinic.t.ok('admin', 'beneficiaries:create', person({ latinName: laterName }));
  await clinic.t.ok('admin', 'backup:saveSettings', { folder: target, keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 2 });
  await signIn('lawyer', LAWYER);
});
afterAll(async () => {
  await clinic?.t.cleanup();
  rmSync(target, { recursive: true, force: true });
});

describe('restore over a working clinic', () => {
  it('lists the backups of the folder, newest first, from their headers', async () => {
    const { folder, files } = await clinic.t.ok('admin', 'restore:candidates', {});
    expect(folder).toBe(target);
    expect(files.map((f) => f.file)).toEqual([backup.file, older.file]);
    expect(files[0]).toMatchObject({ createdAt: '2026-11-25T10:11:12.000Z', counts: { cases: 3, beneficiaries: 3 }, passphrase: false });
  });

  it('is for administrators only, and refuses a wrong key without signing anyone out', async () => {
    const forbidden = await clinic.t.call('lawyer', 'restore:run', { files: [backup.file], recoveryKey: clinic.t.recoveryKey, confirm: true });
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
    const wrong = await clinic.t.call('admin', 'restore:run', { files: [backup.file], recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789', confirm: true });
    expect(wrong.ok ? null : wrong.error.fields).toEqual([{ path: 'recoveryKey', message: 'validation.backupWrongKey' }]);
    const missing = await clinic.t.call('admin', 'restore:run', { files: [join(target, 'none.ccmbackup')], recoveryKey: clinic.t.recoveryKey, confirm: true });
    expect(missing.ok ? null : missing.error.fields).toEqual([{ path: 'files.0', message: 'validation.backupNotFound' }]);
    expect(await peopleNamed('lawyer', 'Youssef')).toHaveLength(1);
    expect(readdirSync(clinic.t.dir).filter((n) => n.startsWith('.restore-staging') || n.startsWith('replaced-'))).toEqual([]);
    const log = await clinic.t.ok('admin', 'audit:list', { category: 'administration', limit: 20 });
    expect(log.items.find((e) => e.action === 'restore:run')).toMatchObject({ outcome: 'failed' });
  });

  it('skips a damaged newest backup for the next one when asked for the newest that verifies', async () => {
    const damaged = join(target, 'damaged-copy.ccmbackup');
    copyFileSync(backup.file, damaged);
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.from('garbage!'), 0, 8, Math.floor(statSync(damaged).size / 2));
    closeSync(fd);
    try {
      const restored = await clinic.t.ok('admin', 'restore:run', { files: [damaged, older.file], recoveryKey: clinic.t.recoveryKey, confirm: true });
      expect(restored).toMatchObject({ file: older.file, skipped: [damaged], backupCreatedAt: '2026-11-24T09:00:00.000Z' });
    } finally {
      rmSync(damaged);
    }
    // Every window was signed out; the older clinic is in place, then undone below.
    expect((await clinic.t.ok('lawyer', 'auth:session', {})).state).toBe('none');
    await signIn('admin', ADMIN);
    const [setAside] = await clinic.t.ok('admin', 'restore:setAside', {});
    await clinic.t.ok('admin', 'restore:undo', { name: setAside!.name, confirm: true });
    await signIn('admin', ADMIN);
    expect(await peopleNamed('admin', 'Youssef')).toHaveLength(1);
  });

  it('replaces the clinic: everyone signed out, the records of the backup back, the restore in both logs; undo puts the later work back', async () => {
    const restored = await clinic.t.ok('admin', 'restore:run', { files: [backup.file], recoveryKey: clinic.t.recoveryKey, confirm: true });
    expect(restored).toMatchObject({ file: backup.file, skipped: [], backupCreatedAt: '2026-11-25T10:11:12.000Z' });
    expect(restored.setAside).toMatch(/^replaced-/);
    expect(existsSync(join(clinic.t.dir, restored.setAside, 'clinic.db'))).toBe(true);
    for (const client of ['admin', 'lawyer']) expect((await clinic.t.ok(client, 'auth:session', {})).state).toBe('none');
    const stale = await clinic.t.call('lawyer', 'beneficiaries:list', { limit: 5 });
    expect(stale.ok ? null : stale.error.code).toBe('UNAUTHENTICATED');

    await signIn('admin', ADMIN);
    await signIn('lawyer', LAWYER);
    expect(await peopleNamed('lawyer', 'Youssef')).toEqual([]);
    expect((await peopleNamed('lawyer', clinic.marker)).length).toBe(3);
    expect(await clinic.t.ok('admin', 'audit:verify', {})).toMatchObject({ ok: true });
    const restoredLog = await clinic.t.ok('admin', 'audit:list', { category: 'administration', limit: 50 });
    expect(restoredLog.items.filter((e) => e.action === 'restore:run' && e.outcome === 'ok').length).toBeGreaterThanOrEqual(1);

    const list = await clinic.t.ok('admin', 'restore:setAside', {});
    expect(list[0]).toMatchObject({ name: restored.setAside, kind: 'restore' });
    const badName = await clinic.t.call('admin', 'restore:undo', { name: 'replaced-19990101-000000', confirm: true });
    expect(badName.ok ? null : badName.error.code).toBe('NOT_FOUND');
    const undone = await clinic.t.ok('admin', 'restore:undo', { name: restored.setAside, confirm: true });
    expect((await clinic.t.ok('lawyer', 'auth:session', {})).state).toBe('none');
    expect(existsSync(join(clinic.t.dir, restored.setAside))).toBe(false);

    await signIn('admin', ADMIN);
    expect(await peopleNamed('admin', 'Youssef')).toHaveLength(1);
    expect(await clinic.t.ok('admin', 'audit:verify', {})).toMatchObject({ ok: true });
    const log = await clinic.t.ok('admin', 'audit:list', { category: 'administration', limit: 50 });
    const actions = log.items.map((e) => e.action);
    expect(actions).toContain('restore:run'); // written by this clinic as it went
    expect(actions).toContain('restore:undo'); // queued, written at this sign-in
    // The restored clinic, as it was when it went, can itself be put back.
    expect((await clinic.t.ok('admin', 'restore:setAside', {})).map((f) => f.name)).toContain(undone.setAside);
  });
});
