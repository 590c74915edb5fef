import type { AccountsTable } from './accounts';
import type { ActivitiesTable, ActivityRevisionsTable } from './activities';
import type { DeadlineLogTable, HolidaysTable, ProcedureStepsTable, ProcedureTemplatesTable, ProceduresTable } from './procedures';
import type { AuditLogTable } from './audit-log';
import type { BeneficiariesTable } from './beneficiaries';
import type { BeneficiaryMergesTable } from './beneficiary-merges';
import type { CaseAssignmentsTable } from './case-assignments';
import type { CaseDomainsTable } from './case-domains';
import type { CaseStatusHistoryTable } from './case-status-history';
import type { CasesTable } from './cases';
import type { ClinicTable } from './clinic';
import type { ConsentsTable } from './consents';
import type { DomainsTable } from './domains';
import type { EnquiriesTable } from './enquiries';
import type { HouseholdLinksTable } from './household-links';
import type { IdentityDocumentsTable } from './identity-documents';
import type { ReferenceCountersTable } from './reference-counters';
import type { CaseFtsTable, PersonFtsTable } from './search-index';
import type { SettingsTable } from './settings';

/** The encrypted case store, table by table (one file per table). */
export interface StoreDatabase {
  clinic: ClinicTable;
  accounts: AccountsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  beneficiaries: BeneficiariesTable;
  identity_documents: IdentityDocumentsTable;
  consents: ConsentsTable;
  household_links: HouseholdLinksTable;
  domains: DomainsTable;
  enquiries: EnquiriesTable;
  reference_counters: ReferenceCountersTable;
  cases: CasesTable;
  case_domains: CaseDomainsTable;
  case_status_history: CaseStatusHistoryTable;
  case_assignments: CaseAssignmentsTable;
  activities: ActivitiesTable;
  activity_revisions: ActivityRevisionsTable;
  holidays: HolidaysTable;
  procedure_templates: ProcedureTemplatesTable;
  procedures: ProceduresTable;
  procedure_steps: ProcedureStepsTable;
  deadline_log: DeadlineLogTable;
  beneficiary_merges: BeneficiaryMergesTable;
  person_fts: PersonFtsTable;
  case_fts: CaseFtsTable;
}
