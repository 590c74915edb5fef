import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFolder, buildCoreWorker } from '../../helpers/worker-bundle';
import { bundledIntegrityWorkerUrl } from '../../../electron/core/integrity/integrity-client';
import type { IntegrityReply, IntegrityRequest } from '../../../electron/core/integrity/types';
import { SETUP, setUpCore } from '../../helpers/temp-core';
import { Vault } from '../../../electron/core/vault';

const out = bundleFolder('integrity-bundle-test-');
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * The packaged core (core-host.cjs) starts the integrity worker from integrity-worker.cjs
 * beside it. This builds it with scripts/build-electron.mjs's options for the core's bundles,
 * finds it where the client looks, checks that it holds nothing of the core's other
 * dependencies, and runs a check in it.
 */
describe('integrity worker bundle', () => {
  it('holds SQLite and the check only, and checks a store from the bundle', async () => {
    await buildCoreWorker('electron/core/integrity/integrity-worker.ts', join(out, 'integrity-worker.cjs'));
    const workerFile = fileURLToPath(bundledIntegrityWorkerUrl(pathToFileURL(join(out, 'core-host.cjs')).href));
    expect(workerFile).toBe(join(out, 'integrity-worker.cjs'));
    const code = readFileSync(workerFile, 'utf8');
    expect(code).not.toMatch(/kysely|pdfmake|zod/);
    expect(code.length).toBeLessThan(40_000);

    const t = await setUpCore();
    const { recoveryKey } = t;
    await t.core.close();
    const vault = Vault.open(t.dir);
    const dataKey = vault.unwrapWithRecoveryKey(recoveryKey)!;
    await vault.close();
    try {
      const key = new Uint8Array(dataKey);
      const request: IntegrityRequest = { storePath: join(t.dir, 'clinic.db'), key, kind: 'full', steps: ['integrity_check', 'page_hmac'], cacheKiB: 2048, maxProblems: 20 };
      const worker = new Worker(workerFile, { workerData: request, transferList: [key.buffer] });
      expect(key.byteLength).toBe(0); // transferred: no copy left in this thread
      const reply = await new Promise<IntegrityReply>((resolve, reject) => {
        worker.once('message', resolve).once('error', reject);
      });
      await worker.terminate();
      expect(reply).toMatchObject({ ok: true, result: { ok: true, kind: 'full', problems: [] } });
      expect(SETUP.clinicName).toBeTruthy();
    } finally {
      dataKey.fill(0);
      await t.cleanup();
    }
  }, 60_000);
});
