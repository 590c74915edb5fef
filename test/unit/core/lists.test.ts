import { afterEach, describe, expect, it } from 'vitest';
import { caseFor, person, staff } from '../../helpers/registry-fixtures';
import { setUpCore, type TempCore } from '../../helpers/temp-core';

let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** Issue #10, item 7: lists say how many they hold, and people are filtered by name in either script. */
describe('lists', () => {
  it('filters people by name across scripts and spellings, and counts them', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Mohamed Diallo' }));
    await s.ok('admin', 'beneficiaries:create', person({ arabicName: 'محمد الأمين' }));
    await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Mohammed Ba' }));
    await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Fatima Zahra' }));

    const found = await s.ok('admin', 'beneficiaries:list', { name: 'mohamed', sort: 'name_asc', limit: 2 });
    expect((await s.ok('admin', 'beneficiaries:count', { name: 'mohamed' })).total).toBe(3);
    const next = await s.ok('admin', 'beneficiaries:list', { name: 'mohamed', sort: 'name_asc', limit: 2, cursor: found.nextCursor! });
    const names = [...found.items, ...next.items].map((p) => p.latinName || p.arabicName).sort();
    expect(names).toEqual(['Mohamed Diallo', 'Mohammed Ba', 'محمد الأمين'].sort());

    expect((await s.ok('admin', 'beneficiaries:list', { name: 'فاطمة', limit: 50 })).items.map((p) => p.latinName)).toEqual(['Fatima Zahra']);
    expect((await s.ok('admin', 'beneficiaries:count', {})).total).toBe(4);
    // Punctuation alone is no filter; FTS5 syntax typed in the box is text.
    expect((await s.ok('admin', 'beneficiaries:count', { name: '--' })).total).toBe(4);
    expect((await s.ok('admin', 'beneficiaries:count', { name: 'NEAR(" OR *' })).total).toBe(0);
    expect((await s.ok('admin', 'beneficiaries:list', { name: 'NEAR(" OR *', limit: 50 })).items).toEqual([]);
  });

  it('counts only the cases the account may see', async () => {
    const s = await setUpCore();
    t = s;
    const lawyer = await staff(s, 'lawyer', 'karim', 'lawyer');
    const p = await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Awa Ndiaye' }));
    await s.ok('admin', 'cases:create', caseFor(p.id, { assignedLawyerId: lawyer }));
    await s.ok('admin', 'cases:create', caseFor(p.id));
    await s.ok('admin', 'cases:create', caseFor(p.id, { assignedLawyerId: lawyer, urgency: 'urgent' }));
    expect((await s.ok('admin', 'cases:count', {})).total).toBe(3);
    expect((await s.ok('lawyer', 'cases:count', {})).total).toBe(2);
    expect((await s.ok('lawyer', 'cases:list', { limit: 50 })).items).toHaveLength(2);
    expect((await s.ok('admin', 'cases:count', { urgency: 'urgent' })).total).toBe(1);
    // Counting is not written in the log: the list call beside it is.
    const log = (await s.ok('admin', 'audit:list', { limit: 200 })).items.map((e) => e.action);
    expect(log).toContain('cases:list');
    expect(log).not.toContain('cases:count');
  });
});
