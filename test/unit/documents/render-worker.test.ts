import { afterEach, describe, expect, it } from 'vitest';
import { endIdleWorker, renderInWorker, RENDER_LIMITS, type RenderLimits } from '../../../electron/core/documents/render-client';
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
const long: DocumentJob = { kind: 'caseSummary', ctx: { ...ctx, language: 'ar' }, data: { case: longCase(160, 280), domains: ['اللجوء'] } };

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

  it('ends a document that outgrows its heap with DOCUMENT_TOO_LARGE, and the next document still renders', async () => {
    const small: RenderLimits = { ...RENDER_LIMITS, maxOldGenerationSizeMb: 64 };
    // The cap leaves room for an ordinary document…
    expect(await codeOf(renderInWorker(sheet, small))).toBe('rendered');
    // …not for fifty pages, and the failure is a typed error, not a dead process.
    expect(await codeOf(renderInWorker(long, small))).toBe('DOCUMENT_TOO_LARGE');
    expect(await textOf(await renderInWorker(sheet, small))).toContain(KEY);
  }, 60_000);

  it('ends a document that takes longer than its time limit with DOCUMENT_TOO_LARGE', async () => {
    expect(await codeOf(renderInWorker(long, { ...RENDER_LIMITS, timeoutMs: 50 }))).toBe('DOCUMENT_TOO_LARGE');
  });

  it('reports a document that cannot be built instead of hanging', async () => {
    const broken = { kind: 'caseSummary', ctx, data: { case: null, domains: [] } } as unknown as DocumentJob;
    expect(await codeOf(renderInWorker(broken))).toMatch(/^(TypeError|Error): /);
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
