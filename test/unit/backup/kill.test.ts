import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackup, writeBackup, type WrittenBackup } from '../../../electron/core/backup';
import { createCore } from '../../../electron/core/core';
import { invokeOk } from '../../faults/crash-loop-protocol';
import { makeClinic, type Clinic } from '../../helpers/backup-fixtures';
import { person } from '../../helpers/registry-fixtures';
import { ADMIN } from '../../helpers/temp-core';

/**
 * SIGKILL during a backup and during a restore. A child process (test/faults/backup-child.ts,
 * through tsx) is killed at each phase or step in turn (it kills itself there, so every point
 * is reached for sure), and a few times at a random moment from the parent.
 *
 * - Backup: a file with the final name always verifies; partial files and work folders a
 *   killed child left are removed by the next backup.
 * - Restore: once the application starts again, the folder opens as the old clinic or the new
 *   one (the backup's), never a mix; once the journal is written, always the new one.
 */
const root = join(import.meta.dirname, '..', '..', '..');
// Bundled once (like scripts/bench-runner.mjs): a child then starts in a fraction of a second,
// so the kills land in the work rather than in tsx's start-up. Inside the project, so that
// the bundle finds node_modules.
mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
const bundleDir = mkdtempSync(join(root, 'node_modules', '.cache', 'backup-child-'));
const CHILD = join(bundleDir, 'backup-child.mjs');
const FINAL = /^clinic-backup-\d{8}-\d{6}(-\d+)?\.ccmbackup$/;

function runChild(args: string[], env: Record<string, string>, killAfterMs: number | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    // The random kill counts from START, the beginning of the work.
    const arm = () => {
      if (killAfterMs !== null && !timer) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      arm();
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const giveUp = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(giveUp);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

let clinic: Clinic;
let work: string;
beforeAll(async () => {
  await build({
    absWorkingDir: root,
    entryPoints: ['test/faults/backup-child.ts'],
    outfile: CHILD,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  clinic = await makeClinic();
  work = mkdtempSync(join(tmpdir(), 'clinic-backup-kill-'));
});
afterAll(async () => {
  await clinic?.t.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('SIGKILL during a backup', () => {
  it('never leaves a file with the final name that does not verify', async () => {
    // The clinic stays open in this process, as the core would keep it while a backup runs.
    const target = join(work, 'backups');
    mkdirSync(target);
    const env = { CLINIC_TEST_DATA_KEY: clinic.dataKey.toString('hex') };
    const plan: { killAt: string; afterMs: number | null }[] = [
      ...['snapshot', 'write', 'verify', 'check', 'rename', 'done'].map((killAt) => ({ killAt, afterMs: null })),
      ...[0, 1, 2, 3].map(() => ({ killAt: 'never', afterMs: randomInt(0, 600) })),
    ];
    const killedAt: string[] = [];
    for (const { killAt, afterMs } of plan) {
      const result = await runChild(['backup', clinic.t.dir, target, killAt], env, afterMs);
      expect(result.signal, `killed at ${killAt}: ${result.stderr}`).toBe('SIGKILL');
      killedAt.push(killAt);
      for (const name of readdirSync(target).filter((n) => FINAL.test(n))) {
        const out = mkdtempSync(join(work, 'open-'));
        await expect(openBackup(join(target, name), { recoveryKey: clinic.t.recoveryKey }, out), `${name} after a kill at ${killAt}`).resolves.toBeDefined();
        rmSync(out, { recursive: true, force: true });
      }
    }
    const names = readdirSync(target);
    // Killed at 'done' (after the rename) the file is there; killed before it, never.
    expect(names.filter((n) => FINAL.test(n)).length).toBeGreaterThanOrEqual(1);
    // The next backup removes what the killed ones left (their process ids are gone).
    await writeBackup({ dataDir: clinic.t.dir, dataKey: clinic.dataKey, targetDir: target, now: new Date('2026-12-01T00:00:00Z') });
    expect(readdirSync(target).filter((n) => !FINAL.test(n))).toEqual([]);
    expect(readdirSync(clinic.t.dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('SIGKILL during a restore', () => {
  it('leaves, after recovery, the old clinic or the new one, never a mix', async () => {
    const { t } = clinic;
    const backupDir = join(work, 'restore-backups');
    mkdirSync(backupDir);
    const backup: WrittenBackup = await writeBackup({ dataDir: t.dir, dataKey: clinic.dataKey, targetDir: backupDir, now: new Date('2026-11-25T12:00:00Z') });
    await t.ok('admin', 'beneficiaries:create', person({ latinName: 'Only In The Old Clinic', city: 'Fès' }));
    await t.core.close();
    const template = join(work, 'template');
    cpSync(t.dir, template, { recursive: true });
    await t.reopen(); // so that afterAll's cleanup has a core to close

    const steps = ['opened', 'checked', 'journal', 'out:clinic.db', 'out:keyring.db', 'in:clinic.db', 'in:keyring.db', 'done'];
    const plan: { killAt: string; afterMs: number | null }[] = [...steps.map((killAt) => ({ killAt, afterMs: null })), ...[0, 1, 2].map(() => ({ killAt: 'never', afterMs: randomInt(0, 60) }))];
    const outcomes: string[] = [];
    for (const [i, { killAt, afterMs }] of plan.entries()) {
      const dir = join(work, `clinic-${i}`);
      cpSync(template, dir, { recursive: true });
      const result = await runChild(['restore', dir, backup.file, killAt], { CLINIC_TEST_RECOVERY_KEY: t.recoveryKey }, afterMs);
      const where = `kill at ${killAt}${afterMs === null ? '' : ` after ${afterMs} ms`}`;
      expect(result.code === 0 || result.signal === 'SIGKILL', `${where}: ${result.stderr}`).toBe(true);

      // The application starting is what completes an interrupted swap (createCore runs
      // recoverInterruptedRestore before it opens the folder).
      const pending = existsSync(join(dir, 'restore-journal.json'));
      const core = await createCore({ dataDir: dir });
      try {
        expect(existsSync(join(dir, 'restore-journal.json')), where).toBe(false);
        expect(readdirSync(dir).filter((n) => n.startsWith('.')), `${where}: staging left`).toEqual([]);
        await invokeOk(core, 'check', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
        const names = (await invokeOk(core, 'check', 'beneficiaries:list', { limit: 50 })).items.map((p) => p.latinName);
        const which = names.includes('Only In The Old Clinic') ? 'old' : 'new';
        expect(names, where).toHaveLength(which === 'old' ? 4 : 3);
        expect(await invokeOk(core, 'check', 'audit:verify', {}), where).toMatchObject({ ok: true });
        if (steps.indexOf(killAt) >= steps.indexOf('journal')) expect(which, `${where}: the journal was written, the swap must complete`).toBe('new');
        if (killAt === 'opened' || killAt === 'checked') expect(which, where).toBe('old');
        if (which === 'new') expect(readdirSync(dir).filter((n) => n.startsWith('replaced-')), where).toHaveLength(1);
        outcomes.push(`${where}: ${which}${pending ? ' (completed at start)' : ''}`);
      } finally {
        await core.close();
        rmSync(dir, { recursive: true, force: true });
      }
    }
    if (process.env.BACKUP_KILL_REPORT) console.log(outcomes.join('\n'));
  });
});
