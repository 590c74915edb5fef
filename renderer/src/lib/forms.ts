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
