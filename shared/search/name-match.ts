/**
 * Is this typed or stored name possibly the same person's name as that one, and why?
 *
 * Names are compared token by token, in any order (family name first on Moroccan
 * documents, last on French forms), and a name with fewer tokens may match a longer one
 * (a missing middle name, a first name alone while typing). Two adjacent tokens may match
 * one token of the other name (Fatima Zahra / Fatimazahra, Abdou Karim / Abdoukarim).
 * Token similarity is a weighted edit distance over phonetic transcriptions
 * (phone-distance.ts); the best one-to-one pairing is chosen greedily, best pair first.
 */
import { JOIN, parseName, type NameToken } from './name-tokens';
import { phoneSimilarity } from './phone-distance';
import { tokenPhones } from './phonetic-key';
import type { PhoneString } from './phones';

/**
 * Two tokens (and two names) match at or above this similarity.
 *
 * Set on the table in test/unit/search/name-pairs.ts (the test prints precision, recall
 * and a sweep of thresholds). At 0.8 the weakest accepted spellings score about 0.81
 * (Mohcine / محسن, Adil / عادل, Mamadou / محمدو) and the strongest rejected near-misses
 * about 0.79 (محمود / Mohamed, Rania / Rana, Mouna / Mounia): the margin is thin, as it is
 * for any matcher working on names alone. A gender ending (Amina / Amine, Samir / Samira)
 * costs 1.5, so those pairs stay near 0.6-0.7. Lowering to 0.75 gains little recall and
 * lets a dozen of the table's different names through.
 *
 * Known limits (see the test output for the current list):
 * - West African forms that add a final vowel to a masculine name (Ibrahima / Ibrahim,
 *   Idrissa / Idris) look exactly like an Arabic feminine (Samira / Samir) and are not
 *   matched; so is Alioune / Aliou (a final -n).
 * - Names that differ only by one written long vowel or glide sit at the threshold in
 *   both directions (Mahmoud / محمد rejected at 0.77, Mohcine / محسن accepted at 0.81),
 *   and a vowel that changes sides of an h is cheap (Ahmed / Hamed wrongly match, 0.81).
 * - While typing, the last word is compared as a prefix and its final vowel is not
 *   trusted yet (typing "Amina" also lists Amine); compareNames on the finished name
 *   applies the ending.
 * - No frequency knowledge: a common name (Mohamed) weighs as much as a rare one;
 *   ranking several candidates is the caller's job.
 */
export const NAME_MATCH_THRESHOLD = 0.8;

export type NameMatchReason = 'exact' | 'spelling' | 'other-script' | 'none';

export interface TokenMatch {
  /** The words of each name that were paired (a compound may span several words). */
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly reason: Exclude<NameMatchReason, 'none'>;
}

export interface NameMatch {
  /** 0..1; at or above NAME_MATCH_THRESHOLD the names may belong to the same person. */
  readonly score: number;
  readonly reason: NameMatchReason;
  /** Which token matched which, for the "why" shown next to a candidate. */
  readonly pairs: readonly TokenMatch[];
}

/** A token or two adjacent tokens of one name, as one comparable unit. */
interface Unit {
  readonly first: number;
  readonly count: number;
  readonly token: NameToken;
}

/** Units of a parsed name, computed once per parse (the glued readings cost a phonetic pass). */
const unitCache = new WeakMap<readonly NameToken[], Unit[]>();

function unitsOf(tokens: readonly NameToken[]): Unit[] {
  const cached = unitCache.get(tokens);
  if (cached) return cached;
  const units = computeUnits(tokens);
  unitCache.set(tokens, units);
  return units;
}

function computeUnits(tokens: readonly NameToken[]): Unit[] {
  const units: Unit[] = tokens.map((token, first) => ({ first, count: 1, token }));
  for (let i = 0; i + 1 < tokens.length; i++) {
    const x = tokens[i];
    const y = tokens[i + 1];
    if (!x || !y || x.script !== y.script) continue;
    const core = x.core + JOIN + y.core;
    const partial = y.partial;
    const token: NameToken = {
      words: [...x.words, ...y.words],
      core,
      script: x.script,
      partial,
      variants: tokenPhones(core, partial).variants,
    };
    units.push({ first: i, count: 2, token });
  }
  return units;
}

/**
 * Registries repeat the same given and family names thousands of times: a typed token is
 * compared with "Mohamed" or "Diallo" once, not once per person who bears it. Bounded.
 */
const similarityCache = new Map<string, number>();
function cachedSimilarity(a: NameToken, b: NameToken): number {
  const key = `${a.partial ? 1 : 0}${a.script}\u0000${a.core}\u0000${b.script}\u0000${b.core}`;
  let sim = similarityCache.get(key);
  if (sim === undefined) {
    sim = compareTokens(a, b);
    if (similarityCache.size >= 50_000) similarityCache.clear();
    similarityCache.set(key, sim);
  }
  return sim;
}

/** Similarity of two tokens in 0..1; `a` may be an unfinished query token. */
export function compareTokens(a: NameToken, b: NameToken): number {
  if (a.core === b.core && !a.partial) return 1;
  if (a.partial && b.core.startsWith(a.core)) return 1;
  const cross = a.script !== b.script;
  const usable = (v: PhoneString): boolean => cross || v[v.length - 1]?.acrossScriptsOnly !== true;
  let best = 0;
  for (const va of a.variants.filter(usable)) {
    for (const vb of b.variants.filter(usable)) {
      best = Math.max(best, phoneSimilarity(va, vb, cross, a.partial).similarity);
    }
  }
  return best;
}

