/**
 * What the database stores in its FTS5 columns for a person's names, and the MATCH
 * expression for what intake staff are typing. Both sides come from the same functions
 * (foldText, parseName, phoneticKeys), so a name and a query that fold or sound alike
 * always share terms.
 *
 * Two columns, so that a folded word never collides with a phonetic key:
 * - text: folded words as written, plus each compound glued (abd al qadir → abdalqadir), so
 *   typing either form finds it, in either script, by prefix while typing.
 * - keys: coarse phonetic skeletons (phonetic-key.ts), shared by both scripts: typing
 *   "Moham" finds محمد, typing "عبد القا" finds Abdelkader.
 * FTS5 narrows the registry to candidates; compareQueryToName then scores and explains
 * them (the keys over-match on purpose: Amina and Amine share "mn").
 * Suggested table: `CREATE VIRTUAL TABLE person_fts USING fts5(name_text, name_keys,
 * tokenize = 'unicode61 remove_diacritics 0')` (text is already folded).
 */
import { JOIN, parseName, type NameToken } from './name-tokens';
import { skeletonKeys, tokenPhones } from './phonetic-key';

export interface NameIndexTerms {
  /** Folded words; store `text.join(' ')` in the text column. */
  readonly text: readonly string[];
  /** Phonetic keys; store `keys.join(' ')` in the keys column. */
  readonly keys: readonly string[];
}

function keysOf(token: Pick<NameToken, 'variants'>): string[] {
  return token.variants.flatMap(skeletonKeys);
}

/**
 * Terms to index for all the names recorded for one person (Latin name, Arabic name,
 * other spellings).
 */
export function nameIndexTerms(names: string | readonly string[]): NameIndexTerms {
  const text = new Set<string>();
  const keys = new Set<string>();
  for (const name of typeof names === 'string' ? [names] : names) {
    const tokens = parseName(name);
    tokens.forEach((token, i) => {
      token.words.forEach((w) => text.add(w));
      text.add(token.words.join(''));
      keysOf(token).forEach((k) => keys.add(k));
      // Fatima Zahra is also typed Fatimazahra: index the keys of adjacent tokens glued.
      const next = tokens[i + 1];
      if (next && next.script === token.script) {
        text.add(token.words.join('') + next.words.join(''));
        keysOf(tokenPhones(token.core + JOIN + next.core)).forEach((k) => keys.add(k));
      }
    });
  }
  return { text: [...text], keys: [...keys] };
}

/** The phonetic keys of each token of a name (a compound such as عبد القادر is one token). */
export function namePhoneticKeys(name: string): { readonly token: string; readonly keys: readonly string[] }[] {
  return parseName(name).map((t) => ({ token: t.words.join(' '), keys: [...new Set(keysOf(t))] }));
}

/** One typed name token: match its folded text or any of its keys. */
export interface NameQueryGroup {
  readonly text: string;
  readonly keys: readonly string[];
  /** The last token, still being typed: match by prefix. */
  readonly prefix: boolean;
}

export function nameQueryTerms(typed: string): NameQueryGroup[] {
  const complete = parseName(typed);
  return parseName(typed, true).map((token, i) => ({
    text: token.words.join(''),
    // The last word may be finished already: its complete reading has keys the prefix
    // reading lacks (حياة read -āt gives the t of Hayat).
    keys: [...new Set([...keysOf(token), ...(token.partial ? keysOf(complete[i] ?? token) : [])])],
    prefix: token.partial,
  }));
}

/** Two adjacent typed tokens glued, to find a name stored as one word (Fatimazahra). */
function glued(x: NameQueryGroup, y: NameQueryGroup, xt: NameToken, yt: NameToken): NameQueryGroup {
  const token = tokenPhones(xt.core + JOIN + yt.core, y.prefix);
  return { text: x.text + y.text, keys: [...new Set(keysOf(token))], prefix: y.prefix };
}

export interface Fts5MatchOptions {
  readonly textColumn?: string;
  readonly keysColumn?: string;
  /**
   * 'all' (default, for type-ahead): every typed token must match a stored one.
   * 'any' (for the duplicate check when a record is saved): candidates sharing at least
   * one token, to be ranked with compareNames; it also finds a stored name that lacks
   * one of the typed tokens (Mohamed Lamine Diallo / Mohamed Diallo).
   */
  readonly mode?: 'all' | 'any';
}

const COLUMN = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** An FTS5 string literal: double quotes, inner quotes doubled. No operator can leak in. */
function literal(term: string, prefix: boolean): string {
  return `"${term.replace(/"/g, '""')}"${prefix ? '*' : ''}`;
}

/**
 * The FTS5 MATCH expression for what the user has typed, or null when there is nothing
 * to search. Bind it as a parameter (`WHERE person_fts MATCH ?`), never concatenate.
 */
export function nameFts5Match(typed: string, options: Fts5MatchOptions = {}): string | null {
  const textColumn = options.textColumn ?? 'name_text';
  const keysColumn = options.keysColumn ?? 'name_keys';
  if (!COLUMN.test(textColumn) || !COLUMN.test(keysColumn)) throw new Error('invalid FTS5 column name');
  const groups = nameQueryTerms(typed);
  if (groups.length === 0) return null;
  const clause = (g: NameQueryGroup): string => {
    const alternatives = [
      `${textColumn} : ${literal(g.text, g.prefix)}`,
      ...g.keys.map((k) => `${keysColumn} : ${literal(k, g.prefix)}`),
    ];
    return `(${alternatives.join(' OR ')})`;
  };
  // Each typed token alone, or an adjacent pair glued into one stored word (Fatimazahra)
  // while the other tokens match on their own.
  const tokens = parseName(typed, true);
  const readings = [groups];
  for (let i = 0; i + 1 < groups.length; i++) {
    const [x, y, xt, yt] = [groups[i], groups[i + 1], tokens[i], tokens[i + 1]];
    if (!x || !y || !xt || !yt || xt.script !== yt.script) continue;
    readings.push([...groups.slice(0, i), glued(x, y, xt, yt), ...groups.slice(i + 2)]);
  }
  if (options.mode === 'any') return [...new Set(readings.flat().map(clause))].join(' OR ');
  const expressions = readings.map((r) => r.map(clause).join(' AND '));
  return expressions.length === 1 ? (expressions[0] ?? null) : expressions.map((e) => `(${e})`).join(' OR ');
}
