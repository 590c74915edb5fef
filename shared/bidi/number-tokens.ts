/**
 * Number-like tokens keep the order they were typed in (issue #11, docs/BIDI-NUMBERS.md).
 *
 * UAX #9 reads a European number after Arabic letters as an Arabic number (W2) and draws the
 * parts of "09-08" or "2023-05-12" from right to left, so "القانون 09-08" shows the law as
 * 08-09 and a phone number comes out with its groups reversed. That is the standard, and
 * what browsers do — but to a reader it is a wrong law number, date or phone number. So every
 * screen and document finds these tokens with this one function and isolates them left to
 * right (LRI … PDI in the PDFs, <bdi dir="ltr"> on screen). A token is:
 *
 * - digits joined by `-`, `/`, `.` or `:` — a law (09-08), a date (2023-05-12, 12/09/2023),
 *   a time (12:00), a decimal or dotted number (3.5, 1.234.567), a reference's digits;
 * - a phone number: a leading `+` or `0`, then groups of digits separated by single spaces or
 *   the joiners above, with at least 8 digits in all (+212 6 61 23 45 67, 06 61 23 45 67);
 * - a leading `+` on any of these (+212, +33).
 *
 * A plain integer ("12 مارس") needs nothing: alone it is drawn as typed. A joiner at the end
 * ("09-08.") is punctuation, not part of the token. Digits inside a word (RBT-2026-00042, a
 * Latin reference) are left alone: the Latin letters already keep the whole left to right.
 */
export interface NumberToken {
  /** UTF-16 offsets in the text, end exclusive. */
  start: number;
  end: number;
}

// A run of digits and joiners/spaces between digits, optionally led by "+"; not preceded or
// followed by a letter or digit of a word (so RBT-2026-00042 and "x2-3" are not taken).
const CANDIDATE = /(?<![\p{L}\p{N}_+\-/.:])\+?\p{Nd}+(?:(?:[-/.:]| (?=\p{Nd}))\p{Nd}+)*(?![\p{L}\p{N}_])/gu;

const digitCount = (s: string) => (s.match(/\p{Nd}/gu) ?? []).length;

/** The number-like tokens of `text`, in order, never overlapping. */
export function numberTokens(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const value = m[0];
    const start = m.index;
    const phoneLike = /^[+0]/.test(value) && digitCount(value) >= 8;
    // Spaces bind only a phone number; otherwise each space-separated part stands alone.
    const parts = phoneLike || !value.includes(' ') ? [{ text: value, at: start }] : splitAtSpaces(value, start);
    for (const part of parts) {
      if (/[-/.:]/.test(part.text) || part.text.startsWith('+') || (phoneLike && part.text.includes(' '))) {
        out.push({ start: part.at, end: part.at + part.text.length });
      }
    }
  }
  return out;
}

function splitAtSpaces(value: string, start: number): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let at = start;
  for (const text of value.split(' ')) {
    parts.push({ text, at });
    at += text.length + 1;
  }
  return parts;
}

/** LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE (UAX #9 X5a, X6a). */
export const LRI = '\u2066';
export const PDI = '\u2069';

/** The text with every number-like token wrapped in LRI … PDI (for the PDF layout step). */
export function isolateNumbers(text: string): string {
  const tokens = numberTokens(text);
  if (tokens.length === 0) return text;
  let out = '';
  let at = 0;
  for (const t of tokens) {
    out += text.slice(at, t.start) + LRI + text.slice(t.start, t.end) + PDI;
    at = t.end;
  }
  return out + text.slice(at);
}

/** The text cut into plain pieces and number tokens, for a screen to isolate the tokens. */
export function splitNumbers(text: string): { text: string; number: boolean }[] {
  const pieces: { text: string; number: boolean }[] = [];
  let at = 0;
  for (const t of numberTokens(text)) {
    if (t.start > at) pieces.push({ text: text.slice(at, t.start), number: false });
    pieces.push({ text: text.slice(t.start, t.end), number: true });
    at = t.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), number: false });
  return pieces;
}
