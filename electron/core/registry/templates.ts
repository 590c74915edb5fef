import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { StoreDatabase } from '../../../db/schema/store';
import type { ProcedureTemplate, templateFieldsSchema } from '../../../shared/contract/procedures';
import { templateProblem, type TemplateStep } from '../../../shared/domain/procedure';
import { AppError, refuseFields } from '../errors';
import type { Session } from '../sessions';
import { templateView } from './procedures';

type Trx = Transaction<StoreDatabase>;
type Fields = z.output<typeof templateFieldsSchema>;

const PROBLEM_MESSAGES = {
  duplicateKey: 'validation.templateDuplicateKey',
  missingTrigger: 'validation.templateMissingTrigger',
  selfTrigger: 'validation.templateSelfTrigger',
  cycle: 'validation.templateCycle',
} as const;

function steps(f: Fields): TemplateStep[] {
  return f.steps.map((s) => ({
    key: s.key,
    name: { ar: s.nameAr, fr: s.nameFr, en: s.nameEn },
    rule: s.hasRule
      ? {
          trigger: s.trigger === 'notification' ? { kind: 'notification' } : { kind: 'step', step: s.trigger },
          amount: s.amount,
          counting: s.counting,
          rollToWorkingDay: s.rollToWorkingDay,
          warnDaysBefore: s.warnDaysBefore,
          basis: s.basis,
        }
      : null,
  }));
}

/**
 * A new version of a template, or a new template (its code made from its French name). Never
 * an update: the procedures started from a version keep it, with the rules they were computed
 * by. A saved template is the clinic's own, no longer a shipped example.
 */
export async function saveTemplate(trx: Trx, templateId: number | null, f: Fields, session: Session, now: Date): Promise<ProcedureTemplate> {
  const defined = steps(f);
  const problem = templateProblem(defined);
  if (problem) {
    const path = problem.problem === 'duplicateKey' ? `fields.steps.${problem.step}.key` : `fields.steps.${problem.step}.trigger`;
    refuseFields([{ path, message: PROBLEM_MESSAGES[problem.problem] }]);
  }
  let code: string;
  let version = 1;
  if (templateId === null) {
    code = await freshCode(trx, f.nameFr);
  } else {
    const base = await trx.selectFrom('procedure_templates').select(['code']).where('id', '=', templateId).executeTakeFirst();
    if (!base) throw new AppError('NOT_FOUND');
    code = base.code;
    const latest = await trx.selectFrom('procedure_templates').select(['id', 'version']).where('code', '=', code).orderBy('version', 'desc').executeTakeFirstOrThrow();
    // Saving over a version someone else replaced meanwhile would silently drop their change.
    if (latest.id !== templateId) throw new AppError('CONFLICT', 'template has a newer version');
    version = latest.version + 1;
  }
  const row = await trx
    .insertInto('procedure_templates')
    .values({
      code,
      version,
      name_ar: f.nameAr,
      name_fr: f.nameFr,
      name_en: f.nameEn,
      trigger_ar: f.triggerAr,
      trigger_fr: f.triggerFr,
      trigger_en: f.triggerEn,
      steps: JSON.stringify(defined),
      example: 0,
      active: f.active ? 1 : 0,
      created_at: now.toISOString(),
      created_by: session.accountId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return templateView(row);
}

async function freshCode(trx: Trx, name: string): Promise<string> {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 30) || 'template';
  for (let n = 1; ; n++) {
    const code = n === 1 ? base : `${base}_${n}`;
    if (!(await trx.selectFrom('procedure_templates').select('id').where('code', '=', code).executeTakeFirst())) return code;
  }
}
