import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECOVERY_CHECK_DAYS } from '../../../shared/domain/recovery-check';
import { staff } from '../../helpers/registry-fixtures';
import { ADMIN, fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

/**
 * Issue #13: every few months the administrator proves the recovery key is at hand. Setup and
 * a new key count as proofs; a wrong or replaced key does not, and is traced.
 */
const clock = fakeClock(new Date('2026-01-10T09:00:00Z'));
const DAY = 24 * 3600_000;
let t: TempCore & { recoveryKey: string };

beforeAll(async () => {
  t = await setUpCore({ now: clock.now });
  await staff(t, 'lawyer', 'karim', 'lawyer', 'Karim Lawyer');
});
afterAll(async () => t?.cleanup());

/** A fresh sign-in after the clock moved (the earlier session went idle). */
async function admin(client: string) {
  await t.ok(client, 'auth:login', { username: ADMIN.username, password: ADMIN.password });
  return client;
}

describe('recovery key check', () => {
  it('counts the setup as a proof, and is due again after the interval', async () => {
    expect(await t.ok('admin', 'recovery:status', {})).toEqual({ provenAt: '2026-01-10T09:00:00.000Z', dueAt: '2026-04-10T09:00:00.000Z', due: false });
    clock.advance(RECOVERY_CHECK_DAYS * DAY);
    const client = await admin('admin-later');
    expect((await t.ok(client, 'recovery:status', {})).due).toBe(true);
  });

  it('refuses a wrong key under its field and traces it; the right key makes it not due', async () => {
    const client = await admin('admin-check');
    const wrong = await t.call(client, 'recovery:prove', { recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' });
    expect(wrong.ok ? null : wrong.error.fields).toEqual([{ path: 'recoveryKey', message: 'validation.recoveryKeyWrong' }]);
    expect((await t.ok(client, 'recovery:status', {})).due).toBe(true);
    const proven = await t.ok(client, 'recovery:prove', { recoveryKey: ` ${t.recoveryKey.toLowerCase()} ` });
    expect(proven).toMatchObject({ provenAt: clock.now().toISOString(), due: false });
    const log = await t.ok(client, 'audit:list', { category: 'administration', limit: 20 });
    const proofs = log.items.filter((e) => e.action === 'recovery:prove').map((e) => e.outcome);
    expect(proofs).toEqual(['ok', 'failed']);
  });

  it('is for administrators; a replaced key no longer proves anything, the new one counts as proven', async () => {
    await t.ok('lawyer-now', 'auth:login', { username: 'karim', password: 'Secret-Personnel-2026!' });
    const forbidden = await t.call('lawyer-now', 'recovery:prove', { recoveryKey: t.recoveryKey });
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
    clock.advance(10 * DAY);
    const client = await admin('admin-rotate');
    const { recoveryKey } = await t.ok(client, 'vault:rotateRecoveryKey', {});
    expect((await t.ok(client, 'recovery:status', {})).provenAt).toBe(clock.now().toISOString());
    const old = await t.call(client, 'recovery:prove', { recoveryKey: t.recoveryKey });
    expect(old.ok ? null : old.error.fields?.[0]?.message).toBe('validation.recoveryKeyWrong');
    expect((await t.ok(client, 'recovery:prove', { recoveryKey })).due).toBe(false);
  });
});
