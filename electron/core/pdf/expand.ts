/**
 * Turns the `{ paragraph: … }` nodes of a document definition into laid-out pdfmake
 * content. The layout step must know the width of the lines before pdfmake runs,
 * so this walker follows the width down the tree the way pdfmake will compute it:
 * page width minus page margins, minus node margins, split by columns (with their
 * gap) and by table columns (with the layout's paddings and rule widths).
 *
 * Star (`*`) widths of columns and tables are resolved here and written back as
 * numbers, so that pdfmake lays the columns out with exactly the widths the lines
 * were broken for. Where the width cannot be known in advance (`auto` columns, list
 * items, percentages, tables with a layout registered by name elsewhere), a paragraph
 * node must carry its own `lineWidth`, or the walker throws rather than guess.
 */
import { createRequire } from 'node:module';
import type { Content, ContentColumns, ContentStack, ContentTable, CustomTableLayout, Margins, Table, TDocumentDefinitions } from 'pdfmake/interfaces';
import { horizontalMargins, isParagraphNode, paragraphToContent, type InheritedStyle, type ParagraphNode } from './rtl/content';

const require = createRequire(import.meta.url);
// pdfmake's own page-size and table-layout tables (same pinned version that renders).
const { normalizePageSize, normalizePageMargin } = require('pdfmake/js/PageSize.js') as {
  normalizePageSize: (size: unknown, orientation: unknown) => { width: number; height: number };
  normalizePageMargin: (margin: unknown) => { left: number; right: number; top: number; bottom: number };
};
type ColumnFn = (columnIndex: number, node: ContentTable) => number | null;
interface ColumnRules {
  vLineWidth: ColumnFn;
  paddingLeft: ColumnFn;
  paddingRight: ColumnFn;
}
const { tableLayouts, defaultTableLayout } = require('pdfmake/js/tableLayouts.js') as {
  tableLayouts: Record<string, CustomTableLayout>;
  defaultTableLayout: ColumnRules;
};

/** Content that may hold paragraph nodes anywhere pdfmake content may appear. */
export type DocNode = Content | ParagraphNode | DocNode[] | DocStack | DocColumns | DocTable;
export interface DocStack extends Omit<ContentStack, 'stack'> {
  stack: DocNode[];
}
export interface DocColumns extends Omit<ContentColumns, 'columns'> {
  columns: Array<DocNode & { width?: number | string }>;
}
export interface DocTable extends Omit<ContentTable, 'table'> {
  table: Omit<Table, 'body'> & { body: DocNode[][] };
}
type Dynamic<T> = T | ((currentPage: number, pageCount: number, pageSize: unknown) => T);
/** A document definition whose content (and static or dynamic header/footer) may hold paragraphs. */
export interface DocDefinition extends Omit<TDocumentDefinitions, 'content' | 'header' | 'footer'> {
  content: DocNode;
  header?: Dynamic<DocNode>;
  footer?: Dynamic<DocNode>;
}

