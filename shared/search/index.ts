/**
 * Search and duplicate detection for the beneficiary registry: folding, phonetic keys,
 * name comparison across Arabic and Latin script, phone and document normalization,
 * and the FTS5 terms the database stores and queries. Pure TypeScript (no Node, DOM or
 * Electron): used by the core to index and by the renderer to explain matches.
 */
export { foldArabic, foldLatin, foldText } from './fold';
export { phoneticKeys, tokenPhones, type Script, type TokenPhones } from './phonetic-key';
export { parseName, type NameToken } from './name-tokens';
export {
  NAME_MATCH_THRESHOLD,
  bestNameMatch,
  compareNames,
  compareQueryToName,
  compareTokens,
  type NameMatch,
  type NameMatchReason,
  type TokenMatch,
} from './name-match';
export {
  nameFts5Match,
  nameIndexTerms,
  namePhoneticKeys,
  nameQueryTerms,
  type Fts5MatchOptions,
  type NameIndexTerms,
  type NameQueryGroup,
} from './name-search-terms';
export { DEFAULT_COUNTRY_CODE, normalizePhone, phoneSearchDigits } from './phone';
export { normalizeDocumentNumber } from './document-number';
