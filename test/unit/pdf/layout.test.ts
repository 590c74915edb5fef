/**
 * The layout step without a PDF: faces per run, mirroring, measured line widths,
 * logical-order breaking, and the pdfmake content it produces.
 */
import { describe, expect, it } from 'vitest';
import { FONT_FAMILY, fontFilePath } from '../../../electron/core/pdf/fonts';
import { ltrIsolate, paragraphToContent } from '../../../electron/core/pdf/rtl/content';
import { layoutParagraph, type Line } from '../../../electron/core/pdf/rtl/layout';
import { textWidth } from '../../../electron/core/pdf/rtl/metrics';

const lineText = (line: Line): string => line.tokens.map((t) => t.text).join('');

describe('fonts', () => {
  it('resolves every face from its npm package', () => {
    expect(fontFilePath('arabic', 'normal')).toMatch(/@expo-google-fonts[\\/]amiri[\\/].*\.ttf$/);
    expect(fontFilePath('latin', 'bold')).toMatch(/@expo-google-fonts[\\/]noto-sans[\\/].*\.ttf$/);
  });
});

describe('layoutParagraph', () => {
  it('gives each run the face of its script', () => {
    const laid = layoutParagraph({ text: 'السيد Mamadou Diallo، رقم ١٤ و RBT-2026-00042', direction: 'rtl', fontSize: 12, width: 1000 });
    const tokens = laid.lines.flatMap((l) => l.tokens);
    const faceOf = (s: string): string | undefined => tokens.find((t) => t.text.includes(s))?.face;
    expect(faceOf('Mamadou Diallo')).toBe('latin');
    expect(faceOf('RBT-2026-00042')).toBe('latin');
    expect(faceOf('السيد')).toBe('arabic');
    expect(faceOf('،')).toBe('arabic'); // Noto Sans has no Arabic comma
    // Arabic-Indic digits use the Arabic face and come out in reading order: the
    // token is handed over reversed because fontkit reverses Arabic-script text.
    const digits = tokens.find((t) => t.text.includes('٤') || t.text.includes('١'));
    expect(digits?.face).toBe('arabic');
    expect(digits?.text).toBe('٤١');
  });

  it('places the first logical word at the right end of an RTL line', () => {
    const laid = layoutParagraph({ text: 'الكلمة الأولى ثم الثانية', direction: 'rtl', fontSize: 12, width: 1000 });
    const tokens = laid.lines[0]?.tokens ?? [];
    expect(tokens[tokens.length - 1]?.text).toBe('الكلمة');
    expect(tokens[0]?.text).toBe('الثانية');
  });

  it('mirrors brackets in right-to-left runs (L4) and not in left-to-right ones', () => {
    const rtl = layoutParagraph({ text: 'انظر (الملحق) و (annex)', direction: 'rtl', fontSize: 12, width: 1000 });
    // Logical "(الملحق)" is handed over as ")الملحق(": fontkit reverses it, so "("
    // is drawn on the right as an opening bracket for a right-to-left reader.
    expect(rtl.lines[0]?.tokens.some((t) => t.text === ')الملحق(')).toBe(true);
    expect(rtl.lines[0]?.tokens.some((t) => t.text.includes('annex'))).toBe(true);
    const ltr = layoutParagraph({ text: 'voir (annexe 3)', direction: 'ltr', fontSize: 12, width: 1000 });
    expect(lineText(ltr.lines[0] as Line)).toBe('voir (annexe 3)');
  });

  it('breaks in logical order: first words on the first line, no line wider than the column', () => {
    const words = Array.from({ length: 40 }, (_, i) => `كلمة${'ابتثجحخ'[i % 7]}`);
    const laid = layoutParagraph({ text: words.join(' '), direction: 'rtl', fontSize: 12, width: 200 });
    expect(laid.lines.length).toBeGreaterThan(3);
    const readBack = laid.lines.flatMap((l) => [...l.tokens].reverse().map((t) => t.text).filter((t) => t !== ' '));
    expect(readBack).toEqual(words);
    for (const line of laid.lines) {
      expect(line.width).toBeLessThanOrEqual(200);
      expect(line.direction).toBe('rtl');
    }
    // Greedy: the next line's first word would not have fitted.
    const [l1, l2] = laid.lines;
    const firstOfNext = [...(l2?.tokens ?? [])].reverse()[0]?.text ?? '';
    const space = textWidth({ face: 'arabic', bold: false, italics: false }, ' ', 12);
    const extra = textWidth({ face: 'arabic', bold: false, italics: false }, firstOfNext, 12);
    expect((l1?.width ?? 0) + space + extra).toBeGreaterThan(200);
  });

  it('measures lines the way pdfkit does (sum of token widths)', () => {
    const laid = layoutParagraph({ text: 'Mamadou Diallo السيد', direction: 'rtl', fontSize: 10, width: 1000 });
    const line = laid.lines[0] as Line;
    let sum = 0;
    for (const t of line.tokens) sum += textWidth({ face: t.face, bold: false, italics: false }, t.text, 10);
    expect(line.width).toBe(sum);
  });

  it('cuts a word wider than the column between graphemes', () => {
    const laid = layoutParagraph({ text: 'RBT-2026-00042-0000000000000000000000000', direction: 'ltr', fontSize: 12, width: 60 });
    expect(laid.lines.length).toBeGreaterThan(1);
    expect(laid.lines.map(lineText).join('')).toBe('RBT-2026-00042-0000000000000000000000000');
    for (const line of laid.lines) expect(line.width).toBeLessThanOrEqual(60);
  });

  it('starts a new bidi paragraph at each newline, each with its own direction under auto', () => {
    const laid = layoutParagraph({ text: 'مرحبا\nBonjour\n\nسلام', direction: 'auto', fontSize: 12, width: 300 });
    expect(laid.lines.map((l) => l.direction)).toEqual(['rtl', 'ltr', 'ltr', 'rtl']);
    expect(laid.lines[2]?.tokens).toEqual([]);
  });

  it('keeps an isolated LTR sequence in order inside Arabic', () => {
    // UAX #9 shows "2026-05-12" after Arabic as 12-05-2026 (W2 makes the digits
    // Arabic numbers); an LRI…PDI isolate keeps it as written.
    const plain = layoutParagraph({ text: 'بتاريخ 2026-05-12', direction: 'rtl', fontSize: 12, width: 500 });
    expect(lineText(plain.lines[0] as Line).startsWith('12-05-2026')).toBe(true);
    const isolated = layoutParagraph({ text: `بتاريخ ${ltrIsolate('2026-05-12')}`, direction: 'rtl', fontSize: 12, width: 500 });
    expect(lineText(isolated.lines[0] as Line).startsWith('2026-05-12')).toBe(true);
  });
});

describe('paragraphToContent', () => {
  it('emits one unbreakable, right-aligned text node per line with the measured face', () => {
    const content = paragraphToContent({ paragraph: 'السيد Mamadou Diallo', dir: 'rtl' }, 300, { fontSize: 11 }) as unknown as {
      stack: Array<{ alignment: string; text: Array<Record<string, unknown>> }>;
    };
    expect(content.stack).toHaveLength(1);
    const line = content.stack[0]!;
    expect(line.alignment).toBe('right');
    for (const token of line.text) {
      expect(token).toMatchObject({ noWrap: true, preserveLeadingSpaces: true, preserveTrailingSpaces: true, fontSize: 11 });
    }
    expect(line.text.find((t) => t.text === 'Mamadou Diallo')?.font).toBe(FONT_FAMILY.latin);
    expect(line.text.find((t) => t.text === 'السيد')?.font).toBe(FONT_FAMILY.arabic);
  });

  it('refuses to guess a width it cannot know', () => {
    expect(() => paragraphToContent({ paragraph: 'x' }, undefined, { fontSize: 12 })).toThrow(/width/);
  });
});
