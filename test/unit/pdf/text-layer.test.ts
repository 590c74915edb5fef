import { describe, expect, it } from 'vitest';
import { renderPdf, type DocDefinition } from '../../../electron/core/pdf/render';
import { withoutTextLayerFix } from '../../../electron/core/pdf/text-layer';
import { ARABIC_PARAGRAPHS } from '../../helpers/arabic-paragraphs';
import { pdfjsCopyText } from './pdf-text';
import { pdftotext, rasterize } from './poppler';

/**
 * Issue #11, item 3: search and copy in the PDFs. Every Arabic word must come back whole, with
 * pdf.js (browsers, the application's own viewer) and with poppler (most desktop viewers).
 */

const FRENCH = 'Audience fixée au 12/09/2023 devant le Tribunal administratif de Rabat ; M. حسام هاب (CMJTD) informé.';

/** Arabic words: runs of Arabic letters and their marks. Whatever separates them does not matter. */
const arabicWords = (text: string): string[] => text.match(/[\u0621-\u065F\u0670-\u06D3]+/g) ?? [];

/** Bidi marks poppler adds around runs of the other direction; they are not in the page. */
const POPPLER_MARKS = /[\u202A-\u202C]/g;

function document(): DocDefinition {
  const content = [...ARABIC_PARAGRAPHS, FRENCH].flatMap((paragraph) => [
    { paragraph, fontSize: 11, margin: [0, 0, 0, 6] as [number, number, number, number] },
    { paragraph, fontSize: 9, bold: true, margin: [0, 0, 0, 6] as [number, number, number, number] },
  ]);
  return { pageSize: 'A4', pageMargins: [40, 40, 40, 40], content };
}

/** Share of the source's Arabic words (with repeats) found whole among the extracted ones. */
function wholeWords(source: string[], extracted: string[]): { share: number; missing: string[] } {
  const left = new Map<string, number>();
  for (const w of extracted) left.set(w, (left.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of source) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else missing.push(w);
  }
  return { share: 1 - missing.length / source.length, missing };
}

/** Characters extracted that the source never had: unmapped glyphs, controls, replacements. */
function strangers(extracted: string, source: string): string[] {
  const known = new Set([...source, ' ', '\n', '\f']);
  return [...new Set([...extracted].filter((c) => !known.has(c)))].map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

describe('the PDF text layer', () => {
  const source = [...ARABIC_PARAGRAPHS, FRENCH].join(' ');
  const expected = [...arabicWords(source), ...arabicWords(source)];

  it('gives back every Arabic word whole with pdf.js, regular and bold, and nothing unmapped', async () => {
    const text = await pdfjsCopyText(await renderPdf(document()));
    const { share, missing } = wholeWords(expected, arabicWords(text));
    expect(missing).toEqual([]);
    expect(share).toBe(1);
    expect(strangers(text, source)).toEqual([]);
    for (const word of ['المملكة', 'الكبرى', 'لكن', 'الهوية', 'الشريك', 'تؤكد']) expect(text).toContain(word);
  });

  it('gives back every Arabic word whole with poppler (pdftotext), and nothing unmapped', async () => {
    const text = pdftotext(await renderPdf(document())).replace(POPPLER_MARKS, '');
    const { share, missing } = wholeWords(expected, arabicWords(text));
    expect(missing).toEqual([]);
    expect(share).toBe(1);
    expect(strangers(text, source)).toEqual([]);
    for (const word of ['المملكة', 'الكبرى', 'لكن', 'الهوية', 'الشريك', 'تؤكد']) expect(text).toContain(word);
  });

  it('was broken before the fix, so the tests above can fail', async () => {
    const pdf = await withoutTextLayerFix(() => renderPdf(document()));
    const text = await pdfjsCopyText(pdf);
    expect(wholeWords(expected, arabicWords(text)).share).toBeLessThan(0.95);
    expect(strangers(text, source).length).toBeGreaterThan(0);
  });

  it('draws the very same pages as the shaper placed them', async () => {
    const fixed = rasterize(await renderPdf(document()));
    const plain = rasterize(await withoutTextLayerFix(() => renderPdf(document())));
    expect(fixed.length).toBe(plain.length);
    fixed.forEach((page, p) => {
      const other = plain[p]!;
      let ink = 0;
      let changed = 0;
      for (let i = 0; i < page.pixels.length; i++) {
        if (other.pixels[i]! < 128) ink++;
        // Anti-aliasing may shift by a level or two where widths were rounded; a glyph moved or
        // drawn differently changes pixels from ink to paper.
        if (Math.abs(page.pixels[i]! - other.pixels[i]!) > 64) changed++;
      }
      expect(ink, `page ${p + 1}`).toBeGreaterThan(10_000);
      expect(changed, `page ${p + 1}`).toBe(0);
    });
  });
});
