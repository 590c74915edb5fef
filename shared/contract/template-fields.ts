import type { ProcedureTemplate, TemplateFieldsInput } from './procedures';

type StepFields = TemplateFieldsInput['steps'][number];

/**
 * A blank step of the supervisors' form. A step without a deadline still carries a rule's
 * fields (hidden on the form) so that ticking "has a deadline" starts from sensible values:
 * 15 clear days, moved to a working day, as most procedural deadlines here.
 */
export function blankStep(key: string): StepFields {
  return { key, nameAr: '', nameFr: '', nameEn: '', hasRule: true, trigger: 'notification', amount: 15, counting: 'francs', rollToWorkingDay: true, warnDaysBefore: 3, basis: '' };
}

/** A key no step of the form has yet: `step_N`, kept across versions once saved. */
export function freshStepKey(taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`step_${n}`)) return `step_${n}`;
}

/** A template as the form edits it: the saved version, or an empty one with a first step. */
export function templateFields(t: ProcedureTemplate | null): TemplateFieldsInput {
  if (!t) return { nameAr: '', nameFr: '', nameEn: '', triggerAr: 'تاريخ التبليغ', triggerFr: 'Date de notification', triggerEn: 'Date of notification', active: true, steps: [blankStep('step_1')] };
  return {
    nameAr: t.name.ar,
    nameFr: t.name.fr,
    nameEn: t.name.en,
    triggerAr: t.triggerName.ar,
    triggerFr: t.triggerName.fr,
    triggerEn: t.triggerName.en,
    active: t.active,
    steps: t.steps.map((s) => {
      const base = blankStep(s.key);
      const r = s.rule;
      return {
        ...base,
        nameAr: s.name.ar,
        nameFr: s.name.fr,
        nameEn: s.name.en,
        hasRule: r !== null,
        ...(r && { trigger: r.trigger.kind === 'notification' ? 'notification' : r.trigger.step, amount: r.amount, counting: r.counting, rollToWorkingDay: r.rollToWorkingDay, warnDaysBefore: r.warnDaysBefore, basis: r.basis }),
      };
    }),
  };
}
