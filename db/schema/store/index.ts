import type { AccountsTable } from './accounts';
import type { AuditLogTable } from './audit-log';
import type { ClinicTable } from './clinic';
import type { SettingsTable } from './settings';

/** The encrypted case store, table by table (one file per table). */
export interface StoreDatabase {
  clinic: ClinicTable;
  accounts: AccountsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
}