function tokenReason(a: NameToken, b: NameToken): TokenMatch['reason'] {
  if (a.script !== b.script) return 'other-script';
  if (a.core === b.core || (a.partial && b.core.startsWith(a.core))) return 'exact';
  return 'spelling';
}

/**
 * Every token of the shorter name (or of the query, in query mode) must be paired with a
 * token of the other at or above the threshold; the score is then the mean similarity of
 * those tokens. Otherwise the score is the weakest token's similarity, so that
 * score >= NAME_MATCH_THRESHOLD always means "match".
 */
function sideScore(sims: readonly number[]): number {
  const mean = sims.reduce((s, x) => s + x, 0) / sims.length;
  const weakest = Math.min(...sims);
  return weakest >= NAME_MATCH_THRESHOLD ? mean : Math.min(mean, weakest);
}

/**
 * @param queryMode score over `a`'s tokens only: every typed token must be found in `b`,
 *   and `b` may have more (the type-ahead case). Otherwise the shorter name decides.
 */
function match(ta: readonly NameToken[], tb: readonly NameToken[], queryMode: boolean): NameMatch {
  if (ta.length === 0 || tb.length === 0) return { score: 0, reason: 'none', pairs: [] };
  const candidates: { ua: Unit; ub: Unit; sim: number }[] = [];
  for (const ua of unitsOf(ta)) {
    for (const ub of unitsOf(tb)) {
      // Two merged pairs would blur the words' endings (Samir Alaoui / Samira Alaoui);
      // the single tokens already compare them.
      if (ua.count > 1 && ub.count > 1) continue;
      // An unfinished word is a prefix of the first word of any glued pair: pairing it
      // with the pair would take the second word away from the query's other words.
      if (ua.token.partial && ub.count > 1) continue;
      const sim = cachedSimilarity(ua.token, ub.token);
      if (sim > 0) candidates.push({ ua, ub, sim });
    }
  }
  // Best pair first; on a tie, the pairing that covers more tokens (a compound read as one).
  candidates.sort((x, y) => y.sim - x.sim || y.ua.count + y.ub.count - (x.ua.count + x.ub.count));
  const simA = new Array<number>(ta.length).fill(0);
  const simB = new Array<number>(tb.length).fill(0);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: TokenMatch[] = [];
  for (const { ua, ub, sim } of candidates) {
    const ia = range(ua);
    const ib = range(ub);
    if (ia.some((i) => usedA.has(i)) || ib.some((i) => usedB.has(i))) continue;
    ia.forEach((i) => { usedA.add(i); simA[i] = sim; });
    ib.forEach((i) => { usedB.add(i); simB[i] = sim; });
    if (sim >= NAME_MATCH_THRESHOLD) {
      pairs.push({ a: ua.token.words.join(' '), b: ub.token.words.join(' '), score: round(sim), reason: tokenReason(ua.token, ub.token) });
    }
  }
  const score = round(queryMode
    ? sideScore(simA)
    : ta.length === tb.length
      ? Math.max(sideScore(simA), sideScore(simB))
      : sideScore(ta.length < tb.length ? simA : simB));
  if (score < NAME_MATCH_THRESHOLD || pairs.length === 0) return { score, reason: 'none', pairs };
  const reason = pairs.some((p) => p.reason === 'other-script')
    ? 'other-script'
    : pairs.every((p) => p.reason === 'exact') ? 'exact' : 'spelling';
  return { score, reason, pairs };
}

function range(u: Unit): number[] {
  return Array.from({ length: u.count }, (_, k) => u.first + k);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Compare two complete names (any script, any order). Symmetric.
 * A name with fewer tokens matches a longer one when all its tokens are found there.
 */
export function compareNames(a: string, b: string): NameMatch {
  return match(parseName(a), parseName(b), false);
}

/**
 * Compare what the user has typed so far with a stored name: the last typed word may be
 * unfinished (Moham → Mohamed, محم → محمد) and every typed word must be found.
 */
export function compareQueryToName(query: string, name: string): NameMatch {
  return match(parseName(query, true), parseName(name), true);
}

/** How much a reason says, to break ties between equally scored names. */
const REASON_RANK: Readonly<Record<NameMatchReason, number>> = { exact: 3, spelling: 2, 'other-script': 1, none: 0 };

/**
 * Stored names come back from the database again and again while someone types (every
 * keystroke re-ranks the same candidates): their parse (words, compounds, phonetic readings)
 * is kept, bounded, instead of being recomputed for every comparison. Tokens are never
 * mutated, so sharing them is safe.
 */
const PARSED_CACHE_LIMIT = 5_000;
const parsedNames = new Map<string, NameToken[]>();
function parsedStoredName(name: string): NameToken[] {
  let tokens = parsedNames.get(name);
  if (!tokens) {
    tokens = parseName(name);
    if (parsedNames.size >= PARSED_CACHE_LIMIT) parsedNames.clear();
    parsedNames.set(name, tokens);
  }
  return tokens;
}

/** The best match of a query or name against all the names recorded for one person. */
export function bestNameMatch(query: string, names: readonly string[], typing = false): NameMatch {
  let best: NameMatch = { score: 0, reason: 'none', pairs: [] };
  // The query is parsed once, not once per stored name.
  const parsedQuery = parseName(query, typing);
  for (const name of names) {
    const m = match(parsedQuery, parsedStoredName(name), typing);
    if (m.score > best.score || (m.score === best.score && REASON_RANK[m.reason] > REASON_RANK[best.reason])) best = m;
  }
  return best;
}
