/**
 * The recovery-key check (issue #13): a backup nobody can open is no backup, and the recovery
 * key is the only thing that opens one. Every so often the administrator types it to prove
 * the printed sheet is still at hand. Shared by the core (when it is due) and the screens.
 */
export const RECOVERY_CHECK_DAYS = 90;

/** When the next check is due after a proof at `provenAt` (null: never proven, due now). */
export function recoveryCheckDue(provenAt: string | null, now: Date): { due: boolean; dueAt: string | null } {
  if (!provenAt) return { due: true, dueAt: null };
  const dueAt = new Date(Date.parse(provenAt) + RECOVERY_CHECK_DAYS * 24 * 3600_000);
  return { due: now.getTime() >= dueAt.getTime(), dueAt: dueAt.toISOString() };
}
