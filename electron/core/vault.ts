import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3-multiple-ciphers';
import { StoreOpenError, storageErrorOf } from '../../db/errors';
import { securePrivateFiles, securePrivateFolder } from '../../db/file-mode';
import { openKeyring, type OpenKeyring } from '../../db/open-keyring';
import { DATA_KEY_BYTES, openStore, checkpoint, type OpenStore } from '../../db/open-store';
import type { FolderProblem, FolderState } from '../../shared/contract/setup';
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
import { CLINIC_FILES, judgeFolder, presentFiles, setFilesAside, type KeyringFinding } from './data-folder';

export interface VaultPaths {
  dir: string;
  store: string;
  keyring: string;
}

export function vaultPaths(dataDir: string): VaultPaths {
  return { dir: dataDir, store: join(dataDir, 'clinic.db'), keyring: join(dataDir, 'keyring.db') };
}

export interface VaultMeta {
  clinicName: string | null;
  clinicNameAr: string | null;
  defaultLanguage: Language;
}

/** The error a call gets while the folder is not ready: the first problem, as a typed code. */
const PROBLEM_ERROR: Record<FolderProblem, StoreOpenError['code']> = {
  storeMissing: 'STORE_MISSING',
  storeEmpty: 'STORE_CORRUPT',
  keyringMissing: 'KEYRING_CORRUPT',
  keyringDamaged: 'KEYRING_CORRUPT',
  keyringEmpty: 'KEYRING_CORRUPT',
  setupUnfinished: 'KEYRING_CORRUPT',
};

/**
 * Owns the two files of a clinic's data folder: the keyring (wrapped copies of the data key)
 * and the encrypted store. The data key lives in memory only while the store is open, that
 * is while at least one session is unlocked; `closeStore` drops both.
 *
 * It never deletes or overwrites a clinic file. A folder holding any of them is either ready
 * (both files open) or damaged, and a damaged folder is only ever moved aside, on request.
 */
export class Vault {
  private store: OpenStore | null = null;
  private dataKey: Buffer | null = null;
  private keyring: OpenKeyring | null = null;
  private lookupSalt: Buffer | null = null;
  private folderState: FolderState = { state: 'new', problems: [], files: [] };
  private setupCreatedKeyring = false;

  private constructor(
    readonly paths: VaultPaths,
    private readonly nativeBinding: string | undefined,
  ) {}

  /** Never throws for a damaged folder: the core must keep running to explain it. */
  static open(dataDir: string, nativeBinding?: string): Vault {
    const vault = new Vault(vaultPaths(dataDir), nativeBinding);
    securePrivateFolder(dataDir);
    vault.inspect();
    return vault;
  }

  /**
   * Looks at the folder again (someone may have put a file back) unless it is ready: a ready
   * folder keeps its open keyring, and a file lost since then is reported by the sign-in that
   * needs it (STORE_MISSING), so the boot screen's status call costs no file work.
   * Opening a keyring written by an earlier version moves it out of WAL mode (open-keyring.ts).
   */
  inspect(): FolderState {
    if (this.store || (this.folderState.state === 'ready' && this.keyring)) return this.folderState;
    securePrivateFiles(this.paths.dir, CLINIC_FILES);
    this.keyring?.close();
    this.keyring = null;
    this.lookupSalt = null;
    const files = presentFiles(this.paths.dir);
    let finding: KeyringFinding = 'absent';
    const keyringFile = files.find((f) => f.name === 'keyring.db');
    // 0 bytes cannot hold a key slot: a keyring whose creation stopped at its first write.
    if (keyringFile?.size === 0) finding = 'blank';
    else if (keyringFile) {
      try {
        const keyring = openKeyring(this.paths.keyring, this.bindingOption());
        finding = keyringFinding(keyring.sqlite);
        this.keyring = keyring;
        const salt = keyring.sqlite.prepare("SELECT value FROM vault_meta WHERE key = 'lookup_salt'").pluck().get() as string | undefined;
        this.lookupSalt = salt ? Buffer.from(salt, 'base64') : null;
      } catch (error) {
        console.error('[vault] keyring unreadable:', (error as Error).message);
        finding = 'unreadable';
      }
    }
    this.folderState = judgeFolder(presentFiles(this.paths.dir), finding);
    return this.folderState;
  }

  /**
   * Lets go of the keyring file of a folder about to receive a restored clinic (a blank
   * keyring left by a setup that never started is moved aside with the rest); `inspect()`
   * afterwards opens whatever the folder then holds.
   */
  releaseKeyring(): void {
    this.keyring?.close();
    this.keyring = null;
    this.lookupSalt = null;
  }

