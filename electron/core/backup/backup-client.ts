/**
 * Runs writeBackup in a worker thread (backup-worker.ts) so the core keeps answering while
 * a backup takes minutes (docs/BACKUP.md, measured: 9 s for 122 MB, 3–4 min for the largest
 * stores). One backup at a time in this process: `startBackupJob` refuses a second one.
 *
 * - The key: copied at the call into a buffer of its own, whose ArrayBuffer is transferred
 *   to the worker (no copy stays in this thread; the caller may zero its own at once); the
 *   worker zeroes it when the backup ends.
 * - Progress comes as messages; the promise resolves with the result or a failure code,
 *   never rejects (a backup that fails is a result the status shows).
 * - `cancelBackupJob()` (the application quits) terminates the thread. A thread killed in
 *   the middle leaves its partial file and work folder, named with this process's id, which
 *   the file layer's own clean-up skips while this process lives: they are removed here once
 *   the thread is gone.
 *
 * Started from the TypeScript sources through tsx in tests and the preview, and from
 * `backup-worker.cjs` beside `core-host.cjs` in the Electron build (`.mjs` beside the
 * benchmark's bundle), like the integrity worker.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { BackupFailureCode } from '../../../shared/contract/backup';
import { bundledWorkerFile, endWorker, startWorkerThread } from '../worker-thread';
import type { PassphraseLock } from './keys';
import type { KeepCounts } from './rotation';
import type { BackupDone, BackupMessage, BackupRequest } from './worker-types';
import type { BackupProgress } from './write';

export type { BackupDone } from './worker-types';
export type BackupOutcome = { ok: true; result: BackupDone } | { ok: false; code: BackupFailureCode };

/** 1 MiB buffers each way and small SQLite caches (docs/BACKUP.md: +15–35 MB). tsx compiles in the thread, so more there. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 4 } as const;
/** A backup that takes longer is ended and recorded as INTERRUPTED (the largest stores take minutes). */
export const BACKUP_TIMEOUT_MS = 60 * 60_000;

const here = import.meta.url;

export function bundledBackupWorkerUrl(bundleUrl: string): URL {
  return bundledWorkerFile(bundleUrl, 'backup-worker');
}

export interface BackupJobOptions {
  dataDir: string;
  dataKey: Uint8Array;
  targetDir: string;
  now: Date;
  keep: KeepCounts;
  nativeBinding?: string | undefined;
  onProgress?: (progress: BackupProgress) => void;
  timeoutMs?: number;
  /** The backup passphrase's KEK (copied and transferred like the key). */
  passphraseLock?: PassphraseLock | undefined;
}

let current: { cancel(): Promise<void> } | null = null;

export function backupJobRunning(): boolean {
  return current !== null;
}

/** Starts a backup, or returns null if one is already running in this process. */
export function startBackupJob(options: BackupJobOptions): Promise<BackupOutcome> | null {
  if (current) return null;
  if (options.dataKey.length !== 32) throw new Error('data key must be 32 bytes');
  const key = new Uint8Array(32);
  key.set(options.dataKey);
  const lock = options.passphraseLock ? { kdf: options.passphraseLock.kdf, kek: new Uint8Array(options.passphraseLock.kek) } : undefined;
  const request: BackupRequest = {
    dataDir: options.dataDir,
    key,
    targetDir: options.targetDir,
    now: options.now.toISOString(),
    keep: options.keep,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(lock ? { passphraseLock: lock } : {}),
  };
  const transfer = lock ? [key.buffer, lock.kek.buffer] : [key.buffer];
  let worker: Worker;
  try {
    worker = startWorkerThread(here, './backup-worker.ts', 'backup-worker', { workerData: request, transferList: transfer, resourceLimits: WORKER_LIMITS }, {
      resourceLimits: { ...WORKER_LIMITS, maxOldGenerationSizeMb: 256 },
    });
  } catch {
    key.fill(0);
    lock?.kek.fill(0);
    return Promise.resolve({ ok: false, code: 'INTERRUPTED' });
  }
  // Transferred: detached here (a copy only if the transfer did not happen).
  if (key.byteLength > 0) key.fill(0);
  if (lock && lock.kek.byteLength > 0) lock.kek.fill(0);

  return new Promise<BackupOutcome>((resolve) => {
    let settled = false;
    /** `cleanUp`: the thread did not finish on its own; its files are removed before the next job may start. */
    const settle = (outcome: BackupOutcome, cleanUp: boolean): Promise<void> => {
      if (settled) return Promise.resolve();
      settled = true;
      clearTimeout(timer);
      worker.removeAllListeners('message').removeAllListeners('exit');
      const gone = cleanUp ? endWorker(worker).then(() => removeLeftovers(options.dataDir, options.targetDir)) : Promise.resolve();
      return gone.finally(() => {
        current = null;
        resolve(outcome);
      });
    };
    const job = { cancel: () => settle({ ok: false, code: 'INTERRUPTED' }, true) };
    current = job;
    worker.on('message', (message: BackupMessage) => {
      if (message.type === 'progress') options.onProgress?.({ phase: message.phase, done: message.done, total: message.total });
      else void settle(message.ok ? { ok: true, result: message.result } : { ok: false, code: message.code }, false);
    });
    worker.on('error', () => void settle({ ok: false, code: 'INTERRUPTED' }, true));
    worker.on('exit', () => void settle({ ok: false, code: 'INTERRUPTED' }, true));
    const timer = setTimeout(() => void job.cancel(), options.timeoutMs ?? BACKUP_TIMEOUT_MS);
    timer.unref();
  });
}

/** Ends the running backup, if any (the application quits). Resolves once its thread is gone. */
export async function cancelBackupJob(): Promise<void> {
  await current?.cancel();
}

/** This process's partial file and work folder (write.ts names them `<prefix><pid>-<random>`). */
function removeLeftovers(dataDir: string, targetDir: string): void {
  const own = (dir: string, prefix: string, suffix: string) => {
    try {
      for (const name of readdirSync(dir)) {
        if (name.startsWith(`${prefix}${process.pid}-`) && name.endsWith(suffix)) rmSync(join(dir, name), { recursive: true, force: true });
      }
    } catch {
      // An unplugged drive: nothing to remove there now; the next backup cleans up once this process is gone.
    }
  };
  own(targetDir, 'clinic-backup-', '.ccmbackup.partial');
  own(dataDir, '.backup-work-', '');
}
