/**
 * One wrapped copy of the store's data key. `kind = 'password'` slots belong to an account
 * and are found by `lookup` (a keyed hash of the username, so the file does not list staff
 * names); the single `recovery` slot is wrapped by the recovery key.
 */
export interface KeySlotsTable {
  id: string;
  kind: 'password' | 'recovery';
  lookup: string | null;
  account_id: number | null;
  /** JSON of the versioned, bounded KDF parameters and salt (see electron/core/crypto/kdf.ts). */
  kdf: string;
  iv: Uint8Array;
  wrapped_key: Uint8Array;
  tag: Uint8Array;
  created_at: string;
}
