import { afterEach, describe, expect, it } from 'vitest';
import { expiryState, localIsoDate, personDateIssues, yearsBefore } from '../../../shared/domain/dates';
import { caseFor, person } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

/** Issue #10, item 3: dates that cannot be are refused by the core, every one at once. */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('date rules', () => {
  it('refuses a birth, an arrival and an intake in the future, and an age over 120, under their fields', async () => {
    const clock = fakeClock(new Date('2026-11-25T10:00:00'));
    const s = await setUpCore({ now: clock.now });
    t = s;
    const future = await s.call('admin', 'beneficiaries:create', person({ latinName: 'Awa Ba', birthDate: '2030-01-01', arrivalDate: '2029-05-02' }));
    expect(future.ok ? null : future.error).toMatchObject({
      code: 'VALIDATION',
      fields: [
        { path: 'birthDate', message: 'validation.dateInFuture' },
        { path: 'arrivalDate', message: 'validation.dateInFuture' },
      ],
    });
    const old = await s.call('admin', 'beneficiaries:create', person({ latinName: 'Awa Ba', birthDate: '1900-01-01' }));
    expect(old.ok ? null : old.error.fields).toEqual([{ path: 'birthDate', message: 'validation.dateTooOld' }]);
    const before = await s.call('admin', 'beneficiaries:create', person({ latinName: 'Awa Ba', birthDate: '1990-01-01', arrivalDate: '1989-01-01' }));
    expect(before.ok ? null : before.error.fields).toEqual([{ path: 'arrivalDate', message: 'validation.arrivalBeforeBirth' }]);

    // Today is fine; nothing was saved by the refusals.
    const awa = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Ba', birthDate: '1990-01-01', arrivalDate: '2026-11-25' }));
    expect((await s.ok('admin', 'beneficiaries:list', {})).items).toHaveLength(1);
    const update = await s.call('admin', 'beneficiaries:update', { id: awa.id, fields: { ...person({ latinName: 'Awa Ba', birthDate: '2027-01-01' }) } });
    expect(update.ok ? null : update.error.fields).toEqual([{ path: 'fields.birthDate', message: 'validation.dateInFuture' }]);

    const intake = await s.call('admin', 'cases:create', caseFor(awa.id, { intakeDate: '2027-01-04' }));
    expect(intake.ok ? null : intake.error.fields).toEqual([{ path: 'intakeDate', message: 'validation.dateInFuture' }]);
    const kase = await s.ok('admin', 'cases:create', caseFor(awa.id, { intakeDate: '2026-11-25' }));
    const { intakeDate, channel, domainIds, summary, urgency, urgencyReasons, sensitive } = caseFor(awa.id, { intakeDate: '2026-12-01' });
    const fields = { intakeDate, channel, domainIds, summary, urgency, urgencyReasons, sensitive };
    const moved = await s.call('admin', 'cases:update', { id: kase.id, fields });
    expect(moved.ok ? null : moved.error.fields).toEqual([{ path: 'fields.intakeDate', message: 'validation.dateInFuture' }]);
  });

  it('takes today from the computer’s own calendar, and tells expired and expiring papers', () => {
    expect(localIsoDate(new Date(2026, 11, 3, 0, 30))).toBe('2026-12-03');
    expect(yearsBefore('2024-02-29', 120)).toBe('1904-02-28');
    expect(personDateIssues({ birthDate: '', arrivalDate: '' }, '2026-11-25')).toEqual([]);
    expect(expiryState('2026-11-24', '2026-11-25')).toBe('expired');
    expect(expiryState('2026-11-25', '2026-11-25')).toBe('soon');
    expect(expiryState('2026-12-25', '2026-11-25')).toBe('soon');
    expect(expiryState('2026-12-26', '2026-11-25')).toBe('valid');
    expect(expiryState('', '2026-11-25')).toBeNull();
  });
});
