import { afterEach, describe, expect, it } from 'vitest';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

/** Issue #12: tasks on a case or alone, given to someone who may do them. */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('tasks', () => {
  it('gives a task on a case to someone who may see it, lists it as theirs, and marks it done', async () => {
    const clock = fakeClock(new Date('2026-04-07T09:00:00Z'));
    const s = await setUpCore({ now: clock.now });
    t = s;
    const youssef = await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
    const karima = await staff(s, 'karima', 'karima', 'lawyer', 'Karima Bennani');
    await staff(s, 'omar', 'omar', 'supervisor', 'Omar Tazi');
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Moussa Kone' }));
    const caseId = (await s.ok('admin', 'cases:create', caseFor(p.id, { intakeDate: '2026-04-06', assignedLawyerId: youssef }))).id;

    // Karima cannot open Youssef's case: a task on it cannot be hers.
    const wrong = await s.call('omar', 'tasks:create', { caseId, fields: { title: 'Copie de l’arrêté', dueDate: '2026-04-08', assigneeId: karima, notes: '' } });
    expect(wrong.ok ? null : wrong.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.assigneeId', message: 'validation.assigneeCannotSeeCase' }));
    const task = await s.ok('omar', 'tasks:create', { caseId, fields: { title: 'Copie de l’arrêté', dueDate: '2026-04-08', assigneeId: youssef, notes: '' } });
    expect(task).toMatchObject({ assignee: 'Youssef Lamrani', createdBy: 'Omar Tazi', state: 'soon', status: 'open' });
    // Youssef's own list; the case then has a next step.
    expect((await s.ok('youssef', 'tasks:list', {})).map((x) => x.id)).toEqual([task.id]);
    expect((await s.ok('youssef', 'work:mine', {})).noNextStep).toEqual([]);
    const alone = await s.ok('karima', 'tasks:create', { caseId: null, fields: { title: 'Préparer la permanence de jeudi', dueDate: '', assigneeId: null, notes: '' } });
    expect(alone).toMatchObject({ caseId: null, assignee: 'Karima Bennani', state: 'open' });
    const hidden = await s.call('youssef', 'tasks:setDone', { id: alone.id, done: true });
    expect(hidden.ok ? null : hidden.error.code).toBe('NOT_FOUND');

    const done = await s.ok('youssef', 'tasks:setDone', { id: task.id, done: true });
    expect(done).toMatchObject({ status: 'done', state: 'done' });
    expect(await s.ok('youssef', 'tasks:list', {})).toEqual([]);
    expect((await s.ok('youssef', 'tasks:list', { caseId })).map((x) => x.status)).toEqual(['done']);
    const empty = await s.call('youssef', 'tasks:create', { caseId, fields: { title: '', dueDate: '', assigneeId: null, notes: '' } });
    expect(empty.ok ? null : empty.error.fields).toContainEqual(expect.objectContaining({ path: 'fields.title', message: 'validation.required' }));
  });
});
