import type { Selectable, Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../../db/schema/store';
import type { ProcedureStepsTable, ProceduresTable, ProcedureTemplatesTable } from '../../../db/schema/store/procedures';
import type { completeStepFieldsSchema, overrideDueFieldsSchema, Procedure, ProcedureStep, ProcedureTemplate, startProcedureFieldsSchema, StoredComputation } from '../../../shared/contract/procedures';
import { computeDeadline } from '../../../shared/deadlines/compute';
import type { HolidayIndex } from '../../../shared/deadlines/holidays';
import { clinicTime, instantAt as instantOf, localDay } from '../../../shared/deadlines/zone';
import { localIsoDate, yearsBefore } from '../../../shared/domain/dates';
import type { NotificationMode, StepRule, TemplateStep } from '../../../shared/domain/procedure';
import type { DeadlineLogEntry } from '../documents/deadline-sheet';
import { AppError, refuseFields } from '../errors';
import type { Session } from '../sessions';
import { loadVisibleCase } from './cases';
import { holidayIndex } from './holidays';
import { STEP_AND_PROCEDURE_NAMES, stepAndProcedureNames } from './step-names';

type Trx = Transaction<StoreDatabase>;
type StepRow = Selectable<ProcedureStepsTable>;


export function templateView(row: Selectable<ProcedureTemplatesTable>): ProcedureTemplate {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    name: { ar: row.name_ar, fr: row.name_fr, en: row.name_en },
    triggerName: { ar: row.trigger_ar, fr: row.trigger_fr, en: row.trigger_en },
    example: row.example === 1,
    active: row.active === 1,
    createdAt: row.created_at,
    steps: JSON.parse(row.steps) as TemplateStep[],
  };
}

/** The latest version of each template; retired ones (latest version inactive) only when asked. */
export async function listTemplates(trx: Trx, withRetired = false): Promise<ProcedureTemplate[]> {
  const rows = await trx.selectFrom('procedure_templates').selectAll().orderBy('code').orderBy('version', 'desc').execute();
  const latest = new Map<string, Selectable<ProcedureTemplatesTable>>();
  for (const r of rows) if (!latest.has(r.code)) latest.set(r.code, r);
  return [...latest.values()].filter((r) => withRetired || r.active === 1).map(templateView);
}

/** A procedure step this session may act on, with its procedure; NOT_FOUND if its case is hidden. */
async function loadStep(trx: Trx, stepId: number, session: Session) {
  const step = await trx.selectFrom('procedure_steps').selectAll().where('id', '=', stepId).executeTakeFirst();
  if (!step) throw new AppError('NOT_FOUND');
  const procedure = await trx.selectFrom('procedures').selectAll().where('id', '=', step.procedure_id).executeTakeFirstOrThrow();
  await loadVisibleCase(trx, procedure.case_id, session);
  return { step, procedure };
}

/** Computes, stores and logs a step's due date from its trigger instant. */
async function computeStep(trx: Trx, step: Pick<StepRow, 'id' | 'rule'>, trigger: string, holidays: HolidayIndex, session: Session, now: string): Promise<void> {
  if (!step.rule) return;
  const rule = JSON.parse(step.rule) as StepRule;
  const computation = computeDeadline(trigger, rule, holidays);
  await trx.updateTable('procedure_steps').set({ computation: JSON.stringify(computation), computed_due_at: computation.due }).where('id', '=', step.id).execute();
  // A due date a lawyer set by hand stays in force; the computed one is kept beside it.
  await trx.updateTable('procedure_steps').set({ due_at: computation.due }).where('id', '=', step.id).where('override_due_at', 'is', null).execute();
  await trx.insertInto('deadline_log').values({ step_id: step.id, at: now, by_account: session.accountId, event: 'computed', due_at: computation.due }).execute();
}

/** The date rules of a moment told in the past: not after now, not more than ten years back. */
function pastInstantIssues(date: string, time: string, now: Date, path: string): Array<{ path: string; message: string }> {
  if (date < yearsBefore(localIsoDate(now), 10)) return [{ path: `${path}Date`, message: 'validation.activityTooOld' }];
  if (new Date(instantOf(date, time)).getTime() > now.getTime() + 60_000) return [{ path: `${path}Date`, message: 'validation.dateInFuture' }];
  return [];
}

