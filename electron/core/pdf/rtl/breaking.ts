/**
 * Where a paragraph may be broken into lines, in logical order.
 *
 * Break opportunities come from the `linebreak` package (UAX #14, the Unicode Line
 * Breaking Algorithm; it is the library pdfmake itself uses, so French text breaks
 * exactly where plain pdfmake would break it). It keeps "RBT-2026-00042" and
 * "12/05/2026" whole (UAX #14 LB25 keeps hyphens and slashes before digits) and
 * breaks Arabic after spaces.
 *
 * The greedy filling itself lives in layout.ts, because the width of a candidate
 * line is only known once its runs are reordered and shaped.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface LineBreakerInstance {
  nextBreak(): { position: number; required: boolean } | null;
}
// `linebreak` ships no type declarations; this is the part of its API used here.
const LineBreaker = require('linebreak') as new (text: string) => LineBreakerInstance;

export interface BreakOpportunity {
  /** Index at which the next line may start. */
  readonly position: number;
  /** A mandatory break (only at the very end here: newlines are split earlier). */
  readonly required: boolean;
}

/** Every break opportunity of `text`, ascending; the last one is text.length. */
export function breakOpportunities(text: string): BreakOpportunity[] {
  const breaker = new LineBreaker(text);
  const result: BreakOpportunity[] = [];
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    result.push({ position: bk.position, required: bk.required });
  }
  const last = result[result.length - 1];
  if (!last || last.position !== text.length) result.push({ position: text.length, required: true });
  if (!text.includes(LRI)) return result;
  const inside = isolatedPositions(text);
  return result.filter((b) => !inside[b.position]);
}

const LRI = '\u2066';
const PDI = '\u2069';

/**
 * A left-to-right isolate holds one code, date or phone number (ltrIsolate, and the number
 * tokens of shared/bidi/number-tokens.ts): it is never cut across two lines, so
 * "+212 6 61 23 45 67" stays whole.
 */
function isolatedPositions(text: string): boolean[] {
  const inside: boolean[] = [false];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === LRI) depth++;
    else if (text[i] === PDI && depth > 0) depth--;
    inside.push(depth > 0);
  }
  return inside;
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * Grapheme boundaries strictly inside [start, end): the emergency break points for
 * a word wider than the whole column (a long e-mail address or reference). Breaking
 * between graphemes keeps a letter and its accents or harakat together.
 */
export function graphemeBoundaries(text: string, start: number, end: number): number[] {
  const result: number[] = [];
  for (const { index } of graphemes.segment(text.slice(start, end))) {
    if (index > 0) result.push(start + index);
  }
  return result;
}

/** `text` with its grapheme clusters in reverse order (marks stay after their base). */
export function reverseGraphemes(text: string): string {
  const parts: string[] = [];
  for (const { segment } of graphemes.segment(text)) parts.push(segment);
  return parts.reverse().join('');
}
