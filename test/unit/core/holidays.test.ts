import { afterEach, describe, expect, it } from 'vitest';
import type { HolidayFieldsInput } from '../../../shared/contract/holidays';
import { followUpClinic } from '../../helpers/follow-up-clinic';
import type { TempCore } from '../../helpers/temp-core';

/** Issue #12: the holidays table, edited by supervisors, and the open deadlines it moves. */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function clinic() {
  const c = await followUpClinic();
  t = c.s;
  const refusal = (await c.s.ok('youssef', 'procedures:templates', {})).find((tp) => tp.code === 'residence_refusal')!;
  // The shipped residence-card refusal: 15 jours francs from the notification.
  const start = async () => {
    const started = await c.start(refusal.id);
    if (!started.ok) throw new Error(started.error.code);
    return started.value;
  };
  return { s: c.s, caseId: c.caseId, start };
}

const holiday = (date: string, over: Partial<HolidayFieldsInput> = {}): HolidayFieldsInput => ({
  date,
  nameAr: 'عطلة استثنائية',
  nameFr: 'Jour chômé exceptionnel',
  nameEn: 'Exceptional day off',
  kind: 'fixed',
  estimated: false,
  ...over,
});

describe('holidays', () => {
  it('moves an open deadline that ends on a new holiday, flags it for the lawyer, and logs it', async () => {
    const { s, caseId, start } = await clinic();
    const started = await start();
    const appeal = started.steps[0]!;
    // 15 jours francs from Monday 6 April (docs/DEADLINES.md): Tuesday 21 April.
    expect(appeal).toMatchObject({ dueDay: '2026-04-21', needsReview: false });

    const change = await s.ok('nadia', 'holidays:save', { id: null, fields: holiday('2026-04-21') });
    expect(change).toMatchObject({ recomputed: 1, moved: 1 });
    expect(change.holidays.find((h) => h.date === '2026-04-21')).toMatchObject({ kind: 'fixed', estimated: false, updatedBy: 'Nadia Supervisor' });
    const [after] = await s.ok('youssef', 'procedures:list', { caseId });
    expect(after!.steps[0]).toMatchObject({ dueDay: '2026-04-22', needsReview: true });
    expect(after!.steps[0]!.computation!.skipped).toEqual([expect.objectContaining({ day: '2026-04-21', reason: 'holiday' })]);
    const work = await s.ok('youssef', 'work:mine', {});
    expect(work.upcoming.find((d) => d.stepId === appeal.id)).toBeUndefined(); // beyond 7 days
    const seen = await s.ok('youssef', 'procedures:acknowledge', { stepId: appeal.id });
    expect(seen.steps[0]!.needsReview).toBe(false);

    // Taken out again: back to the 22nd, flagged again.
    const removed = await s.ok('nadia', 'holidays:remove', { id: change.holidays.find((h) => h.date === '2026-04-21')!.id });
    expect(removed).toMatchObject({ moved: 1 });
    expect((await s.ok('youssef', 'procedures:list', { caseId }))[0]!.steps[0]).toMatchObject({ dueDay: '2026-04-21', needsReview: true });
    const audit = await s.ok('admin', 'audit:list', {});
    expect(audit.items.map((e) => e.action)).toEqual(expect.arrayContaining(['holidays:save', 'holidays:remove', 'procedures:acknowledge']));
  });

  it('keeps a due date set by hand in force but flags the step when the computed one moves', async () => {
    const { s, caseId, start } = await clinic();
    const started = await start();
    const appeal = started.steps[0]!;
    await s.ok('youssef', 'procedures:overrideDue', { stepId: appeal.id, fields: { date: '2026-04-20', time: '12:00', reason: 'Dépôt prévu avant les congés' } });
    await s.ok('nadia', 'holidays:save', { id: null, fields: holiday('2026-04-21') });
    const step = (await s.ok('youssef', 'procedures:list', { caseId }))[0]!.steps[0]!;
    expect(step).toMatchObject({ dueDay: '2026-04-20', dueTime: '12:00', needsReview: true });
    expect(step.computation!.dueDay).toBe('2026-04-22');
  });

  it('leaves deadlines alone when a holiday outside their window changes, and does not flag a confirmation that moves nothing', async () => {
    const { s, caseId, start } = await clinic();
    await start();
    expect(await s.ok('nadia', 'holidays:save', { id: null, fields: holiday('2026-05-20') })).toMatchObject({ recomputed: 0, moved: 0 });
    expect(await s.ok('nadia', 'holidays:save', { id: null, fields: holiday('2026-04-15') })).toMatchObject({ recomputed: 0, moved: 0 });
    // An estimated lunar holiday inside the window, then confirmed on the same day.
    const lunar = await s.ok('nadia', 'holidays:save', { id: null, fields: holiday('2026-04-21', { kind: 'lunar', estimated: true }) });
    expect(lunar).toMatchObject({ moved: 1 });
    expect((await s.ok('youssef', 'procedures:list', { caseId }))[0]!.steps[0]!.computation!.dependsOnEstimated).toBe(true);
    const id = lunar.holidays.find((h) => h.date === '2026-04-21')!.id;
    await s.ok('youssef', 'procedures:acknowledge', { stepId: (await s.ok('youssef', 'procedures:list', { caseId }))[0]!.steps[0]!.id });
    expect(await s.ok('nadia', 'holidays:save', { id, fields: holiday('2026-04-21', { kind: 'lunar', estimated: false }) })).toMatchObject({ recomputed: 1, moved: 0 });
    const step = (await s.ok('youssef', 'procedures:list', { caseId }))[0]!.steps[0]!;
    expect(step).toMatchObject({ dueDay: '2026-04-22', needsReview: false });
    expect(step.computation!.dependsOnEstimated).toBe(false);
  });

  it('lets supervisors edit and everyone read, and refuses a second holiday on one day with nothing stored', async () => {
    const { s } = await clinic();
    const year = await s.ok('imane', 'holidays:list', { year: 2026 });
    expect(year.map((h) => h.date)).toEqual(expect.arrayContaining(['2026-01-01', '2026-01-14', '2026-10-31']));
    expect(year.find((h) => h.date === '2026-01-14')!.updatedBy).toBeNull();
    for (const who of ['youssef', 'imane', 'admin']) {
      const denied = await s.call(who, 'holidays:save', { id: null, fields: holiday('2026-04-21') });
      expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
    }
    const twice = await s.call('nadia', 'holidays:save', { id: null, fields: holiday('2026-01-14') });
    expect(twice.ok ? null : twice.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.date', message: 'validation.holidayExists' }));
    const noName = await s.call('nadia', 'holidays:save', { id: null, fields: holiday('2026-04-21', { nameAr: ' ' }) });
    expect(noName.ok ? null : noName.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.nameAr', message: 'validation.required' }));
    expect(await s.ok('imane', 'holidays:list', { year: 2026 })).toEqual(year);
  });
});
