import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../../db/schema/store';
import { withTransaction } from '../../db/transaction';
import { IDLE_LOCK_MINUTES } from '../../shared/contract/settings';
import { appendAudit, type AuditEvent } from './audit';
import { RENDER_LIMITS, type RenderLimits } from './documents/render-client';
import type { Session } from './sessions';
import { LoginThrottle } from './throttle';
import type { Vault } from './vault';

/**
 * What the handlers share: the vault, the sessions of the open windows, the clock, the
 * bounds of PDF rendering.
 * The store is open exactly while at least one session is unlocked.
 */
export class CoreState {
  readonly sessions = new Map<string, Session>();
  readonly throttle: LoginThrottle;
  idleLockMinutes: number = IDLE_LOCK_MINUTES.default;

  constructor(
    readonly vault: Vault,
    readonly now: () => Date,
    readonly renderLimits: RenderLimits = RENDER_LIMITS,
  ) {
    this.throttle = new LoginThrottle(vault.keyringSqlite, now);
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /**
   * Records an event outside a handler's transaction: straight into the audit log when the
   * store is open, otherwise into the keyring's pending queue until the next unlock.
   */
  async audit(event: AuditEvent): Promise<void> {
    const store = this.vault.openStore;
    if (store) {
      await withTransaction(store.db, (trx) => appendAudit(trx, event, this.nowIso()));
      return;
    }
    this.vault.keyringSqlite
      .prepare('INSERT INTO pending_audit (at, account_id, action, outcome, details) VALUES (?, ?, ?, ?, ?)')
      .run(this.nowIso(), event.accountId, event.action, event.outcome, event.details ? JSON.stringify(event.details) : null);
  }

  /** Moves queued events into the audit log, inside the unlocking transaction. */
  async flushPendingAudit(trx: Kysely<StoreDatabase>): Promise<void> {
    const rows = this.vault.keyringSqlite.prepare('SELECT * FROM pending_audit ORDER BY id').all() as {
      id: number;
      at: string;
      account_id: number | null;
      action: string;
      outcome: AuditEvent['outcome'];
      details: string | null;
    }[];
    for (const row of rows) {
      const details = { ...(row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {}), queued: true, queuedAt: row.at };
      await appendAudit(trx, { accountId: row.account_id, action: row.action, outcome: row.outcome, details }, this.nowIso());
    }
    if (rows.length > 0) this.vault.keyringSqlite.prepare('DELETE FROM pending_audit WHERE id <= ?').run(rows.at(-1)!.id);
  }

  async loadIdleLockMinutes(db: Kysely<StoreDatabase>): Promise<void> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'idle_lock_minutes').executeTakeFirst();
    const value = row ? Number(JSON.parse(row.value)) : IDLE_LOCK_MINUTES.default;
    this.idleLockMinutes = Number.isInteger(value) ? value : IDLE_LOCK_MINUTES.default;
  }

  isIdle(session: Session): boolean {
    return this.now().getTime() - session.lastActivityMs > this.idleLockMinutes * 60_000;
  }

  /** Locks one session; the last unlocked session to go closes the store and forgets the key. */
  async lock(session: Session, action: 'auth:lock' | 'auth:autoLock'): Promise<void> {
    if (session.state === 'locked') return;
    await this.audit({ accountId: session.accountId, action, outcome: 'ok' });
    session.state = 'locked';
    await this.closeStoreIfUnused();
  }

  async end(clientId: string, action: string | null): Promise<void> {
    const session = this.sessions.get(clientId);
    if (!session) return;
    if (action) await this.audit({ accountId: session.accountId, action, outcome: 'ok' });
    this.sessions.delete(clientId);
    await this.closeStoreIfUnused();
  }

  async closeStoreIfUnused(): Promise<void> {
    if (![...this.sessions.values()].some((s) => s.state === 'unlocked')) await this.vault.closeStore();
  }

  /** The core's own idle lock: it does not trust the renderer's timer alone. */
  async lockIdleSessions(): Promise<void> {
    for (const session of this.sessions.values()) {
      if (session.state === 'unlocked' && this.isIdle(session)) await this.lock(session, 'auth:autoLock');
    }
  }
}
