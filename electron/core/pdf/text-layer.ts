/**
 * Makes pdfkit's embedded fonts write a text layer that extracts whole words (issue #11,
 * item 3): glyph-placement.ts decides where glyphs go and which width each declares; this
 * file teaches pdfkit's EmbeddedFont and fontkit's TrueType subset to write that.
 *
 * It replaces `EmbeddedFont.prototype.encode` (text → glyph ids and positions) and, per font,
 * wraps the subset's `_addGlyph` and `encode`. These are internals of pdfkit 0.19 and fontkit
 * 2.0, pinned in package.json; test/unit/pdf/text-layer.test.ts fails if they change shape
 * (it reads every word back with pdf.js and poppler and compares the pixels of the pages).
 */
import { createRequire } from 'node:module';
import { placeGlyphs, type GlyphPart, type GlyphPosition, type PlacedGlyph, type ShapedGlyph } from './glyph-placement';

const require = createRequire(import.meta.url);

interface FontkitGlyph extends ShapedGlyph {
  readonly bbox: { minX: number; minY: number; maxX: number; maxY: number };
  _decode(): { numberOfContours: number; points?: unknown[]; components?: Array<{ glyphID: number }> } | null;
}
interface FontkitFont {
  getGlyph(id: number): FontkitGlyph;
  maxp: Record<string, number>;
}
interface Subset {
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  includeGlyph(id: number): number;
  _addGlyph(id: number): number;
  encode(): Uint8Array;
}
type Position = GlyphPosition & { advanceWidth: number };
interface EmbeddedFont {
  font: FontkitFont;
  scale: number;
  subset: Subset;
  widths: number[];
  unicode: Array<readonly number[]>;
  layout(text: string, features?: unknown): { glyphs: ShapedGlyph[]; positions: Position[] };
  encode(text: string, features?: unknown): [string[], Position[]];
  [TEXT_LAYER]?: TextLayerState;
}

const TEXT_LAYER = Symbol('textLayer');

/** Per font: the extra glyphs added to its subset, by what they are. */
interface TextLayerState {
  /** "id@width" or "id+id…@width" → glyph id in the subset. */
  readonly gids: Map<string, number>;
  /** Composite glyphs still to be written, by the placeholder put in `subset.glyphs`. */
  readonly composites: Map<number, readonly GlyphPart[]>;
}

let installed = false;
/** Only tests turn this off, to compare the pages drawn with and without the fix. */
let enabled = true;

/**
 * Install once per process, before the first render. `fontBytes` is any TrueType font: pdfkit
 * does not export its EmbeddedFont class, so it is reached through a throwaway document.
 */
export function installTextLayerFix(fontBytes: Buffer): void {
  if (installed) return;
  const PDFDocument = require('pdfkit') as new (options: object) => { font(src: Buffer): { _font: object } };
  const probe = new PDFDocument({ autoFirstPage: false }).font(fontBytes);
  const proto = Object.getPrototypeOf(probe._font) as EmbeddedFont;
  if (typeof proto.encode !== 'function' || typeof proto.layout !== 'function') {
    throw new Error('pdfkit EmbeddedFont changed shape: review electron/core/pdf/text-layer.ts');
  }
  // Called with `this` bound to each font below, as pdfkit calls it.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const original = proto.encode;
  proto.encode = function (this: EmbeddedFont, text: string, features?: unknown) {
    return enabled ? encode.call(this, text, features) : original.call(this, text, features);
  };
  installed = true;
}

/** Run `render` with pdfkit's own text layer (for tests that compare both). */
export async function withoutTextLayerFix<T>(render: () => Promise<T>): Promise<T> {
  enabled = false;
  try {
    return await render();
  } finally {
    enabled = true;
  }
}

const hex4 = (gid: number): string => `0000${gid.toString(16)}`.slice(-4);

function encode(this: EmbeddedFont, text: string, features?: unknown): [string[], Position[]] {
  const { glyphs, positions } = this.layout(text, features);
  const state = stateOf(this);
  const placed = placeGlyphs(glyphs, positions, this.scale);
  const codes: string[] = [];
  const out: Position[] = [];
  for (const glyph of placed) {
    const gid = glyphId(this, state, glyph, glyphs);
    codes.push(hex4(gid));
    // Declared width and pen advance are the same number: pdfkit then writes no gap.
    out.push({ xAdvance: glyph.width, yAdvance: 0, xOffset: glyph.xOffset, yOffset: glyph.yOffset, advanceWidth: glyph.width });
  }
  return [codes, out];
}

/** The subset glyph that draws `glyph` with its width, adding a copy or a composite if needed. */
function glyphId(font: EmbeddedFont, state: TextLayerState, glyph: PlacedGlyph, shaped: readonly ShapedGlyph[]): number {
  const first = glyph.parts[0]!;
  if (glyph.parts.length === 1) {
    const own = shaped.find((g) => g.id === first.id)!.advanceWidth * font.scale;
    if (Math.abs(own - glyph.width) < 0.005) return record(font, font.subset.includeGlyph(first.id), glyph);
  }
  const key = `${glyph.parts.map((p) => `${p.id}:${p.dx}:${p.dy}`).join('+')}@${glyph.width}`;
  let gid = state.gids.get(key);
  if (gid === undefined) {
    const subset = font.subset;
    if (glyph.parts.length === 1) {
      // A second copy of the same outline, declared with another width.
      subset.glyphs.push(first.id);
    } else {
      const placeholder = -1 - state.composites.size;
      state.composites.set(placeholder, glyph.parts);
      subset.glyphs.push(placeholder);
    }
    gid = subset.glyphs.length - 1;
    state.gids.set(key, gid);
  }
  return record(font, gid, glyph);
}

