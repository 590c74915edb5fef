/**
 * Document-level pieces: widths followed down the tree, mirroring of tables and
 * columns for Arabic, and the renderer's resource lockdown.
 */
import { describe, expect, it } from 'vitest';
import { expandParagraphs, mirrorColumns, mirrorTable, renderPdf } from '../../../electron/core/pdf/render';
import { groupLines, readPdfText, right } from './pdf-text';

type Lines = { stack: Array<{ text: Array<{ text: string }> }> };
const A4_CONTENT = 595.28 - 80;

describe('expandParagraphs', () => {
  it('pins star widths of columns and tables to the numbers the lines were broken for', () => {
    const doc = expandParagraphs({
      content: [
        { columnGap: 15, columns: [{ width: 100, paragraph: 'a' }, { paragraph: 'b' }, { width: '*', paragraph: 'c' }] },
        { table: { widths: [120, '*'], body: [[{ paragraph: 'x' }, { paragraph: 'y' }]] } },
      ],
    });
    const [columns, table] = doc.content as unknown as [{ columns: Array<{ width: number }> }, { table: { widths: number[] } }];
    const star = (A4_CONTENT - 100 - 2 * 15) / 2;
    expect(columns.columns.map((c) => c.width)).toEqual([100, star, star]);
    // Default table layout: 4 pt paddings each side, 1 pt rules: 3 + 8 + 8 = 19 pt.
    expect(table.table.widths).toEqual([120, A4_CONTENT - 19 - 120]);
  });

  it('leaves pdfmake content without paragraphs untouched', () => {
    const content = [{ text: 'plain', bold: true }, 'string', { image: 'data:image/png;base64,xx', width: 10 }];
    expect(expandParagraphs({ content }).content).toEqual(content);
  });

  it('lays out paragraphs in headers and footers across the page width', () => {
    const doc = expandParagraphs({ content: [], footer: (page) => ({ paragraph: `صفحة ${page}`, dir: 'rtl', margin: [40, 0] }) });
    const footer = doc.footer as (p: number, n: number, s: { width: number }) => Lines;
    expect(footer(2, 3, { width: 595.28 }).stack).toHaveLength(1);
  });
});

describe('mirroring for Arabic documents', () => {
  it('reverses table columns, widths, spans and alignments', () => {
    const mirrored = mirrorTable({
      table: {
        widths: [50, 100, '*'],
        body: [
          [{ text: 'A', colSpan: 2, alignment: 'left' }, {}, { text: 'B', margin: [1, 2, 3, 4] }],
          ['c', 'd', 'e'],
        ],
      },
    });
    expect(mirrored.table.widths).toEqual(['*', 100, 50]);
    expect(mirrored.table.body[0]).toEqual([{ text: 'B', margin: [3, 2, 1, 4] }, { text: 'A', colSpan: 2, alignment: 'right' }, {}]);
    expect(mirrored.table.body[1]).toEqual(['e', 'd', 'c']);
  });

  it('swaps a custom layout’s left and right paddings and rules', () => {
    const mirrored = mirrorTable({
      table: { widths: [10, 10], body: [['a', 'b']] },
      layout: { paddingLeft: (i: number) => (i === 0 ? 0 : 8), vLineWidth: (i: number) => (i === 0 ? 3 : 1) },
    });
    const layout = mirrored.layout as Record<string, (i: number, node: unknown) => number>;
    // Original: column 0 has no left padding, the outer left rule is 3 pt wide.
    expect(layout.paddingRight?.(1, mirrored)).toBe(0);
    expect(layout.paddingRight?.(0, mirrored)).toBe(8);
    expect(layout.paddingLeft).toBeUndefined();
    expect(layout.vLineWidth?.(2, mirrored)).toBe(3);
    expect(layout.vLineWidth?.(0, mirrored)).toBe(1);
  });

  it('puts the first of two columns on the right', async () => {
    const pdf = await renderPdf({
      content: mirrorColumns({
        columnGap: 20,
        columns: [
          { width: '*', paragraph: 'العمود الأول', dir: 'rtl' as const },
          { width: '*', paragraph: 'العمود الثاني', dir: 'rtl' as const },
        ],
      }),
    });
    const [line] = groupLines((await readPdfText(pdf))[0] ?? []);
    const firstColumn = line?.items.find((i) => i.str.includes('الأول'));
    const secondColumn = line?.items.find((i) => i.str.includes('الثاني'));
    expect(right(firstColumn!)).toBeCloseTo(595.28 - 40, 1);
    expect(right(secondColumn!)).toBeLessThan(firstColumn!.x);
  });
});

describe('renderPdf resource policies', () => {
  it('denies every URL before any request is made', async () => {
    await expect(
      renderPdf({ content: [{ image: 'logo', width: 10 }], images: { logo: 'https://127.0.0.1:9/logo.png' } }),
    ).rejects.toThrow(/denied/);
  });

  it('denies reading local files', async () => {
    await expect(renderPdf({ content: [{ image: '/etc/hostname', width: 10 }] })).rejects.toThrow(/denied/);
    await expect(
      renderPdf({ content: [{ text: 'x' }], files: { f: { src: '/etc/hostname' } } }),
    ).rejects.toThrow(/denied/);
  });

  it('still embeds its own fonts (served from memory) and data-URL images', async () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const pdf = await renderPdf({ content: [{ image: png, width: 10 }, { paragraph: 'نص Text', dir: 'rtl' }] });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });
});
