import type { Generated } from 'kysely';

/** A follow-up activity on a case (migration 0007). */
export interface ActivitiesTable {
  id: Generated<number>;
  case_id: number;
  kind: string;
  /** Where the person was accompanied; '' for other kinds. */
  accompaniment_to: string;
  /** UTC instant, and the clinic-time day and "HH:MM" it was typed as. */
  occurred_at: string;
  occurred_day: string;
  occurred_time: string;
  duration_minutes: number;
  /** A SPOKEN_LANGUAGES code, or ''. */
  language: string;
  interpreter: number;
  notes: string;
  next_action: string;
  next_action_date: string | null;
  /** Seen only by its author, the case's lawyer, supervisors and administrators. */
  restricted: number;
  author_id: number;
  created_at: string;
  revision: Generated<number>;
  edited_at: string | null;
  edited_by: number | null;
}

/** The text an activity had before an edit replaced it (append only). */
export interface ActivityRevisionsTable {
  id: Generated<number>;
  activity_id: number;
  revision: number;
  /** JSON of the activity's fields as they were. */
  fields: string;
  /** Who wrote that text, and when. */
  written_by: number;
  written_at: string;
}
