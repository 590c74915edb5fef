/**
 * Font metrics for the layout step, taken from the very font files pdfmake embeds
 * and computed the way pdfkit computes them, so that a line the layout step
 * declares to fit is a line pdfmake will not break again.
 *
 * Widths come from fontkit's shaping (`font.layout`), not from per-character
 * advance tables: an Arabic letter's width depends on its joining form (initial,
 * medial, final, isolated) and on ligatures such as lam-alef, and only the shaper
 * knows which form it takes.
 */
import { createRequire } from 'node:module';
import { readFontFile, fontStyle, type Face } from '../fonts';

const require = createRequire(import.meta.url);

/** The part of fontkit's API used here (fontkit ships no type declarations). */
export interface FontkitGlyphRun {
  readonly direction: 'ltr' | 'rtl';
  readonly glyphs: ReadonlyArray<{ readonly id: number; readonly codePoints: readonly number[] }>;
  readonly positions: ReadonlyArray<{ readonly xAdvance: number }>;
}
export interface FontkitFont {
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  layout(text: string): FontkitGlyphRun;
  hasGlyphForCodePoint(codePoint: number): boolean;
}
// The same fontkit that pdfkit uses (the lockfile dedupes it to one copy).
const fontkit = require('fontkit') as { create(data: Buffer): FontkitFont };

export interface FaceStyle {
  readonly face: Face;
  readonly bold: boolean;
  readonly italics: boolean;
}

interface LoadedFont {
  readonly font: FontkitFont;
  /** pdfkit works in 1000-unit space: scale = 1000 / unitsPerEm. */
  readonly scale: number;
  /** Advance (1000-unit space) of each space-delimited chunk already shaped. */
  readonly chunkCache: Map<string, number>;
  /** Whether fontkit reverses a string it shapes (its script is right to left). */
  readonly directionCache: Map<string, boolean>;
}

const loaded = new Map<string, LoadedFont>();

/**
 * One parsed font per font file, for the layout step and for pdfkit (pdf/shared-shaper.ts):
 * shaping parses the OpenType layout tables into about 4 MB of objects per face, which
 * pdfkit would otherwise parse again for every document, alongside these (issue: memory of
 * the PDF worker, docs/PERFORMANCE.md). Keyed by the bytes themselves: Amiri's italics are
 * its upright file, and the same file is parsed once.
 */
const parsed = new WeakMap<Uint8Array, FontkitFont>();

export function fontkitFont(bytes: Uint8Array): FontkitFont {
  let font = parsed.get(bytes);
  if (!font) {
    font = fontkit.create(bytes as Buffer);
    parsed.set(bytes, font);
  }
  return font;
}

function load(style: FaceStyle): LoadedFont {
  const key = `${style.face}/${fontStyle(style.bold, style.italics)}`;
  let entry = loaded.get(key);
  if (!entry) {
    const font = fontkitFont(readFontFile(style.face, fontStyle(style.bold, style.italics)));
    entry = { font, scale: 1000 / font.unitsPerEm, chunkCache: new Map(), directionCache: new Map() };
    loaded.set(key, entry);
  }
  return entry;
}

function chunkAdvance(entry: LoadedFont, chunk: string): number {
  let advance = entry.chunkCache.get(chunk);
  if (advance === undefined) {
    // Same arithmetic as pdfkit's EmbeddedFont.layoutRun + GlyphRun.advanceWidth:
    // scale each position, then sum in glyph order.
    advance = 0;
    for (const position of entry.font.layout(chunk).positions) advance += position.xAdvance * entry.scale;
    entry.chunkCache.set(chunk, advance);
  }
  return advance;
}

/**
 * Width in points of `text` drawn as one pdfmake inline. pdfkit shapes an inline
 * in chunks that end after each space or tab and adds their advances; doing the
 * same here gives bit-for-bit the width pdfmake compares with the line width.
 */
export function textWidth(style: FaceStyle, text: string, fontSize: number): number {
  const entry = load(style);
  let advance = 0;
  let last = 0;
  let index = 0;
  while (index <= text.length) {
    const ch = text.charAt(index);
    if ((index === text.length && last < index) || ch === ' ' || ch === '\t') {
      advance += chunkAdvance(entry, text.slice(last, ++index));
      last = index;
    } else {
      index++;
    }
  }
  return advance * (fontSize / 1000);
}

/**
 * Whether fontkit will reverse this string when shaping it. fontkit picks the
 * direction from the first character with a script (Arabic → right to left) and
 * emits glyphs in visual order; the layout step needs to know this to hand pdfmake
 * strings that come out in the order it decided (see layout.ts, `emitToken`).
 */
export function shaperReverses(style: FaceStyle, text: string): boolean {
  const entry = load(style);
  let reverses = entry.directionCache.get(text);
  if (reverses === undefined) {
    reverses = entry.font.layout(text).direction === 'rtl';
    entry.directionCache.set(text, reverses);
  }
  return reverses;
}

/** Whether the face has a glyph for a code point (for the fallback between faces). */
export function hasGlyph(style: FaceStyle, codePoint: number): boolean {
  return load(style).font.hasGlyphForCodePoint(codePoint);
}

/**
 * Height pdfmake gives a line of this face at lineHeight 1: pdfkit's
 * (ascender − descender) / 1000 × size, without the line gap.
 */
export function faceLineHeight(style: FaceStyle, fontSize: number): number {
  const { font, scale } = load(style);
  return ((font.ascent * scale - font.descent * scale) / 1000) * fontSize;
}
