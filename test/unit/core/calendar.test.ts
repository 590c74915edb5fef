import { afterEach, describe, expect, it } from 'vitest';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

/** Issue #12: the calendar, one lawyer's or the team's, with the visibility of each list. */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function clinic() {
  const s = await setUpCore({ now: fakeClock(new Date('2026-04-07T09:00:00Z')).now });
  t = s;
  const youssef = await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
  const karima = await staff(s, 'karima', 'karima', 'lawyer', 'Karima Bennani');
  await staff(s, 'nadia', 'nadia', 'supervisor', 'Nadia Supervisor');
  const imane = await staff(s, 'imane', 'imane', 'intake', 'Imane Intake');
  const removal = (await s.ok('youssef', 'procedures:templates', {})).find((tp) => tp.code === 'removal_order')!;
  const open = async (lawyer: number, name: string) => {
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: name }));
    const caseId = (await s.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06', assignedLawyerId: lawyer }))).id;
    const client = lawyer === youssef ? 'youssef' : 'karima';
    await s.ok(client, 'procedures:start', {
      caseId,
      fields: { templateId: removal.id, authority: 'Wilaya de Rabat', authorityRefs: '', decision: 'Reconduite', notifiedDate: '2026-04-06', notifiedTime: '12:24', notificationMode: 'in_person' },
    });
    await s.ok(client, 'hearings:create', { caseId, fields: { kind: 'court_hearing', date: '2026-04-20', time: '09:30', place: 'Tribunal administratif', room: '', purpose: '' } });
    return caseId;
  };
  const mine = await open(youssef, 'Moussa Kone');
  const hers = await open(karima, 'Awa Diallo');
  await s.ok('youssef', 'tasks:create', { caseId: mine, fields: { title: 'Copie de la décision', dueDate: '2026-04-10', assigneeId: null, notes: '' } });
  await s.ok('karima', 'tasks:create', { caseId: null, fields: { title: 'Formation interne', dueDate: '2026-04-15', assigneeId: null, notes: '' } });
  await s.ok('nadia', 'tasks:create', { caseId: null, fields: { title: 'Rapport mensuel', dueDate: '2026-04-30', assigneeId: imane, notes: '' } });
  return { s, youssef, karima, mine, hers };
}

describe('calendar', () => {
  it('shows a lawyer their deadlines, hearings, tasks and the holidays, and nothing of a colleague', async () => {
    const { s, mine } = await clinic();
    const april = await s.ok('youssef', 'calendar:entries', { from: '2026-04-01', to: '2026-04-30' });
    expect(april.deadlines.map((d) => [d.caseId, d.dueDay, d.dueTime])).toEqual([[mine, '2026-04-08', '12:24']]);
    expect(april.hearings.map((h) => [h.caseId, h.at, h.status])).toEqual([[mine, '2026-04-20T08:30:00.000Z', 'scheduled']]);
    expect(april.tasks.map((x) => x.title)).toEqual(['Copie de la décision']);
    expect(april.holidays).toEqual([]);
    expect(april.truncated).toBe(false);
    const may = await s.ok('youssef', 'calendar:entries', { from: '2026-05-01', to: '2026-05-31' });
    expect(may.holidays.map((h) => h.date)).toContain('2026-05-01');
    const other = await s.call('youssef', 'calendar:entries', { from: '2026-04-01', to: '2026-04-30', lawyerId: 3 });
    expect(other.ok ? null : other.error.code).toBe('FORBIDDEN');
  });

  it('gives supervisors one lawyer or the whole team, and intake staff their own tasks', async () => {
    const { s, karima, mine, hers } = await clinic();
    const team = await s.ok('nadia', 'calendar:entries', { from: '2026-04-01', to: '2026-04-30' });
    expect(team.deadlines.map((d) => d.caseId).sort()).toEqual([mine, hers].sort());
    expect(team.hearings).toHaveLength(2);
    expect(team.tasks.map((x) => x.title)).toEqual(['Copie de la décision', 'Formation interne', 'Rapport mensuel']);
    const hersOnly = await s.ok('nadia', 'calendar:entries', { from: '2026-04-01', to: '2026-04-30', lawyerId: karima });
    expect(hersOnly.deadlines.map((d) => [d.caseId, d.lawyer])).toEqual([[hers, 'Karima Bennani']]);
    expect(hersOnly.tasks.map((x) => x.title)).toEqual(['Formation interne']);
    const intake = await s.ok('imane', 'calendar:entries', { from: '2026-04-01', to: '2026-04-30' });
    expect(intake.tasks.map((x) => x.title)).toEqual(['Rapport mensuel']);
    const log = await s.ok('admin', 'audit:list', {});
    expect(log.items.filter((e) => e.action === 'calendar:entries').length).toBe(3);
  });

  it('refuses a span that ends before it starts or covers more than 62 days', async () => {
    const { s } = await clinic();
    const reversed = await s.call('youssef', 'calendar:entries', { from: '2026-04-30', to: '2026-04-01' });
    expect(reversed.ok ? null : reversed.error.fields).toContainEqual(expect.objectContaining({ path: 'to', message: 'validation.endBeforeStart' }));
    const long = await s.call('youssef', 'calendar:entries', { from: '2026-01-01', to: '2026-06-30' });
    expect(long.ok ? null : long.error.fields).toContainEqual(expect.objectContaining({ path: 'to', message: 'validation.rangeTooLong' }));
  });
});
