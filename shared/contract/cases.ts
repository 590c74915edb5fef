import { z } from 'zod';
import { CASE_STATUSES, CLOSURE_REASONS, INTAKE_CHANNELS, OUTCOMES, URGENCIES, URGENCY_REASONS } from '../domain/case';
import { empty, idSchema } from './common';
import { channel } from './define';
import { alongOtherErrors, countryCodeSchema, cursorSchema, isoDateSchema, multiLineText, nonEmpty, page, pageLimitSchema } from './fields';
import { beneficiarySummarySchema } from './beneficiaries';

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: 'validation.invalidChoice' });

export const caseFieldsSchema = z.strictObject({
  intakeDate: isoDateSchema,
  channel: choice(INTAKE_CHANNELS),
  domainIds: z.array(idSchema).min(1, 'validation.domainRequired').max(10),
  summary: nonEmpty(multiLineText(8000)),
  urgency: choice(URGENCIES),
  urgencyReasons: z.array(choice(URGENCY_REASONS)).max(URGENCY_REASONS.length),
  sensitive: z.boolean(),
});

export const createCaseInputSchema = caseFieldsSchema.extend({
  beneficiaryId: idSchema,
  /** Only supervisors and administrators may assign at creation; others leave it empty. */
  assignedLawyerId: idSchema.nullable(),
});
export type CreateCaseInput = z.input<typeof createCaseInputSchema>;

export const caseSummarySchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  beneficiaryId: z.number().int(),
  beneficiaryName: z.string(),
  intakeDate: z.string(),
  status: z.enum(CASE_STATUSES),
  urgency: z.enum(URGENCIES),
  sensitive: z.boolean(),
  domainIds: z.array(z.number().int()),
  assignedLawyer: z.string().nullable(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const statusChangeSchema = z.object({
  from: z.enum(CASE_STATUSES).nullable(),
  to: z.enum(CASE_STATUSES),
  at: z.string(),
  by: z.string(),
  note: z.string(),
  closureReason: z.string().nullable(),
  outcome: z.string().nullable(),
});

export const caseDetailSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  beneficiary: beneficiarySummarySchema,
  // As stored: a summary written before the text rules must stay readable (see beneficiaries.ts).
  fields: caseFieldsSchema.extend({ summary: z.string() }),
  status: z.enum(CASE_STATUSES),
  assignedLawyerId: z.number().int().nullable(),
  assignedLawyer: z.string().nullable(),
  closureReason: z.string().nullable(),
  outcome: z.string().nullable(),
  history: z.array(statusChangeSchema),
  /** Who was given the case, by whom and when; null is "nobody". */
  assignments: z.array(z.object({ at: z.string(), by: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const CASE_SORTS = ['intake_desc', 'intake_asc', 'reference_desc', 'urgency_desc'] as const;

export const caseListInputSchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  domainId: idSchema.optional(),
  lawyerId: idSchema.optional(),
  urgency: z.enum(URGENCIES).optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  nationality: countryCodeSchema.optional(),
  sort: z.enum(CASE_SORTS).default('intake_desc'),
  cursor: cursorSchema,
  limit: pageLimitSchema,
});
export type CaseListInput = z.input<typeof caseListInputSchema>;

export const setStatusInputSchema = z
  .strictObject({
    id: idSchema,
    status: choice(CASE_STATUSES),
    note: multiLineText(2000),
    closureReason: z.union([z.literal(''), choice(CLOSURE_REASONS)]),
    outcome: z.union([z.literal(''), choice(OUTCOMES)]),
    /** Closing while deadlines run or hearings are to come: the person said they know. */
    confirmOpen: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'closed' && !v.closureReason) ctx.addIssue({ code: 'custom', path: ['closureReason'], message: 'validation.required' });
    if (v.status === 'closed' && !v.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'validation.required' });
  }, alongOtherErrors);

const everyone = ['intake', 'lawyer', 'supervisor', 'admin'] as const;

export const caseChannels = {
  'cases:create': channel({ input: createCaseInputSchema, output: caseDetailSchema, access: ['intake', 'supervisor', 'admin'] }),
  'cases:get': channel({ input: z.strictObject({ id: idSchema }), output: caseDetailSchema, access: everyone }),
  'cases:update': channel({ input: z.strictObject({ id: idSchema, fields: caseFieldsSchema }), output: caseDetailSchema, access: everyone }),
  'cases:list': channel({ input: caseListInputSchema, output: page(caseSummarySchema), access: everyone }),
  /** How many the list holds with these filters ("1,234 cases"), asked beside the first page. */
  'cases:count': channel({ input: caseListInputSchema.omit({ sort: true, cursor: true, limit: true }), output: z.object({ total: z.number().int() }), access: everyone }),
  /** Cases given to this account that it has not opened since (its home page), newest first. */
  'cases:newlyAssigned': channel({ input: empty, output: z.array(caseSummarySchema), access: everyone }),
  'cases:setStatus': channel({ input: setStatusInputSchema, output: caseDetailSchema, access: ['lawyer', 'supervisor', 'admin'] }),
  'cases:assign': channel({
    input: z.strictObject({ id: idSchema, lawyerId: idSchema.nullable() }),
    output: caseDetailSchema,
    access: ['supervisor', 'admin'],
  }),
};
