import type { Generated } from 'kysely';
import type { CaseStatus, Urgency } from '../../../shared/domain/case';

export interface CasesTable {
  id: Generated<number>;
  reference: string;
  beneficiary_id: number;
  intake_date: string;
  channel: string;
  summary: string;
  urgency: Urgency;
  /** 0 normal, 1 urgent, 2 critical: sortable with an index. */
  urgency_rank: number;
  urgency_reasons: string;
  /** Sensitive cases show only to their assigned lawyer and supervisors. */
  sensitive: number;
  assigned_lawyer_id: number | null;
  status: CaseStatus;
  closure_reason: string | null;
  outcome: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
}
