/**
 * The two side-by-side comparisons, on the same data in the same run:
 * - encryption: the registry's reads on the encrypted store and on a plaintext copy of it
 *   (the same file decrypted in place with `PRAGMA rekey = ''`, so the same pages and the
 *   same FTS segments), both opened with the store's own settings;
 * - query layer: the registry's Kysely path and the same SQL as prepared statements, on
 *   the same encrypted connection.
 * Each operation runs on every side in every round, in a rotating order, so drift (cache,
 * CPU frequency) falls on all sides alike. A ratio is the workload's total time on one
 * side over the other (sum of per-operation medians); the worst operation is shown too.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { copyFileSync, rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { applyCipherKey, openStore } from '../../db/open-store';
import type { StoreDatabase } from '../../db/schema/store';
import { withTransaction } from '../../db/transaction';
import { findCandidates } from '../../electron/core/registry/beneficiaries';
import { caseDetail, listCases } from '../../electron/core/registry/cases';
import { globalSearch } from '../../electron/core/registry/search';
import type { Session } from '../../electron/core/sessions';
import type { Probes } from './probes';
import { RawRegistry } from './raw-queries';
import { percentile, type Figure } from './stats';
import { candidateQuery, deepPages, firstPages, keystrokes, type Who } from './workload';

type Db = Kysely<StoreDatabase>;

interface Op {
  label: string;
  kysely: (db: Db, round: number) => Promise<unknown>;
  raw: (raw: RawRegistry, round: number) => unknown;
}

/** A plaintext copy of the (closed, checkpointed) store, decrypted in place. */
export function makePlainCopy(storeFile: string, copyFile: string, dataKey: Buffer): void {
  rmSync(copyFile, { force: true });
  copyFileSync(storeFile, copyFile);
  const db = new Database(copyFile);
  try {
    applyCipherKey(db, dataKey);
    db.pragma('journal_mode = DELETE'); // rekey is refused in WAL mode
    db.pragma(`rekey = ''`);
  } finally {
    db.close();
  }
}

/** The plaintext copy opened with every setting openStore gives the real store, minus the key. */
function openPlain(file: string): { sqlite: Database.Database; db: Db } {
  const sqlite = new Database(file, { fileMustExist: true });
  for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'temp_store = MEMORY', 'secure_delete = ON', `cache_size = -${64 * 1024}`, 'busy_timeout = 5000']) sqlite.pragma(p);
  return { sqlite, db: new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: sqlite }) }) };
}

function workload(probes: Probes, sessions: Record<Who, Session>): Op[] {
  const ops: Op[] = [];
  for (const l of [...firstPages(probes), ...deepPages(probes)]) {
    ops.push({ label: `list: ${l.label}`, kysely: (db) => withTransaction(db, (trx) => listCases(trx, l.input, sessions[l.who])), raw: (r) => r.listCases(l.input, sessions[l.who]) });
  }
  for (const [key, probe] of Object.entries(probes.search)) {
    ops.push({ label: `search: ${key}`, kysely: (db) => withTransaction(db, (trx) => globalSearch(trx, probe.query, sessions.supervisor)), raw: (r) => r.globalSearch(probe.query, sessions.supervisor) });
  }
  const ids = probes.caseIds;
  ops.push({
    label: 'case page',
    kysely: (db, i) => withTransaction(db, async (trx) => {
      const detail = await caseDetail(trx, ids[i % ids.length]!, sessions.supervisor);
      const rows = await trx.selectFrom('domains').selectAll().orderBy('sort').orderBy('id').execute();
      return { detail, domains: rows.map((r) => ({ id: r.id, code: r.code, ar: r.label_ar, fr: r.label_fr, en: r.label_en, active: r.active === 1 })) };
    }),
    raw: (r, i) => ({ detail: r.caseDetail(ids[i % ids.length]!, sessions.supervisor), domains: r.listDomains() }),
  });
  const typed = keystrokes(probes.typing);
  ops.push({
    label: 'candidates while typing',
    kysely: (db, i) => withTransaction(db, (trx) => findCandidates(trx, candidateQuery(typed[i % typed.length]!))),
    raw: (r, i) => r.findCandidates(candidateQuery(typed[i % typed.length]!)),
  });
  return ops;
}

export interface RatioResult {
  figures: Figure[];
  sameResults: boolean;
  perOp: { label: string; encrypted: number; plain: number; raw: number }[];
}

export async function measureRatios(storeFile: string, copyFile: string, dataKey: Buffer, probes: Probes, sessions: Record<Who, Session>, rounds: number): Promise<RatioResult> {
  makePlainCopy(storeFile, copyFile, dataKey);
  const enc = openStore(storeFile, Buffer.from(dataKey));
  const plain = openPlain(copyFile);
  const raw = new RawRegistry(enc.sqlite);
  try {
    const ops = workload(probes, sessions);
    // Same answers on every side, or the comparison means nothing.
    let sameResults = true;
    for (const [i, op] of ops.entries()) {
      const a = await op.kysely(enc.db, i);
      if (!isDeepStrictEqual(a, await op.kysely(plain.db, i)) || !isDeepStrictEqual(a, op.raw(raw, i))) {
        sameResults = false;
        console.error(`[bench] results differ for ${op.label}`);
      }
    }
    const samples = ops.map(() => ({ encrypted: [] as number[], plain: [] as number[], raw: [] as number[] }));
    const sides: ('encrypted' | 'plain' | 'raw')[] = ['encrypted', 'plain', 'raw'];
    for (let round = 0; round < rounds + 1; round++) {
      for (const [i, op] of ops.entries()) {
        for (let k = 0; k < 3; k++) {
          const side = sides[(round + k) % 3]!;
          const t0 = performance.now();
          if (side === 'raw') raw.inTransaction(() => op.raw(raw, round));
          else await op.kysely(side === 'encrypted' ? enc.db : plain.db, round);
          if (round > 0) samples[i]![side].push(performance.now() - t0); // round 0 warms every side
        }
      }
    }
    const perOp = ops.map((op, i) => ({
      label: op.label,
      encrypted: percentile(samples[i]!.encrypted, 50),
      plain: percentile(samples[i]!.plain, 50),
      raw: percentile(samples[i]!.raw, 50),
    }));
    const total = (k: 'encrypted' | 'plain' | 'raw') => perOp.reduce((s, o) => s + o[k], 0);
    const worst = (k: 'plain' | 'raw') => perOp.reduce((w, o) => (o.encrypted / o[k] > w.encrypted / w[k] ? o : w));
    const wp = worst('plain');
    const wr = worst('raw');
    const ratio = (id: string, label: string, value: number, note: string): Figure => ({ id, label, n: rounds, p50: value, p95: value, unit: 'ratio', target: { max: 1.3, on: 'value' }, note });
    return {
      sameResults,
      perOp,
      figures: [
        ratio('ratio.encryption', `encrypted / unencrypted copy, same reads (${ops.length} operations)`, total('encrypted') / total('plain'),
          `worst: ${wp.label} ×${(wp.encrypted / wp.plain).toFixed(2)}`),
        ratio('ratio.kysely', 'Kysely / hand-written prepared statements, same SQL', total('encrypted') / total('raw'),
          `worst: ${wr.label} ×${(wr.encrypted / wr.raw).toFixed(2)}${sameResults ? '' : '; RESULTS DIFFER'}`),
      ],
    };
  } finally {
    await enc.close();
    await plain.db.destroy();
    rmSync(copyFile, { force: true });
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(copyFile + suffix, { force: true });
  }
}
