import { z } from 'zod';

/**
 * The one rule for text that enters the core (issue #9, "Input"). Every string field of the
 * contract is one of these kinds; fields with a closed ASCII format (usernames, codes,
 * dates, country and language codes, cursors) use their own regex, which is stricter still.
 *
 * | kind         | used for                                                     | refused                                   |
 * |--------------|--------------------------------------------------------------|-------------------------------------------|
 * | `multiLine`  | text areas: case summary, status note, enquiry, purpose      | controls except tab and line feed; bidi overrides |
 * | `singleLine` | one line of text: city, clinic name, what is typed in search | every control, U+2028/U+2029; bidi overrides |
 * | `identifier` | names of people and things, phone and document numbers, usernames, keys | every control, U+2028/U+2029; every bidi control and mark; zero-width spaces |
 * | `secret`     | passwords                                                    | every control                             |
 *
 * And for every kind: only well-formed Unicode (no unpaired surrogate: it cannot be stored
 * as UTF-8, becomes U+FFFD, and two different passwords would then derive the same key).
 *
 * Why:
 * - Control characters (C0, DEL, C1) are never typed: they come from bugs or from someone
 *   probing the core. NUL in particular ends strings in C code (SQLite's FTS5 query parser
 *   answered "unterminated string"). Tab and line feed are the only ones a text area makes.
 * - Bidi controls (embeddings, overrides, isolates, U+202A–U+202E, U+2066–U+2069) and marks
 *   (LRM U+200E, RLM U+200F, ALM U+061C) change the displayed order of what follows: in an
 *   Arabic screen, "Ali<RLM>Ahmed" shows as "Ahmed Ali", and an override can show a phone
 *   number's digits reversed. In a name or a number that is how one person is made to look
 *   like another, so `identifier` refuses them all, and also the zero-width spaces (U+200B,
 *   U+2060, U+FEFF) that split a name invisibly. ZWNJ and ZWJ stay: Persian names and
 *   emoji need them.
 * - In other text the marks, embeddings and isolates are allowed: they come with mixed
 *   Arabic/French text pasted from other software and only move words around. Overrides
 *   (LRO U+202D, RLO U+202E) are refused everywhere: they reverse the letters themselves
 *   and no keyboard or ordinary paste produces them.
 * - Passwords are never displayed, so bidi characters are harmless there (some Arabic
 *   keyboards type RLM); controls are refused like everywhere else.
 * - Search boxes use `singleLine`: controls are refused (VALIDATION), anything else is
 *   searched as text (search folding drops the bidi marks; FTS5 and LIKE get it escaped).
 *
 * The rule is checked after trimming, on what is stored: a pasted trailing tab or line feed
 * in a one-line field is trimmed away rather than refused.
 */
export type TextKind = 'multiLine' | 'singleLine' | 'identifier' | 'secret';

export const INVALID_CHARACTERS = 'validation.invalidCharacters';

const isSurrogate = (cp: number) => cp >= 0xd800 && cp <= 0xdfff;
/** C0 controls, DEL and C1 controls. */
const isControl = (cp: number) => cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f);
const isLineOrParagraphSeparator = (cp: number) => cp === 0x2028 || cp === 0x2029;
const isBidiOverride = (cp: number) => cp === 0x202d || cp === 0x202e;
/** ALM, LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI. */
const isBidiControlOrMark = (cp: number) => cp === 0x061c || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
/** Zero-width space, word joiner, zero-width no-break space (BOM). */
const isZeroWidthSpace = (cp: number) => cp === 0x200b || cp === 0x2060 || cp === 0xfeff;

function refused(cp: number, kind: TextKind): boolean {
  if (isSurrogate(cp)) return true;
  if (isControl(cp)) return !(kind === 'multiLine' && (cp === 0x09 || cp === 0x0a));
  if (kind === 'secret') return false;
  if (kind !== 'multiLine' && isLineOrParagraphSeparator(cp)) return true;
  if (kind === 'identifier') return isBidiControlOrMark(cp) || isZeroWidthSpace(cp);
  return isBidiOverride(cp);
}

/** True when every character of `value` is allowed in a field of this kind. */
export function isAllowedText(value: string, kind: TextKind): boolean {
  // for…of walks code points: a well-formed surrogate pair arrives as one code point above
  // U+FFFF, so only an unpaired surrogate is seen in the surrogate range.
  for (const ch of value) {
    if (refused(ch.codePointAt(0) ?? 0, kind)) return false;
  }
  return true;
}

/**
 * A trimmed text field of this kind, at most `max` characters (UTF-16 units, as before).
 * Empty is allowed (an empty form input means "not given"); wrap it in `nonEmpty` (fields.ts)
 * or add `.min(1, …)` to require it.
 */
export function textSchema(kind: TextKind, max: number, messages: { type?: string; tooLong?: string } = {}) {
  return z
    .string({ error: messages.type ?? 'validation.invalid' })
    .trim()
    .max(max, messages.tooLong ?? 'validation.tooLong')
    .refine((v) => isAllowedText(v, kind), INVALID_CHARACTERS);
}
