import { z } from 'zod';
import { languageSchema, roleSchema } from './common';

export const accountSummarySchema = z.object({
  id: z.number().int(),
  username: z.string(),
  fullName: z.string(),
  role: roleSchema,
  language: languageSchema,
});

export const sessionInfoSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  /** Locked: the renderer may show who is locked out, nothing else. */
  z.object({ state: z.literal('locked'), username: z.string(), fullName: z.string(), language: languageSchema }),
  z.object({
    state: z.literal('unlocked'),
    account: accountSummarySchema,
    idleLockMinutes: z.number().int(),
    mustChangePassword: z.boolean(),
  }),
]);
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
export type UnlockedSession = Extract<SessionInfo, { state: 'unlocked' }>;
