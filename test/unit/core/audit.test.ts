import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCipherKey } from '../../../db/open-store';
import { Vault } from '../../../electron/core/vault';
import { ADMIN, setUpCore, type TempCore } from '../../helpers/temp-core';

let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function rawConnection(s: TempCore & { recoveryKey: string }): Promise<Database.Database> {
  const vault = Vault.open(s.dir);
  const key = vault.unwrapWithRecoveryKey(s.recoveryKey)!;
  await vault.close();
  const raw = new Database(`${s.dir}/clinic.db`);
  applyCipherKey(raw, key);
  return raw;
}

describe('audit chain', () => {
  it('records logins, failures, locks, unlocks and account changes, and verifies', async () => {
    const s = await setUpCore();
    t = s;
    const acc = await s.ok('admin', 'accounts:create', { username: 'amine', fullName: 'Amine', role: 'lawyer', language: 'fr', password: 'Avocat-Oujda-2026' });
    await s.ok('admin', 'accounts:resetPassword', { accountId: acc.id, newPassword: 'Avocat-Oujda-2027' });
    await s.ok('admin', 'auth:lock', {});
    await s.call('admin', 'auth:unlock', { password: 'wrong password' });
    await s.ok('admin', 'auth:unlock', { password: ADMIN.password });
    await s.call('w', 'auth:login', { username: 'amine', password: 'nope' });
    const entries = (await s.ok('admin', 'audit:list', { limit: 200 })).items;
    const actions = entries.map((e) => `${e.action}:${e.outcome}`).reverse();
    expect(actions).toEqual([
      'setup:initialize:ok',
      'accounts:create:ok',
      'accounts:resetPassword:ok',
      'auth:lock:ok',
      'auth:unlockFailed:failed',
      'auth:unlock:ok',
      'auth:loginFailed:failed',
    ]);
    expect(entries.find((e) => e.action === 'accounts:resetPassword')).toMatchObject({ entity: 'account', entityId: String(acc.id), accountId: 1 });
    const verdict = await s.ok('admin', 'audit:verify', {});
    expect(verdict).toEqual({ ok: true, checked: 8, firstBrokenId: null }); // + this audit:list
  });

  it('refuses UPDATE and DELETE, and detects a row edited behind the triggers', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'settings:get', {});
    await s.ok('admin', 'settings:get', {});
    await s.ok('admin', 'settings:get', {});
    const raw = await rawConnection(s);
    expect(() => raw.prepare("UPDATE audit_log SET action = 'nothing' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/append-only/);
    // Someone with the raw key and a SQL shell drops the trigger and rewrites history.
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET account_id = 99 WHERE id = 3").run();
    raw.close();
    expect(await s.ok('admin', 'audit:verify', {})).toEqual({ ok: false, checked: 3, firstBrokenId: 3 });
  });

  it('detects a deleted row', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'settings:get', {});
    await s.ok('admin', 'settings:get', {});
    const raw = await rawConnection(s);
    raw.exec('DROP TRIGGER audit_log_no_delete');
    raw.prepare('DELETE FROM audit_log WHERE id = 2').run();
    raw.close();
    expect(await s.ok('admin', 'audit:verify', {})).toMatchObject({ ok: false, firstBrokenId: 3 });
  });

  it('a failed call rolls its writes back and is still traced', async () => {
    const s = await setUpCore();
    t = s;
    const r = await s.call('admin', 'accounts:create', { username: 'salma', fullName: 'Dup', role: 'intake', language: 'fr', password: 'Doublon-Rabat-2026' });
    expect(r.ok ? null : r.error.code).toBe('USERNAME_TAKEN');
    const list = await s.ok('admin', 'accounts:list', {});
    expect(list).toHaveLength(1);
    const entries = (await s.ok('admin', 'audit:list', { limit: 10 })).items;
    expect(entries.some((e) => e.action === 'accounts:create' && e.outcome === 'failed')).toBe(true);
  });
});
