import { afterEach, describe, expect, it } from 'vitest';
import { endIdleWorker, idleWorker, renderInWorker, RENDER_LIMITS, type RenderLimits } from '../../../electron/core/documents/render-client';
import type { DocumentJob } from '../../../electron/core/documents/jobs';
import { AppError } from '../../../electron/core/errors';
import { longCase } from '../../../scripts/bench/pdf-pages';
import { caseFor, person } from '../../helpers/registry-fixtures';
import { setUpCore, type TempCore } from '../../helpers/temp-core';
import { readPdfText } from '../pdf/pdf-text';

const ctx = { language: 'fr' as const, clinicName: 'Clinique juridique de Rabat', generatedBy: 'Salma Admin', generatedAt: new Date('2026-11-25T10:00:00Z') };
const KEY = 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789';
const sheet: DocumentJob = { kind: 'recoverySheet', ctx, data: { recoveryKey: KEY } };
// issue #4's synthetic 52-page Arabic summary: about 70 MB of live heap to lay out.
const long: DocumentJob = { kind: 'caseSummary', ctx: { ...ctx, language: 'ar' }, data: { case: longCase(160, 280), domains: ['اللجوء'], activities: [], procedures: [], hearings: [] } };
const longer: DocumentJob = { ...long, data: { ...long.data, case: longCase(320, 560) } };

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'rendered',
    (error: unknown) => (error instanceof AppError ? error.code : String(error)),
  );
const textOf = async (pdf: Buffer) => (await readPdfText(pdf)).flat().map((item) => item.str).join('');

let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  await endIdleWorker();
});

describe('PDF worker', () => {
  it('renders documents one after another and hands back their bytes', async () => {
    for (let i = 0; i < 2; i++) {
      const pdf = await renderInWorker(sheet);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(await textOf(pdf)).toContain(KEY);
    }
  });

  it('keeps one worker between documents, and never hands a job to one that died while idle', async () => {
    await renderInWorker(sheet);
    const first = idleWorker();
    expect(first).not.toBeNull();
    await renderInWorker(sheet);
    expect(idleWorker()).toBe(first);
    // It dies while waiting (killed, crashed): it is forgotten, and the next document gets a new one.
    const exited = new Promise((resolve) => first!.once('exit', resolve));
    await first!.terminate();
    await exited;
    expect(idleWorker()).toBeNull();
    expect(await textOf(await renderInWorker(sheet))).toContain(KEY);
    expect(idleWorker()).not.toBe(first);
  });

  it('ends a document that outgrows its heap with DOCUMENT_TOO_LARGE, and the next document still renders', async () => {
    const small: RenderLimits = { ...RENDER_LIMITS, maxOldGenerationSizeMb: 64 };
    // The cap leaves room for an ordinary document…
    expect(await codeOf(renderInWorker(sheet, small))).toBe('rendered');
    // …not for a hundred pages, and the failure is a typed error, not a dead process. (Fifty
    // pages fit since pdfkit shares the layout step's fonts.)
    expect(await codeOf(renderInWorker(longer, small))).toBe('DOCUMENT_TOO_LARGE');
    expect(await textOf(await renderInWorker(sheet, small))).toContain(KEY);
  }, 120_000);

  it('ends a document that takes longer than its time limit with DOCUMENT_TOO_LARGE', async () => {
    await renderInWorker(sheet); // a warm worker: the time runs out while rendering, not while starting
    expect(idleWorker()).not.toBeNull();
    expect(await codeOf(renderInWorker(long, { ...RENDER_LIMITS, timeoutMs: 200 }))).toBe('DOCUMENT_TOO_LARGE');
    expect(await codeOf(renderInWorker(long))).toBe('rendered'); // the same document, given the time
  }, 60_000);

  it('reports a document that cannot be built, without its content', async () => {
    const secret = 'Aminata Secret-Witness';
    const broken = { kind: 'caseSummary', ctx, data: { case: { reference: secret }, domains: [secret] } } as unknown as DocumentJob;
    const message = await codeOf(renderInWorker(broken));
    expect(message).toMatch(/^Error: the PDF worker could not make the document \(TypeError\)/);
    expect(message).not.toContain(secret);
  });

  it('a channel answers DOCUMENT_TOO_LARGE when the worker gives up, and the core keeps working', async () => {
    t = await setUpCore({ renderLimits: { ...RENDER_LIMITS, timeoutMs: 50 } });
    const p = await t.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Traoré' }));
    const c = await t.ok('admin', 'cases:create', caseFor(p.id));
    const r = await t.call('admin', 'documents:caseSummary', { caseId: c.id, language: 'fr' });
    expect(r.ok ? null : r.error.code).toBe('DOCUMENT_TOO_LARGE');
    expect((await t.ok('admin', 'cases:get', { id: c.id })).reference).toBe(c.reference);
  });
});
