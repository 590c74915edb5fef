/**
 * Weighted Damerau-Levenshtein (optimal string alignment) distance between two phone
 * strings, and the similarity derived from it.
 *
 * The weights encode what differs between spellings of the same name versus between two
 * different names. They were set from phonetics first (which Arabic consonants Latin
 * spellings merge, which vowels Arabic leaves unwritten) and then checked against the
 * name table in test/unit/search/name-pairs.ts.
 */
import type { Phone, PhoneString } from './phones';

/** Consonant pairs that spellings of one name swap, with the cost of the swap. */
const CONSONANT_SUBSTITUTIONS: Readonly<Record<string, number>> = pairs({
  // ق is k or q in writing and g in Maghrebi/Gulf speech; Egyptian ج is g; غ is gh or g.
  'k q': 0.2, 'k g': 0.4, 'q g': 0.3, 'g j': 0.3, 'g G': 0.4, 'q G': 0.7, 'k G': 0.7,
  'k x': 0.5, 'x h': 0.5, 'x G': 0.6,
  // ث (T) is said t or s; ذ ظ (D) are said d or z.
  't T': 0.2, 's T': 0.2, 'd D': 0.3, 'z D': 0.2, 't d': 0.6, 's z': 0.5, 's c': 0.6,
  'b p': 0.2, 'f p': 0.4, 'f v': 0.2, 'b v': 0.4, 'w v': 0.4,
  'm n': 0.8, 'l r': 0.8,
});

/** Vowel quality distances; long and short vowels of the same quality are equal. */
const VOWEL_SUBSTITUTIONS: Readonly<Record<string, number>> = pairs({
  'a e': 0.2, 'e i': 0.2, 'o u': 0.05, 'e o': 0.4, 'e u': 0.5,
  'a o': 0.6, 'a i': 0.7, 'a u': 0.7, 'i o': 0.6, 'i u': 0.6,
});

/** Final vowels: a mismatch between -a and none/-i/-u marks a different (often the feminine) name. */
const ENDING_SUBSTITUTIONS: Readonly<Record<string, number>> = pairs({
  'y i': 0, 'y a': 0.1, 'h a': 0, 'h u': 0.4, 'h y': 1,
  'a i': 1.5, 'a u': 1.2, 'i u': 1.2, 'h i': 1.5, 'y u': 1.2,
});

const ENDING_INDEL = 1.5;
const TRANSPOSITION = 0.6;

function pairs(table: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(table)) {
    const [a = '', b = ''] = k.split(' ');
    out[`${a} ${b}`] = v;
    out[`${b} ${a}`] = v;
  }
  return out;
}

/**
 * How a phone string is being compared.
 * - crossScript: the other name is in the other script (Arabic vs Latin).
 * - otherHasNoLongVowel: the other name is an Arabic spelling without any long vowel
 *   letter (محمد, أحمد, حسن, حمد: a short-vowel pattern). A Latin vowel that probably
 *   stands for a long vowel (final-syllable ou/i: Mahmoud, Hussein, Hamid) then has nothing
 *   to stand for, and points to a different name (محمود, حسين, حميد).
 */
export interface CompareContext {
  readonly crossScript: boolean;
  readonly otherHasNoLongVowel: boolean;
}

/** Cost of a phone present in one name and absent from the other. */
export function indelCost(p: Phone, ctx: CompareContext): number {
  switch (p.kind) {
    case 'ending':
      return ENDING_INDEL;
    case 'long':
      return 0.6;
    case 'vowel': {
      if (p.sym === '@') return 0.15;
      if (!ctx.crossScript) return p.sym === 'e' ? 0.2 : 0.3;
      const cost = p.cross ?? 0.1;
      if (!ctx.otherHasNoLongVowel || cost < LIKELY_LONG) return cost;
      // A final-syllable ou is nearly always ū (Mahmoud محمود, Mansour منصور); a final
      // -i- is often short too (Abdulmalik عبد الملك), so it weighs less.
      return p.sym === 'i' ? 0.7 : 1;
    }
    case 'consonant':
      if (p.sym === "'") return ctx.crossScript ? 0.1 : 0.6;
      if (p.sym === 'h') return 0.6;
      // A glide is a letter of the name (Rania / Rana, Nadia / Nada are two names).
      if (p.sym === 'w' || p.sym === 'y') return 0.9;
      return 1;
  }
}

/** Latin vowels whose cross-script cost is at least this are probably long (latin-phones.ts). */
const LIKELY_LONG = 0.4;

/** How much a phone weighs in a name, for normalising the distance into a similarity. */
function mass(p: Phone, ctx: CompareContext): number {
  return Math.min(1, indelCost(p, ctx));
}

