import Database from 'better-sqlite3-multiple-ciphers';
import { applyCipherKey } from '../../db/open-store';
import { Vault } from '../../electron/core/vault';
import type { TempCore } from './temp-core';

export type AuditRow = { action: string; outcome: string; account_id: number | null; details: string | null };

/** Reads the store through a raw-key connection (the recovery key), read-only, and closes it. */
export async function withRawStore<T>(s: TempCore & { recoveryKey: string }, read: (raw: Database.Database) => T): Promise<T> {
  const vault = Vault.open(s.dir);
  const key = vault.unwrapWithRecoveryKey(s.recoveryKey)!;
  await vault.close();
  const raw = new Database(`${s.dir}/clinic.db`, { readonly: true });
  try {
    applyCipherKey(raw, key);
    return read(raw);
  } finally {
    raw.close();
  }
}

/** The audit log with its details (which the audit screens do not show), oldest first. */
export function auditDetails(s: TempCore & { recoveryKey: string }): Promise<AuditRow[]> {
  return withRawStore(s, (raw) => raw.prepare('SELECT action, outcome, account_id, details FROM audit_log ORDER BY id').all() as AuditRow[]);
}
