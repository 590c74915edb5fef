/**
 * pdfkit shapes text with the very fontkit fonts the layout step measured with.
 *
 * Why: pdfkit opens a fresh fontkit font for every font of every document, and the first
 * `layout` on it parses the OpenType layout tables (GSUB, GPOS, kerning classes, mark
 * anchors) into about 4 MB of objects per face. The layout step (rtl/metrics.ts) has already
 * parsed the same files, so during a render each face was held twice. In the PDF worker that
 * was a large share of the peak of a long case summary (docs/PERFORMANCE.md, "Memory").
 *
 * Only shaping is redirected: pdfkit's own font object still makes the subset and reads the
 * glyph outlines it embeds, which parses nothing but those glyphs. The shared font's
 * caches are pure (glyphs and tables, never per-document state), and shaping the same bytes
 * gives the same glyphs and positions, so the PDF is byte for byte what it was.
 */
import { createRequire } from 'node:module';
import { fontkitFont } from './rtl/metrics';

const require = createRequire(import.meta.url);

interface EmbeddedFont {
  font: { stream?: { buffer?: unknown } };
  layoutRun(text: string, features?: unknown): unknown;
}

let installed = false;

/** Install once per process, before the first render. `fontBytes`: any TrueType font (a probe). */
export function installSharedShaper(fontBytes: Buffer): void {
  if (installed) return;
  // pdfkit does not export EmbeddedFont: its prototype is reached through a throwaway document.
  const PDFDocument = require('pdfkit') as new (options: object) => { font(src: Buffer): { _font: object } };
  const proto = Object.getPrototypeOf(new PDFDocument({ autoFirstPage: false }).font(fontBytes)._font) as EmbeddedFont;
  if (typeof proto.layoutRun !== 'function') throw new Error('pdfkit EmbeddedFont changed shape: review electron/core/pdf/shared-shaper.ts');
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const layoutRun = proto.layoutRun;
  proto.layoutRun = function (this: EmbeddedFont, text: string, features?: unknown) {
    const bytes = this.font.stream?.buffer;
    if (!(bytes instanceof Uint8Array)) return layoutRun.call(this, text, features);
    // pdfkit's own layoutRun, with the shared font in place for the call (it reads only
    // `this.font` and `this.scale`, and the two fonts have the same units per em).
    const own = this.font;
    this.font = fontkitFont(bytes) as unknown as EmbeddedFont['font'];
    try {
      return layoutRun.call(this, text, features);
    } finally {
      this.font = own;
    }
  };
  installed = true;
}
