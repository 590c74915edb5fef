import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { latestVersion, migrate } from '../../../db/migrate';
import { keyringMigrations } from '../../../db/migrations/keyring';
import { storeMigrations } from '../../../db/migrations/store';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function fresh(): Database.Database {
  dir = mkdtempSync(join(tmpdir(), 'clinic-migrate-'));
  return new Database(join(dir, 'm.db'));
}

function tables(db: Database.Database): Map<string, string> {
  const rows = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'").all() as { name: string; sql: string }[];
  return new Map(rows.map((r) => [r.name, r.sql]));
}

describe('store migrations', () => {
  it('registry is numbered 1..n without gaps', () => {
    expect(storeMigrations.map((m) => m.version)).toEqual(storeMigrations.map((_, i) => i + 1));
    expect(keyringMigrations.map((m) => m.version)).toEqual(keyringMigrations.map((_, i) => i + 1));
  });

  it('0001 creates STRICT clinic, accounts, settings and an append-only audit log', () => {
    const db = fresh();
    expect(migrate(db, storeMigrations.slice(0, 1))).toEqual({ from: 0, to: 1 });
    const t = tables(db);
    for (const name of ['clinic', 'accounts', 'settings', 'audit_log']) expect(t.get(name), name).toMatch(/STRICT\s*$/);
    // STRICT: a wrong type is an error, not a silent conversion.
    expect(() => db.prepare("INSERT INTO settings (key, value) VALUES ('k', x'00')").run()).toThrow(/cannot store BLOB/);
    expect(() =>
      db.prepare("INSERT INTO accounts (username, full_name, role, language, created_at, updated_at) VALUES ('a','A','root','fr','t','t')").run(),
    ).toThrow(/CHECK/);
    db.prepare("INSERT INTO audit_log (at, action, outcome, prev_hash, hash) VALUES ('t', 'x', 'ok', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('is idempotent and refuses a newer database untouched', () => {
    const db = fresh();
    migrate(db, storeMigrations);
    expect(migrate(db, storeMigrations)).toEqual({ from: latestVersion(storeMigrations), to: latestVersion(storeMigrations) });
    db.pragma('user_version = 50');
    expect(() => migrate(db, storeMigrations)).toThrow(/newer/);
    expect(db.pragma('user_version', { simple: true })).toBe(50);
    db.close();
  });

  it('rolls a failing migration back entirely', () => {
    const db = fresh();
    const broken = [...storeMigrations, { version: storeMigrations.length + 1, name: 'broken', up: (s: Database.Database) => s.exec('CREATE TABLE half (a TEXT) STRICT; SELECT nope FROM nowhere;') }];
    expect(() => migrate(db, broken)).toThrow();
    expect(tables(db).has('half')).toBe(false);
    expect(db.pragma('user_version', { simple: true })).toBe(storeMigrations.length);
    db.close();
  });
});

describe('keyring migrations', () => {
  it('0001 creates the key slot, throttle and pending-audit tables with one recovery slot at most', () => {
    const db = fresh();
    migrate(db, keyringMigrations.slice(0, 1));
    const t = tables(db);
    for (const name of ['vault_meta', 'key_slots', 'login_throttle', 'pending_audit']) expect(t.get(name), name).toMatch(/STRICT\s*$/);
    const insert = db.prepare(
      "INSERT INTO key_slots (id, kind, lookup, account_id, kdf, iv, wrapped_key, tag, created_at) VALUES (?, 'recovery', NULL, NULL, '{}', x'00', x'00', x'00', 't')",
    );
    insert.run('r1');
    expect(() => insert.run('r2')).toThrow(/UNIQUE/);
    // A password slot must name its account and lookup.
    expect(() =>
      db.prepare("INSERT INTO key_slots (id, kind, lookup, account_id, kdf, iv, wrapped_key, tag, created_at) VALUES ('p', 'password', NULL, NULL, '{}', x'00', x'00', x'00', 't')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
