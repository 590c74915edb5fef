import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openKeyring, type OpenKeyring } from '../../db/open-keyring';
import { DATA_KEY_BYTES, openStore, checkpoint, type OpenStore } from '../../db/open-store';
import type { Language } from '../../shared/domain/languages';
import {
  derivePasswordKey,
  newPasswordKdf,
  newRecoveryKdf,
  parsePasswordKdf,
  parseRecoveryKdf,
  TamperedSlotError,
} from './crypto/kdf';
import { deriveRecoveryKek, generateRecoveryKey, parseRecoveryKey } from './crypto/recovery-key';
import { slotAad, unwrapKey, wrapKey } from './crypto/wrap';

export interface VaultPaths {
  dir: string;
  store: string;
  keyring: string;
}

export function vaultPaths(dataDir: string): VaultPaths {
  return { dir: dataDir, store: join(dataDir, 'clinic.db'), keyring: join(dataDir, 'keyring.db') };
}

export interface VaultMeta {
  initialized: boolean;
  clinicName: string | null;
  defaultLanguage: Language;
}

/**
 * Owns the two files of a clinic's data folder: the keyring (wrapped copies of the data key)
 * and the encrypted store. The data key lives in memory only while the store is open, that
 * is while at least one session is unlocked; `closeStore` drops both.
 */
export class Vault {
  private store: OpenStore | null = null;
  private dataKey: Buffer | null = null;

  private constructor(
    readonly paths: VaultPaths,
    private readonly keyring: OpenKeyring,
    private readonly lookupSalt: Buffer,
    private readonly nativeBinding: string | undefined,
  ) {}

  static open(dataDir: string, nativeBinding?: string): Vault {
    const paths = vaultPaths(dataDir);
    // Owner-only: other OS accounts on a shared clinic computer must not even copy the files.
    mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
    const keyring = openKeyring(paths.keyring, nativeBinding ? { nativeBinding } : {});
    let salt = keyring.sqlite.prepare("SELECT value FROM vault_meta WHERE key = 'lookup_salt'").pluck().get() as
      | string
      | undefined;
    if (!salt) {
      salt = randomBytes(32).toString('base64');
      keyring.sqlite.prepare("INSERT INTO vault_meta (key, value) VALUES ('lookup_salt', ?)").run(salt);
    }
    return new Vault(paths, keyring, Buffer.from(salt, 'base64'), nativeBinding);
  }

  get keyringSqlite() {
    return this.keyring.sqlite;
  }

  meta(): VaultMeta {
    const rows = this.keyring.sqlite.prepare('SELECT key, value FROM vault_meta').all() as { key: string; value: string }[];
    const get = (key: string) => rows.find((r) => r.key === key)?.value ?? null;
    const language = get('default_language');
    return {
      initialized: get('initialized') === '1' && existsSync(this.paths.store),
      clinicName: get('clinic_name'),
      defaultLanguage: language === 'ar' || language === 'fr' || language === 'en' ? language : 'fr',
    };
  }

