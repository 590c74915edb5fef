import type { Generated } from 'kysely';

/** A hearing or appointment on a case (migration 0009). */
export interface HearingsTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  /** UTC instant, and its clinic-time day and "HH:MM". */
  at: string;
  day: string;
  time: string;
  place: string;
  room: string;
  purpose: string;
  status: 'scheduled' | 'held' | 'adjourned' | 'cancelled';
  result: Generated<string>;
  previous_id: number | null;
  next_id: number | null;
  created_at: string;
  created_by: number;
  updated_at: string;
}
