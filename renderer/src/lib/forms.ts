import { z } from 'zod';
import { alongOtherErrors } from '../../../shared/contract/fields';
import { localIsoDate, type DateIssue } from '../../../shared/domain/dates';

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

/**
 * The schema of a form whose dates must not be in the future: the core's own rules
 * (shared/domain/dates.ts) run in the form too, against the computer's today, so that
 * "this date is in the future" shows with every other error instead of after them.
 */
export function withDateRules<S extends z.ZodObject>(schema: S, rules: (value: z.output<S>, today: string) => DateIssue[]) {
  return schema.superRefine((value, ctx) => {
    for (const issue of rules(value, localIsoDate(new Date()))) ctx.addIssue({ code: 'custom', path: issue.path.split('.'), message: issue.message });
  }, alongOtherErrors);
}
