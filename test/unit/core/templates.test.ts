import { afterEach, describe, expect, it } from 'vitest';
import type { TemplateFieldsInput } from '../../../shared/contract/procedures';
import { blankStep, templateFields } from '../../../shared/contract/template-fields';
import { followUpClinic } from '../../helpers/follow-up-clinic';
import type { TempCore } from '../../helpers/temp-core';

/** Issue #12: supervisors keep the procedure templates, as versions procedures keep. */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function clinic() {
  const c = await followUpClinic();
  t = c.s;
  return c;
}

const labourClaim = (): TemplateFieldsInput => ({
  ...templateFields(null),
  nameAr: 'نزاع شغل: محاولة الصلح',
  nameFr: 'Litige du travail : tentative de conciliation',
  nameEn: 'Labour dispute: conciliation',
  steps: [
    { ...blankStep('step_1'), nameAr: 'طلب الصلح', nameFr: 'Demande de conciliation', nameEn: 'Ask for conciliation', amount: 48, counting: 'clock', rollToWorkingDay: false, basis: 'Code du travail, art. 532' },
    { ...blankStep('step_2'), nameAr: 'محضر الصلح', nameFr: 'Procès-verbal', nameEn: 'Record of conciliation', trigger: 'step_1', amount: 10, counting: 'calendar' },
  ],
});

describe('procedure templates', () => {
  it('saves a new template that lawyers can start at once, with deadlines computed by its rules', async () => {
    const { s, start } = await clinic();
    const saved = await s.ok('nadia', 'procedures:saveTemplate', { templateId: null, fields: labourClaim() });
    expect(saved).toMatchObject({ code: 'litige_du_travail_tentative_de', version: 1, example: false, active: true, name: { ar: 'نزاع شغل: محاولة الصلح' } });
    expect(saved.steps[1]!.rule).toMatchObject({ trigger: { kind: 'step', step: 'step_1' }, amount: 10, counting: 'calendar' });
    const offered = await s.ok('youssef', 'procedures:templates', {});
    expect(offered.map((x) => x.id)).toContain(saved.id);
    const started = await start(saved.id);
    // 48 hours from Monday 6 April 10:00.
    expect(started.ok && started.value.steps[0]).toMatchObject({ dueDay: '2026-04-08', dueTime: '10:00' });
    // The form reads back what it saved.
    expect(templateFields(saved)).toEqual(labourClaim());
  });

  it('keeps a running procedure on its version; new procedures use the new one; an old form is refused', async () => {
    const { s, caseId, start } = await clinic();
    const v1 = (await s.ok('nadia', 'procedures:templates', {})).find((x) => x.code === 'residence_refusal')!;
    const before = await start(v1.id);
    expect(before.ok && before.value.steps[0]!.dueDay).toBe('2026-04-21'); // 15 jours francs
    const fields = templateFields(v1);
    fields.steps[0] = { ...fields.steps[0]!, amount: 30 };
    const v2 = await s.ok('nadia', 'procedures:saveTemplate', { templateId: v1.id, fields });
    expect(v2).toMatchObject({ code: 'residence_refusal', version: 2, example: false });
    const offered = (await s.ok('youssef', 'procedures:templates', {})).filter((x) => x.code === 'residence_refusal');
    expect(offered.map((x) => x.version)).toEqual([2]);
    const after = await start(v2.id);
    expect(after.ok && after.value.steps[0]!.dueDay).toBe('2026-05-06'); // 30 jours francs
    const [first] = await s.ok('youssef', 'procedures:list', { caseId });
    expect(first!.template.version).toBe(1);
    expect(first!.steps[0]!.dueDay).toBe('2026-04-21');
    // A start form or an editor left open on version 1.
    const stale = await start(v1.id);
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    const staleSave = await s.call('nadia', 'procedures:saveTemplate', { templateId: v1.id, fields });
    expect(staleSave.ok ? null : staleSave.error.code).toBe('CONFLICT');
  });

  it('retires a template: no longer offered, still listed for supervisors, and can come back', async () => {
    const { s, start } = await clinic();
    const v1 = (await s.ok('nadia', 'procedures:templates', {})).find((x) => x.code === 'asylum_unhcr')!;
    const retired = await s.ok('nadia', 'procedures:saveTemplate', { templateId: v1.id, fields: { ...templateFields(v1), active: false } });
    expect((await s.ok('youssef', 'procedures:templates', {})).some((x) => x.code === 'asylum_unhcr')).toBe(false);
    const all = await s.ok('nadia', 'procedures:templates', { withRetired: true });
    expect(all.find((x) => x.code === 'asylum_unhcr')).toMatchObject({ version: 2, active: false });
    const refused = await start(retired.id);
    expect(refused.ok ? null : refused.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.templateId' }));
    await s.ok('nadia', 'procedures:saveTemplate', { templateId: retired.id, fields: { ...templateFields(retired), active: true } });
    expect((await s.ok('youssef', 'procedures:templates', {})).find((x) => x.code === 'asylum_unhcr')).toMatchObject({ version: 3, active: true });
  });

  it('refuses others, loops, unknown steps and absurd amounts with field errors, storing nothing', async () => {
    const { s } = await clinic();
    const all = await s.ok('nadia', 'procedures:templates', { withRetired: true });
    for (const who of ['youssef', 'admin']) {
      const denied = await s.call(who, 'procedures:saveTemplate', { templateId: null, fields: labourClaim() });
      expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
    }
    const loop = labourClaim();
    loop.steps[0] = { ...loop.steps[0]!, trigger: 'step_2' };
    const looped = await s.call('nadia', 'procedures:saveTemplate', { templateId: null, fields: loop });
    expect(looped.ok ? null : looped.error.fields).toContainEqual({ path: 'fields.steps.0.trigger', message: 'validation.templateCycle' });
    const missing = labourClaim();
    missing.steps[1] = { ...missing.steps[1]!, trigger: 'step_9' };
    const unknown = await s.call('nadia', 'procedures:saveTemplate', { templateId: null, fields: missing });
    expect(unknown.ok ? null : unknown.error.fields).toContainEqual({ path: 'fields.steps.1.trigger', message: 'validation.templateMissingTrigger' });
    const huge = labourClaim();
    huge.steps[0] = { ...huge.steps[0]!, amount: 721 };
    const tooMuch = await s.call('nadia', 'procedures:saveTemplate', { templateId: null, fields: huge });
    expect(tooMuch.ok ? null : tooMuch.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.steps.0.amount', message: 'validation.ruleAmount' }));
    const none = await s.call('nadia', 'procedures:saveTemplate', { templateId: null, fields: { ...labourClaim(), steps: [] } });
    expect(none.ok ? null : none.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.steps' }));
    expect(await s.ok('nadia', 'procedures:templates', { withRetired: true })).toEqual(all);
  });
});
