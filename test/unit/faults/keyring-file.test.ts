import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/core/core';
import { ADMIN, setUpCore, type TempCore, typedCall } from '../../helpers/temp-core';

/**
 * Issue #9, item 1: every key slot must be in keyring.db itself when the call returns. Each
 * step copies keyring.db ALONE while the core still runs (no -wal, no -journal), plus a
 * clinic.db folded by a lock, and proves the copy signs in and recovers.
 */
const LAWYER = { username: 'youssef', fullName: 'Youssef Lamrani', role: 'lawyer', language: 'ar', password: 'Avocat-Rabat-2026' } as const;
let t: TempCore | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-copy-'));
  dirs.push(dir);
  return dir;
}

/** keyring.db copied alone now; clinic.db after every session of `clients` locked (checkpoint). */
async function copyOf(s: TempCore, clients: string[], passwords: Record<string, string>): Promise<string> {
  const copy = tempDir();
  copyFileSync(join(s.dir, 'keyring.db'), join(copy, 'keyring.db'));
  for (const client of clients) await s.ok(client, 'auth:lock', {});
  copyFileSync(join(s.dir, 'clinic.db'), join(copy, 'clinic.db'));
  for (const client of clients) await s.ok(client, 'auth:unlock', { password: passwords[client]! });
  return copy;
}

async function expectCopyOpens(copy: string, logins: { username: string; password: string }[], recoveryKey: string) {
  const core = await createCore({ dataDir: copy });
  try {
    const status = await typedCall(core, 'probe', 'setup:status', {});
    expect(status.ok && status.value.state).toBe('ready');
    for (const login of logins) {
      const r = await typedCall(core, `w-${login.username}`, 'auth:login', login);
      expect(r.ok, `${login.username} signs in on the copy: ${JSON.stringify(r)}`).toBe(true);
    }
    const recovered = await typedCall(core, 'rec', 'auth:recover', { username: ADMIN.username, recoveryKey, newPassword: 'Recupere-Sur-Copie-1' });
    expect(recovered.ok, `recovery on the copy: ${JSON.stringify(recovered)}`).toBe(true);
  } finally {
    await core.close();
  }
}

describe('the keyring reaches its file', () => {
  it('after every slot-changing channel, keyring.db alone plus a folded clinic.db signs in and recovers', async () => {
    const s = await setUpCore();
    t = s;
    expect(existsSync(join(s.dir, 'keyring.db-wal'))).toBe(false);
    let recoveryKey = s.recoveryKey;
    const passwords: Record<string, string> = { admin: ADMIN.password };

    // setup
    await expectCopyOpens(await copyOf(s, ['admin'], passwords), [{ username: ADMIN.username, password: ADMIN.password }], recoveryKey);

    // account creation
    const lawyer = await s.ok('admin', 'accounts:create', LAWYER);
    await expectCopyOpens(await copyOf(s, ['admin'], passwords), [{ username: LAWYER.username, password: LAWYER.password }], recoveryKey);

    // administrator reset of the lawyer's password
    await s.ok('admin', 'accounts:resetPassword', { accountId: lawyer.id, newPassword: 'Temporaire-Rabat-1' });
    await expectCopyOpens(await copyOf(s, ['admin'], passwords), [{ username: LAWYER.username, password: 'Temporaire-Rabat-1' }], recoveryKey);

    // the person's own password change
    await s.ok('lawyer', 'auth:login', { username: LAWYER.username, password: 'Temporaire-Rabat-1' });
    await s.ok('lawyer', 'auth:changePassword', { currentPassword: 'Temporaire-Rabat-1', newPassword: 'Mon-Propre-Secret-7' });
    passwords.lawyer = 'Mon-Propre-Secret-7';
    await expectCopyOpens(await copyOf(s, ['admin', 'lawyer'], passwords), [{ username: LAWYER.username, password: 'Mon-Propre-Secret-7' }], recoveryKey);

    // recovery of the administrator with the recovery key
    await s.ok('admin', 'auth:signOut', {});
    await s.ok('admin', 'auth:recover', { username: ADMIN.username, recoveryKey, newPassword: 'Apres-Recuperation-3' });
    passwords.admin = 'Apres-Recuperation-3';
    await expectCopyOpens(await copyOf(s, ['admin', 'lawyer'], passwords), [{ username: ADMIN.username, password: 'Apres-Recuperation-3' }], recoveryKey);

    // a new recovery key
    recoveryKey = (await s.ok('admin', 'vault:rotateRecoveryKey', {})).recoveryKey;
    await expectCopyOpens(await copyOf(s, ['admin', 'lawyer'], passwords), [{ username: ADMIN.username, password: 'Apres-Recuperation-3' }], recoveryKey);
  });

  it('a keyring an earlier version left in WAL mode is folded into its file on first open', async () => {
    const s = await setUpCore();
    t = s;
    await s.ok('admin', 'auth:signOut', {});
    await s.core.close();
    // Rebuild the old layout: slots only in keyring.db-wal, keyring.db without them.
    const old = new Database(join(s.dir, 'keyring.db'));
    old.pragma('journal_mode = WAL');
    old.pragma('wal_autocheckpoint = 0');
    old.exec('CREATE TABLE saved AS SELECT * FROM key_slots; DELETE FROM key_slots;');
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.exec('INSERT INTO key_slots SELECT * FROM saved; DROP TABLE saved;');
    const withWal = tempDir();
    const withoutWal = tempDir();
    for (const name of ['keyring.db', 'keyring.db-wal', 'clinic.db']) copyFileSync(join(s.dir, name), join(withWal, name));
    for (const name of ['keyring.db', 'clinic.db']) copyFileSync(join(s.dir, name), join(withoutWal, name));
    old.close();

    // With its -wal, the old keyring opens, and afterwards keyring.db holds the slots itself.
    const core = await createCore({ dataDir: withWal });
    const login = await typedCall(core, 'w', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
    expect(login.ok).toBe(true);
    await core.close();
    expect(existsSync(join(withWal, 'keyring.db-wal'))).toBe(false);
    const alone = tempDir();
    for (const name of ['keyring.db', 'clinic.db']) copyFileSync(join(withWal, name), join(alone, name));
    await expectCopyOpens(alone, [{ username: ADMIN.username, password: ADMIN.password }], s.recoveryKey);

    // Without it (the loss issue #9 found), the folder is reported, not offered to setup.
    const lost = await createCore({ dataDir: withoutWal });
    const status = await typedCall(lost, 'w', 'setup:status', {});
    expect(status.ok && status.value.state).toBe('damaged');
    expect(status.ok && status.value.problems).toEqual(['keyringEmpty']);
    const refused = await typedCall(lost, 'w', 'auth:login', { username: ADMIN.username, password: ADMIN.password });
    expect(refused.ok ? null : refused.error.code).toBe('KEYRING_CORRUPT');
    await lost.close();
  });
});
