import { z } from 'zod';
import { channel } from './define';
import {
  empty,
  fullNameSchema,
  languageSchema,
  newPasswordSchema,
  refinePasswordAgainstUsername,
  required,
  usernameSchema,
} from './common';
import { sessionInfoSchema } from './session';

/** Clinic prefix of case references: `RBT` in `RBT-2026-00042`. */
export const casePrefixSchema = z
  .string({ error: required })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2,6}$/, 'validation.casePrefixFormat');

export const clinicNameSchema = z.string({ error: required }).trim().min(1, required).max(160, 'validation.tooLong');

export const setupInputSchema = z.strictObject({
  clinicName: clinicNameSchema,
  casePrefix: casePrefixSchema,
  defaultLanguage: languageSchema,
  admin: z
    .strictObject({ fullName: fullNameSchema, username: usernameSchema, password: newPasswordSchema })
    .superRefine((admin, ctx) => refinePasswordAgainstUsername(admin, ctx, ['password'])),
});
export type SetupInput = z.input<typeof setupInputSchema>;

export const setupStatusSchema = z.object({
  initialized: z.boolean(),
  /** Shown before anyone signs in: the login screen's language and title. */
  defaultLanguage: languageSchema,
  clinicName: z.string().nullable(),
});

export const setupChannels = {
  'setup:status': channel({ input: empty, output: setupStatusSchema, access: 'public' }),
  'setup:initialize': channel({
    input: setupInputSchema,
    output: z.object({ recoveryKey: z.string(), session: sessionInfoSchema }),
    access: 'public',
  }),
};
