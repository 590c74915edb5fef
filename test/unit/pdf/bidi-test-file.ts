/**
 * Parser for Unicode's BidiCharacterTest.txt (UAX #9 conformance data), and the
 * definition of which of its lines the clinic's documents can contain.
 *
 * Each data line: code points ; paragraph direction (0 LTR, 1 RTL, 2 auto) ;
 * resolved paragraph level ; resolved levels ('x' = removed by X9) ; visual order
 * (logical indices from left to right, removed characters skipped).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BIDI_TEST_FILE = fileURLToPath(new URL('../../fixtures/unicode/BidiCharacterTest.txt', import.meta.url));

export interface BidiTestCase {
  /** 1-based line number in the file, for failure messages. */
  readonly line: number;
  readonly codePoints: readonly number[];
  readonly direction: 'ltr' | 'rtl' | 'auto';
  readonly paragraphLevel: number;
  /** Per code point; null where the file says 'x'. */
  readonly levels: ReadonlyArray<number | null>;
  /** Code point indices, left to right. */
  readonly visualOrder: readonly number[];
}

export function parseBidiCharacterTest(path = BIDI_TEST_FILE): BidiTestCase[] {
  const cases: BidiTestCase[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const fields = text.split(';');
      if (fields.length !== 5) throw new Error(`BidiCharacterTest.txt:${index + 1}: expected 5 fields`);
      const [cps, dir, level, levels, order] = fields as [string, string, string, string, string];
      const direction = dir === '0' ? 'ltr' : dir === '1' ? 'rtl' : 'auto';
      cases.push({
        line: index + 1,
        codePoints: cps.trim().split(/\s+/).map((h) => parseInt(h, 16)),
        direction,
        paragraphLevel: Number(level),
        levels: levels.trim().split(/\s+/).map((l) => (l === 'x' ? null : Number(l))),
        visualOrder: order.trim() === '' ? [] : order.trim().split(/\s+/).map(Number),
      });
    });
  return cases;
}

// Punctuation and brackets that case records, letters and court documents use.
// NBSP is here because French typography puts it before « : ; ! ? » and in numbers.
const DOCUMENT_PUNCTUATION = new Set(
  [...' \u00a0!"#%&\'()*+,-./:;?@[]_{}«»§°…–—‘’“”\u060c\u061b\u061f\u066a\u066b\u066c'].map((c) => c.codePointAt(0) as number),
);

/**
 * Whether a code point is one the clinic's documents can contain: Arabic and Latin
 * letters (with Arabic harakat), European and Arabic-Indic digits, spaces, and
 * common punctuation and brackets. Hebrew, explicit directional controls, symbols
 * such as the dice the file uses as neutrals, etc. are out of scope (RTL-LAYOUT.md).
 */
export function isDocumentCharacter(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  if ((cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) return true; // Basic Latin letters
  if (cp >= 0xc0 && cp <= 0x24f && /\p{L}/u.test(ch)) return true; // accented Latin (French, names)
  if (cp >= 0x600 && cp <= 0x6ff && /\p{L}/u.test(ch) && /\p{Script=Arabic}/u.test(ch)) return true; // Arabic letters
  if ((cp >= 0x64b && cp <= 0x65f) || cp === 0x670) return true; // Arabic harakat
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x660 && cp <= 0x669)) return true; // European, Arabic-Indic digits
  return DOCUMENT_PUNCTUATION.has(cp);
}

/** A case in scope: explicit LTR or RTL paragraph, document characters only. */
export function isInScope(c: BidiTestCase): boolean {
  return c.direction !== 'auto' && c.codePoints.every(isDocumentCharacter);
}
