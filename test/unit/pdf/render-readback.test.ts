/**
 * Renders paragraphs to PDF through pdfmake and reads the PDF back (pdf.js) to see
 * where the words landed, as a reader would.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf, renderPlainPdf } from '../../../electron/core/pdf/render';
import { layoutParagraph } from '../../../electron/core/pdf/rtl/layout';
import { groupLines, logicalLineText, readPdfText, right, type PdfLine } from './pdf-text';

// A4 with 40 pt margins: the text column runs from x = 40 to x = 555.28.
const LEFT = 40;
const RIGHT = 595.28 - 40;
const WIDTH = RIGHT - LEFT;

const ARABIC =
  'تقدم السيد Mamadou Diallo، المولود في 12/03/1994 بداكار، بطلب للحصول على الحماية الدولية تحت رقم المرجع RBT-2026-00042، ' +
  'وأفاد بأنه غادر بلده الأصلي بسبب تهديدات مباشرة (انظر الملحق رقم ٣)، وأنه يقيم حاليًا في الرباط منذ ١٤ شهرًا. ' +
  'تطلب العيادة القانونية من الإدارة المعنية دراسة الملف في أقرب الآجال مع احترام سرية المعطيات الشخصية.';

const FRENCH =
  "M. Mamadou Diallo, né le 12/03/1994 à Dakar, a déposé une demande de protection internationale sous la référence " +
  "RBT-2026-00042. Il déclare avoir quitté son pays d'origine en raison de menaces directes (voir l'annexe n° 3) et " +
  "résider à Rabat depuis quatorze mois. La clinique prie l'administration d'examiner le dossier dans les meilleurs délais.";

const ENGLISH =
  'Mr Mamadou Diallo, born on 12/03/1994 in Dakar, applied for international protection under reference RBT-2026-00042. ' +
  'He states that he left his country of origin because of direct threats (see annex 3) and has lived in Rabat for fourteen months.';

const noSpace = (s: string): string => s.normalize('NFC').replace(/\s+/g, '');
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

async function linesOf(pdf: Buffer): Promise<PdfLine[]> {
  const pages = await readPdfText(pdf);
  expect(pages).toHaveLength(1);
  return groupLines(pages[0] ?? []);
}

describe('Arabic paragraph read back from the PDF', () => {
  it('sits right-aligned, in logical order, with Latin runs intact', async () => {
    const pdf = await renderPdf({ pageSize: 'A4', pageMargins: 40, content: [{ paragraph: ARABIC, dir: 'rtl', fontSize: 12 }] });
    const lines = await linesOf(pdf);
    const laid = layoutParagraph({ text: ARABIC, direction: 'rtl', fontSize: 12, width: WIDTH });

    // Wraps over 3+ lines, and pdfmake kept exactly the lines the layout step made.
    expect(laid.lines.length).toBeGreaterThanOrEqual(3);
    expect(lines).toHaveLength(laid.lines.length);

    // The first logical word sits at the right end of the first line.
    const first = lines[0] as PdfLine;
    const rightmost = first.items[first.items.length - 1];
    expect(rightmost?.str.startsWith('تقدم')).toBe(true);
    expect(right(rightmost!)).toBeCloseTo(RIGHT, 1);

    // Every line is aligned to the right margin and stays inside the column.
    for (const line of lines) {
      expect(right(line.items[line.items.length - 1]!)).toBeCloseTo(RIGHT, 1);
      expect(line.items[0]!.x).toBeGreaterThanOrEqual(LEFT - 0.01);
    }

    // Read right to left, line after line from the top, the PDF gives back the
    // paragraph in its logical order: no word reversed, no line out of place.
    const readBack = lines.map((l) => logicalLineText(l, 'rtl')).join('');
    expect(noSpace(readBack)).toBe(noSpace(ARABIC));

    // The Latin name, the reference and the date keep their characters in order,
    // each drawn as one left-to-right piece.
    const all = lines.flatMap((l) => l.items);
    const name = all.find((i) => i.str.includes('Mamadou Diallo'));
    const reference = all.find((i) => i.str.includes('RBT-2026-00042'));
    const date = all.find((i) => i.str.includes('12/03/1994'));
    expect(name).toBeDefined();
    expect(reference).toBeDefined();
    expect(date).toBeDefined();

    // The name follows "السيد" in reading order, so it sits to its left, on line 1.
    const sayyid = first.items.find((i) => i.str.includes('السيد'));
    expect(first.items).toContain(name);
    expect(right(name!)).toBeLessThanOrEqual(sayyid!.x + 0.01);

    // The Latin name uses the Latin face, the Arabic words the Arabic face.
    expect(name!.fontName).not.toBe(sayyid!.fontName);
    expect(reference!.fontName).toBe(name!.fontName);
  });
});

describe('left-to-right paragraphs are unchanged', () => {
  for (const [language, text] of [
    ['French', FRENCH],
    ['English', ENGLISH],
  ] as const) {
    it(`${language}: same lines, words and positions as plain pdfmake`, async () => {
      const ours = await linesOf(await renderPdf({ pageSize: 'A4', pageMargins: 40, content: [{ paragraph: text, dir: 'ltr', fontSize: 12 }] }));
      const plain = await linesOf(await renderPlainPdf({ pageSize: 'A4', pageMargins: 40, content: [{ text, fontSize: 12 }] }));
      expect(ours.length).toBeGreaterThanOrEqual(3);
      expect(ours.map((l) => collapse(logicalLineText(l, 'ltr')))).toEqual(plain.map((l) => collapse(logicalLineText(l, 'ltr'))));
      ours.forEach((line, i) => {
        const other = plain[i] as PdfLine;
        expect(line.y).toBeCloseTo(other.y, 3);
        expect(line.items[0]!.x).toBeCloseTo(other.items[0]!.x, 3);
        expect(right(line.items[line.items.length - 1]!)).toBeCloseTo(right(other.items[other.items.length - 1]!), 3);
      });
    });
  }
});
