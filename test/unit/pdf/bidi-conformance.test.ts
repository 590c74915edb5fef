/**
 * The layout step's reordering against Unicode's own conformance data.
 *
 * For every line of BidiCharacterTest.txt with an explicit LTR or RTL paragraph
 * direction made only of characters the documents can contain, the visual order
 * must equal the file's. Two things are checked on those lines:
 * - `lineVisualOrder`, the L1–L2 reordering the layout step calls for each line;
 * - the tokens `layoutParagraph` hands to pdfmake: reading their logical ranges left
 *   to right (an RTL token draws its range backwards) must give the same order, for
 *   every character the layout draws (it does not draw trailing spaces).
 * The pass rate over the whole file is printed as information; docs/RTL-LAYOUT.md
 * explains which classes of lines are out of scope and why.
 */
import { describe, expect, it } from 'vitest';
import { lineVisualOrder, resolveParagraph } from '../../../electron/core/pdf/rtl/bidi';
import { layoutParagraph } from '../../../electron/core/pdf/rtl/layout';
import { isInScope, parseBidiCharacterTest, type BidiTestCase } from './bidi-test-file';

const cases = parseBidiCharacterTest();

/** UTF-16 text of a case, and the code point index of every code unit. */
function textOf(c: BidiTestCase): { text: string; cpIndex: number[] } {
  let text = '';
  const cpIndex: number[] = [];
  c.codePoints.forEach((cp, i) => {
    const s = String.fromCodePoint(cp);
    text += s;
    for (let k = 0; k < s.length; k++) cpIndex.push(i);
  });
  return { text, cpIndex };
}

/** Expected order without the characters X9 removes ('x' levels). */
function expectedOrder(c: BidiTestCase): number[] {
  return c.visualOrder.filter((i) => c.levels[i] !== null);
}

function reorderingOrder(c: BidiTestCase): number[] {
  const { text, cpIndex } = textOf(c);
  const para = resolveParagraph(text, c.direction);
  const seen = new Set<number>();
  const order: number[] = [];
  for (const unit of lineVisualOrder(para, 0, text.length)) {
    const cp = cpIndex[unit] as number;
    if (c.levels[cp] === null || seen.has(cp)) continue;
    seen.add(cp);
    order.push(cp);
  }
  return order;
}

/** Order in which the layout step draws characters: tokens left to right. */
function layoutOrder(c: BidiTestCase): { order: number[] } | null {
  const { text, cpIndex } = textOf(c);
  const laid = layoutParagraph({ text, direction: c.direction, fontSize: 12, width: 1e9 });
  // The layout normalises to NFC (e.g. U+2329 becomes U+3008): indices no longer match.
  if (laid.text !== text) return null;
  const order: number[] = [];
  for (const line of laid.lines) {
    for (const token of line.tokens) {
      const units: number[] = [];
      for (let i = token.start; i < token.end; i++) units.push(i);
      if ((token.level & 1) === 1) units.reverse();
      for (const u of units) {
        const cp = cpIndex[u] as number;
        if (order[order.length - 1] !== cp) order.push(cp);
      }
    }
  }
  return { order };
}

// Format characters (explicit embeddings, isolates, marks) have no glyph: a token's
// range may span them but nothing is drawn for them, so they take no visual place.
const FORMAT = /\p{Cf}/u;

function layoutMatches(c: BidiTestCase): boolean {
  const result = layoutOrder(c);
  if (!result) return false;
  const visible = (i: number): boolean => c.levels[i] !== null && !FORMAT.test(String.fromCodePoint(c.codePoints[i] as number));
  const order = result.order.filter(visible);
  const drawn = new Set(order);
  const expected = expectedOrder(c).filter((i) => drawn.has(i));
  return sameOrder(expected, order);
}

function sameOrder(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

describe('UAX #9 conformance (BidiCharacterTest.txt)', () => {
  const inScope = cases.filter(isInScope);

  it('parses the whole file', () => {
    expect(cases.length).toBeGreaterThan(90_000);
    expect(inScope.length).toBeGreaterThan(1_000);
  });

  it('reorders every in-scope line as the file expects (lineVisualOrder)', () => {
    const failures = inScope.filter((c) => !sameOrder(reorderingOrder(c), expectedOrder(c)));
    expect(failures.map((c) => c.line).slice(0, 20)).toEqual([]);
  });

  it('draws every in-scope line in the order the file expects (layoutParagraph tokens)', () => {
    const failures = inScope.filter((c) => !layoutMatches(c));
    expect(failures.map((c) => c.line).slice(0, 20)).toEqual([]);
  });

  it('reports the pass rate over the whole file', () => {
    let reorderPass = 0;
    let layoutPass = 0;
    const failedSections = new Map<string, number>();
    for (const c of cases) {
      if (sameOrder(reorderingOrder(c), expectedOrder(c))) reorderPass++;
      else failedSections.set(c.direction, (failedSections.get(c.direction) ?? 0) + 1);
      if (layoutMatches(c)) layoutPass++;
    }
    const pct = (n: number, d: number): string => `${((100 * n) / d).toFixed(2)}%`;
    console.log(
      [
        `BidiCharacterTest.txt: ${cases.length} lines, ${inScope.length} in scope`,
        `  in scope: ${inScope.length}/${inScope.length} (asserted above)`,
        `  whole file, reordering (lineVisualOrder): ${reorderPass}/${cases.length} = ${pct(reorderPass, cases.length)}`,
        `  whole file, layout tokens (drawn characters): ${layoutPass}/${cases.length} = ${pct(layoutPass, cases.length)}`,
        `  reordering failures by paragraph direction: ${JSON.stringify(Object.fromEntries(failedSections))}`,
      ].join('\n'),
    );
    expect(reorderPass).toBeGreaterThan(0);
  }, 120_000);
});
