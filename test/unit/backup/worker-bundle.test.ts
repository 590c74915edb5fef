import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFolder, buildCoreWorker } from '../../helpers/worker-bundle';
import { bundledBackupWorkerUrl } from '../../../electron/core/backup/backup-client';
import { openBackup } from '../../../electron/core/backup/open';
import type { BackupMessage, BackupRequest } from '../../../electron/core/backup/worker-types';
import { Vault } from '../../../electron/core/vault';
import { setUpCore } from '../../helpers/temp-core';

const out = bundleFolder('backup-bundle-test-');
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * The packaged core starts the backup worker from backup-worker.cjs beside core-host.cjs. This
 * builds it with the core bundles' options, finds it where the client looks, and makes a
 * backup from it that opens with the recovery key: the tests of the source prove the logic,
 * this one that the shipped file carries it.
 */
describe('backup worker bundle', () => {
  it('makes, from the bundle, a backup that opens with the recovery key', async () => {
    await buildCoreWorker('electron/core/backup/backup-worker.ts', join(out, 'backup-worker.cjs'));
    const workerFile = fileURLToPath(bundledBackupWorkerUrl(pathToFileURL(join(out, 'core-host.cjs')).href));
    expect(workerFile).toBe(join(out, 'backup-worker.cjs'));

    const t = await setUpCore();
    const target = mkdtempSync(join(out, 'target-'));
    await t.core.close();
    const vault = Vault.open(t.dir);
    const dataKey = vault.unwrapWithRecoveryKey(t.recoveryKey)!;
    await vault.close();
    try {
      const key = new Uint8Array(dataKey);
      const request: BackupRequest = { dataDir: t.dir, key, targetDir: target, now: '2026-12-03T10:00:00.000Z', keep: { daily: 7, weekly: 4, monthly: 12 } };
      const worker = new Worker(workerFile, { workerData: request, transferList: [key.buffer] });
      expect(key.byteLength).toBe(0); // transferred: no copy left in this thread
      const done = await new Promise<Extract<BackupMessage, { type: 'done' }>>((resolve, reject) => {
        worker.on('message', (m: BackupMessage) => m.type === 'done' && resolve(m)).once('error', reject);
      });
      await worker.terminate();
      expect(done).toMatchObject({ ok: true, result: { fileName: 'clinic-backup-20261203-100000.ccmbackup' } });
      expect(readdirSync(target)).toEqual(['clinic-backup-20261203-100000.ccmbackup']);
      const opened = await openBackup(join(target, 'clinic-backup-20261203-100000.ccmbackup'), { recoveryKey: t.recoveryKey }, mkdtempSync(join(out, 'open-')));
      expect(opened.header.counts).toBeDefined();
    } finally {
      dataKey.fill(0);
      await t.cleanup();
    }
  }, 120_000);
});
