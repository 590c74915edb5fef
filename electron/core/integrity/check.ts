/**
 * The integrity check itself, synchronous: it runs in the integrity worker's thread
 * (integrity-worker.ts), never in the core's. Damage is an answer, not an exception: every
 * SQLite error met while checking (a page that fails its HMAC, "database disk image is
 * malformed", "file is not a database") becomes a problem line and `ok: false`.
 *
 * Its own connection: read-only, `query_only`, a small page cache (the core's 32 MiB cache
 * is not touched, and a scan reads each page once), temporary data in memory. The key is
 * handed to SQLite as `raw:` + 32 bytes in a buffer that is zeroed at once (no hex string of
 * it is ever made in this thread), and the caller zeroes its own copy after `prepareKeys`.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { createHmac, pbkdf2Sync } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { IntegrityRequest, IntegrityResult, IntegrityStep, IntegrityStepName } from './types';

/** SQLCipher 4 as the store uses it (db/open-store.ts applyCipherKey: cipher 'sqlcipher', legacy 4). */
export const SQLCIPHER4 = {
  pageSize: 4096,
  saltBytes: 16,
  ivBytes: 16,
  hmacBytes: 64,
  hmacSaltMask: 0x3a,
  fastKdfIter: 2,
  keyBytes: 32,
} as const;

const MAX_LINE = 200;

/** Collects problem lines, capped. */
export class Problems {
  readonly lines: string[] = [];
  truncated = false;
  constructor(private readonly max: number) {}
  /** `reserve`: lines kept free for a later step (the page scan's, which names the damaged pages). */
  add(line: string, reserve = 0): void {
    if (this.lines.length >= Math.max(1, this.max - reserve)) {
      this.truncated = true;
      return;
    }
    const clean = line.replace(/\p{Cc}+/gu, ' ').trim();
    this.lines.push(clean.length > MAX_LINE ? `${clean.slice(0, MAX_LINE - 1)}…` : clean);
  }
  get count(): number {
    return this.lines.length;
  }
}

/** An SQLite error as a problem line: its code and SQLite's own generic message, nothing else. */
function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code.startsWith('SQLITE_') ? `${code} (${error.message})` : code; // a system error's message names the path
    return error.name;
  }
  return 'unknown error';
}

/** A buffer "raw:" + key: SQLite3 Multiple Ciphers takes the 32 bytes as the raw key (no KDF). */
function rawPassphrase(key: Uint8Array): Buffer {
  const pass = Buffer.alloc(4 + key.length);
  pass.write('raw:', 0, 'latin1');
  pass.set(key, 4);
  return pass;
}

export interface CheckConnection {
  db: Database.Database;
  close(): void;
}