function isObject(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function inner(width: number | undefined, margin: unknown): number | undefined {
  return width === undefined ? undefined : width - horizontalMargins(margin as Margins | undefined);
}

/** Resolve star widths to numbers; undefined when some width cannot be known. */
function resolveWidths(widths: Array<number | string | undefined>, available: number | undefined): Array<number | undefined> {
  let fixed = 0;
  let stars = 0;
  for (const w of widths) {
    if (typeof w === 'number') fixed += w;
    else if (w === undefined || w === '*') stars++;
  }
  const unknowable = widths.some((w) => typeof w === 'string' && w !== '*');
  const star = available === undefined || unknowable ? undefined : Math.max(0, (available - fixed) / Math.max(1, stars));
  return widths.map((w) => (typeof w === 'number' ? w : w === undefined || w === '*' ? star : undefined));
}

function walkColumns(node: DocColumns, width: number | undefined, style: InheritedStyle): Content {
  const available = inner(width, node.margin);
  const gap = typeof node.columnGap === 'number' ? node.columnGap : 0;
  const cols = node.columns;
  const widths = resolveWidths(
    cols.map((c) => (isObject(c) ? (c.width) : undefined)),
    available === undefined ? undefined : available - gap * Math.max(0, cols.length - 1),
  );
  const columns = cols.map((child, i) => {
    const w = widths[i];
    const expanded = walk(child, w, style);
    // Pin the computed width on the column so pdfmake uses the same number.
    if (w === undefined) return expanded;
    return isObject(expanded) ? { ...(expanded as object), width: w } : { stack: [expanded], width: w };
  });
  return { ...node, columns } as ContentColumns;
}

function tableLayoutOf(node: DocTable): ColumnRules | undefined {
  const layout = node.layout;
  if (layout === undefined) return defaultTableLayout;
  const custom = typeof layout === 'string' ? tableLayouts[layout] : layout;
  if (!custom) return undefined; // registered elsewhere: widths unknown here
  return { ...defaultTableLayout, ...custom };
}

function walkTable(node: DocTable, width: number | undefined, style: InheritedStyle): Content {
  const body = node.table.body;
  const columnCount = body[0]?.length ?? 0;
  const given = node.table.widths;
  const declared: Array<number | string | undefined> =
    Array.isArray(given) ? given.map((w) => w) : new Array<string>(columnCount).fill(given ?? 'auto');
  const layout = tableLayoutOf(node);
  // pdfmake's DocMeasure.getOffsets: rules and paddings around and between columns.
  const fakeNode = { table: { ...node.table, widths: declared } } as unknown as ContentTable;
  const gaps: number[] = [];
  let total = 0;
  if (layout) {
    let prevRight = 0;
    for (let i = 0; i < columnCount; i++) {
      const offset = prevRight + (layout.vLineWidth(i, fakeNode) ?? 0) + (layout.paddingLeft(i, fakeNode) ?? 0);
      gaps.push(offset);
      total += offset;
      prevRight = layout.paddingRight(i, fakeNode) ?? 0;
    }
    total += prevRight + (layout.vLineWidth(columnCount, fakeNode) ?? 0);
  }
  const available = layout ? inner(width, node.margin) : undefined;
  const widths = resolveWidths(declared, available === undefined ? undefined : available - total);
  const rows = body.map((row) =>
    row.map((cell, col) => {
      const span = isObject(cell) && typeof cell.colSpan === 'number' ? cell.colSpan : 1;
      let w: number | undefined = widths[col];
      for (let k = col + 1; k < col + span && w !== undefined; k++) {
        const next = widths[k];
        w = next === undefined ? undefined : w + next + (gaps[k] ?? 0);
      }
      return walk(cell, w, style);
    }),
  );
  const resolved = widths.every((w) => w !== undefined) ? (widths) : node.table.widths;
  return { ...node, table: { ...node.table, widths: resolved, body: rows } };
}

function walk(node: DocNode, width: number | undefined, style: InheritedStyle): Content {
  if (Array.isArray(node)) return node.map((child) => walk(child, width, style));
  if (!isObject(node)) return node as Content;
  if (isParagraphNode(node)) return paragraphToContent(node, width, style);
  if ('stack' in node && Array.isArray(node.stack)) {
    const w = inner(width, node.margin);
    return { ...(node as object), stack: (node.stack as DocNode[]).map((c) => walk(c, w, style)) };
  }
  if ('columns' in node && Array.isArray(node.columns)) return walkColumns(node as DocColumns, width, style);
  if ('table' in node && isObject(node.table)) return walkTable(node as DocTable, width, style);
  for (const key of ['ul', 'ol'] as const) {
    // A list item's width depends on the marker pdfmake measures: unknown here.
    const items = node[key];
    if (Array.isArray(items)) return { ...(node as object), [key]: (items as DocNode[]).map((c) => walk(c, undefined, style)) } as unknown as Content;
  }
  return node as Content;
}

/**
 * Replace every paragraph node of `doc` with laid-out content. Returns a new
 * definition; `doc` is not modified.
 */
export function expandParagraphs(doc: DocDefinition): TDocumentDefinitions {
  const size = normalizePageSize(doc.pageSize ?? 'A4', doc.pageOrientation);
  const margins = normalizePageMargin(doc.pageMargins ?? 40);
  const contentWidth = size.width - margins.left - margins.right;
  const d = doc.defaultStyle ?? {};
  const style: InheritedStyle = {
    fontSize: typeof d.fontSize === 'number' ? d.fontSize : 12,
    bold: d.bold,
    italics: d.italics,
    color: typeof d.color === 'string' ? d.color : undefined,
    lineHeight: d.lineHeight,
  };
  // pdfmake lays headers and footers out across the whole page width (x = 0); they
  // bring their own margins.
  const dynamic = (part: Dynamic<DocNode> | undefined): TDocumentDefinitions['header'] => {
    if (part === undefined) return undefined;
    if (typeof part === 'function') {
      return (page, count, pageSize) => walk(part(page, count, pageSize), pageSize.width, style);
    }
    return walk(part, size.width, style);
  };
  const { content, header, footer, ...rest } = doc;
  return {
    ...rest,
    content: walk(content, contentWidth, style),
    ...(header !== undefined ? { header: dynamic(header) } : {}),
    ...(footer !== undefined ? { footer: dynamic(footer) } : {}),
  };
}
