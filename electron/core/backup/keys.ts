/**
 * The backup's key hierarchy (docs/BACKUP.md):
 *
 *   backup key (fresh, random, per file) ── encrypts the payload
 *   data key ── wrapped by the backup key (keys.dataKey): the payload's store opens with it
 *   recovery key ─HKDF─▶ KEK ─▶ data key     (keys.recovery.slot: the keyring's recovery slot, copied)
 *   data key ─HKDF(fresh salt)─▶ KEK ─▶ backup key   (keys.recovery.backupKey)
 *   passphrase ─Argon2id─▶ KEK ─▶ backup key          (keys.passphrase, optional)
 *
 * Why the recovery path goes through the data key: the application never holds the recovery
 * key after setup (it is shown once), so it cannot derive a recovery KEK for a new salt. It
 * holds the recovery slot, which the recovery key opens, and the data key, which that slot
 * yields. The backup therefore opens with the recovery key that was current when it was
 * made; a later rotation changes the keyring, not old backups.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { derivePasswordKey, newPasswordKdf, parsePasswordKdf, parseRecoveryKdf, TamperedSlotError } from '../crypto/kdf';
import { deriveRecoveryKek, parseRecoveryKey } from '../crypto/recovery-key';
import { slotAad, unwrapKey, wrapKey, type WrappedKey } from '../crypto/wrap';
import { passwordProblems } from '../../../shared/domain/password-policy';
import { BackupError } from './errors';
import type { BackupHeader, WrappedJson } from './format';

/** A recovery slot row of keyring.db, as vault.ts writes it. */
export interface RecoverySlot {
  id: string;
  kdf: string;
  iv: Buffer;
  wrapped_key: Buffer;
  tag: Buffer;
}

/** What opens a backup. `dataKey` is for the application itself (verifying what it just wrote). */
export type BackupSecret = { recoveryKey: string } | { passphrase: string } | { dataKey: Uint8Array };

export const BACKUP_KEY_BYTES = 32;

const aad = (backupId: string, purpose: 'data-key' | 'recovery' | 'passphrase') => `clinic-backup:v1:${backupId}:${purpose}`;

const toJson = (w: WrappedKey): WrappedJson => ({ iv: w.iv.toString('base64'), wrapped: w.wrapped.toString('base64'), tag: w.tag.toString('base64') });
const fromJson = (w: WrappedJson) => ({ iv: Buffer.from(w.iv, 'base64'), wrapped_key: Buffer.from(w.wrapped, 'base64'), tag: Buffer.from(w.tag, 'base64') });

function dataKeyKek(dataKey: Uint8Array, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, 'clinic-backup-kek:v1', 32));
}

export function newBackupKey(): Buffer {
  return randomBytes(BACKUP_KEY_BYTES);
}

/** Refuses a passphrase that would be the weak point of a file meant to leave the clinic. */
export function checkPassphrase(passphrase: string): void {
  if (passwordProblems(passphrase).length > 0) {
    throw new BackupError('WEAK_PASSPHRASE', 'the backup passphrase must follow the password rule (12 characters and three kinds, or 20 characters)');
  }
}

/**
 * A backup passphrase turned into its KEK once (Argon2id, fresh salt), as the application
 * keeps it in the encrypted store: scheduled backups use it without anyone typing the
 * passphrase, and the passphrase itself is stored nowhere. Whoever reads the store could use
 * it, but could already open every backup with the store's data key.
 */
export interface PassphraseLock {
  /** The Argon2id parameters and salt (crypto/kdf.ts), as the header carries them. */
  kdf: string;
  kek: Uint8Array;
}

export async function passphraseLock(passphrase: string): Promise<PassphraseLock> {
  checkPassphrase(passphrase);
  const kdf = newPasswordKdf();
  return { kdf: JSON.stringify(kdf), kek: await derivePasswordKey(passphrase, kdf) };
}