export function substitutionCost(a: Phone, b: Phone, crossScript: boolean): number {
  if (a.kind === b.kind && a.sym === b.sym) return 0;
  const vowelish = (p: Phone): boolean => p.kind === 'vowel' || p.kind === 'long';
  if (vowelish(a) && vowelish(b)) {
    if (a.sym === '@' || b.sym === '@') return 0;
    if (a.sym === b.sym) return 0;
    const d = VOWEL_SUBSTITUTIONS[`${a.sym} ${b.sym}`] ?? 1;
    if (a.kind === 'long' && b.kind === 'long') return Math.max(d, 1);
    // A written ū or ī is not spelled with another vowel letter, except ū as o and ī as
    // e (Mostafa, Mehdi مهدي); محمود is not Mohamed.
    const long = a.kind === 'long' ? a : b.kind === 'long' ? b : null;
    const short = long === a ? b : a;
    if (long && long.sym !== 'a' && !(long.sym === 'u' && short.sym === 'o') && !(long.sym === 'i' && short.sym === 'e')) {
      return d + 0.2;
    }
    return d;
  }
  if (a.kind === 'consonant' && b.kind === 'consonant') {
    return CONSONANT_SUBSTITUTIONS[`${a.sym} ${b.sym}`] ?? 1;
  }
  if (a.kind === 'ending' && b.kind === 'ending') {
    return ENDING_SUBSTITUTIONS[`${a.sym} ${b.sym}`] ?? ENDING_INDEL;
  }
  if (a.kind === 'consonant' && vowelish(b)) return glideCost(a.sym, b, crossScript);
  if (b.kind === 'consonant' && vowelish(a)) return glideCost(b.sym, a, crossScript);
  // An Arabic final ه that is a real h (الله, عبده) against a Latin final h.
  if ((a.kind === 'ending' && a.sym === 'h' && b.sym === 'h') || (b.kind === 'ending' && b.sym === 'h' && a.sym === 'h')) {
    return 0;
  }
  return Infinity;
}

/**
 * و/ي are both consonant and vowel. Against Arabic, a Latin vowel may stand for ع (Omar
 * عمر, Saad سعد); between two Latin spellings a hidden ع against a vowel is a real
 * difference (Said / Saad).
 */
function glideCost(consonant: string, v: Phone, crossScript: boolean): number {
  if (consonant === 'w') return v.sym === 'u' ? (v.kind === 'long' ? 0.1 : 0.15) : v.sym === 'o' ? 0.3 : Infinity;
  if (consonant === 'y') return v.sym === 'i' ? 0.1 : v.sym === 'e' ? 0.3 : Infinity;
  if (consonant === "'") return crossScript ? 0.15 : 0.5;
  return Infinity;
}

export interface Similarity {
  readonly distance: number;
  readonly similarity: number;
}

/**
 * Similarity in 0..1: 1 - distance / max(mass(a), mass(b)).
 * With `prefix`, `a` is an unfinished query and is compared with the best-matching
 * prefix of `b` (Moham → Mohamed), normalised over the query and that prefix.
 */
export function phoneSimilarity(a: PhoneString, b: PhoneString, crossScript: boolean, prefix = false): Similarity {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return { distance: Infinity, similarity: 0 };
  const hasLong = (p: PhoneString): boolean => p.some((x) => x.kind === 'long');
  const ctxA: CompareContext = { crossScript, otherHasNoLongVowel: crossScript && !hasLong(b) };
  const ctxB: CompareContext = { crossScript, otherHasNoLongVowel: crossScript && !hasLong(a) };
  const delA = a.map((p) => indelCost(p, ctxA));
  const delB = b.map((p) => indelCost(p, ctxB));
  // d[i][j] = distance between a[0..i) and b[0..j).
  const d: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Infinity;
  const set = (i: number, j: number, v: number): void => {
    const r = d[i];
    if (r) r[j] = v;
  };
  for (let i = 1; i <= n; i++) set(i, 0, at(i - 1, 0) + (delA[i - 1] ?? 0));
  for (let j = 1; j <= m; j++) set(0, j, at(0, j - 1) + (delB[j - 1] ?? 0));
  for (let i = 1; i <= n; i++) {
    const ai = a[i - 1] as Phone;
    for (let j = 1; j <= m; j++) {
      const bj = b[j - 1] as Phone;
      let best = Math.min(
        at(i - 1, j) + (delA[i - 1] ?? 0),
        at(i, j - 1) + (delB[j - 1] ?? 0),
        at(i - 1, j - 1) + substitutionCost(ai, bj, crossScript),
      );
      const ap = a[i - 2];
      const bp = b[j - 2];
      if (ap && bp && ai.kind === 'consonant' && bj.kind === 'consonant'
        && substitutionCost(ai, bp, crossScript) === 0 && substitutionCost(ap, bj, crossScript) === 0) {
        best = Math.min(best, at(i - 2, j - 2) + TRANSPOSITION);
      }
      set(i, j, best);
    }
  }
  const massA = a.reduce((s, p) => s + mass(p, ctxA), 0);
  if (!prefix) {
    const massB = b.reduce((s, p) => s + mass(p, ctxB), 0);
    const distance = at(n, m);
    return { distance, similarity: clamp(1 - distance / Math.max(massA, massB)) };
  }
  let bestSim = 0;
  let bestDistance = Infinity;
  let massB = 0;
  for (let j = 1; j <= m; j++) {
    massB += mass(b[j - 1] as Phone, ctxB);
    const distance = at(n, j);
    const sim = clamp(1 - distance / Math.max(massA, massB));
    if (sim > bestSim) {
      bestSim = sim;
      bestDistance = distance;
    }
  }
  return { distance: bestDistance, similarity: bestSim };
}

function clamp(x: number): number {
  return Math.max(0, Math.min(1, x));
}
