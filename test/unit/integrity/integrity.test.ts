import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, ftruncateSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../db/open-store';
import { openForCheck, SQLCIPHER4 } from '../../../electron/core/integrity/check';
import {
  cancelIntegrityChecks,
  IntegrityCheckCancelled,
  pendingIntegrityChecks,
  runIntegrityCheck,
  type IntegrityResult,
} from '../../../electron/core/integrity/integrity-client';
import { Vault } from '../../../electron/core/vault';
import { caseFor, person } from '../../helpers/registry-fixtures';
import { ADMIN, setUpCore, type TempCore } from '../../helpers/temp-core';

/**
 * A real encrypted store made by the core, closed (so its WAL is checkpointed into
 * clinic.db), then checked as it is, and as copies with bytes flipped in one page.
 */
const PAGE = SQLCIPHER4.pageSize;
let t: TempCore;
let dataKey: Buffer;
let storeFile: string;
let pages: number;
let scratch: string;
let written = 0;

/** The pages in some table or index of the closed store (dbstat); the others are free pages, which SQLite's checks do not read. */
function pagesInUse(): Set<number> {
  const c = openForCheck(storeFile, dataKey, { cacheKiB: 2048 });
  try {
    return new Set((c.db.prepare('SELECT DISTINCT pageno FROM dbstat').pluck().all() as number[]).concat(1));
  } finally {
    c.close();
  }
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A copy of the closed store with `count` bytes flipped from `offset` of page `pgno` (1-based). */
function damagedCopy(name: string, pgno: number, offset = 1000, count = 8): string {
  const file = join(scratch, name);
  copyFileSync(storeFile, file);
  const fd = openSync(file, 'r+');
  try {
    const bytes = Buffer.alloc(count);
    const at = (pgno - 1) * PAGE + offset;
    expect(readSync(fd, bytes, 0, count, at)).toBe(count);
    for (let i = 0; i < count; i++) bytes[i]! ^= 0xff;
    writeSync(fd, bytes, 0, count, at);
  } finally {
    closeSync(fd);
  }
  return file;
}

beforeAll(async () => {
  t = await setUpCore();
  // Enough records for a few hundred pages, long summaries spilling into overflow pages.
  const facts = 'Arrivé à Rabat en 2019, demande d’asile déposée auprès du HCR, refus de renouvellement de la carte. '.repeat(25);
  for (let i = 0; i < 60; i++) {
    const p = await t.ok('admin', 'beneficiaries:create', person({ latinName: `Personne Essai ${i}`, arabicName: 'مامادو ديالو', phone: `06123456${String(i).padStart(2, '0')}` }));
    await t.ok('admin', 'cases:create', caseFor(p.id, { summary: facts.slice(0, 1500 + 20 * i) }));
  }
  const { recoveryKey } = t as TempCore & { recoveryKey: string };
  await t.core.close();
  storeFile = join(t.dir, 'clinic.db');
  // Closed: the WAL has been checkpointed into clinic.db and removed (or left empty).
  const wal = `${storeFile}-wal`;
  expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
  const vault = Vault.open(t.dir);
  dataKey = vault.unwrapWithRecoveryKey(recoveryKey)!;
  await vault.close();
  expect(dataKey).toHaveLength(32);
  pages = statSync(storeFile).size / PAGE;
  expect(Number.isInteger(pages) && pages > 100).toBe(true);
  scratch = mkdtempSync(join(tmpdir(), 'clinic-integrity-'));
}, 120_000);

afterAll(async () => {
  await cancelIntegrityChecks();
  dataKey?.fill(0);
  await t?.cleanup();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('integrity check of a sound store', () => {
  it('passes the quick and the full check, reads every page, and leaves the file and the caller\'s key as they were', async () => {
    const before = sha256(storeFile);
    const keyBefore = Buffer.from(dataKey);
    const quick = await runIntegrityCheck(storeFile, dataKey, 'quick');
    expect(quick).toMatchObject({ ok: true, kind: 'quick', problems: [], truncated: false, pagesChecked: pages });
    expect(quick.steps.map((s) => [s.name, s.ok])).toEqual([['quick_check', true]]);
    const full = await runIntegrityCheck(storeFile, dataKey, 'full');
    expect(full).toMatchObject({ ok: true, kind: 'full', problems: [], pagesChecked: pages });
    expect(full.steps.map((s) => [s.name, s.ok])).toEqual([['integrity_check', true], ['page_hmac', true]]);
    expect(full.durationMs).toBeGreaterThan(0);
    // A copy of the key went to the worker; the caller's is untouched, the file unchanged.
    expect(dataKey.equals(keyBefore)).toBe(true);
    expect(sha256(storeFile)).toBe(before);
    // A read-only connection to a WAL store leaves an empty clinic.db-wal and the WAL index
    // (clinic.db-shm: frame numbers, no content) when no one else has the store open.
    expect(!existsSync(`${storeFile}-wal`) || statSync(`${storeFile}-wal`).size === 0).toBe(true);
  });

  it('checks the store while the core has it open and writes to it', async () => {
    await t.reopen();
    try {
      await t.ok('admin', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
      let answered = false;
      const check = runIntegrityCheck(storeFile, dataKey, 'full').finally(() => (answered = true));
      // Writes (each committed to the WAL, some checkpointed into the file) for as long as the check runs.
      // (A turn of the event loop between calls: a call that never waits would starve the worker's answer.)
      while (!answered || written < 10) {
        await t.ok('admin', 'beneficiaries:create', person({ latinName: `Pendant ${written++}` }));
        await new Promise(setImmediate);
      }
      const result = await check;
      expect(result.problems).toEqual([]);
      expect(result.ok).toBe(true);
      expect((await runIntegrityCheck(storeFile, dataKey, 'quick')).ok).toBe(true);
    } finally {
      await t.core.close();
    }
    expect(!existsSync(`${storeFile}-wal`) || statSync(`${storeFile}-wal`).size === 0).toBe(true);
    pages = statSync(storeFile).size / PAGE;
  });
});

describe('integrity check of a damaged store', () => {
  const expectDamage = (result: IntegrityResult, pgno: number, kind: 'quick' | 'full') => {
    expect(result.ok).toBe(false);
    expect(result.kind).toBe(kind);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.length).toBeLessThanOrEqual(20);
    for (const line of result.problems) expect(line.length).toBeLessThanOrEqual(200);
    // No record content: nothing of the names, the facts or the phones written above.
    expect(result.problems.join('\n')).not.toMatch(/Personne|Essai|Rabat|مامادو|0612345/);
    if (kind === 'full') expect(result.problems).toContain(`page ${pgno}: HMAC check failed`);
  };

  it('finds bytes flipped in a middle page', async () => {
    // The page in use nearest the middle (how much the store holds depends on the writes during the check above).
    const inUse = pagesInUse();
    let pgno = Math.floor(pages / 2);
    while (!inUse.has(pgno)) pgno++;
    const file = damagedCopy('middle.db', pgno);
    expectDamage(await runIntegrityCheck(file, dataKey, 'quick'), pgno, 'quick');
    const full = await runIntegrityCheck(file, dataKey, 'full');
    expectDamage(full, pgno, 'full');
    expect(full.steps.find((s) => s.name === 'page_hmac')?.ok).toBe(false);
    expect(full.problems.filter((l) => l.includes('HMAC'))).toEqual([`page ${pgno}: HMAC check failed`]);
  });

  it('finds bytes flipped in the last page, and in the IV or HMAC of a page', async () => {
    const last = damagedCopy('last.db', pages, PAGE - 200);
    expectDamage(await runIntegrityCheck(last, dataKey, 'full'), pages, 'full');
    if (pagesInUse().has(pages)) expectDamage(await runIntegrityCheck(last, dataKey, 'quick'), pages, 'quick');
    // Otherwise it is a free page: a freelist leaf is read by the page scan only, a freelist
    // trunk by quick_check too (it walks the free list), so the quick answer may go either way.
    // The reserved bytes at the end of a page: IV (16) then HMAC (64).
    const hmac = damagedCopy('hmac.db', 7, PAGE - 10, 2);
    expectDamage(await runIntegrityCheck(hmac, dataKey, 'full'), 7, 'full');
  });

  it('finds damage in a free page with the full check only (SQLite\'s checks do not read free pages)', async () => {
    // A copy with free pages: a table filled, then dropped (secure_delete zeroes them, still encrypted).
    const file = join(scratch, 'with-free.db');
    copyFileSync(storeFile, file);
    const store = openStore(file, Buffer.from(dataKey));
    store.sqlite.exec('CREATE TABLE scratch_fill (x BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) INSERT INTO scratch_fill SELECT randomblob(3000) FROM n; DROP TABLE scratch_fill;');
    const freePages = Number(store.sqlite.pragma('freelist_count', { simple: true }));
    await store.close();
    expect(freePages).toBeGreaterThan(10);
    expect(!existsSync(`${file}-wal`) || statSync(`${file}-wal`).size === 0).toBe(true);
    const c = openForCheck(file, dataKey, { cacheKiB: 2048 });
    const used = new Set(c.db.prepare('SELECT DISTINCT pageno FROM dbstat').pluck().all() as number[]);
    const total = Number(c.db.pragma('page_count', { simple: true }));
    c.close();
    const free = Array.from({ length: total }, (_, i) => i + 1).filter((p) => p > 1 && !used.has(p));
    expect(free).toHaveLength(freePages);
    const pgno = free[Math.floor(free.length / 2)]!;
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([0xde, 0xad, 0xbe, 0xef]), 0, 4, (pgno - 1) * PAGE + 500);
    closeSync(fd);
    expect(await runIntegrityCheck(file, dataKey, 'quick')).toMatchObject({ ok: true });
    expect((await runIntegrityCheck(file, dataKey, 'full', { steps: ['integrity_check'] })).ok).toBe(true);
    expectDamage(await runIntegrityCheck(file, dataKey, 'full'), pgno, 'full');
  });

  it('answers, never throws, for a damaged first page, a wrong key, a truncated or missing file', async () => {
    const first = damagedCopy('first.db', 1, 200);
    const quick = await runIntegrityCheck(first, dataKey, 'quick');
    expect(quick.ok).toBe(false);
    expect(quick.problems[0]).toMatch(/^the store cannot be (opened|read)|could not complete|Tree 1/);
    expectDamage(await runIntegrityCheck(first, dataKey, 'full'), 1, 'full');

    const salt = damagedCopy('salt.db', 1, 0, 4);
    const full = await runIntegrityCheck(salt, dataKey, 'full');
    expect(full.ok).toBe(false);
    expect(full.problems.join('\n')).toContain('no page of the file verifies with this key');

    const wrongKey = Buffer.alloc(32, 0x5a);
    const wrong = await runIntegrityCheck(storeFile, wrongKey, 'full');
    expect(wrong.ok).toBe(false);
    expect(wrong.problems).toContain(`no page of the file verifies with this key (${pages} pages): its salt (page 1) is damaged, or the key is not this store's`);

    const truncated = join(scratch, 'truncated.db');
    copyFileSync(storeFile, truncated);
    const fd = openSync(truncated, 'r+');
    // Cut in the middle of the last page.
    ftruncateSync(fd, (pages - 1) * PAGE + 100);
    closeSync(fd);
    const cut = await runIntegrityCheck(truncated, dataKey, 'full');
    expect(cut.ok).toBe(false);
    expect(cut.problems.join('\n')).toMatch(/not a whole number of 4096-byte pages/);

    for (const kind of ['quick', 'full'] as const) {
      const missing = await runIntegrityCheck(join(scratch, 'no-such.db'), dataKey, kind);
      expect(missing).toMatchObject({ ok: false, pagesChecked: 0 });
      expect(missing.problems[0]).toMatch(/^the store cannot be opened: (SQLITE_CANTOPEN|ENOENT)/);
      expect(missing.problems.join('\n')).not.toContain(scratch); // no path in what is shown and audited
    }
  });

  it('refuses a key that is not 32 bytes', async () => {
    await expect(runIntegrityCheck(storeFile, Buffer.alloc(16), 'quick')).rejects.toThrow('32 bytes');
  });
});

describe('cancelling', () => {
  it('ends a running check and the checks waiting behind it, which reject as cancelled', async () => {
    const running = runIntegrityCheck(storeFile, dataKey, 'full');
    const waiting = runIntegrityCheck(storeFile, dataKey, 'quick');
    const outcomes = Promise.allSettled([running, waiting]);
    expect(pendingIntegrityChecks()).toBe(2);
    // Let the first worker start (under tsx it is still compiling its sources: well over 30 ms).
    await new Promise((resolve) => setTimeout(resolve, 30));
    await cancelIntegrityChecks();
    expect(pendingIntegrityChecks()).toBe(0);
    const [a, b] = await outcomes;
    expect(a.status === 'rejected' && a.reason).toBeInstanceOf(IntegrityCheckCancelled);
    expect(b.status === 'rejected' && b.reason).toBeInstanceOf(IntegrityCheckCancelled);
    // The queue carries on.
    expect((await runIntegrityCheck(storeFile, dataKey, 'quick')).ok).toBe(true);
  });

  it('ends a check when its signal fires, or at once if it already has', async () => {
    const controller = new AbortController();
    const check = runIntegrityCheck(storeFile, dataKey, 'full', { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    await expect(check).rejects.toBeInstanceOf(IntegrityCheckCancelled);
    await expect(runIntegrityCheck(storeFile, dataKey, 'quick', { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(IntegrityCheckCancelled);
    expect(pendingIntegrityChecks()).toBe(0);
  });

  it('times out a check that takes too long (not a verdict on the store)', async () => {
    await expect(runIntegrityCheck(storeFile, dataKey, 'full', { timeoutMs: 1 })).rejects.toMatchObject({ name: 'IntegrityCheckFailed' });
  });
});

describe('the store after all this', () => {
  it('still opens with the core\'s own settings', async () => {
    const store = openStore(storeFile, Buffer.from(dataKey));
    try {
      expect(Number(store.sqlite.prepare('SELECT count(*) FROM beneficiaries').pluck().get())).toBe(60 + written);
    } finally {
      await store.close();
    }
  });
});
