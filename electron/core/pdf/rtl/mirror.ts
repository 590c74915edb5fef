/**
 * Mirroring of two-dimensional layouts for Arabic documents.
 *
 * An Arabic reader starts at the right: the first column of a table (the label, the
 * row number), the first of two columns, the start margin all belong on the right.
 * Builders write layouts once in logical order (first column first) and call these
 * helpers when the document is Arabic, much as CSS logical properties mirror a page.
 * Paragraph nodes inside need nothing: their 'start' alignment follows their own
 * direction already.
 */
import type { ContentTable, Margins } from 'pdfmake/interfaces';

/** Anything shaped like a pdfmake table node (also one holding paragraph nodes). */
export interface TableLike {
  table: { body: unknown[][]; widths?: unknown };
  layout?: unknown;
}
/** Anything shaped like a pdfmake columns node. */
export interface ColumnsLike {
  columns: unknown[];
}

type HorizontalAlignment = 'left' | 'right' | 'center' | 'justify';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Swap left and right of a pdfmake margin (number | [h, v] | [l, t, r, b]). */
export function mirrorMargins(margin: Margins): Margins {
  if (typeof margin === 'number' || margin.length === 2) return margin;
  const [left, top, right, bottom] = margin;
  return [right, top, left, bottom];
}

function mirrorAlignment(value: unknown): unknown {
  const alignment = value as HorizontalAlignment | undefined;
  if (alignment === 'left') return 'right';
  if (alignment === 'right') return 'left';
  return value;
}

/** A cell or column with its left/right properties swapped (not its content). */
function mirrorBox<T>(box: T): T {
  if (!isObject(box)) return box;
  const out: Record<string, unknown> = { ...box };
  if ('alignment' in box) out.alignment = mirrorAlignment(box.alignment);
  if (Array.isArray(box.margin) || typeof box.margin === 'number') out.margin = mirrorMargins(box.margin as Margins);
  if (Array.isArray(box.border) && box.border.length === 4) {
    const [l, t, r, b] = box.border as unknown[];
    out.border = [r, t, l, b];
  }
  return out as T;
}

/**
 * Reverse one table row. A cell spanning n columns is followed by n − 1 placeholder
 * cells in pdfmake, so cells are reversed as groups with the spanning cell first.
 */
function mirrorRow<C>(row: readonly C[]): C[] {
  const groups: C[][] = [];
  for (let i = 0; i < row.length; ) {
    const cell = row[i] as C;
    const span = isObject(cell) && typeof cell.colSpan === 'number' && cell.colSpan > 1 ? cell.colSpan : 1;
    groups.push([mirrorBox(cell), ...row.slice(i + 1, i + span)]);
    i += span;
  }
  return groups.reverse().flat();
}

/**
 * Mirror a table for a right-to-left document: column order, widths, cell
 * alignments and margins, cell borders and the layout's per-column rules and
 * paddings (so a `noBorders` table keeps its flush outer edges on the right sides).
 */
export function mirrorTable<T extends TableLike>(node: T): T {
  const { table } = node;
  const columns = table.body[0]?.length ?? (Array.isArray(table.widths) ? table.widths.length : 0);
  const widths: unknown = Array.isArray(table.widths) ? [...(table.widths as unknown[])].reverse() : table.widths;
  const body = table.body.map((row) => mirrorRow(row));
  let layout = node.layout;
  if (isObject(layout)) {
    // Column i of the mirrored table is column n−1−i of the original; the rule left
    // of column i is the rule right of column n−1−i, i.e. original rule n−i.
    const l = layout;
    const swapped: Record<string, unknown> = { ...l };
    const vLine = l.vLineWidth as ((i: number, n: ContentTable) => number | null) | undefined;
    const padL = l.paddingLeft as ((i: number, n: ContentTable) => number | null) | undefined;
    const padR = l.paddingRight as ((i: number, n: ContentTable) => number | null) | undefined;
    if (vLine) swapped.vLineWidth = (i: number, n: ContentTable) => vLine(columns - i, n);
    if (padR) swapped.paddingLeft = (i: number, n: ContentTable) => padR(columns - 1 - i, n);
    else delete swapped.paddingLeft;
    if (padL) swapped.paddingRight = (i: number, n: ContentTable) => padL(columns - 1 - i, n);
    else delete swapped.paddingRight;
    layout = swapped;
  }
  // The built-in layouts (default, noBorders, headerLineOnly, lightHorizontalLines)
  // are symmetric left/right already, so a layout name is kept as it is.
  return { ...node, layout, table: { ...table, widths, body } };
}

/** Mirror a two-column (or n-column) layout: right column first for Arabic. */
export function mirrorColumns<T extends ColumnsLike>(node: T): T {
  return { ...node, columns: [...node.columns].reverse().map((c) => mirrorBox(c)) };
}
