import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, ERROR_CODES, appErrorSchema } from '../../../shared/contract';
import { likeLiteral } from '../../../electron/core/registry/search';
import { summaryMatch } from '../../../electron/core/registry/search-index';
import { nameFts5Match } from '../../../shared/search/name-search-terms';
import { auditDetails, withRawStore } from '../../helpers/audit-details';
import { caseFor } from '../../helpers/registry-fixtures';
import { ADMIN, fakeClock, setUpCore, type TempCore } from '../../helpers/temp-core';
import { fullPerson, leaves, refusedIn, SAMPLES, withLeaf } from '../contract/text-samples';

const INTAKE = { username: 'nadia', fullName: 'Nadia Accueil', role: 'intake', language: 'fr', password: 'Accueil-Rabat-2026' } as const;
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** Reads the audit log (and every other table) through a raw-key connection. */
async function readStore(s: TempCore & { recoveryKey: string }) {
  const audit = await auditDetails(s);
  const tables = await withRawStore(s, (raw) =>
    (raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name <> 'audit_log' ORDER BY name").pluck().all() as string[]).map(
      (name) => [name, raw.prepare(`SELECT * FROM "${name}"`).all().map((r) => JSON.stringify(r)).sort()],
    ),
  );
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

  it('refuses control characters, unpaired surrogates, bidi controls in names and numbers given as text, field by field, never INTERNAL', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'beneficiaries:create', fullPerson);
    await s.ok('admin', 'cases:create', caseFor(1));
    const before = (await readStore(s)).snapshot;
    // Valid inputs of the channels that write or search free text (text-samples.ts), one
    // field at a time spoiled with what its rule refuses, somewhere inside the value.
    const channels = ['beneficiaries:create', 'beneficiaries:update', 'beneficiaries:candidates', 'search:global', 'cases:create', 'cases:setStatus', 'enquiries:create', 'domains:save', 'settings:update'] as const;
    type Spoiled = { channel: (typeof channels)[number]; path: string; bad: unknown };
    const spoiled = fc
      .constantFrom(...channels)
      .chain((channel) => fc.constantFrom(...leaves(SAMPLES[channel]!.input).map((leaf) => ({ channel, ...leaf }))))
      .chain((leaf): fc.Arbitrary<Spoiled> => {
        if (typeof leaf.value === 'number') return fc.constantFrom([leaf.value], String(leaf.value)).map((bad) => ({ ...leaf, bad }));
        // Inside the value, never at an end, where trimming would take a line break away.
        const value = leaf.value.length < 2 ? 'ab' : leaf.value;
        const refused = refusedIn(SAMPLES[leaf.channel]!.fields[leaf.path] ?? 'format');
        return fc
          .tuple(fc.array(fc.constantFrom(...refused), { minLength: 1, maxLength: 3 }), fc.integer({ min: 1, max: value.length - 1 }))
          .map(([chars, at]) => ({ ...leaf, bad: value.slice(0, at) + chars.join('') + value.slice(at) }));
      });
    await fc.assert(
      fc.asyncProperty(spoiled, async ({ channel, path, bad }) => {
        const result = await s.core.invoke('admin', channel, withLeaf(SAMPLES[channel]!.input, path, bad));
        expect(result.ok ? null : result.error.code, `${channel} ${path} ${JSON.stringify(bad)}`).toBe('VALIDATION');
        expect(result.ok ? [] : result.error.fields?.map((f) => f.path)).toContain(path);
      }),
      { numRuns: 400, seed: 20261209 },
    );
    expect((await readStore(s)).snapshot).toBe(before);
  });

  it('searches what is typed as text: FTS5 and LIKE syntax is matched literally, never INTERNAL', async () => {
    const s = await setUpCore();
    t = s;
    const someone = await s.ok('admin', 'beneficiaries:create', fullPerson);
    const aCase = await s.ok('admin', 'cases:create', caseFor(someone.id, { summary: 'Demande de carte de séjour (refus) : recours.' }));
    const search = async (query: string) => {
      const r = await s.call('admin', 'search:global', { query });
      if (!r.ok) throw new Error(`search ${JSON.stringify(query)} failed: ${JSON.stringify(r.error)}`);
      return { people: r.value.beneficiaries.map((b) => b.beneficiary.id), cases: r.value.cases.map((c) => c.id) };
    };
    // The reference, its year and sequence, and words of the summary still find the case.
    const [prefix, year, sequence] = aCase.reference.split('-') as [string, string, string];
    for (const q of [aCase.reference, `${prefix}-${year}`, `${year}-${sequence}`, 'carte séjour', '"carte"', 'carte*', 'séjour)']) {
      expect((await search(q)).cases, q).toEqual([aCase.id]);
    }
    // LIKE wildcards are text: `RBT-2%` and `RBT-2_2` are not references.
    for (const q of [`${prefix}-${year.slice(0, 1)}%`, `${prefix}-${year.slice(0, 1)}_${year.slice(2)}`, `${prefix}-%`, '%%', '____']) {
      expect((await search(q)).cases, q).toEqual([]);
    }
    // FTS5 operators are words to look for, not operators.
    for (const q of ['carte OR xyz', 'NEAR(carte séjour)', 'summary : carte', '^carte', 'carte -séjour', 'carte AND NOT séjour']) {
      await search(q);
    }
    expect((await search('Alami')).people).toEqual([someone.id]);
    // Below the schema too: a control character never reaches an FTS5 string (where NUL ended
    // the quoted term: "unterminated string", then INTERNAL), and LIKE escapes its wildcards.
    expect(summaryMatch('carte\u0000séjour\u0001')).toBe('summary : "carte" AND summary : "sejour"*');
    expect(nameFts5Match('mo\u0000ha')).not.toContain('\u0000');
    expect(likeLiteral('RBT-2%_\\')).toBe('RBT-2\\%\\_\\\\');
    const syntax = fc.array(fc.constantFrom('"', '*', '%', '_', '(', ')', ':', '-', '^', '+', '{', '}', "'", '\\', 'NEAR', 'OR', 'AND', 'NOT', ' ', 'a', 'RBT', '2026', '00001', 'محمد', 'é', '\u200F'), { minLength: 1, maxLength: 8 });
    const anyText = fc.string({ unit: 'binary', maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(syntax.map((parts) => parts.join('')), anyText), fc.constantFrom('search:global', 'beneficiaries:candidates'), async (text, channel) => {
        const input = channel === 'search:global' ? { query: text } : { name: text, phone: text, documentNumber: text };
        const result = await s.core.invoke('admin', channel, input);
        if (!result.ok) {
          expect(result.error.code, `${channel} ${JSON.stringify(text)}`).toBe('VALIDATION');
          expect(result.error.fields?.every((f) => ['validation.invalidCharacters', 'validation.required', 'validation.tooLong'].includes(f.message))).toBe(true);
        }
      }),
      { numRuns: 300, seed: 9 },
    );
  });
});
