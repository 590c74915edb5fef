import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../../db/schema/store';
import { withTransaction } from '../../db/transaction';
import { IDLE_LOCK_MINUTES } from '../../shared/contract/settings';
import { appendAudit, type AuditEvent } from './audit';
import { Backups } from './backups';
import { RENDER_LIMITS, type RenderLimits } from './documents/render-client';
import type { Session } from './sessions';
import { StoreChecks } from './store-checks';
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
  /** A damaged folder's files were moved aside: recorded in the next clinic's audit log. */
  setAside: { movedTo: string; problems: string[]; at: string } | null = null;

  readonly checks: StoreChecks;
  readonly backups: Backups;

  constructor(
    readonly vault: Vault,
    readonly now: () => Date,
    serial: <T>(task: () => Promise<T>) => Promise<T>,
    readonly nativeBinding: string | undefined,
    readonly renderLimits: RenderLimits = RENDER_LIMITS,
  ) {
    this.throttle = new LoginThrottle((fn) => vault.k(fn), now);
    this.checks = new StoreChecks(vault, now, serial, nativeBinding);
    this.backups = new Backups(vault, now, serial, nativeBinding, (event) => this.audit(event));
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /**
   * Records an event outside a handler's transaction: straight into the audit log when the
   * store is open, otherwise (or when the store cannot take it, e.g. a full disk) into the
   * keyring's pending queue until the next unlock. Never throws: an event that cannot be
   * written anywhere is reported on the console and must not undo what already happened
   * (a lock that could not be recorded is still a lock).
   */
  async audit(event: AuditEvent): Promise<void> {
    const store = this.vault.openStore;
    if (store) {
      try {
        await withTransaction(store.db, (trx) => appendAudit(trx, event, this.nowIso()));
        return;
      } catch (error) {
        console.error('[core] audit entry queued, the store refused it:', (error as Error).message);
      }
    }
    try {
      this.vault.k((db) =>
        db
          .prepare('INSERT INTO pending_audit (at, account_id, action, outcome, details) VALUES (?, ?, ?, ?, ?)')
          .run(this.nowIso(), event.accountId, event.action, event.outcome, event.details ? JSON.stringify(event.details) : null),
      );
    } catch (error) {
      console.error(`[core] audit entry lost (${event.action}):`, (error as Error).message);
    }
  }

  /** Moves queued events into the audit log, inside the unlocking transaction. */
  async flushPendingAudit(trx: Kysely<StoreDatabase>): Promise<void> {
    const rows = this.vault.k(
      (db) =>
        db.prepare('SELECT * FROM pending_audit ORDER BY id').all() as {
          id: number;
          at: string;
          account_id: number | null;
          action: string;
          outcome: AuditEvent['outcome'];
          details: string | null;
        }[],
    );
    for (const row of rows) {
      const details = { ...(row.details ? (JSON.parse(row.details) as Record<string, unknown>) : {}), queued: true, queuedAt: row.at };
      await appendAudit(trx, { accountId: row.account_id, action: row.action, outcome: row.outcome, details }, this.nowIso());
    }
    const last = rows.at(-1);
    if (last) this.vault.k((db) => db.prepare('DELETE FROM pending_audit WHERE id <= ?').run(last.id));
  }

  async loadIdleLockMinutes(db: Kysely<StoreDatabase>): Promise<void> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', 'idle_lock_minutes').executeTakeFirst();
    const value = row ? Number(JSON.parse(row.value)) : IDLE_LOCK_MINUTES.default;
    this.idleLockMinutes = Number.isInteger(value) ? value : IDLE_LOCK_MINUTES.default;
  }

  isIdle(session: Session): boolean {
    return this.now().getTime() - session.lastActivityMs > this.idleLockMinutes * 60_000;
  }

  /**
   * Locks one session; the last unlocked session to go closes the store and forgets the key.
   * Fails closed: the state changes and the key is dropped before the event is recorded, so a
   * full disk or a damaged store can delay the audit entry (queued) but never the lock.
   */
  async lock(session: Session, action: 'auth:lock' | 'auth:autoLock'): Promise<void> {
    if (session.state === 'locked') return;
    session.state = 'locked';
    await this.closeStoreIfUnused();
    await this.audit({ accountId: session.accountId, action, outcome: 'ok' });
  }

  /** Ends a window's session (sign-out, window closed), key first, record second. */
  async end(clientId: string, action: string | null): Promise<void> {
    const session = this.sessions.get(clientId);
    if (!session) return;
    this.sessions.delete(clientId);
    await this.closeStoreIfUnused();
    if (action) await this.audit({ accountId: session.accountId, action, outcome: 'ok' });
  }

  async closeStoreIfUnused(): Promise<void> {
    if ([...this.sessions.values()].some((s) => s.state === 'unlocked')) return;
    // Started before the key is dropped: the backup's worker keeps its own copy until it ends.
    if (this.vault.openStore) this.backups.beforeStoreCloses();
    this.checks.storeClosing();
    await this.vault.closeStore();
  }

  /**
   * Replaces the clinic's files (a restore, or undoing one). Every window is signed out and
   * the store and keyring are closed first; a background check is ended and waited for
   * (Windows does not rename a file another connection holds open). Then `swap` runs, and the
   * folder is read again so the next sign-in opens whatever it now holds. What the core
   * remembered of the clinic that went (check and backup results, settings) is forgotten.
   * No backup starts here, unlike at an ordinary last sign-out: the clinic that goes is kept
   * whole in its `replaced-…` folder.
   */
  async replaceClinic<T>(swap: () => T): Promise<T> {
    this.sessions.clear();
    await this.checks.stop();
    await this.vault.close();
    try {
      return swap();
    } finally {
      this.vault.inspect();
      this.checks.forgetClinic();
      this.backups.forgetClinic();
      this.idleLockMinutes = IDLE_LOCK_MINUTES.default;
      this.setAside = null;
    }
  }

  /** The core's own idle lock: it does not trust the renderer's timer alone. */
  async lockIdleSessions(): Promise<void> {
    for (const session of this.sessions.values()) {
      if (session.state === 'unlocked' && this.isIdle(session)) await this.lock(session, 'auth:autoLock');
    }
  }
}
