import type Database from 'better-sqlite3-multiple-ciphers';

/**
 * Growing delay after failed attempts, per username lookup (unknown usernames too, so the
 * delay does not reveal which exist). Three free tries, then 2 s, 4 s, 8 s … capped at
 * 15 minutes. Counters live in the keyring file: restarting the app does not reset them.
 */
export const FREE_ATTEMPTS = 3;
const MAX_DELAY_SECONDS = 15 * 60;

export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_SECONDS);
}

/** Runs a statement on the keyring (Vault.k: typed keyring faults). */
export type KeyringRunner = <T>(fn: (db: Database.Database) => T) => T;

export class LoginThrottle {
  constructor(
    private readonly keyring: KeyringRunner,
    private readonly now: () => Date,
  ) {}

  /** Seconds to wait before `lookup` may try again (0: go ahead). */
  waitSeconds(lookup: string): number {
    const row = this.keyring(
      (db) =>
        db.prepare('SELECT failures, last_failure_at FROM login_throttle WHERE lookup = ?').get(lookup) as
          | { failures: number; last_failure_at: string }
          | undefined,
    );
    if (!row) return 0;
    const readyAt = Date.parse(row.last_failure_at) + delayAfter(row.failures) * 1000;
    return Math.max(0, Math.ceil((readyAt - this.now().getTime()) / 1000));
  }

  recordFailure(lookup: string): void {
    this.keyring((db) =>
      db
        .prepare(
          `INSERT INTO login_throttle (lookup, failures, last_failure_at) VALUES (?, 1, ?)
           ON CONFLICT (lookup) DO UPDATE SET failures = failures + 1, last_failure_at = excluded.last_failure_at`,
        )
        .run(lookup, this.now().toISOString()),
    );
  }

  reset(lookup: string): void {
    this.keyring((db) => db.prepare('DELETE FROM login_throttle WHERE lookup = ?').run(lookup));
  }
}
