import type { Generated } from 'kysely';

/**
 * Append-only audit trail. Each row carries the hash of the previous row, so editing or
 * removing a row with a raw connection breaks the chain; triggers refuse UPDATE and DELETE.
 */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  account_id: number | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  /** JSON with non-identifying context (never passwords or case contents). */
  details: string | null;
  prev_hash: string;
  hash: string;
}
