/**
 * `npm run bench -- --explain`: the query plan SQLite chooses for every statement of the
 * benchmark's read workload (the registry's SQL, collected through the hand-written copy),
 * to check that each one searches an index and none scans a large table or sorts it.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { StoreDatabase } from '../../db/schema/store';
import { withTransaction } from '../../db/transaction';
import { listActivities } from '../../electron/core/registry/activities';
import { calendarEntries } from '../../electron/core/registry/calendar';
import { listHearings } from '../../electron/core/registry/hearings';
import { listProcedures } from '../../electron/core/registry/procedures';
import type { Session } from '../../electron/core/sessions';
import { listTasks } from '../../electron/core/registry/tasks';
import { myWork, teamWork } from '../../electron/core/registry/work';
import { localDay } from '../../shared/deadlines/zone';
import { monthGrid } from './core-path';
import type { Probes } from './probes';
import { RawRegistry } from './raw-queries';
import { candidateQuery, deepPages, firstPages, keystrokes, type Who } from './workload';

export async function explainWorkload(sqlite: Database.Database, probes: Probes, sessions: Record<Who, Session>, now: Date): Promise<string> {
  const seen: { sql: string; params: readonly unknown[] }[] = [];
  const raw = new RawRegistry(sqlite, (sql, params) => seen.push({ sql, params }));
  for (const l of [...firstPages(probes), ...deepPages(probes)]) raw.listCases(l.input, sessions[l.who]);
  for (const probe of Object.values(probes.search)) raw.globalSearch(probe.query, sessions.supervisor);
  for (const who of ['lawyer', 'intake'] as const) raw.globalSearch(probes.search.common.query, sessions[who]);
  raw.caseDetail(probes.caseIds[0]!, sessions.supervisor);
  raw.listDomains();
  for (const text of keystrokes(probes.typing)) raw.findCandidates(candidateQuery(text));
  // Issue #12's reads have no hand-written copy: their SQL is taken from Kysely as the registry runs it.
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteDialect({ database: sqlite }), log: (e) => void seen.push({ sql: e.query.sql, params: e.query.parameters }) });
  const busy = probes.busyCases[0]?.id ?? probes.caseIds[0]!;
  await withTransaction(db, async (trx) => {
    await listActivities(trx, { caseId: busy, limit: 50, cursor: undefined }, sessions.supervisor);
    await listProcedures(trx, busy, sessions.supervisor, now);
    await listHearings(trx, busy, sessions.supervisor);
    await listTasks(trx, busy, sessions.supervisor, now);
    await myWork(trx, sessions.lawyer, undefined, now);
    await myWork(trx, sessions.supervisor, undefined, now);
    await teamWork(trx, now);
    await calendarEntries(trx, monthGrid(localDay(now.toISOString())), sessions.supervisor, now);
  });
  const out: string[] = [];
  for (const { sql, params } of seen) {
    if (/^(begin|commit|rollback)$/.test(sql)) continue;
    // Bound as first run: a LIKE prefix can only use an index once its pattern is known.
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { id: number; parent: number; detail: string }[];
    const depth = new Map<number, number>([[0, 0]]);
    // The long column lists say nothing about the plan: elided.
    out.push(sql.replace(/^select (.{60,}?) from /, 'select … from ').replace(/(\?, ){3,}\?/g, '?, …'));
    for (const row of plan) {
      const d = (depth.get(row.parent) ?? 0) + 1;
      depth.set(row.id, d);
      out.push(`${'  '.repeat(d)}${row.detail}`);
    }
    out.push('');
  }
  return out.join('\n');
}
