/**
 * `npm run bench -- --explain`: the query plan SQLite chooses for every statement of the
 * benchmark's read workload (the registry's SQL, collected through the hand-written copy),
 * to check that each one searches an index and none scans a large table or sorts it.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Session } from '../../electron/core/sessions';
import type { Probes } from './probes';
import { RawRegistry } from './raw-queries';
import { candidateQuery, deepPages, firstPages, keystrokes, type Who } from './workload';

export function explainWorkload(sqlite: Database.Database, probes: Probes, sessions: Record<Who, Session>): string {
  const seen: { sql: string; params: unknown[] }[] = [];
  const raw = new RawRegistry(sqlite, (sql, params) => seen.push({ sql, params }));
  for (const l of [...firstPages(probes), ...deepPages(probes)]) raw.listCases(l.input, sessions[l.who]);
  for (const probe of Object.values(probes.search)) raw.globalSearch(probe.query, sessions.supervisor);
  for (const who of ['lawyer', 'intake'] as const) raw.globalSearch(probes.search.common.query, sessions[who]);
  raw.caseDetail(probes.caseIds[0]!, sessions.supervisor);
  raw.listDomains();
  for (const text of keystrokes(probes.typing)) raw.findCandidates(candidateQuery(text));
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
