/**
 * The RTL layout step in front of pdfmake (pdfmake issue #184).
 *
 * pdfmake shapes each word through fontkit but places words left to right and never
 * reorders mixed text, so an Arabic paragraph comes out with its words reversed and
 * its lines broken from the wrong end. This step does what pdfmake cannot:
 *
 *   1. resolve the paragraph with the Unicode Bidirectional Algorithm (bidi.ts);
 *   2. pick a face per character: Arabic script → Amiri, Latin letters and
 *      European digits → Noto Sans, punctuation and spaces → the face of their run;
 *   3. break lines greedily at UAX #14 opportunities, in logical order, measuring each
 *      candidate line exactly as pdfmake will (metrics.ts);
 *   4. reorder each line on its own (L1–L2), mirror brackets in RTL runs (L4), and
 *      cut it into tokens whose text comes out of fontkit in the visual order chosen;
 *   5. hand pdfmake one text node per line, tokens in visual order, aligned right for
 *      an RTL paragraph, every token `noWrap`, and a line never wider than the column,
 *      so pdfmake neither re-breaks nor reorders anything.
 */
import { breakOpportunities, graphemeBoundaries, reverseGraphemes } from './breaking';
import { isL1Trailing, lineLevels, lineVisualOrder, mirroredText, resolveParagraph, type BaseDirection, type ResolvedParagraph } from './bidi';
import { faceLineHeight, hasGlyph, shaperReverses, textWidth, type FaceStyle } from './metrics';
import type { Face } from '../fonts';

export interface ParagraphInput {
  /** Logical text, as typed. A newline starts a new bidi paragraph. */
  readonly text: string;
  /** Base direction; 'auto' takes it from the first strong letter (UAX #9 P2–P3). */
  readonly direction: BaseDirection;
  readonly fontSize: number;
  /** Width available to the lines, in points (the column or cell content width). */
  readonly width: number;
  readonly bold?: boolean;
  readonly italics?: boolean;
}

/** A piece of a line, as handed to pdfmake: its text comes out of fontkit as-is. */
export interface Token {
  /** The string given to pdfmake (see `emitToken` for why it may be reversed). */
  readonly text: string;
  readonly face: Face;
  /** Width in points, computed as pdfmake will compute it. */
  readonly width: number;
  /** Resolved embedding level (odd = right to left). */
  readonly level: number;
  /** Logical range [start, end) of the paragraph text this token draws. */
  readonly start: number;
  readonly end: number;
}

export interface Line {
  readonly direction: 'ltr' | 'rtl';
  /** Logical range [start, end) of the line, trailing spaces excluded. */
  readonly start: number;
  readonly end: number;
  /** Tokens from left to right. */
  readonly tokens: readonly Token[];
  readonly width: number;
}

export interface LaidOutParagraph {
  /** The text the indices refer to (NFC-normalised input). */
  readonly text: string;
  readonly lines: readonly Line[];
  /** Faces used anywhere in the paragraph (to even out line heights). */
  readonly faces: ReadonlySet<Face>;
}

const ARABIC = /\p{Script_Extensions=Arabic}/u;
const LATIN = /[\p{Script=Latin}0-9]/u;
// Format characters have no glyph; ZWNJ/ZWJ stay because they steer Arabic joining.
const INVISIBLE = /[\p{Cf}]/u;
const JOIN_CONTROLS = new Set(['\u200c', '\u200d']);

function isInvisible(ch: string): boolean {
  return INVISIBLE.test(ch) && !JOIN_CONTROLS.has(ch);
}

/** Face of every code unit: script letters decide, neutrals follow their run. */
function assignFaces(para: ResolvedParagraph, style: Omit<FaceStyle, 'face'>): Face[] {
  const { text, levels } = para;
  const intrinsic: Array<Face | null> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = ch.charCodeAt(0);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
      intrinsic.push(intrinsic[i - 1] ?? null); // low surrogate: same as its high half
      continue;
    }
    const full = String.fromCodePoint(text.codePointAt(i) ?? code);
    intrinsic.push(ARABIC.test(full) ? 'arabic' : LATIN.test(full) ? 'latin' : null);
  }
  const faces: Face[] = new Array<Face>(text.length);
  let runStart = 0;
  while (runStart < text.length) {
    // A run of one embedding level: its punctuation and spaces take the face of the
    // nearest letter before them (else after them), so "(Diallo)" stays Latin and
    // "«كلمة»" stays Arabic; a run without letters follows its direction.
    let runEnd = runStart;
    while (runEnd < text.length && levels[runEnd] === levels[runStart]) runEnd++;
    let previous: Face | null = null;
    const fallback: Face = ((levels[runStart] ?? 0) & 1) === 1 ? 'arabic' : 'latin';
    for (let i = runStart; i < runEnd; i++) {
      const own = intrinsic[i] ?? null;
      if (own) previous = own;
      else if (!previous) {
        let j = i + 1;
        while (j < runEnd && !intrinsic[j]) j++;
        previous = j < runEnd ? (intrinsic[j] ?? fallback) : fallback;
      }
      faces[i] = own ?? previous;
    }
    runStart = runEnd;
  }
  // A character the chosen face lacks (e.g. "،" in Noto Sans) uses the other face.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) {
      faces[i] = faces[i - 1] as Face; // never split a surrogate pair between faces
      continue;
    }
    const face = faces[i] as Face;
    const cp = text.codePointAt(i) ?? 0;
    const other: Face = face === 'arabic' ? 'latin' : 'arabic';
    if (!hasGlyph({ ...style, face }, cp) && hasGlyph({ ...style, face: other }, cp)) faces[i] = other;
  }
  return faces;
}

