/**
 * Identity document numbers (passport, residence card, CIN, UNHCR certificate, refugee
 * card, consular card) as one comparable form: upper case, separators removed, digits
 * folded. "ab 123-456", "AB.123.456", "AB/123456" and "AB١٢٣٤٥٦" are all "AB123456".
 *
 * Look-alike characters are NOT merged (O/0, I/1, S/5, B/8). A document number is an
 * identifier, not a name: two different documents can differ in exactly that character,
 * and many formats mix letters and digits in the same positions (UNHCR individual
 * numbers, passports, Moroccan residence cards). "Same passport number" is shown to
 * intake staff as near-proof that two records are one person; merging look-alikes would
 * let a typo or an OCR slip link two people's files, which is worse (wrong case, data of
 * one person shown in another's file) than missing a duplicate that the name and phone
 * checks can still catch.
 */
import { foldDigitsOnly } from './fold';

/** Separators printed on documents or typed by staff, and the MRZ filler '<'. */
const SEPARATORS = /[\s.\-–—‐‑/\\_,:;'’<|\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * @returns the normalized number, or null when nothing is left or when characters other
 *   than A-Z and 0-9 remain (it is then not a document number we can compare safely).
 */
export function normalizeDocumentNumber(s: string): string | null {
  const folded = foldDigitsOnly(s.normalize('NFKC'))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(SEPARATORS, '');
  if (folded.length === 0 || !/^[A-Z0-9]+$/.test(folded)) return null;
  return folded;
}
