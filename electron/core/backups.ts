import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { statSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../../db/schema/store';
import { withTransaction } from '../../db/transaction';
import { backupSettingsInputSchema, BACKUP_FAILURE_CODES, type BackupFailureCode, type BackupSettings, type BackupStatus } from '../../shared/contract/backup';
import { BACKUP_DEFAULTS, looksLikeCloudFolder } from '../../shared/domain/backup';
import { appendAudit, type AuditEvent } from './audit';
import { idleWorker } from './documents/render-client';
import { putSetting } from './settings-row';
import { backupJobRunning, cancelBackupJob, startBackupJob, type BackupOutcome } from './backup/backup-client';
import type { BackupProgress } from './backup/write';
import { passphraseLock, type PassphraseLock } from './backup/keys';
import type { Vault } from './vault';
import type { BackupsTable } from '../../db/schema/store/backups';

/** The settings row's key in `settings` (key/value JSON, like idle_lock_minutes). */
export const BACKUP_SETTING = 'backup';
/** The backup passphrase's KEK (keys.ts PassphraseLock), base64, with when it was set. */
export const BACKUP_PASSPHRASE_SETTING = 'backup_passphrase';
const passphraseRowSchema = z.object({ kdf: z.string(), kek: z.string(), setAt: z.string() });
/** The schedule makes at least one backup a day while the clinic is open… */
export const AUTO_BACKUP_EVERY_MS = 24 * 3600_000;
/** …and none, scheduled or at sign-out, within an hour of the last attempt (a failing drive is not retried every minute). */
export const AUTO_BACKUP_GAP_MS = 3600_000;
/** A scheduled backup waits this long after the store opens, so it does not compete with the first screens for the disk. */
export const AUTO_BACKUP_DELAY_MS = 30_000;

export type BackupTrigger = 'administrator' | 'schedule' | 'signOut';
type Stored = Omit<BackupSettings, 'cloudWarning' | 'passphraseSetAt'>;
type Serial = <T>(task: () => Promise<T>) => Promise<T>;

/** One attempt, as the `backups` table holds it. */
type Row = BackupsTable;
interface JobMeta {
  jobId: string;
  trigger: BackupTrigger;
  accountId: number | null;
  folder: string;
  startedAt: Date;
}

/** Overall percent at the start of each phase: the checks are most of the time (docs/BACKUP.md). */
const PHASE_SPAN: Record<BackupProgress['phase'], [number, number]> = {
  snapshot: [0, 10],
  write: [10, 45],
  verify: [45, 65],
  check: [65, 95],
  rename: [95, 99],
  done: [100, 100],
};

/**
 * Backups as the core runs them (issue #13): the settings, the one running job (a worker
 * thread, backup/backup-client.ts), the record of each attempt (`backups` table and the
 * audit log), and the schedule. What the status needs is kept in memory too, so it answers
 * without a query and survives a store that refuses the write.
 *
 * A backup started while the store is open holds its own copy of the data key (in the worker)
 * until it ends, even if the last session locks meanwhile: that is what a backup at sign-out
 * is. The copy is zeroed by the worker when the backup ends, and `shutdown` ends it on quit.
 */
export class Backups {
  private settings: Stored = { ...BACKUP_DEFAULTS };
  private lastOk: Row | null = null;
  private lastFailed: Row | null = null;
  private lastAttemptMs = 0;
  private running: { jobId: string; phase: BackupProgress['phase']; percent: number } | null = null;
  /** Attempts that ended while the store was closed: written at the next unlock. */
  private pending: Row[] = [];
  private openedAt = 0;
  /** The running job's record and outcome, for `shutdown` to write its end before the store closes. */
  private job: { meta: JobMeta; outcome: Promise<BackupOutcome> } | null = null;
  private quitting = false;
  /** Read from the store at unlock; dropped (zeroed) when the clinic is replaced. */
  private passphrase: (PassphraseLock & { setAt: string }) | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly now: () => Date,
    private readonly serial: Serial,
    private readonly nativeBinding: string | undefined,
    /** CoreState.audit: straight into the log, or queued in the keyring while the store is closed. */
    private readonly auditOutside: (event: AuditEvent) => Promise<void>,
  ) {}

  /** Inside the unlocking transaction: writes what ended while locked, then reads settings and the last results. */
  async storeOpened(db: Kysely<StoreDatabase>): Promise<void> {
    this.openedAt = this.now().getTime();
    for (const row of this.pending.splice(0)) await db.insertInto('backups').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
    const setting = await db.selectFrom('settings').select('value').where('key', '=', BACKUP_SETTING).executeTakeFirst();
    const parsed = setting ? backupSettingsInputSchema.safeParse(JSON.parse(setting.value)) : null;
    this.settings = parsed?.success ? parsed.data : { ...BACKUP_DEFAULTS };
    const lockRow = await db.selectFrom('settings').select('value').where('key', '=', BACKUP_PASSPHRASE_SETTING).executeTakeFirst();
    const lock = lockRow ? passphraseRowSchema.safeParse(JSON.parse(lockRow.value)) : null;
    this.dropPassphrase();
    if (lock?.success) this.passphrase = { kdf: lock.data.kdf, kek: Buffer.from(lock.data.kek, 'base64'), setAt: lock.data.setAt };
    const latest = (outcome: Row['outcome']) => db.selectFrom('backups').selectAll().where('outcome', '=', outcome).orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
    const [ok, failed] = [await latest('ok'), await latest('failed')];
    // A newer result held in memory (a store that refused the write) wins over the table.
    if (ok && (!this.lastOk || this.lastOk.finished_at < ok.finished_at)) this.lastOk = ok;
    if (failed && (!this.lastFailed || this.lastFailed.finished_at < failed.finished_at)) this.lastFailed = failed;
    const attempt = await db.selectFrom('backups').select((eb) => eb.fn.max('started_at').as('at')).executeTakeFirst();
    if (attempt?.at) this.lastAttemptMs = Math.max(this.lastAttemptMs, Date.parse(attempt.at));
  }

  view(): BackupSettings {
    return { ...this.settings, cloudWarning: looksLikeCloudFolder(this.settings.folder), passphraseSetAt: this.passphrase?.setAt ?? null };
  }

  /**
   * Sets the passphrase that also opens the backups made from now on ('' removes it; earlier
   * backups keep whatever opened them). Only its Argon2id KEK is kept (keys.ts).
   */
  async setPassphrase(db: Kysely<StoreDatabase>, passphrase: string): Promise<BackupSettings> {
    if (passphrase === '') {
      await db.deleteFrom('settings').where('key', '=', BACKUP_PASSPHRASE_SETTING).execute();
      this.dropPassphrase();
      return this.view();
    }
    const lock = await passphraseLock(passphrase);
    const setAt = this.now().toISOString();
    await putSetting(db, BACKUP_PASSPHRASE_SETTING, { kdf: lock.kdf, kek: Buffer.from(lock.kek).toString('base64'), setAt });
    this.dropPassphrase();
    this.passphrase = { ...lock, setAt };
    return this.view();
  }

  private dropPassphrase(): void {
    this.passphrase?.kek.fill(0);
    this.passphrase = null;
  }

  /** Stores settings the handler validated (folder checked on disk). */
  async save(db: Kysely<StoreDatabase>, settings: Stored): Promise<BackupSettings> {
    await putSetting(db, BACKUP_SETTING, settings);
    this.settings = { ...settings };
    return this.view();
  }

  status(): BackupStatus {
    const now = this.now().getTime();
    const { folder, warnAfterDays } = this.settings;
    const ok = this.lastOk;
    const failed = this.lastFailed && (!ok || ok.finished_at < this.lastFailed.finished_at) ? this.lastFailed : null;
    return {
      running: this.running ? { phase: this.running.phase, percent: this.running.percent } : null,
      last: ok ? { at: ok.finished_at, file: ok.file_name ?? '', folder: ok.folder, bytes: ok.bytes ?? 0 } : null,
      lastFailure: failed ? { at: failed.finished_at, code: failureCode(failed.error_code) } : null,
      stale: !ok || now - Date.parse(ok.finished_at) > warnAfterDays * 24 * 3600_000,
      folderMissing: folder !== '' && !isFolder(folder),
      cloudWarning: looksLikeCloudFolder(folder),
      configured: folder !== '',
    };
  }

  isRunning(): boolean {
    return this.running !== null || backupJobRunning();
  }

  /**
   * Starts a backup into the configured folder now. Returns its job id, or null when one is
   * running, no folder is set, or the store is closed (no key). Answers at once.
   */
  start(trigger: BackupTrigger, accountId: number | null): string | null {
    const folder = this.settings.folder;
    if (this.isRunning() || folder === '' || !this.vault.openStore) return null;
    const jobId = randomUUID();
    const startedAt = this.now();
    const job = startBackupJob({
      dataDir: this.vault.paths.dir,
      dataKey: this.vault.requireDataKey(),
      targetDir: folder,
      now: startedAt,
      keep: { daily: this.settings.keepDaily, weekly: this.settings.keepWeekly, monthly: this.settings.keepMonthly },
      nativeBinding: this.nativeBinding,
      passphraseLock: this.passphrase ?? undefined,
      onProgress: (p) => {
        if (this.running?.jobId !== jobId) return;
        const [from, to] = PHASE_SPAN[p.phase];
        this.running.phase = p.phase;
        this.running.percent = Math.round(from + (to - from) * (p.total > 0 ? Math.min(1, p.done / p.total) : 0));
      },
    });
    if (!job) return null;
    this.running = { jobId, phase: 'snapshot', percent: 0 };
    this.lastAttemptMs = startedAt.getTime();
    const meta: JobMeta = { jobId, trigger, accountId, folder, startedAt };
    this.job = { meta, outcome: job };
    // On quit, `shutdown` records the end itself: the queue is busy with the closing then.
    void job.then((outcome) => (this.quitting ? undefined : this.serial(() => this.record(meta, outcome))));
    return jobId;
  }

  /** The core's sweep: a backup a day while the clinic is open. */
  startIfDue(storeCheckRunning: boolean): void {
    if (!this.vault.openStore || storeCheckRunning) return;
    // Not beside a PDF worker (like the store check): both together would take the core past
    // its 300 MB target (docs/PERFORMANCE.md). The next sweep tries again.
    if (idleWorker()) return;
    const now = this.now().getTime();
    if (now - this.openedAt < AUTO_BACKUP_DELAY_MS) return;
    const lastOkMs = this.lastOk ? Date.parse(this.lastOk.finished_at) : 0;
    if (now - lastOkMs >= AUTO_BACKUP_EVERY_MS && now - this.lastAttemptMs >= AUTO_BACKUP_GAP_MS) this.start('schedule', null);
  }

  /** The last unlocked session is going (sign-out, lock, idle lock): the moment nobody is typing. */
  beforeStoreCloses(): void {
    if (this.now().getTime() - this.lastAttemptMs >= AUTO_BACKUP_GAP_MS) this.start('signOut', null);
  }

  /**
   * The clinic's files were replaced (a restore; none runs during one): what was remembered
   * of its backups goes, and the restored clinic's own history is read at its next unlock.
   * The attempt clock restarts, so the restored clinic gets its own backup soon after.
   */
  forgetClinic(): void {
    this.settings = { ...BACKUP_DEFAULTS };
    this.dropPassphrase();
    this.lastOk = null;
    this.lastFailed = null;
    this.lastAttemptMs = 0;
    this.pending = [];
    this.openedAt = 0;
  }

  /**
   * The application quits: a running backup is ended (its partial file removed) and recorded
   * as interrupted, in the store if it is still open, else its audit entry in the keyring's
   * queue. Called from the core's queue, before the vault closes.
   */
  async shutdown(): Promise<void> {
    this.quitting = true;
    await cancelBackupJob();
    const job = this.job;
    if (job) await this.record(job.meta, await job.outcome);
  }

  private async record(job: JobMeta, outcome: BackupOutcome): Promise<void> {
    // Once only: the queue's call and shutdown's may both come for the same job.
    if (this.running?.jobId !== job.jobId) return;
    this.job = null;
    const row: Row = {
      id: job.jobId,
      trigger: job.trigger,
      started_at: job.startedAt.toISOString(),
      finished_at: this.now().toISOString(),
      folder: job.folder,
      outcome: outcome.ok ? 'ok' : 'failed',
      file_name: outcome.ok ? outcome.result.fileName : null,
      bytes: outcome.ok ? outcome.result.bytes : null,
      sha256: outcome.ok ? outcome.result.sha256 : null,
      error_code: outcome.ok ? null : outcome.code,
    };
    this.running = null;
    if (outcome.ok) this.lastOk = row;
    else this.lastFailed = row;
    // No folder path in the audit entry: it can name a person's account (C:\Users\…); the
    // file's SHA-256 lets anyone later tell that a copy is this backup, byte for byte.
    const details = outcome.ok
      ? { jobId: job.jobId, trigger: job.trigger, file: outcome.result.fileName, bytes: outcome.result.bytes, sha256: outcome.result.sha256, rotated: outcome.result.deleted.length }
      : { jobId: job.jobId, trigger: job.trigger, code: outcome.code };
    const event: AuditEvent = { accountId: job.accountId, action: 'backup:result', entity: 'backup', entityId: job.jobId, outcome: row.outcome, details };
    if (!outcome.ok) console.error(`[backup] ${job.trigger} backup failed: ${outcome.code}`);
    const store = this.vault.openStore;
    if (store) {
      try {
        await withTransaction(store.db, async (trx) => {
          await trx.insertInto('backups').values(row).execute();
          await appendAudit(trx, event, this.now().toISOString());
        });
        return;
      } catch (error) {
        console.error('[backup] the result could not be written to the store:', (error as Error).message);
      }
    }
    // Locked meanwhile (a backup at sign-out), or the store refused it: the row waits for the
    // next unlock, the audit entry goes to the keyring's queue (CoreState.audit).
    this.pending.push(row);
    await this.auditOutside(event);
  }
}

function failureCode(code: string | null): BackupFailureCode {
  return (BACKUP_FAILURE_CODES as readonly string[]).includes(code ?? '') ? (code as BackupFailureCode) : 'IO';
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
