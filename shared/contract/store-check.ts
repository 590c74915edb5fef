import { z } from 'zod';
import { channel } from './define';
import { empty } from './common';

/**
 * The store's integrity check (issue #9): damage is looked for before someone needs the
 * record on it. `quick` reads and authenticates every page in use (daily, in the background);
 * `full` also checks every index against its table and every page of the file (weekly, and on
 * demand from Administration). Neither runs inside the unlock: it would cost seconds.
 */
export const STORE_CHECK_KINDS = ['quick', 'full'] as const;
export const storeCheckKindSchema = z.enum(STORE_CHECK_KINDS, { error: 'validation.invalidChoice' });
export type StoreCheckKind = z.infer<typeof storeCheckKindSchema>;

export const storeCheckReportSchema = z.object({
  /** When it finished. */
  at: z.string(),
  kind: storeCheckKindSchema,
  /** Who asked: the schedule, or an administrator from Administration. */
  trigger: z.enum(['schedule', 'administrator']),
  ok: z.boolean(),
  /** SQLite's own lines: pages, trees, tables, indexes and row ids, never a stored value. */
  problems: z.array(z.string()),
  truncated: z.boolean(),
  durationMs: z.number().nonnegative(),
  pagesChecked: z.number().int().nonnegative(),
});
export type StoreCheckReport = z.infer<typeof storeCheckReportSchema>;

export const storeCheckStatusSchema = z.object({
  running: storeCheckKindSchema.nullable(),
  lastQuick: storeCheckReportSchema.nullable(),
  lastFull: storeCheckReportSchema.nullable(),
});
export type StoreCheckStatus = z.infer<typeof storeCheckStatusSchema>;

export const storeCheckChannels = {
  'storeCheck:status': channel({ input: empty, output: storeCheckStatusSchema, access: ['admin'] }),
  /** Starts a check in the background and answers at once; `storeCheck:status` tells when it is done. */
  'storeCheck:run': channel({ input: z.strictObject({ kind: storeCheckKindSchema }), output: storeCheckStatusSchema, access: ['admin'] }),
};