  get folder(): FolderState {
    return this.folderState;
  }

  /** Throws the typed error of the folder's first problem unless sign-in can run. */
  requireReady(): void {
    const problem = this.folderState.problems[0];
    if (problem) throw new StoreOpenError(PROBLEM_ERROR[problem], `data folder: ${problem}`);
  }

  /**
   * Moves the files of a folder found damaged into a dated sub-folder so setup can start
   * afresh (the caller checked it is damaged: a working clinic is never moved from inside the
   * application). Returns the sub-folder's name.
   */
  setAside(now: Date, problems: FolderState['problems']): string {
    this.keyring?.close();
    this.keyring = null;
    try {
      return setFilesAside(this.paths.dir, now, problems);
    } catch (error) {
      throw storageErrorOf(error, 'store') ?? error;
    } finally {
      this.inspect();
    }
  }

  meta(): VaultMeta {
    const rows = this.keyring ? this.k((db) => db.prepare('SELECT key, value FROM vault_meta').all() as { key: string; value: string }[]) : [];
    const get = (key: string) => rows.find((r) => r.key === key)?.value ?? null;
    const language = get('default_language');
    return {
      clinicName: get('clinic_name'),
      clinicNameAr: get('clinic_name_ar') || null,
      defaultLanguage: language === 'ar' || language === 'fr' || language === 'en' ? language : 'fr',
    };
  }

  setMeta(values: Record<string, string>): void {
    this.k((db) => {
      const upsert = db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
      db.transaction(() => {
        for (const [key, value] of Object.entries(values)) upsert.run(key, value);
      })();
    });
  }

  /**
   * Runs `fn` on the keyring connection; its storage faults come out typed as keyring faults
   * (damage there is KEYRING_CORRUPT, not STORE_CORRUPT).
   */
  k<T>(fn: (db: Database.Database) => T): T {
    if (!this.keyring) throw new StoreOpenError('KEYRING_CORRUPT', 'no keyring is open');
    try {
      return fn(this.keyring.sqlite);
    } catch (error) {
      throw storageErrorOf(error, 'keyring') ?? error;
    }
  }

