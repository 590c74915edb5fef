import { afterEach, describe, expect, it } from 'vitest';
import type { HearingFieldsInput } from '../../../shared/contract/hearings';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

/** Issue #12: hearings and appointments, adjournment in one step, and "my work". */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const hearing = (overrides: Partial<HearingFieldsInput> = {}): HearingFieldsInput => ({
  kind: 'court_hearing',
  date: '2026-04-09',
  time: '09:30',
  place: 'Tribunal administratif de Rabat',
  room: 'Salle 2',
  purpose: 'Recours contre la reconduite',
  ...overrides,
});

describe('hearings', () => {
  it('schedules, adjourns to a next hearing made in the same step, and shows it on my work', async () => {
    const clock = fakeClock(new Date('2026-04-07T09:00:00Z'));
    const s = await setUpCore({ now: clock.now });
    t = s;
    const lawyer = await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
    await staff(s, 'karima', 'karima', 'lawyer', 'Karima Bennani');
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Moussa Kone' }));
    const caseId = (await s.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06', assignedLawyerId: lawyer }))).id;

    // Before anything is scheduled the case has no next step.
    expect((await s.ok('youssef', 'work:mine', {})).noNextStep.map((c) => c.id)).toEqual([caseId]);
    const first = await s.ok('youssef', 'hearings:create', { caseId, fields: hearing() });
    expect(first).toMatchObject({ at: '2026-04-09T08:30:00.000Z', status: 'scheduled', createdBy: 'Youssef Lamrani' });
    const work = await s.ok('youssef', 'work:mine', {});
    expect(work.hearings.map((h) => [h.hearingId, h.place])).toEqual([[first.id, 'Tribunal administratif de Rabat']]);
    expect(work.noNextStep).toEqual([]);
    expect((await s.ok('karima', 'work:mine', {})).hearings).toEqual([]);

    const missing = await s.call('youssef', 'hearings:record', { id: first.id, outcome: { status: 'adjourned', result: '', nextDate: '', nextTime: '' } });
    expect(missing.ok ? null : missing.error.fields).toContainEqual(expect.objectContaining({ path: 'outcome.nextDate', message: 'validation.required' }));
    const before = await s.call('youssef', 'hearings:record', { id: first.id, outcome: { status: 'adjourned', result: '', nextDate: '2026-04-08', nextTime: '09:30' } });
    expect(before.ok ? null : before.error.fields).toContainEqual(expect.objectContaining({ path: 'outcome.nextDate', message: 'validation.adjournedBefore' }));

    const all = await s.ok('youssef', 'hearings:record', { id: first.id, outcome: { status: 'adjourned', result: 'Renvoi pour communication du dossier', nextDate: '2026-04-23', nextTime: '10:00' } });
    expect(all.map((h) => [h.status, h.date, h.time, h.room])).toEqual([
      ['adjourned', '2026-04-09', '09:30', 'Salle 2'],
      ['scheduled', '2026-04-23', '10:00', 'Salle 2'],
    ]);
    expect(all[0]!.nextId).toBe(all[1]!.id);
    expect(all[1]!.previousId).toBe(all[0]!.id);
    const again = await s.call('youssef', 'hearings:record', { id: first.id, outcome: { status: 'held', result: '', nextDate: '', nextTime: '' } });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
  });

  it('keeps hearings to those who may see the case, and refuses absurd dates', async () => {
    const clock = fakeClock(new Date('2026-04-07T09:00:00Z'));
    const s = await setUpCore({ now: clock.now });
    t = s;
    const lawyer = await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
    await staff(s, 'karima', 'karima', 'lawyer', 'Karima Bennani');
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Moussa Kone' }));
    const caseId = (await s.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06', assignedLawyerId: lawyer }))).id;
    const hidden = await s.call('karima', 'hearings:create', { caseId, fields: hearing() });
    expect(hidden.ok ? null : hidden.error.code).toBe('NOT_FOUND');
    const far = await s.call('youssef', 'hearings:create', { caseId, fields: hearing({ date: '2036-04-09' }) });
    expect(far.ok ? null : far.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.date', message: 'validation.tooFarAhead' }));
    const noPlace = await s.call('youssef', 'hearings:create', { caseId, fields: hearing({ place: '' }) });
    expect(noPlace.ok ? null : noPlace.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.place', message: 'validation.required' }));
    expect(await s.ok('youssef', 'hearings:list', { caseId })).toEqual([]);
  });
});
