/**
 * The store's integrity check (issue #9): what is asked of the worker and what it answers.
 * Shared by the client (the core's thread) and the worker thread; no runtime code beyond
 * constants, so the worker bundle stays small.
 */

/**
 * - `quick`: `PRAGMA quick_check`. Walks every b-tree page of the store (main file and WAL),
 *   so every page in use is read, decrypted and its HMAC verified, and checks the b-tree
 *   structure and page accounting; it does not compare indexes with their tables.
 * - `full`: `PRAGMA integrity_check` (the above, plus every index against its table,
 *   NOT NULL / CHECK constraints and the FTS5 indexes) and a scan of every page of the file
 *   against its HMAC (`page_hmac`), free pages included (neither pragma reads those).
 *   SQLite3 Multiple Ciphers has no `PRAGMA cipher_integrity_check` (the pragma is unknown
 *   there and answers nothing), so the worker does what SQLCipher's pragma does.
 */
export type IntegrityKind = 'quick' | 'full';

export type IntegrityStepName = 'quick_check' | 'integrity_check' | 'page_hmac';

export const STEPS_OF_KIND: Readonly<Record<IntegrityKind, readonly IntegrityStepName[]>> = {
  quick: ['quick_check'],
  full: ['integrity_check', 'page_hmac'],
};

export interface IntegrityStep {
  name: IntegrityStepName;
  ok: boolean;
  durationMs: number;
}

export interface IntegrityResult {
  /** No problem found by any step. */
  ok: boolean;
  kind: IntegrityKind;
  /** Time in the worker, from opening the store to the last step's end. */
  durationMs: number;
  /**
   * What was found, at most `maxProblems` lines of at most 200 characters. SQLite's lines
   * name pages, trees, tables, indexes, columns and row ids (numbers), never a stored value;
   * the page scan names page numbers. Safe to show the administrator and to audit.
   */
  problems: string[];
  /** More problems were found than `problems` holds. */
  truncated: boolean;
  /** Pages of the database the check covered (the larger of the store's page count and the pages of the file scanned). */
  pagesChecked: number;
  steps: IntegrityStep[];
}

/** The worker's input (its workerData). `key` is a copy in its own, transferred, ArrayBuffer. */
export interface IntegrityRequest {
  storePath: string;
  key: Uint8Array;
  kind: IntegrityKind;
  steps: readonly IntegrityStepName[];
  cacheKiB: number;
  maxProblems: number;
  nativeBinding?: string;
}

/** The worker's one message. A failure carries no message (it could quote anything): an error kind only. */
export type IntegrityReply = { ok: true; result: IntegrityResult } | { ok: false; error: string };

export const INTEGRITY_DEFAULTS = {
  /** SQLite's page cache of the check's own connection, in KiB: a scan reads each page once, a cache buys nothing. */
  cacheKiB: 2048,
  maxProblems: 20,
  /** A check that takes longer is ended (its promise rejects, it is not reported as damage). */
  timeoutMs: 30 * 60_000,
} as const;
