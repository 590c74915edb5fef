import { sql, type SqlBool, type Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import { findCandidates } from './beneficiaries';
import { listCases } from './cases';
import { summaryMatch } from './search-index';
import type { Session } from '../sessions';
import { caseVisible } from './visibility';

type Trx = Transaction<StoreDatabase>;

/**
 * What was typed, as a LIKE pattern that matches only itself: `%`, `_` and the escape
 * character are escaped, for `LIKE … ESCAPE '\'`. The caller adds its own wildcards.
 */
export function likeLiteral(typed: string): string {
  return typed.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const referenceLike = (pattern: string) => sql<SqlBool>`${sql.ref('cases.reference')} LIKE ${pattern} ESCAPE '\\'`;

/**
 * The shell's search box: people by name in either script, phone or document number; cases
 * by reference, by words of their summary, and the visible cases of the people found.
 * Cases the session may not see never appear, not even as a count.
 */
export async function globalSearch(trx: Trx, query: string, session: Session) {
  const hasDigit = /[0-9\u0660-\u0669]/.test(query);
  const people = await findCandidates(trx, { name: query, phone: hasDigit ? query : '', documentNumber: hasDigit ? query : '' }, 20);
  const caseIds = new Set<number>();
  // The typed text is only ever a bound value: LIKE patterns escape it, and the FTS5
  // expressions quote every term (summaryMatch, nameFts5Match), so `"`, `*`, `%`, `_`, `(`,
  // `:`, `-`, `^`, NEAR, OR, AND are searched as text, never read as query syntax.
  const reference = query.trim().toUpperCase();
  // A whole or partial reference: RBT-2026-00042, 2026-00042, or its sequence 00042.
  if (/^[A-Z]{2,6}-?\d/.test(reference) || /^\d{4}-\d+$/.test(reference) || /^\d{3,5}$/.test(reference)) {
    const typed = likeLiteral(reference);
    const rows = await trx
      .selectFrom('cases')
      .select('id')
      .where((eb) => eb.or([referenceLike(`${typed}%`), referenceLike(`%-${typed}%`), referenceLike(`%-%${typed}`)]))
      .where(caseVisible(session))
      .limit(20)
      .execute();
    rows.forEach((r) => caseIds.add(r.id));
  }
  const match = summaryMatch(query);
  if (match) {
    const rows = await trx
      .selectFrom('case_fts')
      .innerJoin('cases', 'cases.id', 'case_fts.rowid')
      .select('cases.id')
      .where(sql<boolean>`case_fts MATCH ${match}`)
      .where(caseVisible(session))
      .limit(20)
      .execute();
    rows.forEach((r) => caseIds.add(r.id));
  }
  if (people.length) {
    const rows = await trx
      .selectFrom('cases')
      .select('id')
      .where('beneficiary_id', 'in', people.map((p) => p.beneficiary.id))
      .where(caseVisible(session, true))
      .limit(20)
      .execute();
    rows.forEach((r) => caseIds.add(r.id));
  }
  const cases = caseIds.size
    ? (await listCases(trx, { sort: 'intake_desc', limit: 40, cursor: undefined }, session, [...caseIds])).items
    : [];
  return { beneficiaries: people.map((p) => ({ beneficiary: p.beneficiary, reasons: p.reasons })), cases };
}
