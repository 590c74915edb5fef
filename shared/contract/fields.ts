import { z } from 'zod';
import { textSchema } from './text';

// Field schemas shared by the registry forms. An empty string means "not given" so that
// form inputs can stay plain text boxes; the core stores it as NULL. Every free-text field
// is one of the kinds of ./text.ts (which says what each refuses, and why).

/** Text areas: summaries, notes, enquiries. Keeps tab and line feed. */
export const multiLineText = (max: number) => textSchema('multiLine', max);
/** One line of ordinary text: a city, the clinic's name, what is typed in a search box. */
export const singleLineText = (max: number) => textSchema('singleLine', max);
/** Names of people and things, phone and document numbers: no bidi control, mark or zero-width space. */
export const identifierText = (max: number) => textSchema('identifier', max);
/** The same field, required: empty (after trimming) is refused. */
export const nonEmpty = (schema: z.ZodString) => schema.min(1, 'validation.required');

/** The clinic's name, shown on the login screen and on every document. */
export const clinicNameSchema = nonEmpty(textSchema('singleLine', 160, { type: 'validation.required' }));
/** The same name in Arabic script: optional (the Latin name stands in on Arabic documents). */
export const clinicNameArSchema = textSchema('singleLine', 160);

/**
 * For a rule across fields (`superRefine` on an object): zod skips it when any field already
 * failed, so a form would show "give a name" only after every other error was fixed. With
 * this it runs whatever else failed, and a form shows all its errors at once (issue #10).
 * The rule must then cope with fields of the wrong type (it only tests truthiness here).
 */
export const alongOtherErrors = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };

/** A calendar date as YYYY-MM-DD text (never a timestamp: it must not move with the clock). */
export const isoDateSchema = z
  .string({ error: 'validation.invalid' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.dateFormat')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'validation.dateFormat');
export const optionalDateSchema = z.union([z.literal(''), isoDateSchema]);

export const countryCodeSchema = z.union([z.literal(''), z.string().regex(/^[A-Z]{2}$/, 'validation.invalidChoice')]);

/** An opaque page cursor (base64url, electron/core/registry/cursor.ts): nothing else is accepted. */
export const cursorSchema = z.string({ error: 'validation.invalid' }).max(400).regex(/^[A-Za-z0-9_-]*$/, 'validation.invalid').optional();
export const pageLimitSchema = z.number().int().min(1).max(200).default(50);

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

