/**
 * Transcription of one folded Arabic-script name token into the common sound alphabet.
 *
 * The consonant classes follow how Moroccan, Levantine and West African administrations
 * actually romanise (not ALA-LC's dotted letters, which nobody types): ح and ه both → h,
 * ص → s, ض → d, ط → t, ق → q (close to k and to a Maghrebi g), ع → a near-silent ' (Latin
 * spellings show it as a vowel or nothing: Omar عمر, Saad سعد).
 *
 * The three letters ا و ي are consonants or long vowels depending on position; the last
 * letter of a name becomes an "ending" because it carries gender (أمين Amine / أمينة Amina).
 */
import { C, E, L, V, collapseRepeats, uniqueVariants, type Phone, type PhoneString } from './phones';

const CONSONANT_OF: Readonly<Record<string, string>> = {
  'ب': 'b', 'ت': 't', 'ث': 'T', 'ج': 'j', 'ح': 'h', 'خ': 'x', 'د': 'd', 'ذ': 'D',
  'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'c', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'D',
  'ع': "'", 'غ': 'G', 'ف': 'f', 'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n',
  'ه': 'h', 'ڭ': 'g', 'گ': 'g', 'ڨ': 'g', 'ڤ': 'v', 'پ': 'p', 'چ': 'c',
};

const VOWEL_LETTER = new Set(['ا', 'و', 'ي']);

export function isArabicToken(token: string): boolean {
  return /[\u0600-\u06FF]/.test(token);
}

/**
 * @param token a foldArabic'ed token (one word, compounds already joined).
 * @param partial the user is still typing it: no ending is inferred from the last letter.
 */
export function arabicPhones(token: string, partial = false): PhoneString[] {
  const letters = [...token].filter((ch) => ch in CONSONANT_OF || VOWEL_LETTER.has(ch));
  if (letters.length === 0) return [];
  const variants: PhoneString[] = [];
  // The article ال is part of family names (العمراني / Amrani / El Amrani), but ال also
  // starts names that have no article once hamza is folded away (إلياس Ilyas, إلهام Ilham).
  // Both readings are kept and the comparison takes the better one.
  if (letters.length >= 4 && letters[0] === 'ا' && letters[1] === 'ل') {
    variants.push(...transcribe(letters.slice(2), partial));
  }
  variants.push(...transcribe(letters, partial));
  return uniqueVariants(variants);
}

function transcribe(letters: readonly string[], partial: boolean): PhoneString[] {
  const out: Phone[] = [];
  const n = letters.length;
  for (let i = 0; i < n; i++) {
    const ch = letters[i] ?? '';
    const prev = letters[i - 1];
    const next = letters[i + 1];
    const last = i === n - 1;
    const afterVowelLetter = prev !== undefined && VOWEL_LETTER.has(prev);
    if (ch === 'ا') {
      // Word-initial alef only carries the first vowel (أحمد Ahmed, إدريس Idriss, أسامة
      // Oussama): its quality is unknown, so it is a wildcard vowel.
      if (i === 0) out.push(V('@'));
      else if (last && !partial) out.push(E('a'));
      else out.push(L('a'));
    } else if (ch === 'و') {
      // Consonant at the start, next to an alef (جواد Jawad, داود Daoud) or doubled (طاووس).
      if (i === 0 || next === 'ا' || prev === 'ا' || prev === 'و') out.push(C('w'));
      else if (last && !partial) out.push(E('u'));
      else out.push(L('u'));
    } else if (ch === 'ي') {
      if (last && !partial && prev === 'ي') {
        out.push(E('y')); // يحيى Yahya: the first ي is the consonant, the last the ending.
      } else if (i === 0 || next === 'ا' || next === 'ي' || (next === 'ه' && i === n - 2) || prev === 'ا' || prev === 'ي') {
        // زياد Ziad, سامية Samia, مولاي Moulay: a glide, not a vowel.
        out.push(last && !partial && !afterVowelLetter ? E('y') : C('y'));
      } else if (last && !partial) out.push(E('y'));
      else out.push(L('i'));
    } else if (ch === 'ه' && last && !partial) {
      out.push(E('h'));
    } else {
      out.push(C(CONSONANT_OF[ch] ?? ''));
    }
  }
  const main = collapseRepeats(out);
  // ة after a long ā is read -āt (حياة Hayat, نجاة Najat); folded to ه it looks like any ه.
  if (!partial && n >= 3 && letters[n - 1] === 'ه' && letters[n - 2] === 'ا') {
    return [main, collapseRepeats([...out.slice(0, -1), C('t')])];
  }
  // طه (Taha): a two-letter name read with an unwritten long ā, its ه a real h.
  if (!partial && n === 2 && letters[1] === 'ه') {
    return [main, collapseRepeats([...out.slice(0, -1), C('h'), E('a')])];
  }
  return [main];
}
