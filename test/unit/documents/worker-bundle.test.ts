import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { DocumentJob, RenderReply } from '../../../electron/core/documents/jobs';
import { readPdfText } from '../pdf/pdf-text';

const root = join(import.meta.dirname, '..', '..', '..');
const dist = join(root, 'dist', 'electron');

/**
 * The packaged app runs the bundles, not the sources: the core (core-host.cjs) starts the
 * PDF worker from pdf-worker.cjs beside it. Build them as `npm start` and `npm run dist` do
 * and run that worker file on a job.
 */
describe('Electron bundles', () => {
  it('put pdfmake in the PDF worker only, and the worker bundle renders a document', async () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], { cwd: root, stdio: 'pipe' });
    expect(readFileSync(join(dist, 'core-host.cjs'), 'utf8')).not.toContain('pdfmake');
    expect(readFileSync(join(dist, 'pdf-worker.cjs'), 'utf8')).toContain('pdfmake');

    const key = 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789';
    const job: DocumentJob = {
      kind: 'recoverySheet',
      ctx: { language: 'ar', clinicName: 'العيادة القانونية', generatedBy: 'Salma', generatedAt: new Date('2026-11-25T10:00:00Z') },
      data: { recoveryKey: key },
    };
    const worker = new Worker(join(dist, 'pdf-worker.cjs'));
    try {
      const reply = await new Promise<RenderReply>((resolve, reject) => {
        worker.once('message', resolve).once('error', reject);
        worker.postMessage(job);
      });
      if (!reply.ok) throw new Error(reply.message);
      const text = (await readPdfText(reply.bytes)).flat().map((item) => item.str).join('');
      expect(text).toContain(key);
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