interface ParagraphContext {
  readonly para: ResolvedParagraph;
  readonly faces: readonly Face[];
  readonly offset: number; // index of this bidi paragraph in the whole input text
  readonly style: Omit<FaceStyle, 'face'>;
  readonly fontSize: number;
}

/**
 * One visual run → tokens in visual order. fontkit reverses any string whose first
 * script character is right to left (Arabic letters, but also Arabic-Indic digits)
 * and pdfkit shapes an inline in space-separated chunks laid out left to right. So:
 * - an RTL run is cut at spaces, its pieces listed right to left, and a piece fontkit
 *   would not reverse itself (punctuation only) is reversed here;
 * - an LTR run keeps its order, except a piece fontkit would reverse (Arabic-Indic
 *   digits, level 2 inside Arabic) is handed over pre-reversed so it comes out right.
 * Arabic letters always sit in RTL runs (short of an explicit LRO override, which
 * case data does not contain), so no joining sequence is ever reversed here.
 */
function emitRun(ctx: ParagraphContext, start: number, end: number, level: number, face: Face): Token[] {
  const style: FaceStyle = { ...ctx.style, face };
  const rtl = (level & 1) === 1;
  const { text } = ctx.para;
  // Pieces in logical order: each space or tab alone, everything between together.
  const pieces: Array<{ text: string; start: number; end: number }> = [];
  let current = '';
  let currentStart = start;
  const flush = (to: number): void => {
    if (current) pieces.push({ text: rtl ? mirroredText(current) : current, start: currentStart, end: to });
    current = '';
  };
  for (let i = start; i < end; i++) {
    const ch = text[i] as string;
    if (ch === ' ' || ch === '\t') {
      flush(i);
      pieces.push({ text: ch, start: i, end: i + 1 });
      currentStart = i + 1;
    } else if (!isInvisible(ch)) {
      if (!current) currentStart = i;
      current += ch;
    }
  }
  flush(end);
  const make = (piece: { text: string; start: number; end: number }, reverse: boolean): Token => {
    const emitted = reverse ? reverseGraphemes(piece.text) : piece.text;
    return {
      text: emitted,
      face,
      width: textWidth(style, emitted, ctx.fontSize),
      level,
      start: ctx.offset + piece.start,
      end: ctx.offset + piece.end,
    };
  };
  if (rtl) return pieces.reverse().map((p) => make(p, !shaperReverses(style, p.text)));
  if (pieces.length === 0) return [];
  if (!pieces.some((p) => shaperReverses(style, p.text))) {
    const first = pieces[0] as (typeof pieces)[number];
    const last = pieces[pieces.length - 1] as (typeof pieces)[number];
    return [make({ text: pieces.map((p) => p.text).join(''), start: first.start, end: last.end }, false)];
  }
  return pieces.map((p) => make(p, shaperReverses(style, p.text)));
}

/** Build the line [start, end) of one bidi paragraph: reorder, group, emit. */
function buildLine(ctx: ParagraphContext, start: number, end: number): Line {
  const order = lineVisualOrder(ctx.para, start, end);
  const levels = lineLevels(ctx.para, start, end);
  const tokens: Token[] = [];
  let i = 0;
  while (i < order.length) {
    // A visual run: consecutive visual positions with one level and one face whose
    // logical indices step by +1 (LTR) or −1 (RTL).
    const first = order[i] as number;
    const level = levels[first - start] as number;
    const face = ctx.faces[first] as Face;
    const step = (level & 1) === 1 ? -1 : 1;
    let j = i + 1;
    while (
      j < order.length &&
      order[j] === (order[j - 1] as number) + step &&
      levels[(order[j] as number) - start] === level &&
      ctx.faces[order[j] as number] === face
    ) {
      j++;
    }
    const last = order[j - 1] as number;
    tokens.push(...emitRun(ctx, Math.min(first, last), Math.max(first, last) + 1, level, face));
    i = j;
  }
  // Summed left to right, as pdfmake sums its inlines: the same float, not a near one.
  let width = 0;
  for (const token of tokens) width += token.width;
  const direction = (ctx.para.paragraphLevel & 1) === 1 ? 'rtl' : 'ltr';
  return { direction, start: ctx.offset + start, end: ctx.offset + end, tokens, width };
}

