/**
 * Splitting a full name into the tokens that are compared one by one.
 *
 * Arabic names contain compounds that are one name however they are written:
 * عبد القادر / عبدالقادر / Abdelkader / Abdel Kader / Abd al-Qadir; نور الدين / Noureddine /
 * Nour ad-Din; نصر الله / Nasrallah; أبو بكر / Aboubacar. And particles that belong to the
 * next word: the article (El Amrani / العمراني) and nasab / tribe markers (Ben Jelloun /
 * Benjelloun / بن جلون, Ould, Aït). Each of these becomes one token whose `core` is a
 * canonical spelling (article removed inside compounds: abd+qadir, عبد+قادر), and the
 * phonetic comparison runs on the core.
 */
import { foldText } from './fold';
import { tokenPhones, type Script } from './phonetic-key';
import { latinPhones } from './latin-phones';
import { uniqueVariants, type PhoneString } from './phones';

export interface NameToken {
  /** The folded words that make up this token, as written. */
  readonly words: readonly string[];
  /** Canonical joined spelling used for the phonetic comparison. */
  readonly core: string;
  readonly script: Script;
  readonly variants: readonly PhoneString[];
  /** The user is still typing this token (last token of a query). */
  readonly partial: boolean;
}

const LATIN_ARTICLES = new Set([
  'al', 'el', 'ul', 'il', 'ad', 'ed', 'ud', 'ar', 'er', 'ur', 'as', 'es', 'us', 'at', 'et',
  'az', 'ez', 'an', 'en', 'ash', 'ach', 'ech', 'esh',
]);
// abd, abdel, abdal, abdul, abdoul: not Abdou / Abdu, names of their own (عبده) that may
// precede a family name (Abdou Diouf); Abdou Karim still meets Abdoulkarim as a glued pair.
const LATIN_ABD = /^abd(?:(?:ou|[aeiou])l)?$/;
const LATIN_ABU = new Set(['abu', 'abou', 'abo', 'bou', 'abi']);
const LATIN_NASAB = new Set(['ben', 'bin', 'ibn', 'bent', 'bint', 'ould', 'ait']);
const ARABIC_NASAB = new Set(['بن', 'ابن', 'بنت', 'ولد', 'ايت']);
const ALLAH_TAIL = /^(?:ou|[aeiou])?ll?a(?:h|ye)?$/; // allah, ullah, ellah, (ab)doulaye

type Part = { words: string[]; core: string; script: Script };

/**
 * Marks where the parts of a compound meet in a `core`, so that spelling rules do not
 * read across it (abd|jalil must not become the digraph dj of Djamel).
 */
export const JOIN = '.';

/** Undo a fused compound inside one word: abdelkader → abd+kader, noureddine → nour+din. */
function canonicalWord(word: string, script: Script): string {
  if (script === 'arabic') {
    if (word.length >= 5 && word.startsWith('عبد')) return 'عبد' + JOIN + stripArabicArticle(word.slice(3));
    const din = /^(.{2,})الدين$/.exec(word);
    if (din) return din[1] + JOIN + 'دين';
    const allah = /^(.{2,})الله$/.exec(word);
    if (allah) return allah[1] + JOIN + 'له';
    return word;
  }
  const abd = /^abd(ou|[aeiou])?(l?)(.+)$/.exec(word);
  // The part after abd(el) is the name (kader in abdelkader), unless it is a bare vowel:
  // Abdou (عبده) is a name of its own.
  if (abd && ((abd[3] ?? '').length >= 2 || /^[^aeiou]/.test(abd[3] ?? ''))) {
    const rest = (abd[2] ?? '') + (abd[3] ?? '');
    if (ALLAH_TAIL.test((abd[1] ?? '') + rest)) return 'abd' + JOIN + 'lah';
    // Sun-letter assimilation (Abderrahmane, Abdessamad) leaves a doubled consonant.
    return 'abd' + JOIN + (abd[3] ?? '').replace(/^([b-df-hj-np-tv-z])\1/, '$1');
  }
  const din = /^(.{3,}?)(?:ou|[aeiou])?d?d(?:ine?|een)$/.exec(word);
  if (din) return din[1] + JOIN + 'din';
  const allah = /^(.{3,}?)(?:ou|[aeiou])?ll?ah$/.exec(word);
  if (allah) return allah[1] + JOIN + 'lah';
  return word;
}

