import type { Generated } from 'kysely';
import type { CaseStatus } from '../../../shared/domain/case';

export interface CaseStatusHistoryTable {
  id: Generated<number>;
  case_id: number;
  from_status: CaseStatus | null;
  to_status: CaseStatus;
  at: string;
  by_account: number;
  note: string;
  closure_reason: string | null;
  outcome: string | null;
}
