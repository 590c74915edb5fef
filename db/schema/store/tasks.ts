import type { Generated } from 'kysely';

/** A to-do on a case or alone (migration 0010). */
export interface TasksTable {
  id: Generated<number>;
  case_id: number | null;
  title: string;
  /** A clinic-time day, or null for "no date". */
  due_date: string | null;
  assignee_id: number;
  notes: string;
  status: 'open' | 'done';
  done_at: string | null;
  done_by: number | null;
  created_at: string;
  created_by: number;
}
