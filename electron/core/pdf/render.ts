/**
 * PDF rendering in the backend core (plain Node, off the UI thread).
 *
 * Security: a document definition is built from case data, which is untrusted text
 * typed by many hands. pdfmake, given a URL where it expects an image, font or
 * attachment, fetches it; given a path, it reads the file. A crafted value could
 * then make the core call out over the network (SSRF, leaking that a case is being
 * printed) or embed any file the process can read into a PDF that leaves the clinic.
 * So every render:
 * - denies every URL (`setUrlAccessPolicy(() => false)`): the core never fetches;
 * - denies every local path (`setLocalAccessPolicy(() => false)`): fonts are handed
 *   to pdfmake from memory through its virtual file system, which that policy does
 *   not gate, and images must be data URLs (which pdfmake decodes without file access).
 * The policies are set on pdfmake's module instance right before each render, in
 * the same synchronous step as createPdf, so nothing in between can loosen them.
 */
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { FONT_FAMILY, fontVfsEntries, pdfmakeFontDictionary, readFontFile } from './fonts';
import { expandParagraphs, type DocDefinition } from './expand';
import { installTextLayerFix } from './text-layer';
import { installSharedShaper } from './shared-shaper';

const require = createRequire(import.meta.url);

interface PdfmakeServer {
  createPdf(doc: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  virtualfs: { existsSync(name: string): boolean; writeFileSync(name: string, data: Buffer): void };
}
// pdfmake's server build is CommonJS and exports a ready instance (`module.exports =
// new pdfmake()`), so it is loaded with require rather than an ESM namespace import.
const pdfmake = require('pdfmake') as PdfmakeServer;

let fontsRegistered = false;

function registerFonts(): void {
  if (fontsRegistered) return;
  installTextLayerFix(readFontFile('latin', 'normal'));
  installSharedShaper(readFontFile('latin', 'normal'));
  for (const [name, bytes] of fontVfsEntries()) {
    if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, bytes);
  }
  fontsRegistered = true;
}

const denyAll = (): boolean => false;

/**
 * Render a document definition (which may contain `{ paragraph }` nodes) to PDF
 * bytes. Paragraph nodes go through the RTL layout step; everything else is plain
 * pdfmake. The default font is the Latin face; Arabic text outside paragraph nodes
 * would come out in pdfmake's left-to-right order, so builders put all prose in
 * paragraph nodes.
 */
export async function renderPdf(doc: DocDefinition): Promise<Buffer> {
  registerFonts();
  const expanded = expandParagraphs(doc);
  const definition: TDocumentDefinitions = {
    ...expanded,
    defaultStyle: { font: FONT_FAMILY.latin, ...expanded.defaultStyle },
  };
  pdfmake.setUrlAccessPolicy(denyAll);
  pdfmake.setLocalAccessPolicy(denyAll);
  pdfmake.setFonts(pdfmakeFontDictionary());
  return pdfmake.createPdf(definition).getBuffer();
}

/** Plain pdfmake, same fonts and policies, no layout step (tests compare with it). */
export async function renderPlainPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  registerFonts();
  pdfmake.setUrlAccessPolicy(denyAll);
  pdfmake.setLocalAccessPolicy(denyAll);
  pdfmake.setFonts(pdfmakeFontDictionary());
  return pdfmake.createPdf({ ...doc, defaultStyle: { font: FONT_FAMILY.latin, ...doc.defaultStyle } }).getBuffer();
}

export { expandParagraphs, type DocDefinition } from './expand';
export { ltrIsolate, type ParagraphNode, type ParagraphAlign } from './rtl/content';
export { mirrorColumns, mirrorTable, mirrorMargins } from './rtl/mirror';
