/**
 * Where each glyph of a shaped run goes in the PDF, so that text extractors read whole
 * words back (issue #11, item 3). Pure arithmetic; text-layer.ts applies it to pdfkit.
 *
 * A shaper positions a glyph with an advance and, sometimes, an offset from the pen. pdfkit
 * writes an offset glyph by moving the text matrix to it and back, and an advance that differs
 * from the glyph's width as a gap in the TJ array. Extractors (pdf.js, poppler) guess word
 * breaks from gaps between one glyph's box (origin + /W width) and the next glyph's origin,
 * so both read as spaces. Amiri moves every letter that follows a non-joining letter (و ر د
 * ز ذ ا) by 0.12 em, and "الهوية" came back "الهو ية".
 *
 * The fix keeps every glyph exactly where the shaper put it and changes only the widths the
 * PDF declares: each glyph's width becomes the distance to the next glyph's origin, so the
 * boxes touch and the pen never jumps. A glyph drawn with a width other than its own becomes
 * a second copy of that glyph in the embedded subset (same outline, its own /W entry).
 *
 * Amiri also draws a few joins as a glyph of their own that stands for no character (the
 * stroke that links lam to a following kaf in "المملكة", "لكن"): the PDF can only map it to
 * nothing, which extractors print as a control character. Such a glyph is merged with the
 * glyph before it into one composite glyph that maps to that glyph's characters.
 */

/** A glyph as fontkit shapes it: its id, the characters it stands for, its own advance (font units). */
export interface ShapedGlyph {
  readonly id: number;
  readonly codePoints: readonly number[];
  readonly advanceWidth: number;
}

/** A glyph position as pdfkit keeps it, in 1000-unit text space. */
export interface GlyphPosition {
  readonly xAdvance: number;
  readonly yAdvance: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** One outline drawn as part of a placed glyph, offset in font units from the glyph's origin. */
export interface GlyphPart {
  readonly id: number;
  readonly dx: number;
  readonly dy: number;
}

export interface PlacedGlyph {
  /** One part: an existing glyph; several: a composite made of them. */
  readonly parts: readonly GlyphPart[];
  readonly codePoints: readonly number[];
  /** The glyph's declared width and pen advance, 1000-unit space (rounded to 0.01). */
  readonly width: number;
  /** Offsets from the pen that remain (only where a glyph must sit before the previous one). */
  readonly xOffset: number;
  readonly yOffset: number;
}

const round = (n: number): number => Math.round(n * 100) / 100;

interface Unit {
  parts: GlyphPart[];
  codePoints: readonly number[];
  origin: number;
  y: number;
}

/**
 * Place a shaped run. `scale` turns font units into 1000-unit text space. The run keeps its
 * total advance and every outline its position (to 0.01 units), so the page looks the same.
 */
export function placeGlyphs(glyphs: readonly ShapedGlyph[], positions: readonly GlyphPosition[], scale: number): PlacedGlyph[] {
  // Where the shaper draws each glyph, measured from the run's start.
  const units: Unit[] = [];
  const orphans: Array<{ id: number; origin: number; y: number }> = [];
  let pen = 0;
  glyphs.forEach((glyph, i) => {
    const pos = positions[i]!;
    const origin = pen + pos.xOffset;
    pen += pos.xAdvance;
    const previous = units.at(-1);
    if (glyph.codePoints.length === 0) {
      // A join stroke: part of the glyph before it, or of the next one if it opens the run.
      if (previous) previous.parts.push(part(glyph.id, origin - previous.origin, pos.yOffset - previous.y, scale));
      else orphans.push({ id: glyph.id, origin, y: pos.yOffset });
      return;
    }
    const unit: Unit = { parts: [{ id: glyph.id, dx: 0, dy: 0 }], codePoints: glyph.codePoints, origin, y: pos.yOffset };
    for (const o of orphans.splice(0)) unit.parts.push(part(o.id, o.origin - origin, o.y - pos.yOffset, scale));
    units.push(unit);
  });
  const end = pen;
  if (units.length === 0) {
    // Nothing but strokes (never seen): leave them as shaped.
    return glyphs.map((g, i) => ({
      parts: [{ id: g.id, dx: 0, dy: 0 }],
      codePoints: g.codePoints,
      width: round(positions[i]!.xAdvance),
      xOffset: positions[i]!.xOffset,
      yOffset: positions[i]!.yOffset,
    }));
  }

  // The pen walks from origin to origin. It never walks back: a mark drawn left of the glyph
  // before it (two marks on one letter) keeps an offset instead of a negative width.
  const placed: PlacedGlyph[] = [];
  let at = 0;
  units.forEach((unit, k) => {
    const nextOrigin = k + 1 < units.length ? units[k + 1]!.origin : end;
    const next = k + 1 < units.length ? Math.max(nextOrigin, at) : end;
    const width = round(next - at);
    const offset = unit.origin - at;
    // Rounding leaves the pen within 0.005 units of each origin: that is no offset.
    placed.push({ parts: unit.parts, codePoints: unit.codePoints, width, xOffset: Math.abs(offset) < 0.02 ? 0 : round(offset), yOffset: unit.y });
    at += width;
  });
  return placed;
}

function part(id: number, dx: number, dy: number, scale: number): GlyphPart {
  return { id, dx: Math.round(dx / scale), dy: Math.round(dy / scale) };
}