/** End of the visible part of [start, end): trailing spaces hang past the margin. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && isL1Trailing(text[end - 1] as string)) end--;
  return end;
}

/**
 * Width of the logical range [start, end) drawn as tokens, summed run by run. Token
 * widths add up (pdfkit measures space-delimited chunks independently and runs of
 * different level or face never kern together), so a line's width is the sum of its
 * segments' widths, up to float rounding: that lets the breaker measure each word
 * once instead of re-laying the whole candidate line for every word.
 */
function rangeWidth(ctx: ParagraphContext, start: number, end: number): number {
  let width = 0;
  let i = start;
  while (i < end) {
    const level = ctx.para.levels[i] as number;
    const face = ctx.faces[i] as Face;
    let j = i + 1;
    while (j < end && ctx.para.levels[j] === level && ctx.faces[j] === face) j++;
    for (const token of emitRun(ctx, i, j, level, face)) width += token.width;
    i = j;
  }
  return width;
}

// Slack for the additive estimate; the exact line built afterwards decides.
const ESTIMATE_SLACK = 1e-6;

/** Greedy line breaking of one bidi paragraph, in logical order. */
function breakParagraph(ctx: ParagraphContext, maxWidth: number): Line[] {
  const { text } = ctx.para;
  const opportunities = breakOpportunities(text).map((o) => o.position);
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length && isL1Trailing(text[start] as string)) start++;
  let next = 0; // index of the first opportunity after `start`
  while (start < text.length) {
    while (next < opportunities.length && (opportunities[next] as number) <= start) next++;
    // Add words while the estimate fits; trailing spaces hang past the margin.
    let fittedK = -1;
    let width = 0;
    let from = start;
    for (let k = next; k < opportunities.length; k++) {
      const end = opportunities[k] as number;
      const visibleEnd = trimEnd(text, from, end);
      const visible = width + rangeWidth(ctx, from, visibleEnd);
      if (visible > maxWidth + ESTIMATE_SLACK) break;
      fittedK = k;
      width = visible + rangeWidth(ctx, visibleEnd, end);
      from = end;
    }
    // The exact line (reordered, tokens summed left to right as pdfmake sums them)
    // must fit; if rounding says otherwise, give back a word.
    let fitted: Line | null = null;
    let fittedAt = -1;
    for (let k = fittedK; k >= next; k--) {
      const end = opportunities[k] as number;
      const line = buildLine(ctx, start, trimEnd(text, start, end));
      if (line.width <= maxWidth) {
        fitted = line;
        fittedAt = end;
        break;
      }
    }
    if (!fitted) {
      // Even the first word is wider than the column: cut it between graphemes.
      const wordEnd = trimEnd(text, start, opportunities[next] ?? text.length);
      const cuts = graphemeBoundaries(text, start, wordEnd);
      fittedAt = cuts[0] ?? wordEnd;
      for (const cut of cuts) {
        if (buildLine(ctx, start, cut).width > maxWidth) break;
        fittedAt = cut;
      }
      fitted = buildLine(ctx, start, fittedAt);
    }
    lines.push(fitted);
    start = fittedAt;
  }
  if (lines.length === 0) lines.push(buildLine(ctx, 0, 0)); // an empty paragraph keeps its line
  return lines;
}

/**
 * Lay out a paragraph: lines in logical order (top to bottom), each with its tokens
 * in visual order (left to right), measured with the embedded fonts.
 */
export function layoutParagraph(input: ParagraphInput): LaidOutParagraph {
  if (!(input.width > 0) || !(input.fontSize > 0)) throw new RangeError('layoutParagraph: width and fontSize must be positive');
  const text = input.text.normalize('NFC');
  const style = { bold: input.bold ?? false, italics: input.italics ?? false };
  const lines: Line[] = [];
  const faces = new Set<Face>();
  // Each hard line break starts a new bidi paragraph (UAX #9 P1).
  let offset = 0;
  for (const part of text.split(/\r\n|[\n\r\u2029]/)) {
    const para = resolveParagraph(part, input.direction);
    const ctx: ParagraphContext = { para, faces: assignFaces(para, style), offset, style, fontSize: input.fontSize };
    for (const line of breakParagraph(ctx, input.width)) {
      lines.push(line);
      for (const token of line.tokens) faces.add(token.face);
    }
    if (part.length === 0) faces.add(input.direction === 'rtl' ? 'arabic' : 'latin');
    offset += part.length + (text.startsWith('\r\n', offset + part.length) ? 2 : 1);
  }
  return { text, lines, faces };
}

/** Natural line height (points, lineHeight 1) of a face, for evening out lines. */
export function lineHeightOf(face: Face, input: Pick<ParagraphInput, 'fontSize' | 'bold' | 'italics'>): number {
  return faceLineHeight({ face, bold: input.bold ?? false, italics: input.italics ?? false }, input.fontSize);
}
