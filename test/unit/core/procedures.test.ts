import { afterEach, describe, expect, it } from 'vitest';
import type { StartProcedureFieldsInput } from '../../../shared/contract/procedures';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

/** Issue #12: procedures from templates, computed deadlines, steps met, due dates set by hand. */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function clinic() {
  // Tuesday 7 April 2026, 10:00 in Rabat.
  const clock = fakeClock(new Date('2026-04-07T09:00:00Z'));
  const s = await setUpCore({ now: clock.now });
  t = s;
  const lawyer = await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
  await staff(s, 'karima', 'karima', 'lawyer', 'Karima Bennani');
  const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Moussa Kone' }));
  const kase = await s.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06', assignedLawyerId: lawyer }));
  const templates = await s.ok('youssef', 'procedures:templates', {});
  const removal = templates.find((tp) => tp.code === 'removal_order')!;
  return { s, clock, caseId: kase.id, templates, removal };
}

const removalFields = (templateId: number, overrides: Partial<StartProcedureFieldsInput> = {}): StartProcedureFieldsInput => ({
  templateId,
  authority: 'Wilaya de la région Rabat-Salé-Kénitra',
  authorityRefs: 'AR-2026/114',
  decision: 'Arrêté de reconduite à la frontière',
  notifiedDate: '2026-04-06',
  notifiedTime: '12:24',
  notificationMode: 'in_person',
  ...overrides,
});

