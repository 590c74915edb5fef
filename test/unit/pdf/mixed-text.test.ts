import { afterEach, describe, expect, it } from 'vitest';
import type { PdfDocument } from '../../../shared/contract/documents';
import { numberTokens } from '../../../shared/bidi/number-tokens';
import { caseFor, person } from '../../helpers/registry-fixtures';
import { setUpCore, type TempCore } from '../../helpers/temp-core';
import { groupLines, logicalLineText, readPdfText, right, type PdfLine } from './pdf-text';

let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/**
 * Issue #11, items 1, 2 and 4: mixed Arabic–French text as clinics type it. An Arabic fact
 * with a law, dates and phone numbers; a French court note with an Arabic name inside.
 */
const ARABIC = 'تقدّم السيد حسام هاب بطلب لجوء لدى المفوضية بتاريخ 2023-05-12، ورُفض «لعدم الاختصاص» استنادًا إلى القانون 09-08 والقانون 02-03 بنسبة 15%. للتواصل: contact@gadem-asso.org أو +212 6 61 23 45 67 أو 0661-22-33-44.';
const FRENCH = 'Audience fixée au 12/09/2023 devant le Tribunal administratif de Rabat ; M. حسام هاب (CMJTD) informé.';
const LEFT = 40;
const RIGHT = 595.28 - 40;

const bytes = (doc: PdfDocument) => Buffer.from(doc.base64, 'base64');

async function lines(doc: PdfDocument): Promise<PdfLine[]> {
  return (await readPdfText(bytes(doc))).flatMap((p) => groupLines(p));
}

/** The lines of the paragraph that starts with `first` (a few words) and ends with `last`, read in `dir`. */
function paragraph(all: PdfLine[], dir: 'ltr' | 'rtl', first: string, last: string): { lines: PdfLine[]; text: string } {
  const start = all.findIndex((l) => logicalLineText(l, dir).startsWith(first));
  expect(start, first).toBeGreaterThanOrEqual(0);
  const end = all.findIndex((l, i) => i >= start && logicalLineText(l, dir).endsWith(last));
  expect(end, last).toBeGreaterThanOrEqual(start);
  const span = all.slice(start, end + 1);
  return { lines: span, text: span.map((l) => logicalLineText(l, dir)).join(' ') };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean);

describe('mixed Arabic–French text in documents', () => {
  it('gives each typed paragraph its own direction and alignment, and prints numbers as typed, in ar, fr and en', async () => {
    const s = await setUpCore();
    t = s;
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Hossam Hab', arabicName: 'حسام هاب' }));
    const c = await s.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: '2026-12-01', summary: `${ARABIC}\n${FRENCH}` }));
    for (const language of ['ar', 'fr', 'en'] as const) {
      const all = await lines(await s.ok('admin', 'documents:caseSummary', { caseId: c.id, language }));
      const ar = paragraph(all, 'rtl', 'تقدّم السيد', '0661-22-33-44.');
      // Read right to left, the Arabic paragraph gives the source's words in order…
      expect(words(ar.text), language).toEqual(words(ARABIC));
      // …every number-like token exactly as typed, on one line…
      for (const token of numberTokens(ARABIC).map((tk) => ARABIC.slice(tk.start, tk.end))) {
        expect(ar.lines.some((l) => logicalLineText(l, 'rtl').includes(token)), `${language} ${token}`).toBe(true);
      }
      // …and it is aligned right, whatever the document's language.
      for (const l of ar.lines) expect(Math.abs(right(l.items.at(-1)!) - RIGHT), language).toBeLessThan(2);

      const fr = paragraph(all, 'ltr', 'Audience fixée', 'informé.');
      expect(words(fr.text), language).toEqual(words(FRENCH));
      for (const l of fr.lines) expect(Math.abs(l.items[0]!.x - LEFT), language).toBeLessThan(2);
    }
  });

  it('writes Arabic dates with Moroccan month names', async () => {
    const s = await setUpCore();
    t = s;
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Hossam Hab' }));
    const c = await s.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: '2026-08-03' }));
    const text = (await lines(await s.ok('admin', 'documents:caseSummary', { caseId: c.id, language: 'ar' }))).map((l) => logicalLineText(l, 'rtl')).join('\n');
    expect(text).toContain('3 غشت 2026');
    expect(text).not.toMatch(/أغسطس|ديسمبر|نوفمبر|مايو/);
  });
});
