import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoreCheckStatus } from '../../../shared/contract/store-check';
import { person } from '../../helpers/registry-fixtures';
import { ADMIN, fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

/**
 * Issue #9: damage is looked for before it is needed. The core runs a full check after the
 * store has been open 30 s when none ran for a week, a quick one daily, and one on demand;
 * each result is kept in the store, shown to administrators and audited.
 */
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function settled(s: TempCore, done: (status: StoreCheckStatus) => boolean): Promise<StoreCheckStatus> {
  let status: StoreCheckStatus | undefined;
  await vi.waitFor(
    async () => {
      status = await s.ok('admin', 'storeCheck:status', {});
      expect(status.running === null && done(status)).toBe(true);
    },
    { timeout: 30_000, interval: 100 },
  );
  return status!;
}

describe('store checks', () => {
  it('runs on schedule in the background: full when none ran for a week, then quick daily; results kept and audited', async () => {
    const clock = fakeClock();
    const s = await setUpCore({ now: clock.now, idleSweepMs: 20 });
    t = s;
    await s.ok('admin', 'beneficiaries:create', person({ latinName: 'Khadija Benali' }));
    // Not in the first 30 s after the store opened.
    await new Promise((r) => setTimeout(r, 200));
    expect(await s.ok('admin', 'storeCheck:status', {})).toEqual({ running: null, lastQuick: null, lastFull: null });

    clock.advance(31_000);
    const first = await settled(s, (st) => st.lastFull !== null);
    expect(first.lastFull).toMatchObject({ kind: 'full', trigger: 'schedule', ok: true, problems: [] });
    expect(first.lastQuick).toBeNull();

    // The next day (the session locked itself overnight), a quick one; the full one is not due.
    clock.advance(25 * 3600_000);
    await vi.waitFor(async () => expect((await s.ok('admin', 'auth:session', {})).state).toBe('locked'));
    await s.ok('admin', 'auth:unlock', { password: ADMIN.password });
    clock.advance(31_000);
    const second = await settled(s, (st) => st.lastQuick !== null);
    expect(second.lastQuick).toMatchObject({ kind: 'quick', trigger: 'schedule', ok: true });
    expect(second.lastFull).toEqual(first.lastFull);

    // Kept in the store: a restart still knows them, so nothing is due.
    await s.reopen({ now: clock.now, idleSweepMs: 20 });
    await s.ok('admin', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
    clock.advance(31_000);
    await new Promise((r) => setTimeout(r, 300));
    const after = await s.ok('admin', 'storeCheck:status', {});
    expect(after).toEqual({ running: null, lastQuick: second.lastQuick, lastFull: first.lastFull });

    const audit = (await s.ok('admin', 'audit:list', { limit: 200 })).items;
    expect(audit.filter((e) => e.action === 'storeCheck:result').map((e) => e.outcome)).toEqual(['ok', 'ok']);
  });

  it('runs on demand from Administration, for administrators only', async () => {
    const s = await setUpCore();
    t = s;
    const started = await s.ok('admin', 'storeCheck:run', { kind: 'quick' });
    expect(started.running).toBe('quick');
    const done = await settled(s, (st) => st.lastQuick !== null);
    expect(done.lastQuick).toMatchObject({ kind: 'quick', trigger: 'administrator', ok: true });
    await s.ok('admin', 'accounts:create', { username: 'nadia', fullName: 'Nadia Accueil', role: 'supervisor', language: 'fr', password: 'Superviseure-2026!' });
    await s.ok('sup', 'auth:login', { username: 'nadia', password: 'Superviseure-2026!' });
    const refused = await s.call('sup', 'storeCheck:run', { kind: 'full' });
    expect(refused.ok ? null : refused.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await s.ok('sup', 'auth:changePassword', { currentPassword: 'Superviseure-2026!', newPassword: 'Mon-Secret-Superviseure-1' });
    const forbidden = await s.call('sup', 'storeCheck:run', { kind: 'full' });
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
  });

  it('a lock during a check ends it and locks at once', async () => {
    const s = await setUpCore();
    t = s;
    expect((await s.ok('admin', 'storeCheck:run', { kind: 'full' })).running).toBe('full');
    await s.ok('admin', 'auth:lock', {});
    expect((await s.ok('admin', 'auth:session', {})).state).toBe('locked');
    await s.ok('admin', 'auth:unlock', { password: ADMIN.password });
    const status = await settled(s, () => true);
    expect(status.running).toBeNull();
  });
});
