import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { Session } from '../sessions';

/**
 * Which cases a session may see, as one SQL condition used by every query that touches
 * cases (lists, pages, search, a beneficiary's case list): supervisors and administrators
 * see all; lawyers the cases assigned to them; intake staff the cases they opened, except
 * sensitive ones. A case outside this condition is answered NOT_FOUND, never FORBIDDEN, so
 * a sensitive case does not even reveal that it exists.
 *
 * `narrowed`: the query already names a few cases (one person's, a list of ids). The same
 * condition is then written `+created_by = ?` (SQLite's way of saying "not through an
 * index"), so the planner looks those cases up directly instead of walking the whole
 * caseload of the lawyer or intake worker in date order and filtering it: at 100,000 cases
 * that walk cost milliseconds per call (EXPLAIN QUERY PLAN in docs/PERFORMANCE.md). The
 * rows selected are exactly the same.
 */
export function caseVisible(session: Session, narrowed = false) {
  return (eb: ExpressionBuilder<StoreDatabase, 'cases'>): Expression<SqlBool> => {
    switch (session.role) {
      case 'admin':
      case 'supervisor':
        return sql<SqlBool>`1 = 1`;
      case 'lawyer':
        return narrowed
          ? sql<SqlBool>`+${eb.ref('cases.assigned_lawyer_id')} = ${session.accountId}`
          : eb('cases.assigned_lawyer_id', '=', session.accountId);
      case 'intake':
        return narrowed
          ? sql<SqlBool>`(+${eb.ref('cases.created_by')} = ${session.accountId} and ${eb.ref('cases.sensitive')} = 0)`
          : eb.and([eb('cases.created_by', '=', session.accountId), eb('cases.sensitive', '=', 0)]);
    }
  };
}

export function canEditCase(session: Session, row: { assigned_lawyer_id: number | null; created_by: number; status: string }): boolean {
  if (session.role === 'admin' || session.role === 'supervisor') return true;
  if (session.role === 'lawyer') return row.assigned_lawyer_id === session.accountId;
  return row.created_by === session.accountId && row.status === 'intake';
}
