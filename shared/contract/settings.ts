import { z } from 'zod';
import { channel } from './define';
import { empty, languageSchema } from './common';
import { clinicNameArSchema, clinicNameSchema } from './fields';

export const IDLE_LOCK_MINUTES = { min: 1, max: 60, default: 5 } as const;

export const settingsSchema = z.object({
  clinicName: z.string(),
  clinicNameAr: z.string(),
  casePrefix: z.string(),
  defaultLanguage: languageSchema,
  idleLockMinutes: z.number().int(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const updateSettingsInputSchema = z.strictObject({
  clinicName: clinicNameSchema,
  /** Left out: unchanged ('' removes it). */
  clinicNameAr: clinicNameArSchema.optional(),
  defaultLanguage: languageSchema,
  // A number, never coerced ("5" or [5] is refused); the form converts its input's text.
  idleLockMinutes: z
    .number({ error: 'validation.idleLockRange' })
    .int('validation.idleLockRange')
    .min(IDLE_LOCK_MINUTES.min, 'validation.idleLockRange')
    .max(IDLE_LOCK_MINUTES.max, 'validation.idleLockRange'),
});
export type UpdateSettingsInput = z.input<typeof updateSettingsInputSchema>;

export const settingsChannels = {
  'settings:get': channel({ input: empty, output: settingsSchema, access: 'unlocked' }),
  'settings:update': channel({ input: updateSettingsInputSchema, output: settingsSchema, access: ['admin'] }),
};
