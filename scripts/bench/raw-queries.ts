/**
 * The same reads as electron/core/registry, hand-written as prepared statements on the raw
 * better-sqlite3 connection: the SQL each registry function sends, prepared once and
 * reused, and the same mapping to the contract's shapes. The benchmark checks that both
 * paths return identical results before it compares their speed.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Selectable } from 'kysely';
import type { CaseStatusHistoryTable } from '../../db/schema/store/case-status-history';
import type { CaseAssignmentsTable } from '../../db/schema/store/case-assignments';
import type { CasesTable } from '../../db/schema/store/cases';
import type { DomainsTable } from '../../db/schema/store/domains';
import { namesOf, toSummary } from '../../electron/core/registry/beneficiary-rows';
import { decodeCursor, encodeCursor } from '../../electron/core/registry/cursor';
import { summaryMatch } from '../../electron/core/registry/search-index';
import type { Session } from '../../electron/core/sessions';
import type { Candidate, MatchReason } from '../../shared/contract/beneficiaries';
import type { CaseDetail, CaseListInput, CaseSummary } from '../../shared/contract/cases';
import type { Domain } from '../../shared/contract/registry';
import { normalizeDocumentNumber } from '../../shared/search/document-number';
import { bestNameMatch } from '../../shared/search/name-match';
import { nameFts5Match } from '../../shared/search/name-search-terms';
import { normalizePhone } from '../../shared/search/phone';

type Row = { id: number };
type BeneficiaryRow = Parameters<typeof toSummary>[0];
type CaseRow = Selectable<CasesTable>;
type ListRow = Pick<CaseRow, 'id' | 'reference' | 'beneficiary_id' | 'intake_date' | 'status' | 'urgency' | 'urgency_rank' | 'sensitive'> & {
  latin_name: string;
  arabic_name: string;
  lawyer: string | null;
};

const SORTS = {
  intake_desc: ['cases.intake_date', 'desc'],
  intake_asc: ['cases.intake_date', 'asc'],
  reference_desc: ['cases.reference', 'desc'],
  urgency_desc: ['cases.urgency_rank', 'desc'],
} as const;

const REASON_ORDER: Record<MatchReason, number> = { document: 0, phone: 1, name_exact: 2, name_other_script: 3, name_spelling: 4 };

export class RawRegistry {
  private readonly statements = new Map<string, Database.Statement>();

  /** `onFirstRun` sees each distinct SQL text once, with its first parameters (for --explain). */
  constructor(
    private readonly sqlite: Database.Database,
    private readonly onFirstRun?: (sql: string, params: unknown[]) => void,
  ) {}

  /** Prepared once per distinct SQL text, then reused: what a hand-written data layer does. */
  private st(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.sqlite.prepare(sql);
      const hook = this.onFirstRun;
      if (hook) {
        // Report the first parameters once, then behave as the plain statement.
        const prepared = s;
        let seen = false;
        const first = (params: unknown[]) => {
          if (!seen) hook(sql, params);
          seen = true;
        };
        s = Object.assign(Object.create(prepared) as Database.Statement, {
          all: (...p: unknown[]) => (first(p), prepared.all(...p)),
          get: (...p: unknown[]) => (first(p), prepared.get(...p)),
          run: (...p: unknown[]) => (first(p), prepared.run(...p)),
        });
      }
      this.statements.set(sql, s);
    }
    return s;
  }

  /** One read transaction, as the router opens for every call. */
  inTransaction<T>(fn: () => T): T {
    this.st('begin').run();
    try {
      const value = fn();
      this.st('commit').run();
      return value;
    } catch (error) {
      this.st('rollback').run();
      throw error;
    }
  }

  /** registry/visibility.ts, `narrowed` included (no index on the role's column). */
  private visible(session: Session, narrowed = false): { sql: string; params: unknown[] } {
    const plus = narrowed ? '+' : '';
    if (session.role === 'lawyer') return { sql: `${plus}"cases"."assigned_lawyer_id" = ?`, params: [session.accountId] };
    if (session.role === 'intake') {
      return narrowed
        ? { sql: '(+"cases"."created_by" = ? and "cases"."sensitive" = 0)', params: [session.accountId] }
        : { sql: '("cases"."created_by" = ? and "cases"."sensitive" = ?)', params: [session.accountId, 0] };
    }
    return { sql: '1 = 1', params: [] };
  }

  private inList(n: number): string {
    return Array.from({ length: n }, () => '?').join(', ');
  }

  listCases(input: CaseListInput & { limit: number }, session: Session, onlyIds?: number[]): { items: CaseSummary[]; nextCursor: string | null } {
    const [column, dir] = SORTS[input.sort ?? 'intake_desc'];
    const vis = this.visible(session, onlyIds !== undefined);
    const where = [vis.sql];
    const params: unknown[] = [...vis.params];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (onlyIds) add(`"cases"."id" in (${this.inList(onlyIds.length || 1)})`, ...(onlyIds.length ? onlyIds : [-1]));
    if (input.status) add('"cases"."status" = ?', input.status);
    if (input.lawyerId) add('"cases"."assigned_lawyer_id" = ?', input.lawyerId);
    if (input.urgency) add('"cases"."urgency" = ?', input.urgency);
    if (input.from) add('"cases"."intake_date" >= ?', input.from);
    if (input.to) add('"cases"."intake_date" <= ?', input.to);
    if (input.nationality) add('"beneficiaries"."nationality" = ?', input.nationality);
    if (input.domainId) add('exists (select "case_id" from "case_domains" where "case_domains"."case_id" = "cases"."id" and "case_domains"."domain_id" = ?)', input.domainId);
    const after = decodeCursor(input.cursor);
    const quoted = column.split('.').map((c) => `"${c}"`).join('.');
    const join = input.nationality ? ' inner join "beneficiaries" on "beneficiaries"."id" = "cases"."beneficiary_id"' : '';
    if (after) add(`(${quoted}, "cases"."id") ${dir === 'desc' ? '<' : '>'} (?, ?)`, after.key, after.id);
    // registry/cases.ts: the page's ids first, then their rows joined.
    const order = `order by ${quoted} ${dir}, "cases"."id" ${dir}`;
    const page = `select "cases"."id" from "cases"${join} where ${where.join(' and ')} ${order} limit ?`;
    const sql = `select "cases"."id", "cases"."reference", "cases"."beneficiary_id", "cases"."intake_date", "cases"."status", "cases"."urgency", "cases"."urgency_rank", "cases"."sensitive", "beneficiaries"."latin_name", "beneficiaries"."arabic_name", "accounts"."full_name" as "lawyer" from "cases" inner join "beneficiaries" on "beneficiaries"."id" = "cases"."beneficiary_id" left join "accounts" on "accounts"."id" = "cases"."assigned_lawyer_id" where "cases"."id" in (${page}) ${order}`;
    const rows = this.st(sql).all(...params, input.limit + 1) as ListRow[];
    const items = rows.slice(0, input.limit);
    const domainRows = items.length
      ? (this.st(`select "case_id", "domain_id" from "case_domains" where "case_id" in (${this.inList(items.length)})`).all(...items.map((r) => r.id)) as { case_id: number; domain_id: number }[])
      : [];
    const last = items.at(-1);
    const keyOf = (r: ListRow) => (column === 'cases.intake_date' ? r.intake_date : column === 'cases.reference' ? r.reference : r.urgency_rank);
    return {
      items: items.map((r): CaseSummary => ({
        id: r.id,
        reference: r.reference,
        beneficiaryId: r.beneficiary_id,
        beneficiaryName: r.latin_name || r.arabic_name,
        intakeDate: r.intake_date,
        status: r.status,
        urgency: r.urgency,
        sensitive: r.sensitive === 1,
        domainIds: domainRows.filter((d) => d.case_id === r.id).map((d) => d.domain_id),
        assignedLawyer: r.lawyer,
      })),
      nextCursor: rows.length > input.limit && last ? encodeCursor(keyOf(last), last.id) : null,
    };
  }

  caseDetail(id: number, session: Session): CaseDetail {
    const vis = this.visible(session);
    const row = this.st(`select * from "cases" where "id" = ? and ${vis.sql}`).get(id, ...vis.params) as CaseRow | undefined;
    if (!row) throw new Error('NOT_FOUND');
    const person = this.st('select * from "beneficiaries" where "id" = ?').get(row.beneficiary_id) as BeneficiaryRow;
    const domains = this.st('select "domain_id" from "case_domains" where "case_id" = ?').all(id) as { domain_id: number }[];
    const names = new Map((this.st('select "id", "full_name" from "accounts"').all() as { id: number; full_name: string }[]).map((a) => [a.id, a.full_name]));
    const history = this.st('select * from "case_status_history" where "case_id" = ? order by "id"').all(id) as Selectable<CaseStatusHistoryTable>[];
    const assignments = this.st('select * from "case_assignments" where "case_id" = ? order by "id"').all(id) as Selectable<CaseAssignmentsTable>[];
    const name = (accountId: number | null) => (accountId === null ? null : (names.get(accountId) ?? ''));
    return {
      id: row.id,
      reference: row.reference,
      beneficiary: toSummary(person),
      fields: {
        intakeDate: row.intake_date,
        channel: row.channel as CaseDetail['fields']['channel'],
        domainIds: domains.map((d) => d.domain_id),
        summary: row.summary,
        urgency: row.urgency,
        urgencyReasons: JSON.parse(row.urgency_reasons) as CaseDetail['fields']['urgencyReasons'],
        sensitive: row.sensitive === 1,
      },
      status: row.status,
      assignedLawyerId: row.assigned_lawyer_id,
      assignedLawyer: row.assigned_lawyer_id === null ? null : (names.get(row.assigned_lawyer_id) ?? null),
      closureReason: row.closure_reason,
      outcome: row.outcome,
      history: history.map((h) => ({ from: h.from_status, to: h.to_status, at: h.at, by: names.get(h.by_account) ?? '', note: h.note, closureReason: h.closure_reason, outcome: h.outcome })),
      assignments: assignments.map((a) => ({ at: a.at, by: names.get(a.by_account) ?? '', from: name(a.from_lawyer_id), to: name(a.to_lawyer_id) })),
      createdAt: row.created_at,
      createdBy: names.get(row.created_by) ?? '',
    };
  }

  listDomains(): Domain[] {
    const rows = this.st('select * from "domains" order by "sort", "id"').all() as Selectable<DomainsTable>[];
    return rows.map((r) => ({ id: r.id, code: r.code, ar: r.label_ar, fr: r.label_fr, en: r.label_en, active: r.active === 1 }));
  }

  findCandidates(input: { name: string; phone: string; documentNumber: string }, limit = 10): Candidate[] {
    const found = new Map<number, { reasons: Set<MatchReason>; score: number }>();
    const add = (id: number, reason: MatchReason, score: number) => {
      const entry = found.get(id) ?? { reasons: new Set<MatchReason>(), score: 0 };
      entry.reasons.add(reason);
      entry.score = Math.max(entry.score, score);
      found.set(id, entry);
    };
    const phone = input.phone ? normalizePhone(input.phone) : null;
    if (phone) {
      for (const r of this.st('select "id" from "beneficiaries" where "phone_norm" = ? and "merged_into" is null limit ?').all(phone, 50) as Row[]) add(r.id, 'phone', 1);
    }
    const doc = input.documentNumber ? normalizeDocumentNumber(input.documentNumber) : null;
    if (doc && doc.length >= 4) {
      const sql = 'select "beneficiaries"."id" from "identity_documents" inner join "beneficiaries" on "beneficiaries"."id" = "identity_documents"."beneficiary_id" where "identity_documents"."number_norm" = ? and "beneficiaries"."merged_into" is null limit ?';
      for (const r of this.st(sql).all(doc, 50) as Row[]) add(r.id, 'document', 1);
    }
    const match = input.name ? nameFts5Match(input.name) : null;
    if (match && input.name) {
      const typedEnough = input.name.trim().split(/\s+/).length > 1 || input.name.trim().length >= 5;
      const order = typedEnough ? 'bm25(person_fts, 10.0, 1.0)' : 'person_fts.rowid desc';
      const sql = `select "beneficiaries"."id", "beneficiaries"."latin_name", "beneficiaries"."arabic_name", "beneficiaries"."other_spellings" from "person_fts" inner join "beneficiaries" on "beneficiaries"."id" = "person_fts"."rowid" where person_fts MATCH ? and "beneficiaries"."merged_into" is null order by ${order} limit ?`;
      for (const row of this.st(sql).all(match, 300) as (Row & { latin_name: string; arabic_name: string; other_spellings: string })[]) {
        const m = bestNameMatch(input.name, namesOf(row), true);
        if (m.reason === 'none') continue;
        add(row.id, m.reason === 'exact' ? 'name_exact' : m.reason === 'other-script' ? 'name_other_script' : 'name_spelling', m.score);
      }
    }
    const ranked = [...found.entries()].sort(([, a], [, b]) => b.reasons.size - a.reasons.size || b.score - a.score).slice(0, limit);
    if (ranked.length === 0) return [];
    const rows = this.st(`select * from "beneficiaries" where "id" in (${this.inList(ranked.length)})`).all(...ranked.map(([id]) => id)) as BeneficiaryRow[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ranked.flatMap(([id, e]) => {
      const row = byId.get(id);
      return row ? [{ beneficiary: toSummary(row), reasons: [...e.reasons].sort((a, b) => REASON_ORDER[a] - REASON_ORDER[b]), score: e.score }] : [];
    });
  }

  globalSearch(query: string, session: Session) {
    const hasDigit = /[0-9\u0660-\u0669]/.test(query);
    const people = this.findCandidates({ name: query, phone: hasDigit ? query : '', documentNumber: hasDigit ? query : '' }, 20);
    const caseIds = new Set<number>();
    const vis = this.visible(session);
    const reference = query.trim().toUpperCase();
    if (/^[A-Z]{2,6}-?\d/.test(reference) || /^\d{4}-\d+$/.test(reference) || /^\d{3,5}$/.test(reference)) {
      const sql = `select "id" from "cases" where ("reference" like ? or "reference" like ? or "reference" like ?) and ${vis.sql} limit ?`;
      for (const r of this.st(sql).all(`${reference}%`, `%-${reference}%`, `%-%${reference}`, ...vis.params, 20) as Row[]) caseIds.add(r.id);
    }
    const match = summaryMatch(query);
    if (match) {
      const sql = `select "cases"."id" from "case_fts" inner join "cases" on "cases"."id" = "case_fts"."rowid" where case_fts MATCH ? and ${vis.sql} limit ?`;
      for (const r of this.st(sql).all(match, ...vis.params, 20) as Row[]) caseIds.add(r.id);
    }
    if (people.length) {
      const narrow = this.visible(session, true);
      const sql = `select "id" from "cases" where "beneficiary_id" in (${this.inList(people.length)}) and ${narrow.sql} limit ?`;
      for (const r of this.st(sql).all(...people.map((p) => p.beneficiary.id), ...narrow.params, 20) as Row[]) caseIds.add(r.id);
    }
    const cases = caseIds.size ? this.listCases({ sort: 'intake_desc', limit: 40 }, session, [...caseIds]).items : [];
    return { beneficiaries: people.map((p) => ({ beneficiary: p.beneficiary, reasons: p.reasons })), cases };
  }
}
