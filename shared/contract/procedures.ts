import { z } from 'zod';
import { NOTIFICATION_MODES } from '../domain/procedure';
import { DEADLINE_COUNTINGS } from '../deadlines/rules';
import { timeSchema } from './activities';
import { choiceIdSchema, idSchema } from './common';
import { channel } from './define';
import { alongOtherErrors, isoDateSchema, multiLineText, nonEmpty, singleLineText } from './fields';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'validation.invalidChoice' });
const names = z.object({ ar: z.string(), fr: z.string(), en: z.string() });

const stepRuleSchema = z.object({
  trigger: z.union([z.object({ kind: z.literal('notification') }), z.object({ kind: z.literal('step'), step: z.string() })]),
  amount: z.number().int(),
  counting: z.enum(DEADLINE_COUNTINGS),
  rollToWorkingDay: z.boolean(),
  warnDaysBefore: z.number().int(),
  basis: z.string(),
});

export const templateSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int(),
  name: names,
  triggerName: names,
  example: z.boolean(),
  active: z.boolean(),
  createdAt: z.string(),
  steps: z.array(z.object({ key: z.string(), name: names, rule: stepRuleSchema.nullable() })),
});
export type ProcedureTemplate = z.infer<typeof templateSchema>;

export const holidaySchema = z.object({ date: z.string(), estimated: z.boolean(), name: names });

/** How a due date was computed (shared/deadlines/compute.ts), as stored with the step. */
export const computationSchema = z.object({
  trigger: z.string(),
  rule: z.object({ amount: z.number().int(), counting: z.enum(DEADLINE_COUNTINGS), rollToWorkingDay: z.boolean(), warnDaysBefore: z.number().int() }),
  counted: z.string(),
  due: z.string(),
  dueDay: z.string(),
  atTime: z.boolean(),
  skipped: z.array(z.object({ day: z.string(), reason: z.enum(['weekend', 'holiday']), holiday: holidaySchema.optional() })),
  dependsOnEstimated: z.boolean(),
  clockChange: z.boolean(),
  warnFrom: z.string().nullable(),
});
export type StoredComputation = z.infer<typeof computationSchema>;

export const STEP_STATES = ['done', 'waiting', 'open', 'soon', 'today', 'overdue'] as const;

export const procedureStepSchema = z.object({
  id: z.number().int(),
  key: z.string(),
  name: names,
  rule: stepRuleSchema.nullable(),
  /** The step that triggers this one's deadline, by name, when it is not the notification. */
  triggerStep: names.nullable(),
  computation: computationSchema.nullable(),
  /** The due instant in force (override or computed), its clinic-time day and time. */
  dueAt: z.string().nullable(),
  dueDay: z.string().nullable(),
  dueTime: z.string().nullable(),
  override: z.object({ reason: z.string() }).nullable(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  doneNote: z.string(),
  needsReview: z.boolean(),
  /** Against today (clinic time): a deadline due today is not overdue. */
  state: z.enum(STEP_STATES),
});
export type ProcedureStep = z.infer<typeof procedureStepSchema>;

export const procedureSchema = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  template: z.object({ id: z.number().int(), code: z.string(), version: z.number().int(), name: names, triggerName: names, example: z.boolean() }),
  authority: z.string(),
  authorityRefs: z.string(),
  decision: z.string(),
  notifiedAt: z.string(),
  notifiedDay: z.string(),
  notifiedTime: z.string(),
  notificationMode: z.enum(NOTIFICATION_MODES),
  status: z.enum(['open', 'closed']),
  createdAt: z.string(),
  createdBy: z.string(),
  steps: z.array(procedureStepSchema),
});
export type Procedure = z.infer<typeof procedureSchema>;

export const startProcedureFieldsSchema = z.strictObject({
  templateId: choiceIdSchema,
  authority: nonEmpty(singleLineText(200)),
  authorityRefs: singleLineText(200),
  decision: multiLineText(2000),
  notifiedDate: isoDateSchema,
  notifiedTime: timeSchema,
  notificationMode: choice(NOTIFICATION_MODES),
});
export type StartProcedureFieldsInput = z.input<typeof startProcedureFieldsSchema>;

