/**
 * Transcription of one folded Latin-script name token into the common sound alphabet.
 *
 * The rules cover the spelling systems a Moroccan clinic meets: French administrative
 * spellings of Arabic names (ch = ش, ou = و/u, dj = ج, final silent e: Hicham, Ouafae,
 * Khadidja, Amine), English/Levantine ones (sh, u, th, dh: Hisham, Usama, Othman), and
 * French spellings of West African names (Ousmane, Mamadou, Ndeye). Where a digraph is
 * ambiguous both readings are produced, as Beider-Morse does: "th" is ث (Othman) or ت+ح
 * (Fathi); "sh" is ش or س+ح (Ishaq); "g" before e/i is j (Gibril) or g (Gueye).
 */
import { C, E, V, collapseRepeats, expandSegments, uniqueVariants, type Phone, type PhoneString } from './phones';

const VOWELS = 'aeiou';
const isVowel = (ch: string | undefined): boolean => ch !== undefined && VOWELS.includes(ch);

/** Multi-letter spellings, longest first. Each maps to alternative phone runs. */
const DIGRAPHS: readonly (readonly [string, readonly PhoneString[]])[] = [
  ['tch', [[C('c')]]],
  ['sch', [[C('c')]]],
  ['sh', [[C('c')], [C('s'), C('h')]]],
  ['ch', [[C('c')]]],
  ['kh', [[C('x')]]],
  ['gh', [[C('G')]]],
  ['dj', [[C('j')]]],
  ['dh', [[C('D')], [C('d'), C('h')]]],
  // ث is said t (Othman) or s (Ousmane) and written th; th is also ت+ح (Fathi فتحي).
  ['th', [[C('T')], [C('t'), C('h')]]],
  ['ph', [[C('f')]]],
  ['ck', [[C('k')]]],
];

/**
 * Spelling-level rewrites before scanning. Order matters.
 * @param partial the user is still typing: word-final rules would guess wrong.
 */
function rewrite(word: string, partial: boolean): string {
  // '.' marks a compound boundary (name-tokens.ts JOIN): kept so no digraph spans it.
  let w = word.replace(/[^a-z.]/g, '');
  if (!partial) {
    // Wolof/Pulaar render "Allah" as -laye (Abdoulaye = Abdallah = عبد الله).
    w = w.replace(/laye$/, 'lah');
    // (A final h is kept: after e/i/o/u it is a real ح, Saleh صالح; for -ah the caller
    // tries both readings.)
    // Final vowel pairs written for one final vowel: Wafae/Wafaa/Asmae (-اء), Sophie.
    w = w.replace(/a[ae]$/, 'a').replace(/ie$/, 'i');
    // French silent final e after a consonant (Amine, Yassine, Ousmane, Souleymane).
    if (w.length > 3) w = w.replace(/([^aeiou])e$/, '$1');
  }
  // Doubled consonants are one sound (Hassan, Mohammed, Abderrahmane).
  w = w.replace(/([b-df-hj-np-tv-z])\1+/g, '$1');
  return w;
}

/**
 * @param token a foldLatin'ed token (one word, compounds already joined).
 * @param partial the user is still typing it: no ending is inferred.
 */
export function latinPhones(token: string, partial = false): PhoneString[] {
  const spellings = [token];
  if (!partial) {
    // Final -ah is a silent h (Fatimah, Abdallah) or a real ح (Salah صلاح, Sabah صباح).
    if (/ah+$/.test(token)) spellings.unshift(token.replace(/h+$/, ''));
    // A final e is silent in French spellings of Arabic names (Amine أمين) but was an é,
    // its accent folded away, in West African family names (Traoré تراوري, Koné كوني).
    if (/[^aeiou.]e$/.test(token) && token.length > 3) spellings.push(token.slice(0, -1) + 'i');
  }
  return uniqueVariants(spellings.flatMap((s) => {
    const variants = transcribe(rewrite(s, partial), partial);
    if (s === token || !s.endsWith('i')) return variants;
    return variants.map((v) => v.map((x, k) => (k === v.length - 1 ? { ...x, acrossScriptsOnly: true } : x)));
  }));
}

