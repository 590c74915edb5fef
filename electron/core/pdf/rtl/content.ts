/**
 * From a laid-out paragraph to pdfmake content that pdfmake will draw as it is.
 *
 * Every line becomes its own pdfmake text node whose inlines are the line's tokens in
 * visual order. Properties set on every token, and why:
 * - `noWrap`: pdfmake must not split a token at its own break opportunities (it
 *   would re-order the halves left to right);
 * - `preserveLeadingSpaces` / `preserveTrailingSpaces`: pdfmake trims a space it
 *   believes sits at a line edge, but in an RTL token the string's first character
 *   is drawn at the right, so its guess would shift the line;
 * - `font`: the face the layout step measured with, so a Latin name inside Arabic
 *   uses Noto Sans and Arabic inside French uses Amiri;
 * - `lineHeight`: scaled so that every line of the paragraph is as tall as its
 *   tallest face (Amiri needs more room than Noto Sans), keeping the lines evenly
 *   spaced whatever face each one happens to use.
 */
import type { Content, ContentStack, ContentText, Margins } from 'pdfmake/interfaces';
import { FONT_FAMILY, type Face } from '../fonts';
import type { BaseDirection } from './bidi';
import { layoutParagraph, lineHeightOf, type LaidOutParagraph } from './layout';
import { isolateNumbers } from '../../../../shared/bidi/number-tokens';

/** Alignment relative to the paragraph's own direction, like CSS `text-align`. */
export type ParagraphAlign = 'start' | 'end' | 'center';

/** A paragraph as document builders write it (see render.ts `expandParagraphs`). */
export interface ParagraphNode {
  /** The logical text, in the order it is typed and stored. */
  paragraph: string;
  /** Base direction; defaults to 'auto' (first strong letter decides). */
  dir?: BaseDirection;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  align?: ParagraphAlign;
  /** Multiplier over the natural line height of the paragraph's tallest face. */
  lineHeight?: number;
  margin?: Margins;
  /**
   * Width of the lines in points, where the walker cannot derive it (list items,
   * auto-sized columns). Not `width`: that is pdfmake's column width when a
   * paragraph node is itself a column.
   */
  lineWidth?: number;
  /** A heading: never left alone at the foot of a page (pdf/keep-with-next.ts). */
  keepWithNext?: boolean;
}

/**
 * Wrap text in a left-to-right isolate (LRI … PDI, UAX #9 X5a). Inside Arabic, UAX #9
 * turns European digits into Arabic numbers (W2), so "2026-05-12" or "09-08" shows
 * its parts right to left (12-05-2026), as browsers and word processors do; an
 * isolate keeps a date, phone number or mixed reference exactly as written. The
 * controls themselves are not drawn.
 */
export function ltrIsolate(text: string): string {
  return `\u2066${text}\u2069`;
}

export function isParagraphNode(node: unknown): node is ParagraphNode {
  return typeof node === 'object' && node !== null && typeof (node as { paragraph?: unknown }).paragraph === 'string';
}

/** Style inherited from the document (defaultStyle) when the node does not say. */
export interface InheritedStyle {
  fontSize: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  lineHeight?: number;
}

function alignment(direction: 'ltr' | 'rtl', align: ParagraphAlign): 'left' | 'right' | 'center' {
  if (align === 'center') return 'center';
  const start = direction === 'rtl' ? 'right' : 'left';
  const end = direction === 'rtl' ? 'left' : 'right';
  return align === 'start' ? start : end;
}

/** pdfmake content for a paragraph already laid out at `fontSize`. */
export function laidOutToContent(
  laid: LaidOutParagraph,
  style: InheritedStyle & { align?: ParagraphAlign; margin?: Margins },
): ContentStack {
  const bold = style.bold ?? false;
  const italics = style.italics ?? false;
  const userLineHeight = style.lineHeight ?? 1;
  const heights = new Map<Face, number>();
  for (const face of ['arabic', 'latin'] as const) heights.set(face, lineHeightOf(face, { fontSize: style.fontSize, bold, italics }));
  let tallest = 0;
  for (const face of laid.faces) tallest = Math.max(tallest, heights.get(face) ?? 0);
  const lineHeightFor = (face: Face): number => {
    const natural = heights.get(face) ?? tallest;
    return tallest > 0 ? (userLineHeight * tallest) / natural : userLineHeight;
  };
  const lines: ContentText[] = laid.lines.map((line) => {
    const align = alignment(line.direction, style.align ?? 'start');
    // An empty line still needs one (empty) inline so that it keeps its height.
    const fallbackFace: Face = line.direction === 'rtl' ? 'arabic' : 'latin';
    const tokens = line.tokens.length > 0 ? line.tokens : [{ text: '', face: laid.faces.has(fallbackFace) ? fallbackFace : [...laid.faces][0] ?? fallbackFace }];
    return {
      text: tokens.map((token) => ({
        text: token.text,
        font: FONT_FAMILY[token.face],
        fontSize: style.fontSize,
        bold,
        italics,
        lineHeight: lineHeightFor(token.face),
        noWrap: true,
        preserveLeadingSpaces: true,
        preserveTrailingSpaces: true,
        alignment: align,
        ...(style.color ? { color: style.color } : {}),
      })),
      alignment: align,
    };
  });
  return { stack: lines, ...(style.margin !== undefined ? { margin: style.margin } : {}) };
}

function horizontalMargins(margin: Margins | undefined): number {
  if (margin === undefined) return 0;
  if (typeof margin === 'number') return 2 * margin;
  if (margin.length === 2) return 2 * margin[0];
  return margin[0] + margin[2];
}

/**
 * Lay out a paragraph node for a column `width` points wide (the node's own
 * margins are taken off) and return the pdfmake content that draws it.
 */
export function paragraphToContent(node: ParagraphNode, width: number | undefined, inherited: InheritedStyle): Content {
  const outer = node.lineWidth ?? width;
  if (outer === undefined) {
    throw new Error(
      'RTL layout: cannot tell the width of a paragraph here (auto-sized column, list or custom table layout); give the paragraph node a `lineWidth`.',
    );
  }
  const style = {
    fontSize: node.fontSize ?? inherited.fontSize,
    bold: node.bold ?? inherited.bold,
    italics: node.italics ?? inherited.italics,
    color: node.color ?? inherited.color,
    lineHeight: node.lineHeight ?? inherited.lineHeight,
  };
  const laid = layoutParagraph({
    // Laws, dates and phone numbers print in the order typed, whatever the text around them
    // (shared/bidi/number-tokens.ts; the isolate controls are not drawn).
    text: isolateNumbers(node.paragraph),
    direction: node.dir ?? 'auto',
    fontSize: style.fontSize,
    width: outer - horizontalMargins(node.margin),
    bold: style.bold,
    italics: style.italics,
  });
  const content = laidOutToContent(laid, { ...style, align: node.align, margin: node.margin });
  return node.keepWithNext ? { ...content, headlineLevel: 1 } : content;
}

export { horizontalMargins };
