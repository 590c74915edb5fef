import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { Session } from '../sessions';

/**
 * Which cases a session may see, as one SQL condition used by every query that touches
 * cases (lists, pages, search, a beneficiary's case list): supervisors and administrators
 * see all; lawyers the cases assigned to them; intake staff the cases they opened, except
 * sensitive ones. A case outside this condition is answered NOT_FOUND, never FORBIDDEN, so
 * a sensitive case does not even reveal that it exists.
 */
export function caseVisible(session: Session) {
  return (eb: ExpressionBuilder<StoreDatabase, 'cases'>): Expression<SqlBool> => {
    switch (session.role) {
      case 'admin':
      case 'supervisor':
        return sql<SqlBool>`1 = 1`;
      case 'lawyer':
        return eb('cases.assigned_lawyer_id', '=', session.accountId);
      case 'intake':
        return eb.and([eb('cases.created_by', '=', session.accountId), eb('cases.sensitive', '=', 0)]);
    }
  };
}

export function canEditCase(session: Session, row: { assigned_lawyer_id: number | null; created_by: number; status: string }): boolean {
  if (session.role === 'admin' || session.role === 'supervisor') return true;
  if (session.role === 'lawyer') return row.assigned_lawyer_id === session.accountId;
  return row.created_by === session.accountId && row.status === 'intake';
}
