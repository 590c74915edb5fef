/**
 * Phonetic skeletons of name tokens, shared by both scripts.
 *
 * Two levels, for two jobs:
 * - `tokenPhones`: the full transcription (consonant classes, Latin vowels, Arabic long
 *   vowels, the gender-bearing ending) with spelling alternatives. name-match.ts compares
 *   these with a weighted edit distance to score and explain a candidate.
 * - `phoneticKeys`: a coarse consonant skeleton (9 classes, no vowels, no h/ع/w/y) that is
 *   identical for the usual spellings of a name in either script: Mohamed, Muhammad,
 *   Mohammed and محمد all give "mmt". It is stored as an FTS5 token so the database finds
 *   candidates cheaply; it deliberately over-matches (Amina and Amine share "mn") and the
 *   edit-distance score then separates them.
 */
import { arabicPhones, isArabicToken } from './arabic-phones';
import { latinPhones } from './latin-phones';
import type { PhoneString } from './phones';

export type Script = 'arabic' | 'latin';

export interface TokenPhones {
  readonly script: Script;
  /** Alternative transcriptions, most likely first; empty when nothing pronounceable. */
  readonly variants: readonly PhoneString[];
}

/**
 * Transcribe one folded token (foldText output, compounds joined, no spaces).
 * @param partial the user is still typing this token.
 */
export function tokenPhones(token: string, partial = false): TokenPhones {
  if (isArabicToken(token)) return { script: 'arabic', variants: arabicPhones(token, partial) };
  return { script: 'latin', variants: latinPhones(token, partial) };
}

/**
 * Coarse classes for candidate retrieval. Everything a spelling may swap lands in the
 * same class: k/q/g/kh/gh/j (Qasim/Kassem/Gacem, Jamal/Gamal), t/d/ط/ض/ذ, s/z/sh/ص.
 * h, ع/hamza, w and y are left out because spellings drop them freely (Mamadou محمدو,
 * Riad رياض). ث and th yield both a t-key and an s-key (Othman, Ousmane, عثمان).
 */
const KEY_CLASS: Readonly<Record<string, string>> = {
  b: 'b', p: 'b', f: 'f', v: 'f', t: 't', d: 't', D: 't', s: 's', z: 's', c: 's',
  j: 'k', k: 'k', q: 'k', g: 'k', x: 'k', G: 'k', l: 'l', m: 'm', n: 'n', r: 'r',
};

/** Keys (ASCII, FTS5-safe) for one phone string; several when it contains ث / th. */
export function skeletonKeys(p: PhoneString): string[] {
  let keys = [''];
  // Only directly adjacent phones of one class merge (a spelling's "tt" or "dt"); the two
  // m of محمد / Mohamed stay two, or Mohamed would collide with Ahmed.
  let previous = '';
  for (const x of p) {
    const classes = x.kind !== 'consonant' ? [] : x.sym === 'T' ? ['t', 's'] : [KEY_CLASS[x.sym] ?? ''];
    const real = classes.filter((c) => c !== '');
    if (real.length === 0) {
      previous = '';
      continue;
    }
    keys = keys.flatMap((k) => real.map((c) => (c === previous ? k : k + c)));
    previous = real.length === 1 ? (real[0] ?? '') : '';
  }
  const out = [...new Set(keys)].filter((k) => k.length > 0);
  if (out.length > 0) return out;
  // Names made only of weak consonants (Yahya يحيى, Hawa حواء, Aya آية) would get no key
  // at all; for them the weak consonants are the key.
  const weak = p.filter((x) => x.kind === 'consonant' && 'hwy'.includes(x.sym)).map((x) => x.sym).join('');
  return weak.length > 0 ? [weak] : [];
}

/** All distinct coarse keys of a folded token (one per spelling alternative). */
export function phoneticKeys(token: string, partial = false): string[] {
  const keys = tokenPhones(token, partial).variants.flatMap(skeletonKeys);
  return [...new Set(keys)];
}
