/**
 * The backup worker thread's request and messages (backup-client.ts, backup-worker.ts).
 * Types only, so the client does not pull the file layer into the core's thread for them.
 */
import type { BackupFailureCode } from '../../../shared/contract/backup';
import type { BackupPhase } from './write';
import type { KeepCounts } from './rotation';

/** The worker's input (its workerData). `key` is a copy in its own, transferred, ArrayBuffer. */
export interface BackupRequest {
  dataDir: string;
  key: Uint8Array;
  targetDir: string;
  /** The core's clock (ISO): it names the file and drives rotation, so tests can move it. */
  now: string;
  keep: KeepCounts;
  nativeBinding?: string;
  /** The backup passphrase's KEK, when the administrator set one (its own, transferred, buffer). */
  passphraseLock?: { kdf: string; kek: Uint8Array };
}

export interface BackupDone {
  /** The file's name in targetDir (never a path from elsewhere). */
  fileName: string;
  bytes: number;
  sha256: string;
  /** Older backups rotation removed, and those it could not (kept for the next run). */
  deleted: string[];
  notDeleted: string[];
}

/**
 * Progress while it runs, then one final message. A failure carries a code only: messages of
 * file-system errors name paths, and nothing from the worker is shown or logged as text.
 */
export type BackupMessage =
  | { type: 'progress'; phase: BackupPhase; done: number; total: number }
  | { type: 'done'; ok: true; result: BackupDone }
  | { type: 'done'; ok: false; code: BackupFailureCode };
