import { z } from 'zod';

/**
 * Field schemas shared by the registry forms. An empty string means "not given" so that
 * form inputs can stay plain text boxes; the core stores it as NULL.
 */
export const optionalText = (max: number) => z.string({ error: 'validation.invalid' }).trim().max(max, 'validation.tooLong');
export const requiredText = (max: number) => optionalText(max).min(1, 'validation.required');

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

export const cursorSchema = z.string().max(400).optional();
export const pageLimitSchema = z.number().int().min(1).max(200).default(50);

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
