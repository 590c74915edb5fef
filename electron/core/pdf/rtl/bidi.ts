/**
 * The Unicode Bidirectional Algorithm (UAX #9) as the layout step uses it.
 *
 * bidi-js resolves the embedding levels of a whole paragraph (rules P2–P3, X1–X10,
 * W1–W7, N0–N2, I1–I2). Lines are then broken in logical order, and only after that
 * is each line reordered on its own (L1–L2), as UAX #9 §3.4 requires: reordering a
 * paragraph first and cutting the visual string into lines would put the end of
 * an Arabic sentence on its first line. L3 (combining marks) is left to fontkit,
 * which shapes a run in logical order; L4 (mirroring) is `mirroredText` below.
 *
 * The conformance test (test/unit/pdf/bidi-conformance.test.ts) calls
 * `lineVisualOrder` — the very function the layout uses — against Unicode's
 * BidiCharacterTest.txt.
 */
import bidiFactory from 'bidi-js';
import type { EmbeddingLevels } from 'bidi-js';

export type BaseDirection = 'rtl' | 'ltr' | 'auto';

// One instance per process: the factory parses its Unicode tables lazily.
const bidi = bidiFactory();

export interface ResolvedParagraph {
  /** The logical text (UTF-16; bidi-js indexes code units, see RTL-LAYOUT.md). */
  readonly text: string;
  /** Resolved embedding level of every code unit (odd = right to left). */
  readonly levels: Uint8Array;
  /** The paragraph embedding level: 0 for LTR, 1 for RTL. */
  readonly paragraphLevel: number;
  /** The raw bidi-js result, needed by its per-line reordering. */
  readonly raw: EmbeddingLevels;
}

/**
 * Resolve one paragraph. The caller splits text at paragraph separators first
 * (layout.ts does), so that every paragraph gets its own direction under 'auto'.
 */
export function resolveParagraph(text: string, direction: BaseDirection): ResolvedParagraph {
  const raw = bidi.getEmbeddingLevels(text, direction);
  const first = raw.paragraphs[0];
  const paragraphLevel = first ? first.level : direction === 'rtl' ? 1 : 0;
  return { text, levels: raw.levels, paragraphLevel, raw };
}

// Bidi classes that rule L1 resets to the paragraph level at the end of a line:
// whitespace, separators, isolate controls and the characters X9 removes (the same
// set bidi-js uses in its own L1, so measurement and reordering agree).
const L1_TRAILING = new Set(['WS', 'S', 'B', 'LRI', 'RLI', 'FSI', 'PDI', 'BN', 'LRE', 'RLE', 'LRO', 'RLO', 'PDF']);

/** Whether a code unit takes the paragraph level when it ends a line (rule L1). */
export function isL1Trailing(ch: string): boolean {
  return L1_TRAILING.has(bidi.getBidiCharTypeName(ch));
}

/**
 * Visual order of the line [start, end) of a resolved paragraph: the logical
 * indices from left to right, after L1 (trailing whitespace to paragraph level,
 * done by bidi-js) and L2 (reverse runs from the highest level down to the lowest
 * odd level).
 */
export function lineVisualOrder(para: ResolvedParagraph, start: number, end: number): number[] {
  const order: number[] = [];
  for (let i = start; i < end; i++) order.push(i);
  if (end - start < 2) return order;
  // bidi-js takes an inclusive end and returns [from, to] segments (inclusive,
  // absolute indices) to flip one after another.
  const segments = bidi.getReorderSegments(para.text, para.raw, start, end - 1);
  for (const segment of segments) {
    const [from, to] = segment;
    if (from === undefined || to === undefined) continue;
    let a = from - start;
    let b = to - start;
    while (a < b) {
      const tmp = order[a] as number;
      order[a] = order[b] as number;
      order[b] = tmp;
      a++;
      b--;
    }
  }
  return order;
}

/**
 * Levels of the line [start, end) after rule L1, i.e. the levels the visual runs
 * are drawn with (trailing whitespace takes the paragraph's direction).
 */
export function lineLevels(para: ResolvedParagraph, start: number, end: number): Uint8Array {
  const levels = para.levels.slice(start, end);
  for (let i = end - 1; i >= start && isL1Trailing(para.text[i] as string); i--) {
    levels[i - start] = para.paragraphLevel;
  }
  return levels;
}

/**
 * Rule L4: a character with the Bidi_Mirrored property in a right-to-left run is
 * drawn with its mirror image, so "(" opens towards the right-hand reader. fontkit
 * does not do this (and neither Amiri nor Noto Naskh Arabic mirror brackets through `rtlm`),
 * so the character itself is swapped before shaping.
 */
export function mirroredText(text: string): string {
  let out = '';
  for (const ch of text) out += bidi.getMirroredCharacter(ch) ?? ch;
  return out;
}