function transcribe(w: string, partial: boolean): PhoneString[] {
  if (w.length === 0) return [];
  const segments: PhoneString[][] = [];
  let i = 0;
  while (i < w.length) {
    const rest = w.slice(i);
    const ch = w[i] ?? '';
    const next = w[i + 1];
    if (ch === '.') {
      i += 1;
      continue;
    }
    const digraph = DIGRAPHS.find(([spelling]) => rest.startsWith(spelling));
    if (digraph) {
      segments.push([...digraph[1]]);
      i += digraph[0].length;
      continue;
    }
    if ((rest.startsWith('qu') || rest.startsWith('gu')) && 'eiy'.includes(w[i + 2] ?? '-')) {
      segments.push([[C(ch === 'q' ? 'k' : 'g')]]); // Jacques, Gueye: the u only hardens.
      i += 2;
      continue;
    }
    if (rest.startsWith('ou') || rest.startsWith('oo')) {
      segments.push(beforeVowel(w, i, 2, V('u'), C('w')));
      i += 2;
      continue;
    }
    if (rest.startsWith('ee')) {
      segments.push([[V('i')]]);
      i += 2;
      continue;
    }
    if (rest.startsWith('aa')) {
      // A doubled a mostly marks a hidden ع or hamza (Saad سعد, Jaafar جعفر, Alaa علاء).
      segments.push([[V('a'), C("'"), V('a')]]);
      i += 2;
      continue;
    }
    segments.push(single(w, i, ch, next));
    i += 1;
  }
  return expandSegments(segments).map((v) => finish(v, partial));
}

function single(w: string, i: number, ch: string, next: string | undefined): PhoneString[] {
  const prev = w[i - 1];
  switch (ch) {
    case 'a': case 'e': case 'o':
      return [[V(ch)]];
    case 'i':
      return beforeVowel(w, i, 1, V('i'), C('y'));
    case 'u':
      return prev === 'q' ? [[V('u')]] : beforeVowel(w, i, 1, V('u'), C('w'));
    case 'y':
      // y is a vowel between consonants or after a final consonant (Ylham, Hamdy).
      return [[isVowel(prev) || isVowel(next) ? C('y') : V('i')]];
    case 'c':
      return [[C('eiy'.includes(next ?? '-') ? 's' : 'k')]];
    case 'g':
      return 'eiy'.includes(next ?? '-') ? [[C('j')], [C('g')]] : [[C('g')]];
    case 'x':
      return [[C('k'), C('s')]];
    default:
      return [[C(ch)]];
  }
}

/**
 * i / u / ou in front of another vowel. At the start or after a vowel it is a glide
 * (Ouafae وفاء, Faouzi فوزي, Chaouki شوقي). After a consonant it is either a glide
 * (Riad رياض, Samia سامية, Diallo) or a vowel followed by a hidden ع or hamza
 * (Souad سعاد, Mouad معاذ, Rabia رابعة), so both readings are kept.
 */
function beforeVowel(w: string, i: number, len: number, vowel: Phone, glide: Phone): PhoneString[] {
  if (!isVowel(w[i + len])) return [[vowel]];
  if (i === 0 || isVowel(w[i - 1])) return [[glide]];
  return [[glide], [vowel, C("'")]];
}

/** Endings, cross-script vowel costs, repeats. */
function finish(variant: PhoneString, partial: boolean): PhoneString {
  const p: Phone[] = collapseRepeats(variant);
  const last = p[p.length - 1];
  if (!partial && last && last.kind === 'vowel' && p.length > 1) {
    p[p.length - 1] = E(last.sym === 'o' ? 'u' : last.sym === 'e' ? 'a' : last.sym);
  }
  // The vowel of the last syllable before a final consonant is usually long in Arabic
  // names (Samir سمير, Mahmoud محمود, Rachid رشيد; fāʕil names like Khalid خالد are the
  // exception), so it is dearer to drop against an Arabic spelling that lacks it.
  let lastSyllable = true;
  for (let k = p.length - 1; k >= 0; k--) {
    const x = p[k];
    if (!x || x.kind === 'ending') {
      lastSyllable = false;
      continue;
    }
    if (x.kind !== 'vowel') continue;
    p[k] = V(x.sym, crossCost(x.sym, lastSyllable && !partial));
    lastSyllable = false;
  }
  return p;
}

function crossCost(sym: string, lastSyllable: boolean): number {
  switch (sym) {
    case 'a': return 0.1;
    case 'e': return 0.05;
    case 'o': return 0.15;
    case 'i': return lastSyllable ? 0.4 : 0.25;
    default: return lastSyllable ? 0.6 : 0.3; // u, ou
  }
}