function stripArabicArticle(word: string): string {
  return word.length >= 4 && word.startsWith('ال') ? word.slice(2) : word;
}

function latinCore(word: string): string {
  if (ALLAH_TAIL.test(word)) return 'lah';
  return word;
}

/** Split a raw name into folded words, separating runs of Arabic and Latin script. */
export function nameWords(raw: string): string[] {
  // An apostrophe inside a word is elision or a hidden ع (N'Diaye, Sa'id, Ma'moun): join.
  const joined = raw.replace(/(\p{L})['’‘ʼʻʽʾʿ`´](?=\p{L})/gu, '$1');
  return foldText(joined)
    .split(' ')
    .flatMap((w) => w.match(/[\u0600-\u06FF]+|[a-z]+/g) ?? []);
}

/** Words that are half of a compound and take the next word: عبد, Abdel, Abou, Ben, Ould. */
function isPrefix(word: string, script: Script): boolean {
  return script === 'latin'
    ? LATIN_ABD.test(word) || LATIN_ABU.has(word) || LATIN_NASAB.has(word)
    : word === 'عبد' || word === 'ابو' || ARABIC_NASAB.has(word);
}

/** -ad-Din and -Allah as separate words belong to the previous name (Nour ad-Din, Nasr Allah). */
function tailCore(word: string, script: Script): string | null {
  if (script === 'arabic') return word === 'الدين' ? 'دين' : word === 'الله' ? 'له' : null;
  if (/^(?:ou|[aeiou])?d?d(?:ine?|een)$/.test(word)) return 'din';
  if (/^(?:ou|[aeiou])?ll?ah$/.test(word)) return 'lah';
  return null;
}

/**
 * @param partialLast the last word is still being typed (type-ahead query).
 */
export function parseName(raw: string, partialLast = false): NameToken[] {
  const words = nameWords(raw);
  const parts: Part[] = [];
  let article: string[] = [];
  let waiting: Part | null = null;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const script: Script = /[\u0600-\u06FF]/.test(word) ? 'arabic' : 'latin';
    const hasNext = i < words.length - 1;
    if (script === 'latin' && hasNext && LATIN_ARTICLES.has(word)) {
      article.push(word);
      continue;
    }
    const own = [...article, word];
    article = [];
    if (waiting && waiting.script === script) {
      waiting.words.push(...own);
      const canonical = canonicalWord(word, script);
      const afterAbd = waiting.core === 'abd' || waiting.core === 'عبد';
      waiting.core += JOIN + (script === 'arabic' ? stripArabicArticle(canonical) : afterAbd ? latinCore(canonical) : canonical);
      if (!(hasNext && isPrefix(word, script))) waiting = null;
      continue;
    }
    waiting = null;
    const prev = parts[parts.length - 1];
    const tail = tailCore(word, script);
    if (tail !== null && prev && prev.script === script) {
      prev.words.push(...own);
      prev.core += JOIN + tail;
      continue;
    }
    const part: Part = { words: own, core: LATIN_ABD.test(word) ? 'abd' : canonicalWord(word, script), script };
    parts.push(part);
    if (hasNext && isPrefix(word, script)) waiting = part;
  }
  return parts.map((p, index) => {
    const partial = partialLast && index === parts.length - 1;
    return { words: p.words, core: p.core, script: p.script, partial, variants: variantsOf(p.core, p.script, partial) };
  });
}

function variantsOf(core: string, script: Script, partial: boolean): PhoneString[] {
  const main = tokenPhones(core, partial).variants;
  // A Latin article fused to a family name (Elamrani, Elidrissi, Alhassan): also try
  // without it, as the Arabic transcription does for ال.
  const fused = /^(?:el|al)(.{4,})$/.exec(script === 'latin' && !core.includes(JOIN) ? core : '');
  const extra = fused ? latinPhones(fused[1] ?? '', partial) : [];
  return uniqueVariants([...main, ...extra]);
}
