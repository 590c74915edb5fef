import { afterEach, describe, expect, it } from 'vitest';
import { setUpCore, type TempCore, ADMIN } from '../../helpers/temp-core';

let t: TempCore | undefined;
afterEach(async () => t?.cleanup());

describe('core smoke', () => {
  it('sets up, logs in, creates an account', async () => {
    t = await setUpCore();
    const acc = await t.ok('admin', 'accounts:create', { username: 'youssef', fullName: 'Youssef L.', role: 'lawyer', language: 'ar', password: 'Avocat-Rabat-77' });
    expect(acc.role).toBe('lawyer');
    const s = await t.ok('w2', 'auth:login', { username: 'youssef', password: 'Avocat-Rabat-77' });
    expect(s.state).toBe('unlocked');
    await t.ok('admin', 'auth:signOut', {});
    await t.ok('w2', 'auth:signOut', {});
    const again = await t.ok('admin', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
    expect(again.state).toBe('unlocked');
  });
});
