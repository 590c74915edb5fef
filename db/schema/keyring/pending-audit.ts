import type { Generated } from 'kysely';

/**
 * Audit events that happen while the store is locked (a failed login, a call from a locked
 * session) cannot be written to the encrypted audit log: its key is not in memory. They wait
 * here, without usernames or case data, and move into the audit log at the next unlock, in
 * the same transaction as that unlock's own entry (marked `queued` in their details).
 */
export interface PendingAuditTable {
  id: Generated<number>;
  at: string;
  account_id: number | null;
  action: string;
  outcome: 'ok' | 'denied' | 'failed';
  details: string | null;
}
