import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { applyCipherKey } from '../../../db/open-store';
import { Vault } from '../../../electron/core/vault';
import { CHANNEL_NAMES, ERROR_CODES, appErrorSchema } from '../../../shared/contract';
import { ADMIN, fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';

const INTAKE = { username: 'nadia', fullName: 'Nadia Accueil', role: 'intake', language: 'fr', password: 'Accueil-Rabat-2026' } as const;
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

type AuditRow = { action: string; outcome: string; account_id: number | null; details: string | null };

/** Reads the audit log (and every other table) through a raw-key connection. */
async function readStore(s: TempCore & { recoveryKey: string }) {
  const vault = Vault.open(s.dir);
  const key = vault.unwrapWithRecoveryKey(s.recoveryKey)!;
  await vault.close();
  const raw = new Database(`${s.dir}/clinic.db`, { readonly: true });
  applyCipherKey(raw, key);
  const audit = raw.prepare('SELECT action, outcome, account_id, details FROM audit_log ORDER BY id').all() as AuditRow[];
  const tables = (raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'audit_log' ORDER BY name").pluck().all() as string[]).map(
    (name) => [name, raw.prepare(`SELECT * FROM "${name}"`).all().map((r) => JSON.stringify(r)).sort()],
  );
  raw.close();
  return { audit, snapshot: JSON.stringify(tables) };
}

describe('router', () => {
  it('refuses an intake account calling administrator channels, and audits the attempt', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'accounts:create', INTAKE);
    await s.ok('w', 'auth:login', { username: INTAKE.username, password: INTAKE.password });
    await s.ok('w', 'auth:changePassword', { currentPassword: INTAKE.password, newPassword: 'Mon-Accueil-2026!' });
    for (const [channel, input] of [
      ['accounts:create', { ...INTAKE, username: 'evil', role: 'admin' }],
      ['accounts:list', {}],
      ['accounts:resetPassword', { accountId: 1, newPassword: 'Prise-De-Controle-1' }],
      ['settings:update', { clinicName: 'x', defaultLanguage: 'fr', idleLockMinutes: 60 }],
      ['audit:verify', {}],
    ] as const) {
      const r = await s.call('w', channel, input);
      expect(r.ok ? null : r.error.code, channel).toBe('FORBIDDEN');
    }
    const { audit } = await readStore(s);
    const denied = audit.filter((a) => a.outcome === 'denied' && a.account_id === 2).map((a) => a.action);
    expect(denied).toEqual(['accounts:create', 'accounts:list', 'accounts:resetPassword', 'settings:update', 'audit:verify']);
    expect(audit.some((a) => a.action === 'accounts:create' && a.outcome === 'ok' && a.account_id === 1)).toBe(true);
  });

  it('refuses every store channel from a locked session and from no session; the refusals reach the audit log', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'auth:lock', {});
    for (const channel of ['accounts:list', 'settings:get', 'audit:list', 'auth:changePassword'] as const) {
      const r = await s.call('admin', channel, (channel === 'auth:changePassword' ? { currentPassword: 'a', newPassword: 'Bb-123456789!' } : {}));
      expect(r.ok ? null : r.error.code, channel).toBe('LOCKED');
    }
    const none = await s.call('stranger', 'accounts:list', {});
    expect(none.ok ? null : none.error.code).toBe('UNAUTHENTICATED');
    await s.ok('admin', 'auth:unlock', { password: ADMIN.password });
    const { audit } = await readStore(s);
    const lockedRefusals = audit.filter((a) => a.outcome === 'denied' && a.details?.includes('LOCKED'));
    expect(lockedRefusals.map((a) => a.action)).toEqual(['accounts:list', 'settings:get', 'audit:list', 'auth:changePassword']);
    expect(lockedRefusals.every((a) => a.details?.includes('"queued":true'))).toBe(true);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth:lock', 'auth:unlock']));
  });

  it('locks an idle session by itself and closes the store when nobody is unlocked', async () => {
    const clock = fakeClock();
    const s = await setUpCore({ now: clock.now });
    t = s;
    await s.ok('admin', 'settings:get', {});
    clock.advance(4 * 60_000);
    await s.ok('admin', 'settings:get', {}); // activity resets the timer
    clock.advance(5 * 60_000 + 1);
    const r = await s.call('admin', 'settings:get', {});
    expect(r.ok ? null : r.error.code).toBe('LOCKED');
    expect((await s.ok('admin', 'auth:session', {})).state).toBe('locked');
    const wrong = await s.call('admin', 'auth:unlock', { password: 'not the password' });
    expect(wrong.ok ? null : wrong.error.code).toBe('INVALID_CREDENTIALS');
    expect((await s.ok('admin', 'auth:unlock', { password: ADMIN.password })).state).toBe('unlocked');
    const { audit } = await readStore(s);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['auth:autoLock', 'auth:unlockFailed', 'auth:unlock']));
  });

  it('answers unknown channels and malformed input with typed errors', async () => {
    const s = await setUpCore();
    t = s;
    const unknown = await s.core.invoke('admin', 'db:exec', { sql: 'DROP TABLE accounts' });
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_CHANNEL');
    const proto = await s.core.invoke('admin', '__proto__', {});
    expect(proto.ok ? null : proto.error.code).toBe('UNKNOWN_CHANNEL');
    const extra = await s.core.invoke('admin', 'accounts:create', { ...INTAKE, role: 'admin', isAdmin: true });
    expect(extra.ok ? null : extra.error.code).toBe('VALIDATION');
    const weak = await s.core.invoke('admin', 'accounts:create', { ...INTAKE, password: 'short' });
    expect(weak.ok ? null : weak.error).toMatchObject({ code: 'VALIDATION', fields: expect.arrayContaining([{ path: 'password', message: 'validation.passwordTooShort' }]) as unknown });
  });

  it('answers random payloads on every channel with typed errors and leaves the database unchanged', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'accounts:create', INTAKE);
    const before = (await readStore(s)).snapshot;
    // Random values, never an empty object (which some channels rightly accept).
    const payload = fc.anything({ withObjectString: true, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true })
      .filter((v) => !(v === null || v === undefined || (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), payload, async (channel, input) => {
        const result = await s.core.invoke('admin', channel, input);
        expect(result.ok, `${channel} accepted ${fc.stringify(input)}`).toBe(false);
        if (!result.ok) {
          expect(appErrorSchema.safeParse(result.error).success).toBe(true);
          expect(ERROR_CODES).toContain(result.error.code);
          expect(result.error.code).not.toBe('INTERNAL');
        }
      }),
      { numRuns: 400, seed: 20261125 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.anything(), async (channel, input) => {
        fc.pre(!(CHANNEL_NAMES as readonly string[]).includes(channel));
        const result = await s.core.invoke('admin', channel, input);
        expect(result.ok ? null : result.error.code).toBe('UNKNOWN_CHANNEL');
      }),
      { numRuns: 200, seed: 7 },
    );
    expect((await s.ok('admin', 'auth:session', {})).state).toBe('unlocked');
    expect((await readStore(s)).snapshot).toBe(before);
  });
});
