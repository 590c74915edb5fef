import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import { readFontFile } from '../../../electron/core/pdf/fonts';
import { renderPdf } from '../../../electron/core/pdf/render';
import { fontkitFont } from '../../../electron/core/pdf/rtl/metrics';

const require = createRequire(import.meta.url);
const PDFDocument = require('pdfkit') as new (options: object) => { font(src: Buffer): { _font: { font: object; layoutRun(text: string): { glyphs: { id: number }[] } } } };

/**
 * The PDF worker's memory (docs/PERFORMANCE.md, "Memory"): pdfkit shapes with the fontkit font
 * the layout step already parsed, instead of parsing each face again for every document.
 */
describe('shared shaper', () => {
  it('shapes pdfkit text with the layout step’s font, giving the glyphs pdfkit’s own font gives', async () => {
    await renderPdf({ content: [{ paragraph: 'مرحبا' }] }); // installs it, as the first render does
    const bytes = readFontFile('arabic', 'normal');
    const embedded = new PDFDocument({ autoFirstPage: false }).font(bytes)._font;
    expect(embedded.font).not.toBe(fontkitFont(bytes)); // pdfkit still opens its own, for the subset
    const shared = vi.spyOn(fontkitFont(bytes) as { layout(text: string): unknown }, 'layout');
    try {
      const run = embedded.layoutRun('قرار الترحيل');
      expect(shared).toHaveBeenCalledOnce();
      expect(embedded.font).not.toBe(fontkitFont(bytes)); // put back after the call
      const own = (embedded.font as { layout(text: string): { glyphs: { id: number }[] } }).layout('قرار الترحيل');
      expect(run.glyphs.map((g) => g.id)).toEqual(own.glyphs.map((g) => g.id));
    } finally {
      shared.mockRestore();
    }
  });
});
