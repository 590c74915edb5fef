import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { StoreDatabase } from '../../db/schema/store';
import type { AuditEntry, AuditFilters } from '../../shared/contract/audit';
import { actionsOf } from '../../shared/domain/audit';

/**
 * Reading the audit log for people (issue #10, item 5): filtered, paged newest first, each
 * entry with the record it is about named as people name it. The log itself stays as it was
 * written (ids and channel names): names are looked up when it is read, so a person's new
 * spelling shows in old entries, and the chain's hashes never cover personal data.
 */
type Db = Kysely<StoreDatabase>;

/** A calendar day on the clinic's computer as the UTC instant it starts at (`at` is UTC ISO text). */
function startOfLocalDay(isoDate: string, plusDays = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

function filtered<O>(query: SelectQueryBuilder<StoreDatabase, 'audit_log', O>, f: AuditFilters) {
  let q = query;
  if (f.beneficiaryId !== undefined) q = q.where('audit_log.entity', '=', 'beneficiary').where('audit_log.entity_id', '=', String(f.beneficiaryId));
  if (f.caseId !== undefined) q = q.where('audit_log.entity', '=', 'case').where('audit_log.entity_id', '=', String(f.caseId));
  if (f.accountId !== undefined) q = q.where('audit_log.account_id', '=', f.accountId);
  if (f.category !== undefined) q = q.where('audit_log.action', 'in', actionsOf(f.category));
  if (f.outcome !== undefined) q = q.where('audit_log.outcome', '=', f.outcome);
  if (f.from !== undefined) q = q.where('audit_log.at', '>=', startOfLocalDay(f.from));
  if (f.to !== undefined) q = q.where('audit_log.at', '<', startOfLocalDay(f.to, 1));
  return q;
}

interface Row {
  id: number;
  at: string;
  account_id: number | null;
  full_name: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  outcome: AuditEntry['outcome'];
}

/** Up to `limit` entries below `beforeId`, newest first. */
export async function auditPage(db: Db, filters: AuditFilters, beforeId: number | undefined, limit: number): Promise<AuditEntry[]> {
  let query = filtered(
    db
      .selectFrom('audit_log')
      .leftJoin('accounts', 'accounts.id', 'audit_log.account_id')
      .select(['audit_log.id', 'audit_log.at', 'audit_log.account_id', 'accounts.full_name', 'audit_log.action', 'audit_log.entity', 'audit_log.entity_id', 'audit_log.outcome']),
    filters,
  );
  if (beforeId !== undefined) query = query.where('audit_log.id', '<', beforeId);
  const rows: Row[] = await query.orderBy('audit_log.id', 'desc').limit(limit).execute();
  const subjects = await subjectsOf(db, rows);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    accountId: r.account_id,
    accountName: r.full_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    subject: (r.entity && r.entity_id && subjects.get(`${r.entity}:${r.entity_id}`)) || '',
    outcome: r.outcome,
  }));
}

export async function auditCount(db: Db, filters: AuditFilters): Promise<number> {
  const row = await filtered(db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')), filters).executeTakeFirstOrThrow();
  return Number(row.n);
}

const ids = (rows: readonly Row[], entity: string) => [
  ...new Set(rows.filter((r) => r.entity === entity && r.entity_id && /^\d+$/.test(r.entity_id)).map((r) => Number(r.entity_id))),
];

/** `entity:id` → the record's name, for the records a page of entries is about (one query per kind). */
async function subjectsOf(db: Db, rows: readonly Row[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const people = ids(rows, 'beneficiary');
  if (people.length) {
    for (const p of await db.selectFrom('beneficiaries').select(['id', 'latin_name', 'arabic_name']).where('id', 'in', people).execute()) {
      out.set(`beneficiary:${p.id}`, [p.latin_name, p.arabic_name].filter(Boolean).join(' · '));
    }
  }
  const cases = ids(rows, 'case');
  if (cases.length) {
    for (const c of await db.selectFrom('cases').select(['id', 'reference']).where('id', 'in', cases).execute()) out.set(`case:${c.id}`, c.reference);
  }
  const accounts = ids(rows, 'account');
  if (accounts.length) {
    for (const a of await db.selectFrom('accounts').select(['id', 'full_name']).where('id', 'in', accounts).execute()) out.set(`account:${a.id}`, a.full_name);
  }
  const domains = ids(rows, 'domain');
  if (domains.length) {
    for (const d of await db.selectFrom('domains').select(['id', 'code']).where('id', 'in', domains).execute()) out.set(`domain:${d.id}`, d.code);
  }
  return out;
}