  /** A keyed hash of the username: the keyring file does not list who works at the clinic. */
  lookupOf(username: string): string {
    if (!this.lookupSalt) throw new StoreOpenError('KEYRING_CORRUPT', 'keyring has no lookup salt');
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
   * First run, in a new folder only: a keyring (or the blank one an earlier version left), a
   * fresh random data key, a new store (created, never reused), the recovery slot. Returns the
   * store (open) and the recovery key, which exists nowhere else once the screen shows it.
   */
  createStore(): { store: OpenStore; recoveryKey: string } {
    if (this.inspect().state !== 'new') throw new StoreOpenError('STORE_CORRUPT', 'setup runs only in a new folder');
    this.setupCreatedKeyring = !this.keyring;
    if (!this.keyring) this.keyring = openKeyring(this.paths.keyring, { create: true, ...this.bindingOption() });
    if (!this.lookupSalt) {
      const salt = randomBytes(32);
      this.k((db) => db.prepare("INSERT INTO vault_meta (key, value) VALUES ('lookup_salt', ?)").run(salt.toString('base64')));
      this.lookupSalt = salt;
    }
    const dataKey = randomBytes(DATA_KEY_BYTES);
    const store = openStore(this.paths.store, dataKey, { create: true, ...this.bindingOption() });
    this.store = store;
    this.dataKey = dataKey;
    const recoveryKey = this.writeRecoverySlot(dataKey);
    return { store, recoveryKey };
  }

  /**
   * Undoes a setup that failed half-way (a full disk, say). The folder was new and the
   * recovery key never shown, so what this setup wrote holds nothing anyone has seen; left
   * behind it would look like a damaged clinic. Only files this setup created are removed.
   */
  async undoSetup(): Promise<void> {
    await this.closeStore();
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(this.paths.store + suffix, { force: true });
    if (this.setupCreatedKeyring) {
      this.keyring?.close();
      this.keyring = null;
      for (const suffix of ['', '-journal']) rmSync(this.paths.keyring + suffix, { force: true });
    } else {
      this.k((db) => db.prepare('DELETE FROM key_slots').run());
    }
    this.inspect();
  }

  /** Marks setup finished: from now on the folder is a clinic. */
  finishSetup(values: Record<string, string>): void {
    this.setMeta({ ...values, initialized: '1' });
    this.folderState = { state: 'ready', problems: [], files: presentFiles(this.paths.dir) };
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
    this.k((db) =>
      db.transaction(() => {
        db.prepare("DELETE FROM key_slots WHERE kind = 'recovery'").run();
        db.prepare(
          `INSERT INTO key_slots (id, kind, lookup, account_id, kdf, iv, wrapped_key, tag, created_at)
           VALUES (?, 'recovery', NULL, NULL, ?, ?, ?, ?, ?)`,
        )
          .run(slot.id, JSON.stringify(kdf), wrapped.iv, wrapped.wrapped, wrapped.tag, new Date().toISOString());
      })(),
    );
    return recoveryKey;
  }

  /**
   * Tries a password. Unknown usernames still pay for a full key derivation against a dummy
   * slot, so timing does not tell whether a username exists.
   */
  async unwrapWithPassword(username: string, password: string): Promise<{ accountId: number; dataKey: Buffer } | null> {
    const lookup = this.lookupOf(username);
    const row = this.k((db) => db.prepare("SELECT * FROM key_slots WHERE kind = 'password' AND lookup = ?").get(lookup) as SlotRow | undefined);
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
    const row = this.k((db) => db.prepare("SELECT * FROM key_slots WHERE kind = 'recovery'").get() as SlotRow | undefined);
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
    try {
      this.store = openStore(this.paths.store, dataKey, this.bindingOption());
    } catch (error) {
      dataKey.fill(0);
      // The key came out of a slot whose AES-GCM tag proved it: if it does not decrypt page 1,
      // the file is damaged (or is another clinic's store), never "a wrong password".
      if (error instanceof StoreOpenError && error.code === 'STORE_WRONG_KEY') {
        throw new StoreOpenError('STORE_CORRUPT', 'clinic.db does not decrypt with the keyring\'s key: damaged or replaced');
      }
      throw error;
    }
    this.dataKey = dataKey;
    return this.store;
  }

  /**
   * Forgets the key first, then folds the WAL into the file and closes. Neither a full disk
   * nor a failing checkpoint may keep the store open or the key in memory: the WAL keeps
   * whatever the checkpoint could not fold in, and the next open replays it.
   */
  async closeStore(): Promise<void> {
    const store = this.store;
    this.store = null;
    this.dataKey?.fill(0); // best effort: JS strings made from it (the PRAGMA) cannot be wiped
    this.dataKey = null;
    if (!store) return;
    try {
      // Never wait here: a background store check may hold a read snapshot for seconds. The
      // checkpoint then folds what it can and the WAL keeps the rest until the next open.
      store.sqlite.pragma('busy_timeout = 0');
      checkpoint(store.sqlite);
    } catch (error) {
      console.error('[vault] checkpoint on close failed; the WAL keeps the changes:', (error as Error).message);
    }
    try {
      await store.close();
    } catch (error) {
      console.error('[vault] closing the store failed:', (error as Error).message);
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
    this.k((db) =>
      db.transaction(() => {
        db.prepare('DELETE FROM key_slots WHERE account_id = ? OR lookup = ?').run(accountId, lookup);
        db.prepare(
          `INSERT INTO key_slots (id, kind, lookup, account_id, kdf, iv, wrapped_key, tag, created_at)
           VALUES (?, 'password', ?, ?, ?, ?, ?, ?, ?)`,
        )
          .run(slot.id, lookup, accountId, JSON.stringify(kdf), wrapped.iv, wrapped.wrapped, wrapped.tag, new Date().toISOString());
      })(),
    );
  }

  /** Destroys an account's slot: without it, that password can no longer unwrap the key. */
  deletePasswordSlot(accountId: number): void {
    this.k((db) => db.prepare('DELETE FROM key_slots WHERE account_id = ?').run(accountId));
  }

  async close(): Promise<void> {
    await this.closeStore();
    this.keyring?.close();
    this.keyring = null;
  }

  private bindingOption(): { nativeBinding?: string } {
    return this.nativeBinding ? { nativeBinding: this.nativeBinding } : {};
  }
}

function keyringFinding(db: Database.Database): KeyringFinding {
  const initialized = db.prepare("SELECT value FROM vault_meta WHERE key = 'initialized'").pluck().get() === '1';
  const slots = db.prepare('SELECT count(*) FROM key_slots').pluck().get() as number;
  if (initialized) return slots > 0 ? 'ok' : 'slotless';
  return slots > 0 ? 'unfinished' : 'blank';
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