export async function sealKeys(options: {
  backupId: string;
  backupKey: Buffer;
  dataKey: Uint8Array;
  recoverySlot: RecoverySlot;
  passphrase?: string | undefined;
  /** Instead of `passphrase`: its KEK, derived once when the administrator set it. */
  passphraseLock?: PassphraseLock | undefined;
}): Promise<BackupHeader['keys']> {
  const { backupId, backupKey, dataKey, recoverySlot } = options;
  const salt = randomBytes(16);
  const kek = dataKeyKek(dataKey, salt);
  const keys: BackupHeader['keys'] = {
    dataKey: toJson(wrapKey(dataKey, backupKey, aad(backupId, 'data-key'))),
    recovery: {
      slot: {
        id: recoverySlot.id,
        kdf: recoverySlot.kdf,
        iv: recoverySlot.iv.toString('base64'),
        wrapped: recoverySlot.wrapped_key.toString('base64'),
        tag: recoverySlot.tag.toString('base64'),
      },
      kek: { alg: 'hkdf-sha256', salt: salt.toString('base64') },
      backupKey: toJson(wrapKey(backupKey, kek, aad(backupId, 'recovery'))),
    },
  };
  kek.fill(0);
  if (options.passphrase !== undefined) {
    const kdf = newPasswordKdf();
    const passKek = await derivePasswordKey(options.passphrase, kdf);
    keys.passphrase = { kdf: JSON.stringify(kdf), backupKey: toJson(wrapKey(backupKey, passKek, aad(backupId, 'passphrase'))) };
    passKek.fill(0);
  } else if (options.passphraseLock) {
    const { kdf, kek } = options.passphraseLock;
    keys.passphrase = { kdf, backupKey: toJson(wrapKey(backupKey, Buffer.from(kek), aad(backupId, 'passphrase'))) };
  }
  return keys;
}

/**
 * The backup key and the data key, or WRONG_KEY. A slot whose parameters do not parse can only
 * come from a header edited with its checksum recomputed: DAMAGED.
 */
export async function unlockKeys(header: BackupHeader, secret: BackupSecret): Promise<{ backupKey: Buffer; dataKey: Buffer }> {
  const { backupId, keys } = header;
  const wrong = () => new BackupError('WRONG_KEY', 'recoveryKey' in secret ? 'this recovery key does not open this backup' : 'passphrase' in secret ? 'this passphrase does not open this backup' : 'this data key does not open this backup');
  try {
    let backupKey: Buffer | null;
    if ('passphrase' in secret) {
      if (!keys.passphrase) throw new BackupError('WRONG_KEY', 'this backup has no passphrase: open it with the recovery key');
      const kek = await derivePasswordKey(secret.passphrase, parsePasswordKdf(keys.passphrase.kdf));
      backupKey = unwrapKey(fromJson(keys.passphrase.backupKey), kek, aad(backupId, 'passphrase'));
      kek.fill(0);
    } else {
      let dataKey: Buffer | null;
      if ('recoveryKey' in secret) {
        const typed = parseRecoveryKey(secret.recoveryKey);
        if (!typed) throw wrong();
        const slot = keys.recovery.slot;
        const row = { id: slot.id, kind: 'recovery', account_id: null, iv: Buffer.from(slot.iv, 'base64'), wrapped_key: Buffer.from(slot.wrapped, 'base64'), tag: Buffer.from(slot.tag, 'base64') };
        const kek = deriveRecoveryKek(typed, parseRecoveryKdf(slot.kdf));
        dataKey = unwrapKey(row, kek, slotAad(row));
        kek.fill(0);
        typed.fill(0);
      } else {
        dataKey = Buffer.from(secret.dataKey);
      }
      if (!dataKey) throw wrong();
      const kek = dataKeyKek(dataKey, Buffer.from(keys.recovery.kek.salt, 'base64'));
      dataKey.fill(0);
      backupKey = unwrapKey(fromJson(keys.recovery.backupKey), kek, aad(backupId, 'recovery'));
      kek.fill(0);
    }
    if (!backupKey) throw wrong();
    const dataKey = unwrapKey(fromJson(keys.dataKey), backupKey, aad(backupId, 'data-key'));
    // The backup key was proven by its GCM tag: a data key that does not unwrap is damage.
    if (!dataKey) throw new BackupError('DAMAGED', 'the backup header is damaged (its data key does not unwrap)');
    return { backupKey, dataKey };
  } catch (error) {
    if (error instanceof TamperedSlotError) throw new BackupError('DAMAGED', 'the backup header is damaged (invalid key parameters)');
    throw error;
  }
}
