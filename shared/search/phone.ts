/**
 * Phone numbers as one comparable form: country code and national number, digits only
 * (E.164 without the '+'). 0612345678, 06 12 34 56 78, 06-12-34-56-78, +212612345678,
 * 00212612345678, 212612345678, +212 (0)6 12 34 56 78 and the same in Arabic-Indic
 * digits are all 212612345678; +33 6 12 34 56 78 stays 33612345678.
 *
 * Deliberately no country-specific parsing library: the registry needs equality of the
 * numbers people give, not validation of every numbering plan. Morocco, the default, is
 * checked strictly (nine national digits starting 5-8) because almost every number at a
 * Moroccan clinic is Moroccan and a wrong default would silently merge different people.
 */
import { foldDigitsOnly } from './fold';

export const DEFAULT_COUNTRY_CODE = '212';

/** E.164: at most 15 digits including the country code. */
const MAX_DIGITS = 15;
/** Shortest plausible international number (small countries: 7-digit national numbers). */
const MIN_DIGITS = 8;

/** Separators people type or paste between digit groups. */
const SEPARATORS = /[\s.\-–—‐‑/()\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Moroccan national significant numbers: nine digits, 5 fixed, 6/7 mobile, 8 VoIP/others. */
const MOROCCAN_NATIONAL = /^[5-8]\d{8}$/;

function compactDigits(s: string): RegExpExecArray | null {
  // "(0)" after a country code is the trunk prefix printed on business cards: +212 (0)6…
  const compact = foldDigitsOnly(s.normalize('NFKC')).replace(/\(0\)/g, '').replace(SEPARATORS, '');
  return /^(\+|00)?(\d+)$/.exec(compact);
}

/**
 * @param defaultCountry calling code (digits) assumed for numbers without one.
 * @returns country code + national number, digits only, or null when the input is not
 *   a phone number (letters, too few or too many digits, a malformed Moroccan number).
 */
export function normalizePhone(s: string, defaultCountry: string = DEFAULT_COUNTRY_CODE): string | null {
  const m = compactDigits(s);
  if (!m) return null;
  const digits = m[2] ?? '';
  const withCode = m[1] !== undefined
    // 212612345678 typed without + or 00.
    || (digits.startsWith(defaultCountry) && digits.length === defaultCountry.length + 9);
  let full = withCode
    ? digits
    : defaultCountry + (digits.startsWith('0') ? digits.slice(1) : digits); // trunk 0
  // +212 0612345678: the Moroccan trunk 0 kept after the country code. Other countries
  // keep their digits: some national numbers start with 0 (Côte d'Ivoire +225 07…).
  if (full.startsWith('2120')) full = '212' + full.slice(4);
  if (full.length < MIN_DIGITS || full.length > MAX_DIGITS || full.startsWith('0')) return null;
  if (full.startsWith('212') && !MOROCCAN_NATIONAL.test(full.slice(3))) return null;
  return full;
}

/**
 * Digits to look for, as a substring, in stored normalized numbers while a number is
 * still being typed: "06 12 3" → "6123" (trunk 0 dropped), "+2126123" → "2126123".
 * Null below 4 digits, which would match most of the registry.
 */
export function phoneSearchDigits(typed: string, defaultCountry: string = DEFAULT_COUNTRY_CODE): string | null {
  const full = normalizePhone(typed, defaultCountry);
  if (full) return full;
  const m = compactDigits(typed);
  if (!m) return null;
  const digits = m[1] !== undefined ? m[2] ?? '' : (m[2] ?? '').replace(/^0/, '');
  return digits.length >= 4 ? digits : null;
}