export async function startProcedure(trx: Trx, caseId: number, f: z.output<typeof startProcedureFieldsSchema>, session: Session, now: Date): Promise<number> {
  await loadVisibleCase(trx, caseId, session);
  const template = await trx.selectFrom('procedure_templates').selectAll().where('id', '=', f.templateId).where('active', '=', 1).executeTakeFirst();
  // Only the version in force: a form left open while a supervisor saved a new one is refused.
  const newer = template && (await trx.selectFrom('procedure_templates').select('id').where('code', '=', template.code).where('version', '>', template.version).executeTakeFirst());
  if (newer) throw new AppError('CONFLICT', 'template has a newer version');
  if (!template) throw new AppError('VALIDATION', 'unknown template', { fields: [{ path: 'fields.templateId', message: 'validation.invalidChoice' }] });
  refuseFields(pastInstantIssues(f.notifiedDate, f.notifiedTime, now, 'fields.notified'));
  const notifiedAt = instantOf(f.notifiedDate, f.notifiedTime);
  const nowIso = now.toISOString();
  const { id } = await trx
    .insertInto('procedures')
    .values({
      case_id: caseId,
      template_id: template.id,
      authority: f.authority,
      authority_refs: f.authorityRefs,
      decision: f.decision,
      notified_at: notifiedAt,
      notified_day: f.notifiedDate,
      notified_time: f.notifiedTime,
      notification_mode: f.notificationMode,
      status: 'open',
      closed_at: null,
      created_at: nowIso,
      created_by: session.accountId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const holidays = await holidayIndex(trx);
  const steps = JSON.parse(template.steps) as TemplateStep[];
  for (const [position, s] of steps.entries()) {
    const row = await trx
      .insertInto('procedure_steps')
      .values({
        procedure_id: id,
        position,
        step_key: s.key,
        name_ar: s.name.ar,
        name_fr: s.name.fr,
        name_en: s.name.en,
        rule: s.rule ? JSON.stringify(s.rule) : null,
        computation: null,
        computed_due_at: null,
        override_due_at: null,
        due_at: null,
        done_at: null,
        done_by: null,
      })
      .returning(['id', 'rule'])
      .executeTakeFirstOrThrow();
    if (s.rule?.trigger.kind === 'notification') await computeStep(trx, row, notifiedAt, holidays, session, nowIso);
  }
  return id;
}

/**
 * A step is met: its completion is the trigger of the steps whose rule waits for it (the ruling
 * window opens when the appeal is filed), which are computed now.
 */
export async function completeStep(trx: Trx, stepId: number, f: z.output<typeof completeStepFieldsSchema>, session: Session, now: Date): Promise<{ procedureId: number; caseId: number }> {
  const { step, procedure } = await loadStep(trx, stepId, session);
  if (step.done_at) throw new AppError('CONFLICT', 'already done');
  refuseFields(pastInstantIssues(f.date, f.time, now, 'fields.').map((i) => ({ ...i, path: 'fields.date' })));
  const doneAt = instantOf(f.date, f.time);
  if (doneAt < procedure.notified_at) refuseFields([{ path: 'fields.date', message: 'validation.beforeNotification' }]);
  const nowIso = now.toISOString();
  await trx.updateTable('procedure_steps').set({ done_at: doneAt, done_by: session.accountId, done_note: f.note, needs_review: 0 }).where('id', '=', stepId).execute();
  await trx.insertInto('deadline_log').values({ step_id: stepId, at: nowIso, by_account: session.accountId, event: 'done', due_at: step.due_at }).execute();
  const waiting = await trx.selectFrom('procedure_steps').select(['id', 'rule']).where('procedure_id', '=', procedure.id).where('done_at', 'is', null).where('computation', 'is', null).execute();
  const holidays = await holidayIndex(trx);
  for (const w of waiting) {
    const rule = w.rule ? (JSON.parse(w.rule) as StepRule) : null;
    if (rule?.trigger.kind === 'step' && rule.trigger.step === step.step_key) await computeStep(trx, w, doneAt, holidays, session, nowIso);
  }
  return { procedureId: procedure.id, caseId: procedure.case_id };
}

export async function overrideDue(trx: Trx, stepId: number, f: z.output<typeof overrideDueFieldsSchema>, session: Session, now: Date): Promise<{ procedureId: number; caseId: number }> {
  const { step, procedure } = await loadStep(trx, stepId, session);
  if (step.done_at) throw new AppError('CONFLICT', 'already done');
  const dueAt = instantOf(f.date, f.time);
  if (dueAt < procedure.notified_at) refuseFields([{ path: 'fields.date', message: 'validation.beforeNotification' }]);
  await trx.updateTable('procedure_steps').set({ override_due_at: dueAt, override_reason: f.reason, due_at: dueAt }).where('id', '=', stepId).execute();
  await trx.insertInto('deadline_log').values({ step_id: stepId, at: now.toISOString(), by_account: session.accountId, event: 'overridden', due_at: dueAt, reason: f.reason }).execute();
  return { procedureId: procedure.id, caseId: procedure.case_id };
}

/** The lawyer has seen a due date that moved after the holidays changed. */
export async function acknowledgeStep(trx: Trx, stepId: number, session: Session): Promise<{ procedureId: number; caseId: number }> {
  const { procedure } = await loadStep(trx, stepId, session);
  await trx.updateTable('procedure_steps').set({ needs_review: 0 }).where('id', '=', stepId).execute();
  return { procedureId: procedure.id, caseId: procedure.case_id };
}

function stepState(row: StepRow, today: string): ProcedureStep['state'] {
  if (row.done_at) return 'done';
  if (!row.due_at) return 'waiting';
  const dueDay = localDay(row.due_at);
  if (dueDay < today) return 'overdue';
  if (dueDay === today) return 'today';
  const computation = row.computation ? (JSON.parse(row.computation) as StoredComputation) : null;
  const warnFrom = computation?.warnFrom ?? null;
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 7);
  return (warnFrom && warnFrom <= today) || dueDay <= soon.toISOString().slice(0, 10) ? 'soon' : 'open';
}

/** A case's procedures with their steps, oldest first. */
export async function listProcedures(trx: Trx, caseId: number, session: Session, now: Date, only?: number): Promise<Procedure[]> {
  await loadVisibleCase(trx, caseId, session);
  let query = trx.selectFrom('procedures').selectAll().where('case_id', '=', caseId);
  if (only !== undefined) query = query.where('id', '=', only);
  const procedures = await query.orderBy('id').execute();
  if (procedures.length === 0) return [];
  const ids = procedures.map((p) => p.id);
  const steps = await trx.selectFrom('procedure_steps').selectAll().where('procedure_id', 'in', ids).orderBy('procedure_id').orderBy('position').execute();
  const templates = new Map(
    (await trx.selectFrom('procedure_templates').selectAll().where('id', 'in', [...new Set(procedures.map((p) => p.template_id))]).execute()).map((t) => [t.id, templateView(t)]),
  );
  const names = new Map((await trx.selectFrom('accounts').select(['id', 'full_name']).execute()).map((a) => [a.id, a.full_name]));
  const today = localDay(now.toISOString());
  return procedures.map((p) => view(p, steps.filter((s) => s.procedure_id === p.id), templates.get(p.template_id)!, names, today));
}

function view(p: Selectable<ProceduresTable>, steps: StepRow[], template: ProcedureTemplate, names: Map<number, string>, today: string): Procedure {
  const byKey = new Map(steps.map((s) => [s.step_key, s]));
  return {
    id: p.id,
    caseId: p.case_id,
    template: { id: template.id, code: template.code, version: template.version, name: template.name, triggerName: template.triggerName, example: template.example },
    authority: p.authority,
    authorityRefs: p.authority_refs,
    decision: p.decision,
    notifiedAt: p.notified_at,
    notifiedDay: p.notified_day,
    notifiedTime: p.notified_time,
    notificationMode: p.notification_mode as NotificationMode,
    status: p.status,
    createdAt: p.created_at,
    createdBy: names.get(p.created_by) ?? '',
    steps: steps.map((s) => {
      const rule = s.rule ? (JSON.parse(s.rule) as StepRule) : null;
      const trigger = rule?.trigger.kind === 'step' ? byKey.get(rule.trigger.step) : undefined;
      return {
        id: s.id,
        key: s.step_key,
        name: { ar: s.name_ar, fr: s.name_fr, en: s.name_en },
        rule,
        triggerStep: trigger ? { ar: trigger.name_ar, fr: trigger.name_fr, en: trigger.name_en } : null,
        computation: s.computation ? (JSON.parse(s.computation) as StoredComputation) : null,
        dueAt: s.due_at,
        dueDay: s.due_at ? localDay(s.due_at) : null,
        dueTime: s.due_at ? clinicTime(s.due_at) : null,
        override: s.override_due_at ? { reason: s.override_reason } : null,
        doneAt: s.done_at,
        doneBy: s.done_by === null ? null : (names.get(s.done_by) ?? ''),
        doneNote: s.done_note,
        needsReview: s.needs_review === 1,
        state: stepState(s, today),
      };
    }),
  };
}

/** A case's deadline log, oldest first, for its printed copy. NOT_FOUND if the case is hidden. */
export async function deadlineLog(trx: Trx, caseId: number, session: Session): Promise<DeadlineLogEntry[]> {
  await loadVisibleCase(trx, caseId, session);
  const rows = await trx
    .selectFrom('deadline_log')
    .innerJoin('procedure_steps', 'procedure_steps.id', 'deadline_log.step_id')
    .innerJoin('procedures', 'procedures.id', 'procedure_steps.procedure_id')
    .innerJoin('procedure_templates', 'procedure_templates.id', 'procedures.template_id')
    .leftJoin('accounts', 'accounts.id', 'deadline_log.by_account')
    .select([
      'deadline_log.at',
      'deadline_log.event',
      'deadline_log.due_at',
      'deadline_log.reason',
      'accounts.full_name',
      ...STEP_AND_PROCEDURE_NAMES,
    ])
    .where('procedures.case_id', '=', caseId)
    .orderBy('deadline_log.id')
    .execute();
  return rows.map((r) => ({
    at: r.at,
    event: r.event,
    ...stepAndProcedureNames(r),
    dueAt: r.due_at,
    by: r.full_name,
    reason: r.reason,
  }));
}
