/**
 * Reads a generated PDF back with pdf.js (an npm package, so the tests need no
 * system tool): every text item with its position, grouped into lines.
 *
 * pdf.js merges adjacent show-text operations of one font into an item and turns
 * an item of right-to-left text back into logical order (its `dir` is 'rtl'). So a
 * right-to-left line reads logically by taking its items from right to left, and
 * a left-to-right line by taking them from left to right.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfTextItem {
  readonly str: string;
  readonly dir: string;
  /** Left edge, baseline and width in PDF points (origin bottom left). */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fontName: string;
}

export interface PdfLine {
  readonly y: number;
  /** Items sorted from left to right. */
  readonly items: readonly PdfTextItem[];
}

/** All text items of every page, in content-stream order, per page. */
export async function readPdfText(pdf: Uint8Array): Promise<PdfTextItem[][]> {
  // pdf.js may detach the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  const pages: PdfTextItem[][] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const [, , , , x, y] = item.transform as number[];
      items.push({ str: item.str, dir: item.dir, x: x ?? 0, y: y ?? 0, width: item.width, fontName: item.fontName });
    }
    pages.push(items);
  }
  await doc.destroy();
  return pages;
}

/**
 * Group items into lines by baseline, top line first. Items of one line share a
 * baseline (both faces are drawn on the line's baseline); `tolerance` absorbs
 * rounding, far below any line height.
 */
export function groupLines(items: readonly PdfTextItem[], tolerance = 1): PdfLine[] {
  const lines: Array<{ y: number; items: PdfTextItem[] }> = [];
  for (const item of items) {
    const line = lines.find((l) => Math.abs(l.y - item.y) <= tolerance);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, items: [item] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '«': '»', '»': '«', '<': '>', '>': '<' };

/**
 * The logical text of a line: items from the reading start (right for RTL) to its
 * end. In RTL items the brackets come back mirrored (the layout draws the mirrored
 * character, UAX #9 L4), so they are swapped back here.
 */
export function logicalLineText(line: PdfLine, direction: 'ltr' | 'rtl'): string {
  const items = direction === 'rtl' ? [...line.items].reverse() : line.items;
  return items.map((i) => (i.dir === 'rtl' ? [...i.str].map((c) => MIRROR[c] ?? c).join('') : i.str)).join('');
}

/** Right edge of an item. */
export function right(item: PdfTextItem): number {
  return item.x + item.width;
}

/**
 * The whole text as a pdf.js viewer copies it: each item's string in content order, a line
 * break where pdf.js ends a line. Nothing is joined or spaced here, so a space pdf.js
 * inserts in the middle of a word shows.
 */
export async function pdfjsCopyText(pdf: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  let text = '';
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    text += '\n';
  }
  await doc.destroy();
  return text;
}
