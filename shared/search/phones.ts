/**
 * The common sound alphabet that Arabic-script and Latin-script names are both transcribed
 * into, so that محمد and Mohamed can be compared symbol by symbol.
 *
 * Why not transliterate one script into the other and compare strings? Because the two
 * scripts carry different information. Arabic writes every consonant and the long vowels
 * (ا و ي) but no short vowels; Latin spellings write every vowel but merge consonants
 * (ح/ه → h, ص/س → s, ق/ك → k) and disagree among themselves (ch/sh, ou/u, dj/j).
 * So each symbol records what kind of evidence it is, and the distance in
 * phone-distance.ts weighs the evidence: a Latin short vowel missing from Arabic costs
 * almost nothing, a written Arabic long vowel missing from Latin costs more, a consonant
 * costs most, and a final feminine -a / ة (Amina vs Amine) costs more than a consonant.
 */

/**
 * - consonant: a consonant class (see CONSONANTS below).
 * - vowel: a vowel written in a Latin spelling (quality a e i o u), or '@' for the alef
 *   that starts an Arabic word (أحمد, إبراهيم, أسامة), whose vowel quality is unknown.
 * - long: a long vowel written in Arabic (ا و ي as vowels), quality a i u.
 * - ending: the final vowel of a name, which carries gender and is never optional:
 *   a (Latin -a/-ah/-ae, Arabic ة ا اء), i (Latin -i/-y), u (Latin -ou/-u/-o, Arabic و),
 *   y (Arabic final ي, which is -i or, folded from ى, -a: علي Ali, موسى Moussa),
 *   h (Arabic final ه: ة typed as ه, or a real h as in الله, عبده).
 */
export type PhoneKind = 'consonant' | 'vowel' | 'long' | 'ending';

export interface Phone {
  readonly kind: PhoneKind;
  readonly sym: string;
  /**
   * Latin vowels only: what dropping this vowel costs when the other name is in Arabic
   * script. Short vowels are unwritten in Arabic so the cost is low, but a Latin 'ou' or
   * 'i' in the last syllable usually stands for a written و/ي (Mahmoud محمود, Samir سمير),
   * so dropping it against an Arabic name without that letter (محمد) costs more.
   */
  readonly cross?: number;
  /**
   * Set on the last phone of a reading that only makes sense against the other script
   * (a folded-away é read aloud: Traoré / تراوري). Two Latin spellings fold the same way
   * already, and the extra reading would only blur them (Yassine / Yasmine).
   */
  readonly acrossScriptsOnly?: boolean;
}

/**
 * Consonant classes. Letters are ASCII so keys stay FTS5-safe.
 * T = ث or Latin th (t or s in speech), D = ذ ظ or Latin dh (d or z),
 * c = ش / sh / ch, x = خ / kh, G = غ / gh, q = ق, g = a Latin hard g or ڭ
 * (ق in Moroccan speech, ج in Egyptian), ' = ع or a hamza.
 */
export const CONSONANTS = "bpfvtTdDszcjkqgxGh'lmnrwy";

export type PhoneString = readonly Phone[];

export const C = (sym: string): Phone => ({ kind: 'consonant', sym });
export const V = (sym: string, cross?: number): Phone =>
  cross === undefined ? { kind: 'vowel', sym } : { kind: 'vowel', sym, cross };
export const L = (sym: string): Phone => ({ kind: 'long', sym });
export const E = (sym: string): Phone => ({ kind: 'ending', sym });

/** A compact, stable rendering used for de-duplication and in test output. */
export function showPhones(p: PhoneString): string {
  return p
    .map((x) => {
      switch (x.kind) {
        case 'consonant':
          return x.sym;
        case 'vowel':
          return x.sym;
        case 'long':
          return x.sym.toUpperCase() + ':';
        case 'ending':
          return '-' + x.sym;
      }
    })
    .join('');
}

/** Upper bound on spelling alternatives kept per token (cost is variants² per comparison). */
export const MAX_VARIANTS = 8;

/**
 * Expand a sequence of segments, each with one or more alternative phone runs, into
 * whole-token alternatives (like Beider-Morse's "(a|b)" phonemes), capped at MAX_VARIANTS.
 * The first alternative of each segment is the preferred reading, so the first variant
 * out is the most likely transcription.
 */
export function expandSegments(segments: readonly (readonly PhoneString[])[]): PhoneString[] {
  let out: Phone[][] = [[]];
  for (const alternatives of segments) {
    const next: Phone[][] = [];
    for (const prefix of out) {
      for (const alt of alternatives) {
        if (next.length >= MAX_VARIANTS) break;
        next.push([...prefix, ...alt]);
      }
    }
    out = next;
  }
  return out;
}

/** Drop repeated identical neighbours (a doubled consonant is one sound: Hassan, حسّان). */
export function collapseRepeats(p: PhoneString): Phone[] {
  const out: Phone[] = [];
  for (const x of p) {
    const prev = out[out.length - 1];
    if (prev && prev.kind === x.kind && prev.sym === x.sym && x.kind !== 'ending') continue;
    out.push(x);
  }
  return out;
}

export function uniqueVariants(variants: readonly PhoneString[]): PhoneString[] {
  const seen = new Set<string>();
  const out: PhoneString[] = [];
  for (const v of variants) {
    const key = showPhones(v);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}
