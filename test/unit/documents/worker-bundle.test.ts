import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledWorkerUrl } from '../../../electron/core/documents/render-client';
import type { DocumentJob, RenderReply } from '../../../electron/core/documents/jobs';
import { readPdfText } from '../pdf/pdf-text';

const root = join(import.meta.dirname, '..', '..', '..');
// Inside the project, as dist/electron is, so that the bundles find node_modules the same way;
// not dist/electron itself, which `npm start` may be using.
const out = join(root, 'node_modules', '.cache', 'electron-bundle-test');
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * The packaged app runs the bundles, not the sources: the core (core-host.cjs) starts the
 * PDF worker from pdf-worker.cjs beside it. Build them as `npm start` and `npm run dist` do,
 * find the worker where the core's code looks for it, and run it on a job.
 */
describe('Electron bundles', () => {
  it('put pdfmake in the PDF worker only, and the worker the core finds renders a document', async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--outdir', out], { cwd: root, stdio: 'pipe' });
    expect(readFileSync(join(out, 'core-host.cjs'), 'utf8')).not.toContain('pdfmake');
    const workerFile = fileURLToPath(bundledWorkerUrl(pathToFileURL(join(out, 'core-host.cjs')).href));
    expect(workerFile).toBe(join(out, 'pdf-worker.cjs'));
    expect(existsSync(workerFile)).toBe(true);

    const key = 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789';
    const job: DocumentJob = {
      kind: 'recoverySheet',
      ctx: { language: 'ar', clinicName: 'العيادة القانونية', generatedBy: 'Salma', generatedAt: new Date('2026-11-25T10:00:00Z') },
      data: { recoveryKey: key },
    };
    const worker = new Worker(workerFile);
    try {
      const reply = await new Promise<RenderReply>((resolve, reject) => {
        worker.once('message', resolve).once('error', reject);
        worker.postMessage(job);
      });
      if (!reply.ok) throw new Error(`${reply.error} ${reply.frames.join(' ')}`);
      const text = (await readPdfText(reply.bytes)).flat().map((item) => item.str).join('');
      expect(text).toContain(key);
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
