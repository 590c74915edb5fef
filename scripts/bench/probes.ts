/**
 * What the benchmark asks for, chosen from the store itself (deterministically), so it
 * works on any seeded store: the most common name, a rare one, a Latin-only record typed
 * in Arabic, a phone typed another way, a reference, case ids to open, deep cursors.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { encodeCursor } from '../../electron/core/registry/cursor';
import { bestNameMatch } from '../../shared/search/name-match';
import { arabicOf } from '../seed/names';

export interface Probe {
  query: string;
  /** The beneficiary or case the search must find (checked, reported as found / not found). */
  expect: { beneficiary?: number; case?: number };
}

export interface Probes {
  search: { rare: Probe; common: Probe; otherScript: Probe; phone: Probe; reference: Probe };
  /** Typed one character at a time in the search-or-create box. */
  typing: string[];
  /** Case pages to open, spread over the whole store. */
  caseIds: number[];
  /** Keyset cursors deep in two lists: everything by intake date, and closed cases. */
  deep: { all: string; closed: string };
  /** The heaviest records for the PDF: the longest case file, the person with most cases. */
  biggestCase: number;
  busiestPerson: number;
  domains: Map<string, number>;
  /** The lawyer with the most open cases (the heaviest "my work"), the intake worker who opened the most. */
  lawyerId: number;
  intakeId: number;
  /** How many open (not closed) cases that lawyer has. */
  lawyerOpenCases: number;
  /** The busiest case pages: the cases with the most activities (200 and more on the 100,000-case store). */
  busyCases: { id: number; activities: number }[];
  /** Open cases of that lawyer, where the benchmark adds its activities. */
  lawyerOpenCaseIds: number[];
}

type Row = Record<string, unknown>;

