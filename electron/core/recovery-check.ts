import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../../db/schema/store';
import type { RecoveryCheck } from '../../shared/contract/recovery';
import { recoveryCheckDue } from '../../shared/domain/recovery-check';
import { putSetting } from './settings-row';

/** The settings row (key/value JSON) holding when the recovery key was last proven. */
export const RECOVERY_CHECK_SETTING = 'recovery_check';

export async function readRecoveryCheck(db: Kysely<StoreDatabase>, now: Date): Promise<RecoveryCheck> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', RECOVERY_CHECK_SETTING).executeTakeFirst();
  let provenAt: string | null = null;
  try {
    const value = row ? (JSON.parse(row.value) as { provenAt?: unknown }) : null;
    if (typeof value?.provenAt === 'string' && !Number.isNaN(Date.parse(value.provenAt))) provenAt = value.provenAt;
  } catch {
    // an unreadable row counts as never proven: the check is asked for again
  }
  return { provenAt, ...recoveryCheckDue(provenAt, now) };
}

/** The key was typed correctly, or was just created or replaced (shown once, with its sheet). */
export async function markRecoveryProven(db: Kysely<StoreDatabase>, now: Date): Promise<RecoveryCheck> {
  await putSetting(db, RECOVERY_CHECK_SETTING, { provenAt: now.toISOString() });
  return readRecoveryCheck(db, now);
}