/** Opens the store for checking. Throws only if the file cannot be opened at all (missing, unreadable). */
export function openForCheck(storePath: string, key: Uint8Array, options: { cacheKiB: number; nativeBinding?: string | undefined }): CheckConnection {
  if (key.length !== SQLCIPHER4.keyBytes) throw new Error('data key must be 32 bytes');
  const db = new Database(storePath, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const pass = rawPassphrase(key);
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(pass);
    // Nothing is read yet: keying and these settings cannot fail on a damaged file.
    db.pragma(`cache_size = -${Math.max(64, Math.trunc(options.cacheKiB))}`);
    db.pragma('query_only = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('mmap_size = 0');
  } catch (error) {
    db.close();
    throw error;
  } finally {
    pass.fill(0);
  }
  return { db, close: () => db.close() };
}

/**
 * `PRAGMA quick_check(N)` / `integrity_check(N)`: "ok", or up to N lines (SQLite 3.53 gives
 * them as one row of newline-separated lines; older versions as rows). A check that meets a
 * page it cannot read may also stop with an error: that is damage too.
 *
 * Once one page fails its HMAC, SQLite3 Multiple Ciphers fails every later read of the same
 * statement, so the first "unable to get the page" line names the damaged page and the rest
 * are its consequence (one flipped byte in the last page of a test file: every page of that
 * table read after it "unable to get the page", and the pages under them "never used").
 * Those are counted, not listed; the page scan of a full check lists the damaged pages.
 */
export function runPragmaCheck(db: Database.Database, pragma: 'quick_check' | 'integrity_check', problems: Problems, limit: number, reserve = 0): boolean {
  let rows: unknown[];
  try {
    // The first read decrypts page 1: a damaged first page (or salt) fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').pluck().get();
    rows = db.pragma(`${pragma}(${Math.max(1, Math.trunc(limit))})`, { simple: false }) as unknown[];
  } catch (error) {
    problems.add(`${pragma} could not complete: ${describe(error)}`, reserve);
    return false;
  }
  const lines = rows
    .flatMap((row) => Object.values(row as Record<string, unknown>))
    .flatMap((value) => String(value).split('\n'))
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^\*\*\* in database \w+ \*\*\*$/.test(line));
  if (lines.length === 1 && lines[0] === 'ok') return true;
  if (lines.length === 0) {
    problems.add(`${pragma} gave no answer`, reserve);
    return false;
  }
  const more = lines.length >= limit ? '+' : '';
  const names = treeNames(db);
  const named = (line: string) => line.replace(/^Tree (\d+)/, (whole, root: string) => (names.has(Number(root)) ? `${whole} (${names.get(Number(root))})` : whole));
  const unused: number[] = [];
  let firstUnreadable = true;
  let laterUnreadable = 0;
  for (const line of lines) {
    const never = /^Page (\d+): never used$/.exec(line);
    if (never) unused.push(Number(never[1]));
    else if (/^Tree \d+ page \d+: unable to get the page\. error code=\d+$/.test(line) && !firstUnreadable) laterUnreadable++;
    else {
      if (/unable to get the page/.test(line)) firstUnreadable = false;
      problems.add(named(line), reserve);
    }
  }
  if (laterUnreadable > 0) problems.add(`${laterUnreadable}${more} more pages could not be read after that one (a page that fails its check stops the reads that follow it)`, reserve);
  if (unused.length > 0) {
    const runs = ranges(unused.sort((a, b) => a - b)).map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`));
    problems.add(`${unused.length}${more} pages never used (in no tree, or below a page that could not be read): ${runs.slice(0, 8).join(', ')}${runs.length > 8 ? ', …' : ''}`, reserve);
  }
  return false;
}

/** Root page → table or index name, to name the trees of SQLite's lines (names only, never content). */
function treeNames(db: Database.Database): Map<number, string> {
  try {
    const rows = db.prepare("SELECT rootpage, name FROM sqlite_schema WHERE rootpage > 0").all() as { rootpage: number; name: string }[];
    return new Map([[1, 'sqlite_schema'], ...rows.map((r): [number, string] => [r.rootpage, r.name])]);
  } catch {
    return new Map();
  }
}

/** The store's page count as SQLite sees it (main file and WAL), or 0 if it cannot be read. */
export function pageCount(db: Database.Database): number {
  try {
    return Number(db.pragma('page_count', { simple: true }));
  } catch {
    return 0;
  }
}

/** The HMAC key of a SQLCipher 4 file: PBKDF2-HMAC-SHA512(key, salt ^ 0x3a, 2 iterations). */
export function derivePageHmacKey(key: Uint8Array, salt: Uint8Array): Buffer {
  const masked = Buffer.from(salt);
  for (let i = 0; i < masked.length; i++) masked[i]! ^= SQLCIPHER4.hmacSaltMask;
  return pbkdf2Sync(key, masked, SQLCIPHER4.fastKdfIter, SQLCIPHER4.keyBytes, 'sha512');
}

/** Reads the file's salt (the first 16 bytes of page 1, in clear), or null if the file is shorter. */
export function readSalt(storePath: string): Buffer | null {
  const fd = openSync(storePath, 'r');
  try {
    const salt = Buffer.alloc(SQLCIPHER4.saltBytes);
    return readSync(fd, salt, 0, salt.length, 0) === salt.length ? salt : null;
  } finally {
    closeSync(fd);
  }
}

/** Does this page's HMAC verify? Page layout: [ciphertext][IV 16][HMAC-SHA512 64]; page 1 starts with the salt. */
export function pageVerifies(page: Uint8Array, pgno: number, hmacKey: Uint8Array): boolean {
  const { pageSize, ivBytes, hmacBytes, saltBytes } = SQLCIPHER4;
  if (page.length !== pageSize) return false;
  const n = pageSize - ivBytes - hmacBytes;
  const from = pgno === 1 ? saltBytes : 0;
  const pgnoLe = Buffer.alloc(4);
  pgnoLe.writeUInt32LE(pgno >>> 0, 0);
  const mac = createHmac('sha512', hmacKey).update(page.subarray(from, n + ivBytes)).update(pgnoLe).digest();
  return Buffer.compare(mac, page.subarray(n + ivBytes, n + ivBytes + hmacBytes)) === 0;
}

/** Blocks this (worker) thread for `ms`: a pause before reading a page again. */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface PageScan {
  pages: number;
  badPages: number;
}

/**
 * What SQLCipher's `PRAGMA cipher_integrity_check` does: every page of the file, free pages
 * and pages the WAL has superseded included, against its HMAC. Reads 64 pages at a time
 * (256 KiB, the whole memory it needs). The core may checkpoint into the file meanwhile, so
 * the pages that fail are read again, twice, 20 ms apart, before they count: a torn read of
 * a page being written is not damage. (At most 1,000 pages are read again: beyond that the
 * file, or the key, is wrong as a whole.)
 */
export function scanPageHmacs(storePath: string, hmacKey: Uint8Array, problems: Problems): PageScan {
  const { pageSize } = SQLCIPHER4;
  const fd = openSync(storePath, 'r');
  const chunkPages = 64;
  const chunk = Buffer.allocUnsafe(pageSize * chunkPages);
  let pages = 0;
  let failing: number[] = [];
  try {
    const size = fstatSync(fd).size;
    if (size === 0) {
      problems.add('the store file is empty');
      return { pages: 0, badPages: 0 };
    }
    if (size % pageSize !== 0) problems.add(`file size ${size} is not a whole number of ${pageSize}-byte pages`);
    const total = Math.floor(size / pageSize);
    // SQLite never writes the page holding byte 2^30 (its lock-byte page, see "The Lock-Byte
    // Page" in the file-format documentation): in a store over 1 GiB it stays zeros and has
    // no HMAC to check. Nothing is ever stored there, so skipping it hides nothing.
    const lockPage = Math.floor(2 ** 30 / pageSize) + 1;
    for (let first = 1; first <= total; first += chunkPages) {
      const want = Math.min(chunkPages, total - first + 1);
      const got = readSync(fd, chunk, 0, want * pageSize, (first - 1) * pageSize);
      const whole = Math.floor(got / pageSize);
      for (let i = 0; i < whole; i++) {
        pages++;
        if (first + i === lockPage) continue;
        if (!pageVerifies(chunk.subarray(i * pageSize, (i + 1) * pageSize), first + i, hmacKey)) failing.push(first + i);
      }
      if (whole < want) break; // the file shrank while being read
    }
    chunk.fill(0);
    for (let round = 0; round < 2 && failing.length > 0 && failing.length <= 1000; round++) {
      pause(20);
      const page = Buffer.allocUnsafe(pageSize);
      failing = failing.filter((pgno) => !(readSync(fd, page, 0, pageSize, (pgno - 1) * pageSize) === pageSize && pageVerifies(page, pgno, hmacKey)));
    }
  } finally {
    closeSync(fd);
  }
  if (failing.length > 0 && failing.length === pages) {
    problems.add(`no page of the file verifies with this key (${pages} pages): its salt (page 1) is damaged, or the key is not this store's`);
  } else {
    for (const [a, b] of ranges(failing)) problems.add(a === b ? `page ${a}: HMAC check failed` : `pages ${a}–${b}: HMAC check failed`);
  }
  return { pages, badPages: failing.length };
}