describe('procedures', () => {
  it('ships the example templates, each marked as an example with consistent steps', async () => {
    const { templates } = await clinic();
    expect(templates.map((tp) => tp.code).sort()).toEqual(
      ['asylum_unhcr', 'birth_declaration', 'cassation', 'cassation_administrative', 'civil_appeal', 'dismissal', 'excess_of_power', 'removal_order', 'residence_refusal', 'urgent_order_appeal', 'violence_complaint'].sort(),
    );
    expect(templates.every((tp) => tp.example && tp.version === 1)).toBe(true);
  });

  it('computes the 48-hour appeal from the notification, then the ruling window once the appeal is filed', async () => {
    const { s, caseId, removal } = await clinic();
    const started = await s.ok('youssef', 'procedures:start', { caseId, fields: removalFields(removal.id) });
    const [appeal, ruling, rulingAppeal] = started.steps;
    expect(appeal).toMatchObject({ key: 'appeal', dueAt: '2026-04-08T11:24:00.000Z', dueDay: '2026-04-08', dueTime: '12:24', state: 'soon' });
    expect(appeal!.computation).toMatchObject({ trigger: '2026-04-06T11:24:00.000Z', atTime: true, skipped: [] });
    expect(ruling).toMatchObject({ key: 'ruling', dueAt: null, state: 'waiting', triggerStep: { fr: 'Dépôt du recours' } });
    expect(rulingAppeal!.state).toBe('waiting');

    const filed = await s.ok('youssef', 'procedures:completeStep', { stepId: appeal!.id, fields: { date: '2026-04-07', time: '09:30', note: 'Requête déposée au greffe' } });
    expect(filed.steps[0]).toMatchObject({ state: 'done', doneBy: 'Youssef Lamrani', doneNote: 'Requête déposée au greffe' });
    // 4 jours francs from 7 April (the day of filing not counted): end of Saturday 11 April, not moved.
    expect(filed.steps[1]).toMatchObject({ dueDay: '2026-04-11', dueTime: '23:59', state: 'soon' });
    expect(filed.steps[2]!.state).toBe('waiting');
    expect((await s.ok('youssef', 'procedures:list', { caseId })).map((p) => p.id)).toEqual([started.id]);
  });

  it('keeps a due date set by hand beside the computed one, with its reason', async () => {
    const { s, caseId, removal } = await clinic();
    const started = await s.ok('youssef', 'procedures:start', { caseId, fields: removalFields(removal.id) });
    const appeal = started.steps[0]!;
    const missing = await s.call('youssef', 'procedures:overrideDue', { stepId: appeal.id, fields: { date: '2026-04-08', time: '11:00', reason: '' } });
    expect(missing.ok ? null : missing.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.reason', message: 'validation.required' }));
    const set = await s.ok('youssef', 'procedures:overrideDue', { stepId: appeal.id, fields: { date: '2026-04-08', time: '11:00', reason: 'Le greffe ferme à 11 h' } });
    expect(set.steps[0]).toMatchObject({ dueAt: '2026-04-08T10:00:00.000Z', dueTime: '11:00', override: { reason: 'Le greffe ferme à 11 h' } });
    expect(set.steps[0]!.computation!.due).toBe('2026-04-08T11:24:00.000Z');
    const log = await s.ok('admin', 'audit:list', { caseId });
    expect(log.items.map((e) => e.action)).toEqual(expect.arrayContaining(['procedures:start', 'procedures:overrideDue']));
  });

  it('says a deadline due today is not overdue, and one past its day is', async () => {
    const { s, clock, caseId, removal } = await clinic();
    const started = await s.ok('youssef', 'procedures:start', { caseId, fields: removalFields(removal.id) });
    expect(started.steps[0]!.state).toBe('soon');
    clock.advance(24 * 3_600_000); // Wednesday 8 April, 10:00: due at 12:24 today
    await s.ok('youssef', 'auth:login', { username: 'youssef', password: 'Secret-Personnel-2026!' });
    expect((await s.ok('youssef', 'procedures:list', { caseId }))[0]!.steps[0]!.state).toBe('today');
    clock.advance(24 * 3_600_000); // Thursday 9 April
    await s.ok('youssef', 'auth:login', { username: 'youssef', password: 'Secret-Personnel-2026!' });
    expect((await s.ok('youssef', 'procedures:list', { caseId }))[0]!.steps[0]!.state).toBe('overdue');
  });

  it('keeps procedures to those who may see the case, and refuses bad input with nothing stored', async () => {
    const { s, caseId, removal } = await clinic();
    const other = await s.call('karima', 'procedures:start', { caseId, fields: removalFields(removal.id) });
    expect(other.ok ? null : other.error.code).toBe('NOT_FOUND');
    expect((await s.call('karima', 'procedures:list', { caseId })).ok).toBe(false);
    const future = await s.call('youssef', 'procedures:start', { caseId, fields: removalFields(removal.id, { notifiedDate: '2026-04-08' }) });
    expect(future.ok ? null : future.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.notifiedDate', message: 'validation.dateInFuture' }));
    const noAuthority = await s.call('youssef', 'procedures:start', { caseId, fields: removalFields(removal.id, { authority: '' }) });
    expect(noAuthority.ok ? null : noAuthority.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.authority', message: 'validation.required' }));
    expect(await s.ok('youssef', 'procedures:list', { caseId })).toEqual([]);

    const started = await s.ok('youssef', 'procedures:start', { caseId, fields: removalFields(removal.id) });
    const early = await s.call('youssef', 'procedures:completeStep', { stepId: started.steps[0]!.id, fields: { date: '2026-04-05', time: '10:00', note: '' } });
    expect(early.ok ? null : early.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.date', message: 'validation.beforeNotification' }));
    const hidden = await s.call('karima', 'procedures:completeStep', { stepId: started.steps[0]!.id, fields: { date: '2026-04-07', time: '09:00', note: '' } });
    expect(hidden.ok ? null : hidden.error.code).toBe('NOT_FOUND');
    expect((await s.ok('youssef', 'procedures:list', { caseId }))[0]!.steps[0]!.state).toBe('soon');
  });
});

describe('my work', () => {
  it('lists my overdue and coming deadlines, and my open cases with nothing ahead', async () => {
    const { s, clock, caseId, removal } = await clinic();
    // A second case of Youssef's, with no deadline and no activity: it has no next step.
    const p2 = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Diallo' }));
    const lawyerId = (await s.ok('admin', 'cases:get', { id: caseId })).assignedLawyerId!;
    const quiet = await s.ok('admin', 'cases:create', caseFor(p2.id, { intakeDate: '2026-03-01', assignedLawyerId: lawyerId }));
    await s.ok('youssef', 'procedures:start', { caseId, fields: removalFields(removal.id) });

    const mine = await s.ok('youssef', 'work:mine', {});
    expect(mine.overdue).toEqual([]);
    expect(mine.upcoming.map((d) => [d.reference, d.step.fr, d.dueTime, d.state])).toEqual([[expect.any(String), 'Dépôt du recours', '12:24', 'soon']]);
    expect(mine.noNextStep.map((c) => c.id)).toEqual([quiet.id]);
    // Karima has none of it; a supervisor sees Youssef's when asking for him.
    expect(await s.ok('karima', 'work:mine', {})).toEqual({ overdue: [], upcoming: [], hearings: [], noNextStep: [] });
    const forbidden = await s.call('karima', 'work:mine', { lawyerId });
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
    expect((await s.ok('admin', 'work:mine', { lawyerId })).upcoming).toHaveLength(1);

    // The supervisors' team view: Youssef's two open cases and his deadline of the week.
    const team = await s.ok('admin', 'work:team', {});
    expect(team.find((r) => r.lawyerId === lawyerId)).toMatchObject({ name: 'Youssef Lamrani', openCases: 2, overdue: 0, dueThisWeek: 1, oldestOpen: '2026-03-01' });
    expect(team.find((r) => r.name === 'Karima Bennani')).toMatchObject({ openCases: 0, overdue: 0 });
    const notForLawyers = await s.call('youssef', 'work:team', {});
    expect(notForLawyers.ok ? null : notForLawyers.error.code).toBe('FORBIDDEN');

    // Friday 10 April: the 48 hours ran out on Wednesday.
    clock.advance(3 * 24 * 3_600_000);
    await s.ok('youssef', 'auth:login', { username: 'youssef', password: 'Secret-Personnel-2026!' });
    const later = await s.ok('youssef', 'work:mine', {});
    expect(later.overdue.map((d) => d.step.fr)).toEqual(['Dépôt du recours']);
    expect(later.upcoming).toEqual([]);
  });
});

describe('closing a case with deadlines running', () => {
  it('asks for confirmation while a deadline runs or a hearing is to come, and closes once confirmed', async () => {
    const { s, caseId, removal } = await clinic();
    await s.ok('youssef', 'procedures:start', { caseId, fields: removalFields(removal.id) });
    const close = { id: caseId, status: 'closed' as const, note: '', closureReason: 'resolved' as const, outcome: 'favourable' as const };
    const refused = await s.call('youssef', 'cases:setStatus', close);
    expect(refused.ok ? null : refused.error.fields).toContainEqual(expect.objectContaining({ path: 'confirmOpen', message: 'validation.confirmOpenItems' }));
    expect((await s.ok('youssef', 'cases:get', { id: caseId })).status).toBe('intake');
    const closed = await s.ok('youssef', 'cases:setStatus', { ...close, confirmOpen: true });
    expect(closed.status).toBe('closed');
  });
});
