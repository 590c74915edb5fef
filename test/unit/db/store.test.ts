import { existsSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreOpenError } from '../../../db/errors';
import { applyCipherKey, openStore } from '../../../db/open-store';
import { Vault } from '../../../electron/core/vault';
import { ADMIN, SETUP, setUpCore, tempCore, type TempCore } from '../../helpers/temp-core';

const MARKER = 'MARKER-Zx81-confidential-asylum-claim';
let t: TempCore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

/** The raw data key, as someone holding the recovery key would get it. */
function rawKey(dir: string, recoveryKey: string): Buffer {
  const vault = Vault.open(dir);
  try {
    const key = vault.unwrapWithRecoveryKey(recoveryKey);
    if (!key) throw new Error('recovery key did not unwrap');
    return Buffer.from(key);
  } finally {
    void vault.close();
  }
}

describe('encrypted store', () => {
  it('is not a plaintext SQLite file, and a marker never reaches the disk in clear (db, -wal, -shm)', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'settings:update', { clinicName: MARKER, defaultLanguage: 'fr', idleLockMinutes: 5 });
    await s.ok('admin', 'accounts:create', { username: 'marker', fullName: MARKER, role: 'intake', language: 'fr', password: 'Pass-word-2026' });
    const files = [s.dir + '/clinic.db', s.dir + '/clinic.db-wal', s.dir + '/clinic.db-shm'];
    // While the store is open the WAL holds the latest pages: check it there too.
    expect(existsSync(files[1]!)).toBe(true);
    for (const file of files.filter(existsSync)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from(MARKER, 'utf8')), file).toBe(false);
      expect(bytes.includes(Buffer.from(MARKER, 'utf16le')), file).toBe(false);
    }
    expect(readFileSync(files[0]!).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    // The keyring stays plaintext by design, but holds no names either.
    expect(readFileSync(s.dir + '/keyring.db').includes(Buffer.from(ADMIN.username))).toBe(false);
  });

  it('refuses a wrong key and a plaintext file', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'auth:signOut', {});
    expect(() => openStore(s.dir + '/clinic.db', Buffer.alloc(32, 7))).toThrow(StoreOpenError);
    try {
      openStore(s.dir + '/clinic.db', Buffer.alloc(32, 7));
    } catch (error) {
      expect((error as StoreOpenError).code).toBe('STORE_WRONG_KEY');
    }
    const plain = new Database(s.dir + '/plain.db');
    plain.exec('CREATE TABLE t (a TEXT)');
    plain.close();
    expect(() => openStore(s.dir + '/plain.db', Buffer.alloc(32, 7))).toThrow(/key/);
  });

  it('opens in a second, raw-key SQLCipher connection (standard settings) and reads the data', async () => {
    const s = await setUpCore();
    t = s;
    const key = rawKey(s.dir, s.recoveryKey);
    const raw = new Database(s.dir + '/clinic.db', { readonly: true });
    raw.pragma(`cipher = 'sqlcipher'`);
    raw.pragma('legacy = 4');
    raw.pragma(`key = "x'${key.toString('hex')}'"`);
    expect(raw.prepare('SELECT name, case_prefix FROM clinic').get()).toEqual({ name: SETUP.clinicName, case_prefix: 'RBT' });
    raw.close();
  });

  it('applies the safety pragmas on open', async () => {
    const s = await setUpCore();
    t = s;
    const key = rawKey(s.dir, s.recoveryKey);
    await s.ok('admin', 'auth:signOut', {});
    const store = openStore(s.dir + '/clinic.db', key);
    const p = (name: string) => store.sqlite.pragma(name, { simple: true });
    expect(p('journal_mode')).toBe('wal');
    expect(p('synchronous')).toBe(2); // FULL
    expect(p('foreign_keys')).toBe(1);
    expect(p('temp_store')).toBe(2); // MEMORY
    expect(p('secure_delete')).toBe(1);
    expect(Number(p('cache_size'))).toBeLessThan(-10_000);
    await store.close();
  });

  it('refuses a store written by a newer version, with a clear code', async () => {
    const s = await setUpCore();
    t = s;
    const key = rawKey(s.dir, s.recoveryKey);
    await s.ok('admin', 'auth:signOut', {});
    const raw = new Database(s.dir + '/clinic.db');
    applyCipherKey(raw, key);
    raw.pragma('user_version = 999');
    raw.close();
    expect(() => openStore(s.dir + '/clinic.db', key)).toThrow(/newer/);
    const login = await s.call('w', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
    expect(login.ok ? null : login.error.code).toBe('STORE_TOO_NEW');
  });

  it('answers NOT_INITIALIZED before setup and refuses a second setup', async () => {
    t = await tempCore();
    const login = await t.call('w', 'auth:login', { username: 'x', password: 'y' });
    expect(login.ok ? null : login.error.code).toBe('NOT_INITIALIZED');
    await t.ok('w', 'setup:initialize', SETUP);
    const again = await t.call('w2', 'setup:initialize', SETUP);
    expect(again.ok ? null : again.error.code).toBe('ALREADY_INITIALIZED');
  });
});
