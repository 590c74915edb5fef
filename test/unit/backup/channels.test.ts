import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../db/open-store';
import { openBackup } from '../../../electron/core/backup';
import { Vault } from '../../../electron/core/vault';
import { staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const SETTINGS = { keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 2 };

/**
 * The backup channels on a real core and real temporary folders: the backup runs in its
 * worker thread while the core answers, and its file opens with the clinic's recovery key.
 */
describe('backup channels', () => {
  const clock = fakeClock(new Date('2026-11-25T10:00:00Z'));
  let t: TempCore & { recoveryKey: string };
  let root: string;
  let folder: string;

  const status = () => t.ok('admin', 'backup:status', {});
  /** Polls until no backup runs (the worker answers in seconds here). */
  async function settled() {
    for (let i = 0; i < 600; i++) {
      const s = await status();
      if (!s.running) return s;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the backup did not end');
  }
  /**
   * Moves the clock and brings the administrator back: a jump of days makes every session
   * idle. Locking and unlocking the administrator keeps the lawyer's (idle but unlocked)
   * session, so the store stays open and no sign-out backup starts.
   */
  async function advance(ms: number) {
    clock.advance(ms);
    await t.ok('admin', 'auth:lock', {});
    await t.ok('admin', 'auth:unlock', { password: 'Cle-Forte-2026!' });
  }
  const backups = (dir = folder) => readdirSync(dir).filter((n) => n.endsWith('.ccmbackup')).sort();

  beforeAll(async () => {
    t = await setUpCore({ now: clock.now, idleSweepMs: 3_600_000 }); // the sweep would lock idle sessions between steps
    root = mkdtempSync(join(tmpdir(), 'clinic-backups-'));
    folder = join(root, 'usb');
    mkdirSync(folder);
    await staff(t, 'youssef', 'youssef', 'lawyer');
  }, 60_000);
  afterAll(async () => {
    await t.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  it('starts unconfigured and stale', async () => {
    expect(await t.ok('admin', 'backup:settings', {})).toEqual({ folder: '', ...SETTINGS, cloudWarning: false, passphraseSetAt: null });
    expect(await status()).toEqual({ running: null, last: null, lastFailure: null, stale: true, folderMissing: false, cloudWarning: false, configured: false });
    const run = await t.call('admin', 'backup:run', {});
    expect(run.ok ? null : run.error.fields).toEqual([{ path: 'folder', message: 'validation.folderRequired' }]);
  });

  it('refuses a relative or missing folder with a field error, and stores nothing', async () => {
    for (const [bad, message] of [['usb/backups', 'validation.folderNotAbsolute'], [join(root, 'nope'), 'validation.folderMissing'], [join(t.dir, 'inside'), 'validation.folderMissing'], [t.dir, 'validation.folderInsideData']] as const) {
      const r = await t.call('admin', 'backup:saveSettings', { folder: bad, ...SETTINGS });
      expect(r.ok ? null : r.error, bad).toMatchObject({ code: 'VALIDATION', fields: [{ path: 'folder', message }] });
    }
    const r = await t.call('admin', 'backup:saveSettings', { folder, ...SETTINGS, keepDaily: 61 });
    expect(r.ok ? null : r.error.fields).toEqual([{ path: 'keepDaily', message: 'validation.backupKeepRange' }]);
    expect((await t.ok('admin', 'backup:settings', {})).folder).toBe('');
  });

  it('is for administrators (supervisors may read the status)', async () => {
    for (const channel of ['backup:settings', 'backup:run', 'backup:status'] as const) {
      const r = await t.call('youssef', channel, {});
      expect(r.ok ? null : r.error.code, channel).toBe('FORBIDDEN');
    }
    const r = await t.call('youssef', 'backup:saveSettings', { folder, ...SETTINGS });
    expect(r.ok ? null : r.error.code).toBe('FORBIDDEN');
  });

  it('saves a cloud-looking folder with a warning', async () => {
    const cloud = join(root, 'OneDrive - Clinique', 'Sauvegardes');
    mkdirSync(cloud, { recursive: true });
    expect(await t.ok('admin', 'backup:saveSettings', { folder: cloud, ...SETTINGS })).toMatchObject({ folder: cloud, cloudWarning: true });
    expect((await status()).cloudWarning).toBe(true);
  });

  it('runs a backup in the background: the core answers meanwhile, a second run is refused, the file opens with the recovery key', async () => {
    expect(await t.ok('admin', 'backup:saveSettings', { folder, ...SETTINGS })).toEqual({ folder, ...SETTINGS, cloudWarning: false, passphraseSetAt: null });
    const { jobId } = await t.ok('admin', 'backup:run', {});
    // A read answers while the backup's worker is still going (its result is recorded through the core's queue, after this).
    const page = await t.ok('admin', 'cases:list', {});
    expect(page.items).toEqual([]);
    expect((await status()).running).not.toBeNull();
    const again = await t.call('admin', 'backup:run', {});
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');

    const s = await settled();
    const files = backups();
    expect(files).toEqual(['clinic-backup-20261125-100000.ccmbackup']);
    expect(s).toMatchObject({ running: null, last: { at: clock.now().toISOString(), file: files[0], folder }, lastFailure: null, stale: false, folderMissing: false, configured: true });
    const bytes = readFileSync(join(folder, files[0]!));
    expect(s.last?.bytes).toBe(bytes.length);

    const out = mkdtempSync(join(root, 'open-'));
    const opened = await openBackup(join(folder, files[0]!), { recoveryKey: t.recoveryKey }, out);
    expect(opened.header.counts.cases).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['clinic.db', 'keyring.db']);

    const log = await t.ok('admin', 'audit:list', {});
    expect(log.items.find((e) => e.action === 'backup:result')).toMatchObject({ entityId: jobId, outcome: 'ok' });
    expect(log.items.filter((e) => e.action === 'backup:run').map((e) => [e.entityId, e.outcome]).slice(0, 2)).toEqual([[null, 'failed'], [jobId, 'ok']]); // newest first: the refused second run, then this one
    sha256 = createHash('sha256').update(bytes).digest('hex');
  }, 120_000);
  let sha256 = '';

  it('turns stale after warnAfterDays, and says when the folder is gone', async () => {
    await advance(2 * DAY + 1000);
    expect(await status()).toMatchObject({ stale: true, folderMissing: false });
    const moved = `${folder}-away`;
    const { renameSync } = await import('node:fs');
    renameSync(folder, moved);
    expect(await status()).toMatchObject({ stale: true, folderMissing: true, configured: true });
    const r = await t.call('admin', 'backup:run', {});
    expect(r.ok ? null : r.error.fields).toEqual([{ path: 'folder', message: 'validation.folderMissing' }]);
    renameSync(moved, folder);
  });

  it('rotates after each backup: newest per day kept, foreign files untouched', async () => {
    await t.ok('admin', 'backup:saveSettings', { folder, keepDaily: 2, keepWeekly: 1, keepMonthly: 1, warnAfterDays: 2 });
    writeFileSync(join(folder, 'notes.txt'), 'not a backup');
    writeFileSync(join(folder, 'clinic-backup-copie.ccmbackup'), 'not ours either');
    // Now 2026-11-27T10:00:01Z; one backup a day for two more days.
    for (let i = 0; i < 2; i++) {
      await t.ok('admin', 'backup:run', {});
      await settled();
      await advance(DAY);
    }
    expect(backups()).toEqual(['clinic-backup-20261127-100001.ccmbackup', 'clinic-backup-20261128-100001.ccmbackup', 'clinic-backup-copie.ccmbackup']);
    expect(readdirSync(folder)).toContain('notes.txt');
    expect((await status()).stale).toBe(false);
  }, 120_000);

  it('backs up by itself when the last session signs out, and records it at the next sign-in', async () => {
    clock.advance(2 * HOUR);
    await t.ok('youssef', 'auth:signOut', {});
    await t.ok('admin', 'auth:signOut', {});
    for (let i = 0; i < 600 && !backups().includes('clinic-backup-20261129-120001.ccmbackup'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(backups()).toContain('clinic-backup-20261129-120001.ccmbackup');
    // The result reaches the core through its queue after the rename: wait for the record, not a delay.
    await new Promise((r) => setTimeout(r, 300));
    await t.ok('admin', 'auth:login', { username: 'salma', password: 'Cle-Forte-2026!' });
    const s = await settled();
    expect(s.last?.file).toBe('clinic-backup-20261129-120001.ccmbackup');
  }, 120_000);

  it('keeps the file’s SHA-256 in the audit log', async () => {
    await t.core.close();
    const vault = Vault.open(t.dir);
    const key = vault.unwrapWithRecoveryKey(t.recoveryKey)!;
    await vault.close();
    const store = openStore(join(t.dir, 'clinic.db'), key);
    try {
      const details = store.sqlite.prepare("SELECT details FROM audit_log WHERE action = 'backup:result' ORDER BY id").pluck().all() as string[];
      expect(details.map((d) => JSON.parse(d) as { sha256?: string }).map((d) => d.sha256)).toContain(sha256);
      const rows = store.sqlite.prepare("SELECT trigger, outcome FROM backups ORDER BY started_at").all();
      expect(rows).toEqual([
        { trigger: 'administrator', outcome: 'ok' },
        { trigger: 'administrator', outcome: 'ok' },
        { trigger: 'administrator', outcome: 'ok' },
        { trigger: 'signOut', outcome: 'ok' },
      ]);
    } finally {
      await store.close();
      key.fill(0);
      await t.reopen();
    }
  });

  it('records a backup the application quit in the middle of as interrupted, in the log', async () => {
    clock.advance(2 * HOUR);
    await t.ok('admin', 'auth:login', { username: 'salma', password: 'Cle-Forte-2026!' });
    await t.ok('admin', 'backup:run', {});
    await t.reopen();
    expect(readdirSync(folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
    await t.ok('admin', 'auth:login', { username: 'salma', password: 'Cle-Forte-2026!' });
    expect((await status()).lastFailure).toMatchObject({ code: 'INTERRUPTED' });
    const log = await t.ok('admin', 'audit:list', { category: 'administration', limit: 20 });
    expect(log.items.find((e) => e.action === 'backup:result')).toMatchObject({ outcome: 'failed' });
  });
});
