import { describe, expect, it } from 'vitest';
import { placeGlyphs, type GlyphPosition, type ShapedGlyph } from '../../../electron/core/pdf/glyph-placement';

const g = (id: number, codePoints: number[], advanceWidth: number): ShapedGlyph => ({ id, codePoints, advanceWidth });
const p = (xAdvance: number, xOffset = 0, yOffset = 0): GlyphPosition => ({ xAdvance, yAdvance: 0, xOffset, yOffset });

/** Where each outline is drawn, from the run's start, as pdfkit would draw the placed run. */
function drawnAt(placed: ReturnType<typeof placeGlyphs>, scale = 1): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let pen = 0;
  for (const glyph of placed) {
    for (const part of glyph.parts) out.push([part.id, pen + glyph.xOffset + part.dx * scale]);
    pen += glyph.width;
  }
  return out;
}

function shapedAt(glyphs: ShapedGlyph[], positions: GlyphPosition[]): Array<[number, number]> {
  let pen = 0;
  return glyphs.map((glyph, i) => {
    const at: [number, number] = [glyph.id, pen + positions[i]!.xOffset];
    pen += positions[i]!.xAdvance;
    return at;
  });
}

describe('glyph placement for the PDF text layer', () => {
  it('turns an offset after a non-joining letter into the width of the glyph before it', () => {
    // "الهوية" as Amiri shapes it, in visual order: the waw is pushed 122 units away from the yeh.
    const glyphs = [g(1718, [0x629], 379), g(1546, [0x64a], 190), g(1902, [0x648], 345), g(2842, [0x647], 240)];
    const positions = [p(379), p(190), p(467, 122), p(240)];
    const placed = placeGlyphs(glyphs, positions, 1);
    expect(placed.map((x) => x.width)).toEqual([379, 312, 345, 240]);
    expect(placed.every((x) => x.xOffset === 0)).toBe(true);
    expect(drawnAt(placed)).toEqual(shapedAt(glyphs, positions));
  });

  it('merges a join stroke that stands for no character into the glyph before it', () => {
    // "لك" in "المملكة": kaf, the lam–kaf stroke (no character), lam.
    const glyphs = [g(4288, [0x643], 463), g(5416, [], 185), g(1791, [0x644], 197)];
    const positions = [p(463), p(185), p(197)];
    const placed = placeGlyphs(glyphs, positions, 1);
    expect(placed).toHaveLength(2);
    expect(placed[0]).toMatchObject({ parts: [{ id: 4288, dx: 0 }, { id: 5416, dx: 463 }], codePoints: [0x643], width: 648 });
    expect(drawnAt(placed)).toEqual(shapedAt(glyphs, positions));
  });

  it('keeps marks over their letter, and an offset where two marks share one letter', () => {
    // Damma at the run's start, then teh marbuta; shadda and fatha both over the yeh.
    const glyphs = [g(95, [0x64f], 0), g(1718, [0x629], 379), g(97, [0x651], 0), g(94, [0x64e], 0), g(2505, [0x64a], 168)];
    const positions = [p(0, -136), p(379), p(0, -86), p(0, -149), p(168)];
    const placed = placeGlyphs(glyphs, positions, 1);
    expect(placed.every((x) => x.width >= 0)).toBe(true);
    expect(drawnAt(placed)).toEqual(shapedAt(glyphs, positions));
    expect(placed.reduce((s, x) => s + x.width, 0)).toBe(379 + 168);
  });

  it('keeps the run\'s total advance, so lines measure the same', () => {
    const glyphs = [g(1, [0x627], 217), g(2, [0x644], 175), g(3, [0x631], 553)];
    const positions = [p(217), p(175), p(675, 122)];
    const placed = placeGlyphs(glyphs, positions, 1);
    expect(placed.reduce((s, x) => s + x.width, 0)).toBe(217 + 175 + 675);
  });
});
