import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectBackup, openBackup, restoreBackup, undoRestore, writeBackup, type BackupPhase, type WrittenBackup } from '../../../electron/core/backup';
import { makeClinic, filesContaining, LAWYER, tableHashes, type Clinic } from '../../helpers/backup-fixtures';
import { person } from '../../helpers/registry-fixtures';
import { ADMIN } from '../../helpers/temp-core';
import { latestVersion } from '../../../db/migrate';
import { storeMigrations } from '../../../db/migrations/store';

/**
 * A backup of a real, live clinic (the core keeps it open and in WAL mode while the backup
 * runs) holds exactly its records, never in clear, and a restore gives back a clinic where
 * staff sign in with their old passwords and the recovery key of that time still works.
 */
const PASSPHRASE = 'Sauvegarde du vendredi 2026';
let clinic: Clinic;
let target: string;
let backup: WrittenBackup;
let atBackup: Record<string, string>;
const seenDuring = new Map<BackupPhase, string[]>();

beforeAll(async () => {
  clinic = await makeClinic();
  target = mkdtempSync(join(tmpdir(), 'clinic-backup-target-'));
  backup = await writeBackup({
    dataDir: clinic.t.dir,
    dataKey: clinic.dataKey,
    passphrase: PASSPHRASE,
    targetDir: target,
    now: new Date('2026-11-25T10:11:12Z'),
    onProgress: (p) => {
      // While the snapshot, the partial file and the read-back copy all exist: nothing in clear.
      if (!seenDuring.has(p.phase)) seenDuring.set(p.phase, [...filesContaining(clinic.t.dir, clinic.marker), ...filesContaining(target, clinic.marker)]);
    },
  });
  atBackup = tableHashes(join(clinic.t.dir, 'clinic.db'), clinic.dataKey);
});

afterAll(async () => {
  await clinic?.t.cleanup();
  if (target) rmSync(target, { recursive: true, force: true });
});

describe('writeBackup', () => {
  it('writes one file under its final name, and leaves no partial file or work folder', () => {
    expect(basename(backup.file)).toBe('clinic-backup-20261125-101112.ccmbackup');
    expect(readdirSync(target)).toEqual([basename(backup.file)]);
    expect(readdirSync(clinic.t.dir).filter((n) => n.startsWith('.'))).toEqual([]);
    const bytes = readFileSync(backup.file);
    expect(backup.bytes).toBe(bytes.length);
    expect(backup.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('never holds a record in clear: not the file, not the partial file, not the work folders', () => {
    expect([...seenDuring.keys()]).toEqual(expect.arrayContaining(['snapshot', 'write', 'verify', 'check', 'rename']));
    for (const [phase, hits] of seenDuring) expect(hits, `files with the marker in clear during ${phase}`).toEqual([]);
    expect(filesContaining(target, clinic.marker)).toEqual([]);
    // The scan does see text in clear: the keyring is a plain SQLite file, the store is not.
    expect(filesContaining(clinic.t.dir, 'SQLite format 3')).toEqual([join(clinic.t.dir, 'keyring.db')]);
  });

  it('describes itself without a key, and its header holds no secret', async () => {
    const header = await inspectBackup(backup.file);
    expect(header).toEqual(backup.header);
    expect(header).toMatchObject({ format: 1, app: { name: 'clinic-case-manager' }, counts: { cases: 3, beneficiaries: 3 }, createdAt: '2026-11-25T10:11:12.000Z' });
    expect(header.schema.store).toBe(latestVersion(storeMigrations));
    expect(header.counts.auditEntries).toBeGreaterThan(5);
    const json = JSON.stringify(header);
    expect(json).not.toContain(clinic.marker);
    expect(json).not.toContain(clinic.dataKey.toString('base64'));
    expect(json).not.toContain(clinic.dataKey.toString('hex'));
    expect(header.keys.passphrase).toBeDefined();
  });
});

describe('openBackup', () => {
  it('with the recovery key gives the same records, table by table', async () => {
    const out = mkdtempSync(join(tmpdir(), 'clinic-backup-open-'));
    try {
      const opened = await openBackup(backup.file, { recoveryKey: clinic.t.recoveryKey }, out);
      expect(readdirSync(out).sort()).toEqual(['clinic.db', 'keyring.db']);
      expect(tableHashes(opened.store, clinic.dataKey)).toEqual(atBackup);
      expect(Object.keys(atBackup)).toEqual(expect.arrayContaining(['beneficiaries', 'cases', 'audit_log', 'accounts']));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('with the passphrase too', async () => {
    const out = mkdtempSync(join(tmpdir(), 'clinic-backup-open-'));
    try {
      const opened = await openBackup(backup.file, { passphrase: PASSPHRASE }, out);
      expect(tableHashes(opened.store, clinic.dataKey)).toEqual(atBackup);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('a recovery key rotated after the backup', () => {
  it('does not open the old backup; the recovery key of that time still does', async () => {
    const { recoveryKey: rotated } = await clinic.t.ok('admin', 'vault:rotateRecoveryKey', {});
    const out = mkdtempSync(join(tmpdir(), 'clinic-backup-open-'));
    try {
      await expect(openBackup(backup.file, { recoveryKey: rotated }, out)).rejects.toMatchObject({ code: 'WRONG_KEY' });
      await expect(openBackup(backup.file, { recoveryKey: clinic.t.recoveryKey }, out)).resolves.toBeDefined();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('restoreBackup', () => {
  it('brings back the clinic of the backup: old passwords, the recovery key of that time; undo brings back the other', async () => {
    const { t } = clinic;
    // (The live clinic's recovery key was rotated above: the restored keyring has the old one's slot.)
    await t.ok('admin', 'beneficiaries:create', person({ latinName: 'Added After Backup', city: 'Fès' }));
    await t.core.close();
    const result = await restoreBackup(t.dir, backup.file, { recoveryKey: t.recoveryKey }, new Date('2026-11-26T08:00:00Z'));
    expect(basename(result.replaced)).toBe('replaced-20261126-080000');
    expect(readdirSync(result.replaced).sort()).toEqual(expect.arrayContaining(['README.txt', 'clinic.db', 'keyring.db']));
    expect(readdirSync(t.dir).filter((n) => n.startsWith('.') || n.endsWith('.json'))).toEqual([]);
    expect(tableHashes(join(t.dir, 'clinic.db'), clinic.dataKey)).toEqual(atBackup);

    await t.reopen();
    await t.ok('admin', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
    await t.ok('lawyer', 'auth:login', LAWYER);
    const names = (await t.ok('admin', 'beneficiaries:list', { limit: 50 })).items.map((p) => p.latinName);
    expect(names).toHaveLength(3);
    expect(names).not.toContain('Added After Backup');
    expect(await t.ok('admin', 'audit:verify', {})).toMatchObject({ ok: true });
    await t.ok('recovering', 'auth:recover', { recoveryKey: t.recoveryKey, username: ADMIN.username, newPassword: 'Nouveau-Acces-2026!' });

    await t.core.close();
    const replacedAgain = undoRestore(t.dir, result.replaced, new Date('2026-11-26T09:00:00Z'));
    expect(basename(replacedAgain)).toBe('replaced-20261126-090000');
    await t.reopen();
    await t.ok('admin', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
    const back = (await t.ok('admin', 'beneficiaries:list', { limit: 50 })).items.map((p) => p.latinName);
    expect(back).toContain('Added After Backup');
  });
});
