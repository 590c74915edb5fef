/**
 * Text folding for search and duplicate checks.
 *
 * Intake staff do not distinguish what these functions erase: an Arabic name typed with or
 * without harakat, with أ or ا, with ة or ه, a French name with or without accents. The same
 * folding runs when a record is written (into the FTS5 columns) and when a query is typed,
 * so the two always meet. Every function here is deterministic and idempotent
 * (f(f(s)) === f(s)); a property test checks it.
 */

/** Harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation marks. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u08D3-\u08E1\u08E3-\u08FF]/g;

/**
 * Invisible characters that hide a match without being seen: tatweel (decorative
 * stretching), zero-width joiners, bidi marks pasted from other software, BOM.
 */
const INVISIBLE = /[\u0640\u061C\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * Letter unification. Hamza seats and alef forms are spelled inconsistently by everyone,
 * including administrations; ة/ه and ى/ي are routinely swapped on keyboards. Persian/Urdu
 * code points (ی ک ہ ھ) arrive when people type on a Persian layout.
 */
const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا', 'ٵ': 'ا',
  'ؤ': 'و', 'ٶ': 'و',
  'ئ': 'ي', 'ى': 'ي', 'ی': 'ي', 'ۍ': 'ي', 'ې': 'ي',
  'ة': 'ه', 'ۀ': 'ه', 'ہ': 'ه', 'ھ': 'ه', 'ە': 'ه',
  'ک': 'ك',
  // A lone hamza carries no letter in Latin spellings (Asmaa / Asmae / أسماء / اسما) and is
  // often omitted in Arabic too, so it is dropped rather than allowed to split a match.
  'ء': '',
};

/** Arabic-Indic (U+0660..) and Extended Arabic-Indic / Persian (U+06F0..) digits. */
function foldDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

/**
 * Fold Arabic-script text: presentation forms and ligatures to base letters, strip marks
 * and tatweel, unify alef/hamza forms, ة→ه, ى→ي, and Arabic-Indic digits to 0-9.
 * Latin text comes out as it went in (NFC).
 *
 * NFKD first: it splits every hamza-bearing letter into its base and a hamza mark
 * (أ → ا + ٔ, ئ → ى + ٔ, ۂ → ہ + ٔ), so stripping marks unifies them all, including rare
 * code points no table lists. NFC at the end recomposes Latin letters with their accents.
 */
export function foldArabic(s: string): string {
  return foldDigits(
    s
      .normalize('NFKD')
      .replace(INVISIBLE, '')
      .replace(ARABIC_MARKS, '')
      .replace(/[أإآٱٲٳٵؤٶئىیۍېةۀہھەکء]/g, (c) => ARABIC_LETTERS[c] ?? c),
  ).normalize('NFC');
}

/** Latin letters that NFKD does not decompose into a base letter plus a mark. */
const LATIN_SPECIAL: Readonly<Record<string, string>> = {
  'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ł': 'l',
  'ı': 'i', 'ħ': 'h', 'ŀ': 'l', 'ĸ': 'k', 'ſ': 's', 'ŉ': 'n',
  // West African orthographies (Wolof, Fula, Bambara) on documents and in people's own
  // spelling: hooked and open letters fold to the plain letter French administrations use.
  'ŋ': 'ng', 'ɓ': 'b', 'ɗ': 'd', 'ƴ': 'y', 'ɛ': 'e', 'ɔ': 'o', 'ɲ': 'ny',
};

/** Apostrophes, ayn/hamza modifier letters of scholarly romanisation, and hyphens. */
const APOSTROPHES_AND_HYPHENS = /['’‘‛ʼʻʽʾʿ`´′\-‐‑‒–—―−]/g;

/**
 * Fold Latin-script text: lower case, NFKD and strip combining marks (é→e, ç→c, ï→i),
 * special letters (ß→ss, œ→oe, ø→o…), apostrophes and hyphens to spaces.
 * Lower-casing happens first: 'İ'.toLowerCase() yields a combining dot that NFKD
 * stripping must then remove, or the function would not be idempotent.
 */
export function foldLatin(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase() // compatibility letters decompose to capitals (𝐀 → A)
    .replace(/[ßæœøđðþłıħŀĸſŉŋɓɗƴɛɔɲ]/g, (c) => LATIN_SPECIAL[c] ?? c)
    .replace(APOSTROPHES_AND_HYPHENS, ' ');
}

/**
 * Fold any text for search: both foldings, remaining punctuation and symbols to spaces
 * (an FTS5 unicode61 tokenizer would split there anyway; doing it here keeps the folded
 * text and the FTS tokens identical), whitespace collapsed and trimmed. Control characters
 * and unpaired surrogates separate words too (unicode61 splits there as well): a NUL kept
 * inside a word ended the quoted FTS5 term early ("unterminated string", issue #9).
 */
export function foldText(s: string): string {
  return foldLatin(foldArabic(s))
    .replace(/[\p{P}\p{S}\p{Cc}\p{Cs}]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Map Arabic-Indic and Persian digits to 0-9 and drop nothing else (phones, documents). */
export function foldDigitsOnly(s: string): string {
  return foldDigits(s);
}
