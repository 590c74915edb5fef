import { afterEach, describe, expect, it } from 'vitest';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { setUpCore, type TempCore } from '../../helpers/temp-core';

/** Issue #10, item 6: an assignment is written in the case's history and heads the lawyer's home page until opened. */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

describe('assignments', () => {
  it('records who gave the case to whom, and shows it to the lawyer until opened', async () => {
    const s = await setUpCore();
    t = s;
    const youssef = await staff(s, 'youssef', 'youssef', 'lawyer', 'Youssef Lamrani');
    const karima = await staff(s, 'karima', 'karima', 'lawyer', 'Karima Bennani');
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Moussa Kone' }));
    const kase = await s.ok('admin', 'cases:create', caseFor(p.id, { assignedLawyerId: youssef }));
    expect(kase.assignments).toMatchObject([{ from: null, to: 'Youssef Lamrani', by: 'Salma Admin' }]);

    expect((await s.ok('youssef', 'cases:newlyAssigned', {})).map((c) => c.id)).toEqual([kase.id]);
    expect(await s.ok('karima', 'cases:newlyAssigned', {})).toEqual([]);
    // An administrator opening the case does not make it seen for the lawyer.
    await s.ok('admin', 'cases:get', { id: kase.id });
    expect((await s.ok('youssef', 'cases:newlyAssigned', {})).map((c) => c.id)).toEqual([kase.id]);
    await s.ok('youssef', 'cases:get', { id: kase.id });
    expect(await s.ok('youssef', 'cases:newlyAssigned', {})).toEqual([]);

    // Reassigned: the history says from whom to whom; the new lawyer sees it, the old one no longer has it.
    const moved = await s.ok('admin', 'cases:assign', { id: kase.id, lawyerId: karima });
    expect(moved.assignments.at(-1)).toMatchObject({ from: 'Youssef Lamrani', to: 'Karima Bennani', by: 'Salma Admin' });
    expect((await s.ok('karima', 'cases:newlyAssigned', {})).map((c) => c.id)).toEqual([kase.id]);
    // The same lawyer again changes nothing and records nothing.
    const same = await s.ok('admin', 'cases:assign', { id: kase.id, lawyerId: karima });
    expect(same.assignments).toHaveLength(2);
    // Taken away: recorded, and gone from her home page.
    const none = await s.ok('admin', 'cases:assign', { id: kase.id, lawyerId: null });
    expect(none.assignments.at(-1)).toMatchObject({ from: 'Karima Bennani', to: null });
    expect(await s.ok('karima', 'cases:newlyAssigned', {})).toEqual([]);
  });
});