export function findProbes(sqlite: Database.Database): Probes {
  const one = <T extends Row>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T | undefined;
  const all = <T extends Row>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).all(...params) as T[];
  // Streamed, twice, rather than held: 100,000 names in memory would show in the memory figure.
  type Person = { id: number; latin_name: string; arabic_name: string };
  const people = (sql: string, ...params: unknown[]) => sqlite.prepare(sql).iterate(...params) as IterableIterator<Person>;
  const named = "SELECT id, latin_name, arabic_name FROM beneficiaries WHERE merged_into IS NULL AND latin_name <> ''";
  const fullCount = new Map<string, number>();
  const wordCount = new Map<string, number>();
  for (const p of people(named)) {
    fullCount.set(p.latin_name, (fullCount.get(p.latin_name) ?? 0) + 1);
    for (const w of p.latin_name.toLowerCase().split(' ')) wordCount.set(w, (wordCount.get(w) ?? 0) + 1);
  }
  const common = [...fullCount].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  const commonId = one<{ id: number }>(`${named.replace('id, latin_name, arabic_name', 'id')} AND latin_name = ? ORDER BY id LIMIT 1`, common)!.id;
  // From the middle of the registry onwards, then from its start: neither the oldest nor the newest.
  const midId = one<{ id: number }>('SELECT id FROM beneficiaries ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM beneficiaries)')!.id;
  const find = (test: (p: Person) => boolean): Person | undefined => {
    for (const sql of [`${named} AND id >= ? ORDER BY id`, `${named} AND id < ? ORDER BY id`]) {
      for (const p of people(sql, midId)) if (test(p)) return p;
    }
    return undefined;
  };
  const rare = find((p) => p.latin_name.includes(' ') && p.latin_name.toLowerCase().split(' ').every((w) => (wordCount.get(w) ?? 0) <= 2))
    ?? find(() => true)!;
  // A Latin-only record whose Arabic spelling the matcher accepts (its recall is measured
  // in test/unit/search; here we time the search, so the probe must be findable).
  const latinOnly = find((p) => {
    if (p.arabic_name !== '' || fullCount.get(p.latin_name) !== 1) return false;
    const arabic = arabicOf(p.latin_name);
    return arabic !== null && bestNameMatch(arabic, [p.latin_name], true).reason === 'other-script';
  });
  const phone = one<{ id: number; phone_norm: string }>(
    "SELECT id, phone_norm FROM beneficiaries WHERE merged_into IS NULL AND phone_norm LIKE '2126%' ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 3 FROM beneficiaries)",
  ) ?? one<{ id: number; phone_norm: string }>("SELECT id, phone_norm FROM beneficiaries WHERE phone_norm LIKE '2126%' ORDER BY id LIMIT 1")!;
  // Typed the way it is said over the phone: 06 12 34 56 78.
  const nine = phone.phone_norm.slice(3);
  const spokenPhone = `0${nine[0]} ${nine.slice(1).match(/.{2}/g)!.join(' ')}`;
  const cases = one<{ n: number; max: number }>('SELECT count(*) AS n, max(id) AS max FROM cases')!;
  const reference = one<{ id: number; reference: string }>('SELECT id, reference FROM cases WHERE id >= ? ORDER BY id LIMIT 1', Math.floor(cases.max * 0.6))!;
  // Every 97th case from a third of the way: spread over years, statuses and lawyers.
  const caseIds = all<{ id: number }>('SELECT id FROM cases WHERE id % 97 = 3 ORDER BY id').map((r) => r.id).slice(0, 200);
  const cursorAt = (sql: string, offset: number) => {
    const row = one<{ key: string; id: number }>(sql, offset);
    return row ? encodeCursor(row.key, row.id) : encodeCursor('9999-12-31', 0);
  };
  const deepOffset = Math.min(20_000, Math.floor(cases.n / 5));
  const closedCount = one<{ n: number }>("SELECT count(*) AS n FROM cases WHERE status = 'closed'")!.n;
  // The case summary prints the facts, the history, the activities (about a line and a half
  // each), the procedures and the hearings: the longest file by that measure.
  const biggest = one<{ id: number }>(
    `SELECT c.id FROM cases c ORDER BY length(c.summary) + 200 * (SELECT count(*) FROM case_status_history h WHERE h.case_id = c.id)
      + 250 * (SELECT count(*) FROM activities a WHERE a.case_id = c.id) + 400 * (SELECT count(*) FROM procedures p WHERE p.case_id = c.id)
      + 200 * (SELECT count(*) FROM hearings g WHERE g.case_id = c.id) DESC, c.id LIMIT 1`,
  )!;
  const busyCases = all<{ id: number; activities: number }>(
    'SELECT case_id AS id, count(*) AS activities FROM activities GROUP BY case_id ORDER BY activities DESC, case_id LIMIT 10',
  );
  const lawyer = one<{ id: number; n: number }>(
    "SELECT assigned_lawyer_id AS id, count(*) AS n FROM cases WHERE status <> 'closed' AND assigned_lawyer_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1",
  ) ?? { ...one<{ id: number }>('SELECT assigned_lawyer_id AS id FROM cases WHERE assigned_lawyer_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1')!, n: 0 };
  const busiest = one<{ id: number }>(
    'SELECT beneficiary_id AS id FROM cases GROUP BY beneficiary_id ORDER BY count(*) DESC, beneficiary_id LIMIT 1',
  )!;
  const arabicTyped = one<{ arabic_name: string }>("SELECT arabic_name FROM beneficiaries WHERE arabic_name <> '' AND merged_into IS NULL ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM beneficiaries)")
    ?? { arabic_name: 'محمد' };
  return {
    search: {
      rare: { query: rare.latin_name, expect: { beneficiary: rare.id } },
      common: { query: common, expect: { beneficiary: commonId } },
      otherScript: latinOnly
        ? { query: arabicOf(latinOnly.latin_name)!, expect: { beneficiary: latinOnly.id } }
        : { query: arabicTyped.arabic_name, expect: {} },
      phone: { query: spokenPhone, expect: { beneficiary: phone.id } },
      reference: { query: reference.reference, expect: { case: reference.id } },
    },
    typing: [common, arabicTyped.arabic_name, spokenPhone],
    caseIds,
    deep: {
      all: cursorAt('SELECT intake_date AS key, id FROM cases ORDER BY intake_date DESC, id DESC LIMIT 1 OFFSET ?', deepOffset),
      closed: cursorAt("SELECT intake_date AS key, id FROM cases WHERE status = 'closed' ORDER BY intake_date DESC, id DESC LIMIT 1 OFFSET ?", Math.floor(closedCount / 2)),
    },
    biggestCase: biggest.id,
    busiestPerson: busiest.id,
    domains: new Map(all<{ code: string; id: number }>('SELECT code, id FROM domains').map((d) => [d.code, d.id])),
    lawyerId: lawyer.id,
    lawyerOpenCases: lawyer.n,
    busyCases,
    lawyerOpenCaseIds: all<{ id: number }>("SELECT id FROM cases WHERE assigned_lawyer_id = ? AND status <> 'closed' ORDER BY id DESC LIMIT 20", lawyer.id).map((r) => r.id),
    intakeId: one<{ id: number }>("SELECT created_by AS id FROM cases JOIN accounts ON accounts.id = created_by WHERE role = 'intake' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")!.id,
  };
}
