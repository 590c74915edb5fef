import type { Generated } from 'kysely';

/** One row per assignment or reassignment of a case (migration 0004). */
export interface CaseAssignmentsTable {
  id: Generated<number>;
  case_id: number;
  /** The lawyer before, or null when the case had none. */
  from_lawyer_id: number | null;
  /** The lawyer after, or null when the assignment was removed. */
  to_lawyer_id: number | null;
  at: string;
  by_account: number;
  /** When the new lawyer first opened the case afterwards. */
  seen_at: string | null;
}