/** Sorted page numbers as runs: [4, 5, 6, 9] → [[4, 6], [9, 9]]. */
export function ranges(pages: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const p of pages) {
    const last = runs[runs.length - 1];
    if (last && last[1] === p - 1) last[1] = p;
    else runs.push([p, p]);
  }
  return runs;
}

/**
 * Runs the steps of a request. `zeroKey` is called as soon as the key is no longer needed
 * (after keying SQLite and deriving the page-HMAC key), before the long steps.
 */
export function runChecks(request: IntegrityRequest, zeroKey: () => void): IntegrityResult {
  const started = performance.now();
  const problems = new Problems(request.maxProblems);
  const steps: IntegrityStep[] = [];
  let pagesChecked = 0;
  let connection: CheckConnection | null = null;
  let hmacKey: Buffer | null = null;
  const wants = (step: IntegrityStepName) => request.steps.includes(step);
  try {
    try {
      if (wants('page_hmac')) {
        const salt = readSalt(request.storePath);
        if (salt) hmacKey = derivePageHmacKey(request.key, salt);
      }
      if (wants('quick_check') || wants('integrity_check')) {
        connection = openForCheck(request.storePath, request.key, { cacheKiB: request.cacheKiB, nativeBinding: request.nativeBinding });
      }
    } catch (error) {
      problems.add(`the store cannot be opened: ${describe(error)}`);
    } finally {
      zeroKey();
    }
    for (const name of request.steps) {
      const t0 = performance.now();
      const before = problems.count;
      let ok: boolean;
      if (name === 'page_hmac') {
        if (!hmacKey) {
          if (problems.count === 0) problems.add('the store file is shorter than its salt');
          ok = false;
        } else {
          const scan = scanPageHmacs(request.storePath, hmacKey, problems);
          pagesChecked = Math.max(pagesChecked, scan.pages);
          ok = scan.badPages === 0 && problems.count === before;
        }
      } else if (!connection) {
        ok = false;
      } else {
        ok = runPragmaCheck(connection.db, name, problems, request.maxProblems + 100, wants('page_hmac') ? 5 : 0);
        pagesChecked = Math.max(pagesChecked, pageCount(connection.db));
      }
      steps.push({ name, ok, durationMs: performance.now() - t0 });
    }
  } finally {
    hmacKey?.fill(0);
    connection?.close();
  }
  return {
    ok: problems.count === 0 && steps.every((s) => s.ok),
    kind: request.kind,
    durationMs: performance.now() - started,
    problems: problems.lines,
    truncated: problems.truncated,
    pagesChecked,
    steps,
  };
}