export const completeStepFieldsSchema = z.strictObject({ date: isoDateSchema, time: timeSchema, note: singleLineText(500) });
export const overrideDueFieldsSchema = z.strictObject({ date: isoDateSchema, time: timeSchema, reason: nonEmpty(singleLineText(500)) });

/** The largest amount each counting accepts: more is a typing mistake, not a legal deadline. */
export const RULE_MAX = { clock: 720, francs: 365, calendar: 365, months: 60 } as const;

/**
 * A template as the supervisors' form edits it: names in three languages and its steps in
 * order. A step's trigger is `notification` or the key of another step; keys of new steps are
 * made by the form (`step_3`) and kept across versions.
 */
export const templateStepFieldsSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'validation.invalid'),
    nameAr: nonEmpty(singleLineText(200)),
    nameFr: nonEmpty(singleLineText(200)),
    nameEn: nonEmpty(singleLineText(200)),
    hasRule: z.boolean(),
    trigger: z.string().regex(/^(notification|[a-z][a-z0-9_]{0,39})$/, 'validation.invalidChoice'),
    amount: z.number({ error: 'validation.ruleAmount' }).int('validation.ruleAmount').min(1, 'validation.ruleAmount'),
    counting: choice(DEADLINE_COUNTINGS),
    rollToWorkingDay: z.boolean(),
    warnDaysBefore: z.number({ error: 'validation.warnDays' }).int('validation.warnDays').min(0, 'validation.warnDays').max(60, 'validation.warnDays'),
    basis: singleLineText(120),
  })
  .superRefine((v, ctx) => {
    if (!v.hasRule || typeof v.amount !== 'number' || !(v.counting in RULE_MAX)) return;
    if (v.amount > RULE_MAX[v.counting]) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'validation.ruleAmount' });
  }, alongOtherErrors);

export const templateFieldsSchema = z.strictObject({
  nameAr: nonEmpty(singleLineText(200)),
  nameFr: nonEmpty(singleLineText(200)),
  nameEn: nonEmpty(singleLineText(200)),
  triggerAr: nonEmpty(singleLineText(120)),
  triggerFr: nonEmpty(singleLineText(120)),
  triggerEn: nonEmpty(singleLineText(120)),
  steps: z.array(templateStepFieldsSchema).min(1, 'validation.required').max(20, 'validation.tooMany'),
  /** Unticked: the template is no longer offered (procedures started from it keep it). */
  active: z.boolean(),
});
export type TemplateFieldsInput = z.input<typeof templateFieldsSchema>;

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;

export const procedureChannels = {
  /** The active templates, latest version of each. */
  'procedures:templates': channel({ input: z.strictObject({ withRetired: z.boolean().optional() }), output: z.array(templateSchema), access: everyone }),
  /** Holidays between two days (clinic time), for the form's preview of due dates. */
  'procedures:holidays': channel({ input: z.strictObject({ from: isoDateSchema, to: isoDateSchema }), output: z.array(holidaySchema), access: everyone }),
  'procedures:list': channel({ input: z.strictObject({ caseId: idSchema }), output: z.array(procedureSchema), access: everyone }),
  'procedures:start': channel({ input: z.strictObject({ caseId: idSchema, fields: startProcedureFieldsSchema }), output: procedureSchema, access: everyone }),
  'procedures:completeStep': channel({ input: z.strictObject({ stepId: idSchema, fields: completeStepFieldsSchema }), output: procedureSchema, access: everyone }),
  /** A lawyer sets a step's due date by hand, with a reason: kept beside the computed one. */
  'procedures:overrideDue': channel({ input: z.strictObject({ stepId: idSchema, fields: overrideDueFieldsSchema }), output: procedureSchema, access: everyone }),
  /**
   * Supervisors: a new version of a template (or a new template, `templateId` null). Procedures
   * already started keep the version they started with.
   */
  'procedures:saveTemplate': channel({ input: z.strictObject({ templateId: idSchema.nullable(), fields: templateFieldsSchema }), output: templateSchema, access: ['supervisor'] }),
  /** The lawyer has seen a due date that moved after a holiday change: the flag goes. */
  'procedures:acknowledge': channel({ input: z.strictObject({ stepId: idSchema }), output: procedureSchema, access: everyone }),
};