  setMeta(values: Record<string, string>): void {
    const upsert = this.keyring.sqlite.prepare(
      'INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
    this.keyring.sqlite.transaction(() => {
      for (const [key, value] of Object.entries(values)) upsert.run(key, value);
    })();
  }

  /** A keyed hash of the username: the keyring file does not list who works at the clinic. */
  lookupOf(username: string): string {
    return createHmac('sha256', this.lookupSalt).update(username.trim().toLowerCase(), 'utf8').digest('hex');
  }

  get openStore(): OpenStore | null {
    return this.store;
  }

  requireStore(): OpenStore {
    if (!this.store) throw new Error('store is locked');
    return this.store;
  }

  requireDataKey(): Buffer {
    if (!this.dataKey) throw new Error('store is locked');
    return this.dataKey;
  }

  /**
   * First run: a fresh random data key, a new store, the recovery slot. Returns the store
   * (open) and the recovery key, which exists nowhere else once the screen shows it.
   */
  createStore(): { store: OpenStore; recoveryKey: string } {
    if (this.meta().initialized) throw new Error('already initialized');
    // A store without an initialized keyring comes from a setup that died half-way: nobody
    // can hold its key, so it holds nothing; start over.
    for (const suffix of ['', '-wal', '-shm']) rmSync(this.paths.store + suffix, { force: true });
    this.keyring.sqlite.prepare('DELETE FROM key_slots').run();
    const dataKey = randomBytes(DATA_KEY_BYTES);
    const store = openStore(this.paths.store, dataKey, { create: true, ...this.bindingOption() });
    this.store = store;
    this.dataKey = dataKey;
    const recoveryKey = this.writeRecoverySlot(dataKey);
    return { store, recoveryKey };
  }

  /** A new recovery key for the open store; the previous one stops working at once. */
  rotateRecoveryKey(): string {
    return this.writeRecoverySlot(this.requireDataKey());
  }

  private writeRecoverySlot(dataKey: Buffer): string {
    const recoveryKey = generateRecoveryKey();
    const secret = parseRecoveryKey(recoveryKey);
    if (!secret) throw new Error('generated recovery key does not parse');
    const kdf = newRecoveryKdf();
    const slot = { id: randomUUID(), kind: 'recovery' as const, account_id: null };
    const wrapped = wrapKey(dataKey, deriveRecoveryKek(secret, kdf), slotAad(slot));
    this.keyring.sqlite.transaction(() => {
      this.keyring.sqlite.prepare("DELETE FROM key_slots WHERE kind = 'recovery'").run();
      this.keyring.sqlite
        .prepare(
          `INSERT INTO key_slots (id, kind, lookup, account_id, kdf, iv, wrapped_key, tag, created_at)
           VALUES (?, 'recovery', NULL, NULL, ?, ?, ?, ?, ?)`,
        )
        .run(slot.id, JSON.stringify(kdf), wrapped.iv, wrapped.wrapped, wrapped.tag, new Date().toISOString());
    })();
    return recoveryKey;
  }

  /**
   * Tries a password. Unknown usernames still pay for a full key derivation against a dummy
   * slot, so timing does not tell whether a username exists.
   */
  async unwrapWithPassword(username: string, password: string): Promise<{ accountId: number; dataKey: Buffer } | null> {
    const row = this.keyring.sqlite
      .prepare("SELECT * FROM key_slots WHERE kind = 'password' AND lookup = ?")
      .get(this.lookupOf(username)) as SlotRow | undefined;
    if (!row) {
      await derivePasswordKey(password, newPasswordKdf());
      return null;
    }
    const kek = await derivePasswordKey(password, parsePasswordKdf(row.kdf));
    const dataKey = unwrapKey(row, kek, slotAad(row));
    return dataKey && row.account_id !== null ? { accountId: row.account_id, dataKey } : null;
  }

  unwrapWithRecoveryKey(recoveryKey: string): Buffer | null {
    const secret = parseRecoveryKey(recoveryKey);
    const row = this.keyring.sqlite.prepare("SELECT * FROM key_slots WHERE kind = 'recovery'").get() as SlotRow | undefined;
    if (!secret || !row) return null;
    return unwrapKey(row, deriveRecoveryKek(secret, parseRecoveryKdf(row.kdf)), slotAad(row));
  }

  /** Opens the store with an unwrapped key, or checks the key matches the store already open. */
  openWith(dataKey: Buffer): OpenStore {
    if (this.store && this.dataKey) {
      if (!timingSafeEqual(this.dataKey, dataKey)) throw new TamperedSlotError('key slot holds a different key');
      dataKey.fill(0);
      return this.store;
    }
    this.store = openStore(this.paths.store, dataKey, this.bindingOption());
    this.dataKey = dataKey;
    return this.store;
  }

  async closeStore(): Promise<void> {
    const store = this.store;
    this.store = null;
    this.dataKey?.fill(0); // best effort: JS strings made from it (the PRAGMA) cannot be wiped
    this.dataKey = null;
    if (store) {
      checkpoint(store.sqlite);
      await store.close();
    }
  }

  /** (Re)wraps the open store's data key for an account's password, replacing any old slot. */
  async writePasswordSlot(accountId: number, username: string, password: string): Promise<void> {
    const dataKey = this.requireDataKey();
    const kdf = newPasswordKdf();
    const kek = await derivePasswordKey(password, kdf);
    const slot = { id: randomUUID(), kind: 'password' as const, account_id: accountId };
    const wrapped = wrapKey(dataKey, kek, slotAad(slot));
    const lookup = this.lookupOf(username);
    this.keyring.sqlite.transaction(() => {
      this.keyring.sqlite.prepare('DELETE FROM key_slots WHERE account_id = ? OR lookup = ?').run(accountId, lookup);
      this.keyring.sqlite
        .prepare(
          `INSERT INTO key_slots (id, kind, lookup, account_id, kdf, iv, wrapped_key, tag, created_at)
           VALUES (?, 'password', ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(slot.id, lookup, accountId, JSON.stringify(kdf), wrapped.iv, wrapped.wrapped, wrapped.tag, new Date().toISOString());
    })();
  }

  /** Destroys an account's slot: without it, that password can no longer unwrap the key. */
  deletePasswordSlot(accountId: number): void {
    this.keyring.sqlite.prepare('DELETE FROM key_slots WHERE account_id = ?').run(accountId);
  }

  async close(): Promise<void> {
    await this.closeStore();
    await this.keyring.close();
  }

  private bindingOption(): { nativeBinding?: string } {
    return this.nativeBinding ? { nativeBinding: this.nativeBinding } : {};
  }
}

interface SlotRow {
  id: string;
  kind: 'password' | 'recovery';
  lookup: string | null;
  account_id: number | null;
  kdf: string;
  iv: Buffer;
  wrapped_key: Buffer;
  tag: Buffer;
}
