import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import type { StoreDatabase } from '../../db/schema/store';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  accountId: number | null;
  action: string;
  entity?: string | null;
  entityId?: string | number | null;
  outcome: 'ok' | 'denied' | 'failed';
  /** Non-identifying context only: never passwords, names or case contents. */
  details?: Record<string, unknown> | null;
}

interface HashedFields {
  at: string;
  account_id: number | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  outcome: AuditEvent['outcome'];
  details: string | null;
}

/** The hash covers every column but the id, chained to the previous entry's hash. */
export function hashEntry(prevHash: string, row: HashedFields): string {
  const canonical = JSON.stringify([
    prevHash,
    row.at,
    row.account_id,
    row.action,
    row.entity,
    row.entity_id,
    row.outcome,
    row.details,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Appends one entry. Must run inside the caller's transaction so that the entry and the
 * change it records commit or roll back together, and so that two appends cannot both
 * read the same previous hash.
 */
export async function appendAudit(db: Kysely<StoreDatabase>, event: AuditEvent, at: string): Promise<void> {
  const last = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const fields: HashedFields = {
    at,
    account_id: event.accountId,
    action: event.action,
    entity: event.entity ?? null,
    entity_id: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    outcome: event.outcome,
    details: event.details ? JSON.stringify(event.details) : null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await db
    .insertInto('audit_log')
    .values({ ...fields, prev_hash: prevHash, hash: hashEntry(prevHash, fields) })
    .execute();
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenId: number | null;
}

/** Walks the whole chain in id order (streaming, constant memory) and reports the first broken link. */
export function verifyAuditChain(sqlite: Database.Database): AuditVerification {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const rows = sqlite
    .prepare('SELECT id, at, account_id, action, entity, entity_id, outcome, details, prev_hash, hash FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<HashedFields & { id: number; prev_hash: string; hash: string }>;
  for (const row of rows) {
    checked += 1;
    if (row.prev_hash !== prevHash || hashEntry(prevHash, row) !== row.hash) {
      return { ok: false, checked, firstBrokenId: row.id };
    }
    prevHash = row.hash;
  }
  return { ok: true, checked, firstBrokenId: null };
}