function record(font: EmbeddedFont, gid: number, glyph: PlacedGlyph): number {
  // pdfkit writes /W and the ToUnicode map from these arrays and cannot skip holes.
  for (let i = font.widths.length; i < gid; i++) font.widths[i] = 0;
  for (let i = font.unicode.length; i < gid; i++) font.unicode[i] = [];
  font.widths[gid] ??= glyph.width;
  font.unicode[gid] ??= glyph.codePoints;
  return gid;
}

function stateOf(font: EmbeddedFont): TextLayerState {
  let state = font[TEXT_LAYER];
  if (state) return state;
  state = { gids: new Map(), composites: new Map() };
  font[TEXT_LAYER] = state;
  const subset = font.subset;
  const addGlyph = subset._addGlyph.bind(subset);
  const composites = state.composites;
  subset._addGlyph = (id: number): number => {
    const parts = composites.get(id);
    return parts ? addComposite(subset, font.font, parts) : addGlyph(id);
  };
  const encodeSubset = subset.encode.bind(subset);
  subset.encode = (): Uint8Array => {
    if (composites.size > 0) raiseMaxp(font.font, [...composites.values()]);
    return encodeSubset();
  };
  return state;
}

// TrueType composite glyph flags (OpenType spec, 'glyf' table).
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const ARGS_ARE_XY_VALUES = 0x0002;
const MORE_COMPONENTS = 0x0020;

/** Write a composite glyph made of `parts` into the subset, the way fontkit writes any glyph. */
function addComposite(subset: Subset, font: FontkitFont, parts: readonly GlyphPart[]): number {
  const buffer = new Uint8Array(10 + 8 * parts.length);
  const view = new DataView(buffer.buffer);
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  parts.forEach((p, i) => {
    const box = font.getGlyph(p.id).bbox;
    minX = Math.min(minX, box.minX + p.dx);
    minY = Math.min(minY, box.minY + p.dy);
    maxX = Math.max(maxX, box.maxX + p.dx);
    maxY = Math.max(maxY, box.maxY + p.dy);
    const at = 10 + 8 * i;
    const more = i + 1 < parts.length ? MORE_COMPONENTS : 0;
    view.setUint16(at, ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES | more);
    // The component's index in the subset (added after this glyph if it is new).
    view.setUint16(at + 2, subset.includeGlyph(p.id));
    view.setInt16(at + 4, p.dx);
    view.setInt16(at + 6, p.dy);
  });
  view.setInt16(0, -1);
  view.setInt16(2, Math.floor(minX));
  view.setInt16(4, Math.floor(minY));
  view.setInt16(6, Math.ceil(maxX));
  view.setInt16(8, Math.ceil(maxY));
  subset.glyf.push(buffer);
  subset.loca.offsets.push(subset.offset);
  // The PDF's /W entry places the glyph; the font's own advance is not used by viewers.
  subset.hmtx.metrics.push({ advance: font.getGlyph(parts[0]!.id).advanceWidth, bearing: Math.floor(minX) });
  subset.offset += buffer.length;
  return subset.glyf.length - 1;
}

/**
 * The subset copies the font's maxp table; rasterisers (FreeType) reject a composite deeper
 * or larger than maxp declares, so the limits are raised to cover the new composites.
 */
function raiseMaxp(font: FontkitFont, composites: ReadonlyArray<readonly GlyphPart[]>): void {
  const maxp = font.maxp;
  for (const parts of composites) {
    let points = 0, contours = 0, depth = 0;
    for (const p of parts) {
      const size = outlineSize(font, p.id);
      points += size.points;
      contours += size.contours;
      depth = Math.max(depth, size.depth + 1);
    }
    maxp.maxComponentPoints = Math.max(maxp.maxComponentPoints ?? 0, points);
    maxp.maxComponentContours = Math.max(maxp.maxComponentContours ?? 0, contours);
    maxp.maxComponentElements = Math.max(maxp.maxComponentElements ?? 0, parts.length);
    maxp.maxComponentDepth = Math.max(maxp.maxComponentDepth ?? 0, depth);
  }
}

function outlineSize(font: FontkitFont, id: number): { points: number; contours: number; depth: number } {
  const glyf = font.getGlyph(id)._decode();
  if (!glyf) return { points: 0, contours: 0, depth: 0 };
  if (glyf.numberOfContours >= 0) return { points: glyf.points?.length ?? 0, contours: glyf.numberOfContours, depth: 0 };
  let points = 0, contours = 0, depth = 0;
  for (const c of glyf.components ?? []) {
    const inner = outlineSize(font, c.glyphID);
    points += inner.points;
    contours += inner.contours;
    depth = Math.max(depth, inner.depth + 1);
  }
  return { points, contours, depth };
}
