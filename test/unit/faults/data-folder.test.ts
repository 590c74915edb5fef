import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import type { FolderProblem } from '../../../shared/contract/setup';
import { snapshot } from '../../helpers/folder-snapshot';
import { ADMIN, SETUP, setUpCore, typedCall } from '../../helpers/temp-core';

/**
 * Issue #9, item 2: setup runs only in an empty folder. A folder holding any file of a clinic
 * that cannot be opened is reported with what is wrong, and nothing in it changes, whatever
 * is called; it is only moved aside (never deleted) on explicit request.
 */
let clinic: string; // a real clinic, signed out and closed
const dirs: string[] = [];

beforeAll(async () => {
  const s = await setUpCore();
  await s.ok('admin', 'beneficiaries:create', {
    ...(await import('../../helpers/registry-fixtures')).person({ latinName: 'Aminata Diallo' }),
  });
  await s.ok('admin', 'auth:signOut', {});
  await s.core.close();
  clinic = s.dir;
  dirs.push(clinic);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function folderWith(build: (dir: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-shape-'));
  dirs.push(dir);
  build(dir);
  return dir;
}
const copy = (dir: string, name: string, as = name) => copyFileSync(join(clinic, name), join(dir, as));

const SHAPES: { name: string; problems: FolderProblem[]; login: string; build: (dir: string) => void }[] = [
  { name: 'store only', problems: ['keyringMissing'], login: 'KEYRING_CORRUPT', build: (d) => copy(d, 'clinic.db') },
  { name: 'keyring only', problems: ['storeMissing'], login: 'STORE_MISSING', build: (d) => copy(d, 'keyring.db') },
  {
    name: 'a -wal only',
    problems: ['storeMissing', 'keyringMissing'],
    login: 'STORE_MISSING',
    build: (d) => writeFileSync(join(d, 'clinic.db-wal'), readFileSync(join(clinic, 'clinic.db')).subarray(0, 8192)),
  },
  {
    name: 'both, the keyring emptied of its slots',
    problems: ['keyringEmpty'],
    login: 'KEYRING_CORRUPT',
    build: (d) => {
      copy(d, 'clinic.db');
      copy(d, 'keyring.db');
      const db = new Database(join(d, 'keyring.db'));
      db.exec('DELETE FROM key_slots');
      db.close();
    },
  },
  {
    name: 'both, setup never finished',
    problems: ['setupUnfinished'],
    login: 'KEYRING_CORRUPT',
    build: (d) => {
      copy(d, 'clinic.db');
      copy(d, 'keyring.db');
      const db = new Database(join(d, 'keyring.db'));
      db.exec("DELETE FROM vault_meta WHERE key = 'initialized'");
      db.close();
    },
  },
  {
    name: 'a 0-byte store beside its keyring',
    problems: ['storeEmpty'],
    login: 'STORE_CORRUPT',
    build: (d) => {
      copy(d, 'keyring.db');
      writeFileSync(join(d, 'clinic.db'), '');
    },
  },
];

describe('a folder holding part of a clinic', () => {
  for (const shape of SHAPES) {
    it(`${shape.name}: reported, setup and sign-in refused with typed errors, nothing changes`, async () => {
      const dir = folderWith(shape.build);
      const before = snapshot(dir);
      const core = await createCore({ dataDir: dir });
      try {
        const status = await typedCall(core, 'w', 'setup:status', {});
        expect(status.ok && status.value).toMatchObject({ state: 'damaged', problems: shape.problems, folder: dir });
        const setup = await typedCall(core, 'w', 'setup:initialize', SETUP);
        expect(setup.ok ? null : setup.error.code).toBe('FOLDER_NOT_EMPTY');
        const login = await typedCall(core, 'w', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
        expect(login.ok ? null : login.error.code).toBe(shape.login);
        const recover = await typedCall(core, 'w', 'auth:recover', { username: ADMIN.username, recoveryKey: 'x'.repeat(10), newPassword: 'Nouveau-Secret-2026!' });
        expect(recover.ok).toBe(false);
        expect(recover.ok ? null : recover.error.code).not.toBe('INTERNAL');
      } finally {
        await core.close();
      }
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('a file put back is picked up by "check again", and the clinic opens as it was', async () => {
    const dir = folderWith((d) => copy(d, 'keyring.db'));
    const core = await createCore({ dataDir: dir });
    try {
      const first = await typedCall(core, 'w', 'setup:status', {});
      expect(first.ok && first.value.problems).toEqual(['storeMissing']);
      copy(dir, 'clinic.db');
      const again = await typedCall(core, 'w', 'setup:status', {});
      expect(again.ok && again.value.state).toBe('ready');
      const login = await typedCall(core, 'w', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
      expect(login.ok).toBe(true);
      const list = await typedCall(core, 'w', 'beneficiaries:list', {});
      expect(list.ok && list.value.items.map((p) => p.latinName)).toEqual(['Aminata Diallo']);
    } finally {
      await core.close();
    }
  });

  it('setting aside moves every file into a dated sub-folder, then a new clinic records it in its audit log', async () => {
    const dir = folderWith((d) => {
      copy(d, 'clinic.db');
      copy(d, 'clinic.db', 'clinic.db-wal');
    });
    const before = snapshot(dir);
    const core = await createCore({ dataDir: dir });
    try {
      const refused = await core.invoke('w', 'setup:setAside', { confirm: false });
      expect(refused.ok ? null : refused.error.code).toBe('VALIDATION');
      expect(snapshot(dir)).toEqual(before);
      const moved = await typedCall(core, 'w', 'setup:setAside', { confirm: true });
      if (!moved.ok) throw new Error(JSON.stringify(moved.error));
      expect(moved.value.movedTo).toMatch(/^set-aside-\d{8}-\d{6}$/);
      expect(moved.value.status.state).toBe('new');
      // The same bytes, one level down, plus a note saying what happened.
      expect(snapshot(join(dir, moved.value.movedTo)).filter((l) => !l.startsWith('README.txt'))).toEqual(before);
      expect(readFileSync(join(dir, moved.value.movedTo, 'README.txt'), 'utf8')).toContain('Nothing was deleted');
      await typedCall(core, 'w', 'setup:initialize', SETUP).then((r) => expect(r.ok).toBe(true));
      const audit = await typedCall(core, 'w', 'audit:list', {});
      if (!audit.ok) throw new Error(JSON.stringify(audit.error));
      const entry = audit.value.items.find((e) => e.action === 'setup:setAside');
      expect(entry).toMatchObject({ entity: 'folder', entityId: moved.value.movedTo, outcome: 'ok' });
      // A ready clinic is never set aside from inside the application.
      await typedCall(core, 'w', 'auth:signOut', {});
      const again = await typedCall(core, 'w2', 'setup:setAside', { confirm: true });
      expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    } finally {
      await core.close();
    }
  });

  it('a fresh folder stays empty until setup, and setup refuses a ready clinic', async () => {
    const dir = folderWith(() => undefined);
    const core = await createCore({ dataDir: dir });
    try {
      const status = await typedCall(core, 'w', 'setup:status', {});
      expect(status.ok && status.value.state).toBe('new');
      expect(readdirSync(dir)).toEqual([]);
      expect((await typedCall(core, 'w', 'setup:initialize', SETUP)).ok).toBe(true);
      await typedCall(core, 'w', 'auth:signOut', {});
      const again = await typedCall(core, 'w2', 'setup:initialize', SETUP);
      expect(again.ok ? null : again.error.code).toBe('ALREADY_INITIALIZED');
    } finally {
      await core.close();
    }
  });
});

describe('permissions', () => {
  it.skipIf(process.platform === 'win32')('narrows an existing 0755 folder and 0644 files to owner-only, and creates new files 0600', async () => {
    const dir = folderWith((d) => {
      copy(d, 'clinic.db');
      copy(d, 'keyring.db');
    });
    const { chmodSync } = await import('node:fs');
    chmodSync(dir, 0o755);
    for (const name of ['clinic.db', 'keyring.db']) chmodSync(join(dir, name), 0o644);
    const core = await createCore({ dataDir: dir });
    try {
      await typedCall(core, 'w', 'auth:login', { username: ADMIN.username, password: ADMIN.password }).then((r) => expect(r.ok).toBe(true));
      await typedCall(core, 'w', 'beneficiaries:create', (await import('../../helpers/registry-fixtures')).person({ latinName: 'Ousmane Ba' }));
      const mode = (name: string) => (statSync(join(dir, name)).mode & 0o777).toString(8);
      expect(mode('')).toBe('700');
      expect(existsSync(join(dir, 'clinic.db-wal'))).toBe(true);
      for (const name of readdirSync(dir)) expect(`${name} ${mode(name)}`).toBe(`${name} 600`);
    } finally {
      await core.close();
    }
    const fresh = folderWith(() => undefined);
    chmodSync(fresh, 0o755);
    const core2 = await createCore({ dataDir: fresh });
    try {
      await typedCall(core2, 'w', 'setup:initialize', SETUP).then((r) => expect(r.ok).toBe(true));
      expect((statSync(fresh).mode & 0o777).toString(8)).toBe('700');
      for (const name of readdirSync(fresh)) expect(`${name} ${(statSync(join(fresh, name)).mode & 0o777).toString(8)}`).toBe(`${name} 600`);
    } finally {
      await core2.close();
    }
  });
});
