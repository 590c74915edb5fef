import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

const LAWYER = { username: 'youssef', fullName: 'Youssef Lamrani', role: 'lawyer', language: 'ar', password: 'Avocat-Rabat-2026' } as const;
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

async function codeOf(p: Promise<{ ok: boolean; error?: { code: string } }>): Promise<string | null> {
  const r = await p;
  return r.ok ? null : (r.error?.code ?? null);
}

function keyring(dir: string) {
  return new Database(`${dir}/keyring.db`);
}

describe('key slots', () => {
  it('each account unlocks the same store with its own password', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'accounts:create', LAWYER);
    await s.ok('admin', 'auth:signOut', {});
    const a = await s.ok('w1', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
    const l = await s.ok('w2', 'auth:login', { username: LAWYER.username, password: LAWYER.password });
    expect(a.state === 'unlocked' && a.account.role).toBe('admin');
    expect(l.state === 'unlocked' && l.account.role).toBe('lawyer');
    expect(l.state === 'unlocked' && l.mustChangePassword).toBe(true);
    // Usernames are not case-sensitive at sign-in.
    expect(await codeOf(s.call('w3', 'auth:login', { username: 'SALMA', password: ADMIN.password }))).toBeNull();
  });

  it('a password change re-wraps the key only: old password refused, new one works, the store is not re-encrypted', async () => {
    const s = await setUpCore();
    t = s;
    const header = readFileSync(`${s.dir}/clinic.db`).subarray(0, 16);
    const wrong = await s.call('admin', 'auth:changePassword', { currentPassword: 'not-it', newPassword: 'Nouveau-Secret-99' });
    expect(wrong.ok ? null : wrong.error.code).toBe('INVALID_CREDENTIALS');
    await s.ok('admin', 'auth:changePassword', { currentPassword: ADMIN.password, newPassword: 'Nouveau-Secret-99' });
    await s.ok('admin', 'auth:signOut', {});
    expect(await codeOf(s.call('w', 'auth:login', { username: ADMIN.username, password: ADMIN.password }))).toBe('INVALID_CREDENTIALS');
    expect(await codeOf(s.call('w', 'auth:login', { username: ADMIN.username, password: 'Nouveau-Secret-99' }))).toBeNull();
    expect(readFileSync(`${s.dir}/clinic.db`).subarray(0, 16).equals(header)).toBe(true);
  });

  it('an administrator reset forces the person to choose a new password before anything else', async () => {
    const s = await setUpCore();
    t = s;
    const lawyer = await s.ok('admin', 'accounts:create', LAWYER);
    await s.ok('admin', 'accounts:resetPassword', { accountId: lawyer.id, newPassword: 'Temporaire-Rabat-1' });
    expect(await codeOf(s.call('w', 'auth:login', { username: LAWYER.username, password: LAWYER.password }))).toBe('INVALID_CREDENTIALS');
    await s.ok('w', 'auth:login', { username: LAWYER.username, password: 'Temporaire-Rabat-1' });
    expect(await codeOf(s.call('w', 'settings:update', { clinicName: 'x', defaultLanguage: 'fr', idleLockMinutes: 5 }))).toBe('PASSWORD_CHANGE_REQUIRED');
    await s.ok('w', 'auth:changePassword', { currentPassword: 'Temporaire-Rabat-1', newPassword: 'Mon-Propre-Secret-7' });
    const after = await s.ok('w', 'auth:session', {});
    expect(after.state === 'unlocked' && after.mustChangePassword).toBe(false);
  });

  it('the recovery key restores a forgotten administrator password, and nothing else', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'accounts:create', LAWYER);
    await s.ok('admin', 'auth:signOut', {});
    const wrong = await s.call('w', 'auth:recover', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', username: ADMIN.username, newPassword: 'Recupere-Acces-2026' });
    expect(wrong.ok ? null : wrong.error.code).toBe('INVALID_RECOVERY_KEY');
    const notAdmin = await s.call('w', 'auth:recover', { recoveryKey: s.recoveryKey, username: LAWYER.username, newPassword: 'Recupere-Acces-2026' });
    expect(notAdmin.ok ? null : notAdmin.error.code).toBe('FORBIDDEN');
    // Typed sloppily: lower case, spaces instead of dashes.
    const typed = s.recoveryKey.toLowerCase().replace(/-/g, ' ');
    const session = await s.ok('w', 'auth:recover', { recoveryKey: typed, username: ADMIN.username, newPassword: 'Recupere-Acces-2026' });
    expect(session.state).toBe('unlocked');
    await s.ok('w', 'auth:signOut', {});
    expect(await codeOf(s.call('w', 'auth:login', { username: ADMIN.username, password: ADMIN.password }))).toBe('INVALID_CREDENTIALS');
    expect(await codeOf(s.call('w', 'auth:login', { username: ADMIN.username, password: 'Recupere-Acces-2026' }))).toBeNull();
  });

  it('a tampered key slot fails cleanly as wrong credentials (ciphertext, tag, KDF parameters, swapped owner)', async () => {
    const clock = fakeClock();
    const s = await setUpCore({ now: clock.now });
    t = s;
    await s.ok('admin', 'accounts:create', LAWYER);
    await s.ok('admin', 'auth:signOut', {});
    const kr = keyring(s.dir);
    const slot = () => kr.prepare("SELECT * FROM key_slots WHERE kind = 'password' AND account_id = 1").get() as { wrapped_key: Buffer; tag: Buffer; kdf: string; id: string };
    const original = slot();
    const login = () => {
      clock.advance(3_600_000); // past any login delay: this test is about the slot, not the throttle
      return codeOf(s.call('w', 'auth:login', { username: ADMIN.username, password: ADMIN.password }));
    };

    const flipped = Buffer.from(original.wrapped_key);
    flipped[0] = flipped[0]! ^ 1;
    kr.prepare('UPDATE key_slots SET wrapped_key = ? WHERE id = ?').run(flipped, original.id);
    expect(await login()).toBe('INVALID_CREDENTIALS');

    kr.prepare('UPDATE key_slots SET wrapped_key = ?, tag = ? WHERE id = ?').run(original.wrapped_key, Buffer.alloc(16), original.id);
    expect(await login()).toBe('INVALID_CREDENTIALS');

    // Lowering the Argon2 cost would make guessing cheap: out-of-bounds parameters are refused.
    const weak = { ...(JSON.parse(original.kdf) as object), m: 1024, t: 1 };
    kr.prepare('UPDATE key_slots SET tag = ?, kdf = ? WHERE id = ?').run(original.tag, JSON.stringify(weak), original.id);
    expect(await login()).toBe('INVALID_CREDENTIALS');

    // Moving the admin's slot onto the lawyer's account: the AAD binds the slot to its owner.
    kr.prepare('UPDATE key_slots SET kdf = ? WHERE id = ?').run(original.kdf, original.id);
    expect(await login()).toBeNull();
    await s.ok('w', 'auth:signOut', {});
    kr.prepare('DELETE FROM key_slots WHERE account_id = 2').run();
    kr.prepare('UPDATE key_slots SET account_id = 2 WHERE id = ?').run(original.id);
    expect(await login()).toBe('INVALID_CREDENTIALS');
    kr.close();
  });

  it('deactivation destroys the slot; reactivation needs a new password', async () => {
    const s = await setUpCore();
    t = s;
    const lawyer = await s.ok('admin', 'accounts:create', LAWYER);
    await s.ok('w', 'auth:login', { username: LAWYER.username, password: LAWYER.password });
    await s.ok('admin', 'accounts:deactivate', { accountId: lawyer.id });
    // The open session of that account ends at once.
    expect(await codeOf(s.call('w', 'auth:activity', {}))).toBe('UNAUTHENTICATED');
    const kr = keyring(s.dir);
    expect(kr.prepare('SELECT count(*) FROM key_slots WHERE account_id = ?').pluck().get(lawyer.id)).toBe(0);
    kr.close();
    expect(await codeOf(s.call('w', 'auth:login', { username: LAWYER.username, password: LAWYER.password }))).toBe('INVALID_CREDENTIALS');
    expect(await codeOf(s.call('admin', 'accounts:deactivate', { accountId: 1 }))).toBe('CONFLICT');
    await s.ok('admin', 'accounts:reactivate', { accountId: lawyer.id, newPassword: 'De-Retour-Rabat-3' });
    expect(await codeOf(s.call('w', 'auth:login', { username: LAWYER.username, password: 'De-Retour-Rabat-3' }))).toBeNull();
  });

  it('repeated failures slow down further attempts, unknown usernames alike, and do not reveal which exist', async () => {
    const clock = fakeClock();
    const s = await setUpCore({ now: clock.now });
    t = s;
    await s.ok('admin', 'auth:signOut', {});
    const attempt = (username: string, password: string) => s.call('w', 'auth:login', { username, password });
    for (let i = 0; i < 3; i += 1) {
      expect(await codeOf(attempt(ADMIN.username, 'wrong'))).toBe('INVALID_CREDENTIALS');
      expect(await codeOf(attempt('nobody', 'wrong'))).toBe('INVALID_CREDENTIALS');
    }
    const limited = await attempt(ADMIN.username, ADMIN.password);
    expect(limited.ok ? null : limited.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 2 });
    expect(await codeOf(attempt('nobody', 'wrong'))).toBe('RATE_LIMITED');
    clock.advance(2_000);
    expect(await codeOf(attempt(ADMIN.username, 'wrong'))).toBe('INVALID_CREDENTIALS');
    const longer = await attempt(ADMIN.username, ADMIN.password);
    expect(longer.ok ? null : longer.error.retryAfterSeconds).toBe(4);
    clock.advance(4_000);
    expect(await codeOf(attempt(ADMIN.username, ADMIN.password))).toBeNull();
    // Success resets the counter; a restart does not.
    await s.ok('w', 'auth:signOut', {});
    for (let i = 0; i < 4; i += 1) await attempt(ADMIN.username, 'wrong');
    await s.reopen();
    expect(await codeOf(attempt(ADMIN.username, ADMIN.password))).toBe('RATE_LIMITED');
  });
});
