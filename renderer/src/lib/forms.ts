import { z } from 'zod';

/**
 * Wraps a channel's input schema with a "confirm the password" field. The channel's schema
 * stays the single source of the rules; the form only adds what the core never sees.
 */
export function withPasswordConfirm<S extends z.ZodType>(schema: S, password: (input: z.output<S>) => string) {
  return z
    .object({ input: schema, passwordConfirm: z.string() })
    .superRefine((value, ctx) => {
      const { input, passwordConfirm } = value as { input: z.output<S>; passwordConfirm: string };
      if (passwordConfirm !== password(input)) {
        ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'validation.passwordMismatch' });
      }
    });
}

/**
 * What an <input type="number"> holds (text) as the number the contract expects: the
 * contract never coerces (issue #9), so the form converts, as zod's coerce did before
 * (`Number(text)`: "" is 0, "4.5" stays 4.5 for the schema to refuse, "abc" is NaN).
 */
export const numberInput = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

/** The same for a number that may be left blank: "" stays "" ("not given"). */
export const optionalNumberInput = (value: unknown): number | '' => (value === '' ? '' : numberInput(value));
