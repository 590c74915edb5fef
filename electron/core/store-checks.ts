import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../../db/schema/store';
import { withTransaction } from '../../db/transaction';
import { storeCheckReportSchema, type StoreCheckKind, type StoreCheckReport, type StoreCheckStatus } from '../../shared/contract/store-check';
import { appendAudit } from './audit';
import { putSetting } from './settings-row';
import { idleWorker } from './documents/render-client';
import { cancelIntegrityChecks, IntegrityCheckCancelled, runIntegrityCheck, type IntegrityResult } from './integrity/integrity-client';
import type { Vault } from './vault';

/** How old the last check of each kind may be before the schedule runs one again. */
export const CHECK_EVERY_MS: Record<StoreCheckKind, number> = { quick: 24 * 3600_000, full: 7 * 24 * 3600_000 };
/** A scheduled check waits this long after the store opens, so it does not compete with the first screens for the disk. */
export const SCHEDULE_DELAY_MS = 30_000;
const SETTING: Record<StoreCheckKind, string> = { quick: 'store_check_quick', full: 'store_check_full' };

type Serial = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * Runs the store's integrity checks in the background (electron/core/integrity/, a worker
 * thread with its own read-only connection) and records their results: in the settings of
 * the store, in the audit log, and in memory, so a damaged store that refuses the write still
 * shows its report to the administrator. Never inside a call: a check takes seconds
 * (docs/PERFORMANCE.md), and the core answers other calls meanwhile.
 */
export class StoreChecks {
  private running: StoreCheckKind | null = null;
  private last: Record<StoreCheckKind, StoreCheckReport | null> = { quick: null, full: null };
  private openedAt = 0;

  constructor(
    private readonly vault: Vault,
    private readonly now: () => Date,
    private readonly serial: Serial,
    private readonly nativeBinding: string | undefined,
  ) {}

  status(): StoreCheckStatus {
    return { running: this.running, lastQuick: this.last.quick, lastFull: this.last.full };
  }

  /** Called inside the unlocking transaction: reads the last reports kept in the store. */
  async storeOpened(db: Kysely<StoreDatabase>): Promise<void> {
    this.openedAt = this.now().getTime();
    const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', [SETTING.quick, SETTING.full]).execute();
    for (const kind of ['quick', 'full'] as const) {
      const row = rows.find((r) => r.key === SETTING[kind]);
      const parsed = row ? storeCheckReportSchema.safeParse(JSON.parse(row.value)) : null;
      // Keep a newer report held in memory (a damaged store may have refused to store it).
      if (parsed?.success && (!this.last[kind] || this.last[kind].at < parsed.data.at)) this.last[kind] = parsed.data;
    }
  }

  /** The store is closing: a running check is ended; it holds its own copy of the key. */
  storeClosing(): void {
    if (this.running) void cancelIntegrityChecks();
  }

  /** Ends a running check and waits until its connection to the store file is closed. */
  async stop(): Promise<void> {
    await cancelIntegrityChecks();
  }

  /** The clinic's files were replaced (a restore): its reports belong to the clinic that went. */
  forgetClinic(): void {
    this.running = null;
    this.last = { quick: null, full: null };
    this.openedAt = 0;
  }

  /** Starts the check the schedule asks for, if any (the core's sweep calls this). */
  startIfDue(): void {
    if (!this.vault.openStore || this.running) return;
    // Not beside a PDF worker (one that just rendered waits 20 s for the next document): the
    // two together would take the core past its 300 MB target (docs/PERFORMANCE.md).
    if (idleWorker()) return;
    const now = this.now().getTime();
    if (now - this.openedAt < SCHEDULE_DELAY_MS) return;
    // A full check covers everything a quick one does.
    const age = (kind: StoreCheckKind) => {
      const reports = kind === 'full' ? [this.last.full] : [this.last.quick, this.last.full];
      const latest = Math.max(...reports.map((r) => (r ? Date.parse(r.at) : 0)));
      return now - latest;
    };
    if (age('full') >= CHECK_EVERY_MS.full) this.start('full', 'schedule', null);
    else if (age('quick') >= CHECK_EVERY_MS.quick) this.start('quick', 'schedule', null);
  }

  /** Starts a check now unless one is running. Answers at once. */
  start(kind: StoreCheckKind, trigger: StoreCheckReport['trigger'], accountId: number | null): void {
    if (this.running || !this.vault.openStore) return;
    this.running = kind;
    runIntegrityCheck(this.vault.paths.store, this.vault.requireDataKey(), kind, this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}).then(
      (result) => this.serial(() => this.record(report(result, trigger, this.now()), accountId)),
      (error: unknown) => {
        this.running = null;
        if (!(error instanceof IntegrityCheckCancelled)) console.error('[store check] no answer:', (error as Error).message);
      },
    );
  }

  private async record(result: StoreCheckReport, accountId: number | null): Promise<void> {
    this.running = null;
    this.last[result.kind] = result;
    if (!result.ok) console.error(`[store check] ${result.kind} check found damage:`, result.problems.join(' | '));
    const store = this.vault.openStore;
    if (!store) return; // locked meanwhile: the report stays in memory until the next unlock
    try {
      await withTransaction(store.db, async (trx) => {
        await putSetting(trx, SETTING[result.kind], result);
        const details = { kind: result.kind, trigger: result.trigger, problems: result.problems.length, durationMs: Math.round(result.durationMs) };
        await appendAudit(trx, { accountId, action: 'storeCheck:result', outcome: result.ok ? 'ok' : 'failed', details }, this.now().toISOString());
      });
    } catch (error) {
      console.error('[store check] the report could not be written to the store:', (error as Error).message);
    }
  }
}

function report(result: IntegrityResult, trigger: StoreCheckReport['trigger'], at: Date): StoreCheckReport {
  return {
    at: at.toISOString(),
    kind: result.kind,
    trigger,
    ok: result.ok,
    problems: result.problems,
    truncated: result.truncated,
    durationMs: result.durationMs,
    pagesChecked: result.pagesChecked,
  };
}
