import { afterEach, describe, expect, it } from 'vitest';
import type { ActivityFieldsInput } from '../../../shared/contract/activities';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

/** Issue #12: follow-up activities, their role rules, restricted ones and append-only edits. */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const activity = (overrides: Partial<ActivityFieldsInput> = {}): ActivityFieldsInput => ({
  kind: 'consultation',
  accompanimentTo: '',
  date: '2026-04-06',
  time: '12:24',
  durationMinutes: 45,
  language: 'fr',
  interpreter: false,
  notes: 'Notification d’un arrêté de reconduite à la frontière ce jour à 12h24.',
  nextAction: 'Recours devant le président du tribunal administratif',
  nextActionDate: '2026-04-08',
  restricted: false,
  ...overrides,
});

async function clinic() {
  // Thursday 9 April 2026, 11:00 in Rabat (UTC+1).
  const clock = fakeClock(new Date('2026-04-09T10:00:00Z'));
  const s = await setUpCore({ now: clock.now });
  t = s;
  const lawyer = await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
  await staff(s, 'karima', 'karima', 'lawyer', 'Karima Bennani');
  await staff(s, 'nadia', 'nadia', 'intake', 'Nadia Idrissi');
  await staff(s, 'omar', 'omar', 'supervisor', 'Omar Tazi');
  const p = await s.ok('nadia', 'beneficiaries:create', person({ latinName: 'Moussa Kone' }));
  const kase = await s.ok('nadia', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06' }));
  await s.ok('admin', 'cases:assign', { id: kase.id, lawyerId: lawyer });
  return { s, clock, caseId: kase.id };
}

describe('activities', () => {
  it('records an activity with its clinic-time instant, lists newest first and filters by kind', async () => {
    const { s, caseId } = await clinic();
    const first = await s.ok('youssef', 'activities:create', { caseId, fields: activity() });
    // 12:24 in Rabat on 6 April 2026 is 11:24 UTC.
    expect(first).toMatchObject({ occurredAt: '2026-04-06T11:24:00.000Z', date: '2026-04-06', time: '12:24', author: 'Youssef Lamrani', revision: 1, canEdit: true });
    await s.ok('youssef', 'activities:create', { caseId, fields: activity({ kind: 'accompaniment', accompanimentTo: 'court', date: '2026-04-08', time: '09:00', nextAction: '', nextActionDate: '' }) });
    await s.ok('nadia', 'activities:create', { caseId, fields: activity({ kind: 'call', date: '2026-04-07', time: '16:30', nextAction: '', nextActionDate: '' }) });
    const page = await s.ok('omar', 'activities:list', { caseId });
    expect(page.items.map((a) => a.kind)).toEqual(['accompaniment', 'call', 'consultation']);
    expect((await s.ok('omar', 'activities:list', { caseId, kind: 'call' })).items.map((a) => a.author)).toEqual(['Nadia Idrissi']);
    // Pages by keyset, with nothing lost or repeated.
    const one = await s.ok('omar', 'activities:list', { caseId, limit: 2 });
    const two = await s.ok('omar', 'activities:list', { caseId, limit: 2, cursor: one.nextCursor! });
    expect([...one.items, ...two.items].map((a) => a.id)).toEqual(page.items.map((a) => a.id));
    expect(two.nextCursor).toBeNull();
  });

  it('lets only those who may see the case record on it, and hides the case from the others', async () => {
    const { s, caseId } = await clinic();
    const other = await s.call('karima', 'activities:create', { caseId, fields: activity() });
    expect(other.ok ? null : other.error.code).toBe('NOT_FOUND');
    expect((await s.call('karima', 'activities:list', { caseId })).ok).toBe(false);
    // Intake staff record on the case they opened; supervisors anywhere.
    await s.ok('nadia', 'activities:create', { caseId, fields: activity() });
    await s.ok('omar', 'activities:create', { caseId, fields: activity() });
  });

  it('shows a restricted activity only to its author, the case lawyer and supervisors', async () => {
    const { s, caseId } = await clinic();
    const hidden = await s.ok('omar', 'activities:create', { caseId, fields: activity({ restricted: true, notes: 'Violences subies pendant le parcours migratoire.' }) });
    await s.ok('nadia', 'activities:create', { caseId, fields: activity({ kind: 'call', nextAction: '', nextActionDate: '' }) });
    expect((await s.ok('youssef', 'activities:list', { caseId })).items.map((a) => a.id)).toContain(hidden.id);
    const intake = await s.ok('nadia', 'activities:list', { caseId });
    expect(intake.items.map((a) => a.kind)).toEqual(['call']);
    for (const channel of ['activities:history'] as const) {
      const r = await s.call('nadia', channel, { id: hidden.id });
      expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    }
    const edit = await s.call('nadia', 'activities:update', { id: hidden.id, revision: 1, fields: activity() });
    expect(edit.ok ? null : edit.error.code).toBe('NOT_FOUND');
    // Her own restricted note she still reads.
    const mine = await s.ok('nadia', 'activities:create', { caseId, fields: activity({ restricted: true }) });
    expect((await s.ok('nadia', 'activities:list', { caseId })).items.map((a) => a.id)).toContain(mine.id);
  });

  it('keeps every earlier text when an activity is edited, and refuses an edit over someone else’s', async () => {
    const { s, clock, caseId } = await clinic();
    const a = await s.ok('youssef', 'activities:create', { caseId, fields: activity() });
    clock.advance(120_000);
    const edited = await s.ok('youssef', 'activities:update', { id: a.id, revision: 1, fields: activity({ notes: 'Notification reçue à 12h24, en main propre.', durationMinutes: 60 }) });
    expect(edited).toMatchObject({ revision: 2, editedBy: 'Youssef Lamrani', editedAt: '2026-04-09T10:02:00.000Z', durationMinutes: 60 });
    // A supervisor corrects it; another lawyer's or intake's edit is not theirs to make.
    const fixed = await s.ok('omar', 'activities:update', { id: a.id, revision: 2, fields: activity({ notes: 'Notification reçue à 12h24, en main propre, au commissariat.' }) });
    expect(fixed.editedBy).toBe('Omar Tazi');
    const intakeEdit = await s.call('nadia', 'activities:update', { id: a.id, revision: 3, fields: activity() });
    expect(intakeEdit.ok ? null : intakeEdit.error.code).toBe('FORBIDDEN');
    // Youssef still holds revision 2: his save would overwrite Omar's, so it is refused.
    const stale = await s.call('youssef', 'activities:update', { id: a.id, revision: 2, fields: activity({ notes: 'Écrase ?' }) });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
    const history = await s.ok('youssef', 'activities:history', { id: a.id });
    expect(history.map((h) => [h.revision, h.writtenBy, h.fields.notes])).toEqual([
      [1, 'Youssef Lamrani', activity().notes],
      [2, 'Youssef Lamrani', 'Notification reçue à 12h24, en main propre.'],
      [3, 'Omar Tazi', 'Notification reçue à 12h24, en main propre, au commissariat.'],
    ]);
    expect(history[0]!.writtenAt).toBe(a.createdAt);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const { s, caseId } = await clinic();
    const cases: Array<[Partial<ActivityFieldsInput>, string, string]> = [
      [{ date: '2026-04-10', nextAction: '', nextActionDate: '' }, 'fields.date', 'validation.dateInFuture'],
      [{ date: '2026-04-09', time: '11:05', nextAction: '', nextActionDate: '' }, 'fields.time', 'validation.dateInFuture'],
      [{ date: '2015-01-01', nextActionDate: '', nextAction: '' }, 'fields.date', 'validation.activityTooOld'],
      [{ durationMinutes: -5 }, 'fields.durationMinutes', 'validation.durationRange'],
      [{ durationMinutes: 6000 }, 'fields.durationMinutes', 'validation.durationRange'],
      [{ time: '25:00' }, 'fields.time', 'validation.invalidTime'],
      [{ kind: 'accompaniment', accompanimentTo: '' }, 'fields.accompanimentTo', 'validation.required'],
      [{ nextActionDate: '2026-04-01' }, 'fields.nextActionDate', 'validation.nextBeforeActivity'],
      [{ nextAction: '', nextActionDate: '2026-04-20' }, 'fields.nextAction', 'validation.required'],
      [{ notes: '' }, 'fields.notes', 'validation.required'],
      [{ notes: 'x'.repeat(8001) }, 'fields.notes', 'validation.tooLong'],
    ];
    for (const [overrides, path, message] of cases) {
      const r = await s.call('youssef', 'activities:create', { caseId, fields: activity(overrides) });
      expect(r.ok, JSON.stringify(overrides)).toBe(false);
      if (!r.ok) expect(r.error.fields, JSON.stringify(overrides)).toContainEqual(expect.objectContaining({ path, message }));
    }
    expect((await s.ok('omar', 'activities:list', { caseId })).items).toEqual([]);
  });

  it('writes each call in the audit log against the case', async () => {
    const { s, caseId } = await clinic();
    const a = await s.ok('youssef', 'activities:create', { caseId, fields: activity() });
    await s.ok('youssef', 'activities:update', { id: a.id, revision: 1, fields: activity({ notes: 'Corrigé.' }) });
    const log = await s.ok('admin', 'audit:list', { caseId });
    const actions = log.items.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['activities:create', 'activities:update']));
  });
});
