import type { Generated } from 'kysely';

/** A public holiday (migration 0008). */
export interface HolidaysTable {
  id: Generated<number>;
  date: string;
  name_ar: string;
  name_fr: string;
  name_en: string;
  kind: 'fixed' | 'lunar';
  /** A lunar date not yet confirmed by the announcement. */
  estimated: number;
  updated_at: string;
  updated_by: number | null;
}

/** One version of a procedure template; `steps` is JSON (TemplateStep[]). */
export interface ProcedureTemplatesTable {
  id: Generated<number>;
  code: string;
  version: number;
  name_ar: string;
  name_fr: string;
  name_en: string;
  trigger_ar: string;
  trigger_fr: string;
  trigger_en: string;
  steps: string;
  /** Shipped as an example, for the clinic's lawyers to confirm. */
  example: number;
  active: number;
  created_at: string;
  created_by: number | null;
}

export interface ProceduresTable {
  id: Generated<number>;
  case_id: number;
  template_id: number;
  authority: string;
  authority_refs: string;
  decision: string;
  /** The trigger (usually the notification) as an instant, and as typed in clinic time. */
  notified_at: string;
  notified_day: string;
  notified_time: string;
  notification_mode: string;
  status: 'open' | 'closed';
  result: Generated<string>;
  closed_at: string | null;
  created_at: string;
  created_by: number;
}

export interface ProcedureStepsTable {
  id: Generated<number>;
  procedure_id: number;
  position: number;
  step_key: string;
  name_ar: string;
  name_fr: string;
  name_en: string;
  /** JSON StepRule, copied from the template version; null: no deadline. */
  rule: string | null;
  /** JSON DeadlineComputation of the computed due date, when its trigger has happened. */
  computation: string | null;
  computed_due_at: string | null;
  override_due_at: string | null;
  override_reason: Generated<string>;
  /** The due instant in force: the override, else the computed one. */
  due_at: string | null;
  done_at: string | null;
  done_by: number | null;
  done_note: Generated<string>;
  /** Recomputed after a holiday changed: the lawyer should look again. */
  needs_review: Generated<number>;
}

export interface DeadlineLogTable {
  id: Generated<number>;
  step_id: number;
  at: string;
  by_account: number | null;
  event: 'computed' | 'overridden' | 'recomputed' | 'done' | 'reopened';
  due_at: string | null;
  reason: Generated<string>;
}
