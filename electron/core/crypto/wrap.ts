import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface WrappedKey {
  iv: Buffer;
  wrapped: Buffer;
  tag: Buffer;
}

/**
 * AES-256-GCM key wrapping. The additional data binds a wrapped key to its slot (id, kind,
 * account), so a slot copied onto another account's row fails to open instead of working.
 */
export function wrapKey(dataKey: Uint8Array, kek: Uint8Array, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { iv, wrapped, tag: cipher.getAuthTag() };
}

/** Returns the data key, or null when the KEK is wrong or any byte of the slot was altered. */
export function unwrapKey(slot: { iv: Uint8Array; wrapped_key: Uint8Array; tag: Uint8Array }, kek: Uint8Array, aad: string): Buffer | null {
  if (slot.iv.length !== 12 || slot.tag.length !== 16 || slot.wrapped_key.length !== 32) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, slot.iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(slot.tag);
    return Buffer.concat([decipher.update(slot.wrapped_key), decipher.final()]);
  } catch {
    return null;
  }
}

export function slotAad(slot: { id: string; kind: string; account_id: number | null }): string {
  return `clinic-keyslot:v1:${slot.id}:${slot.kind}:${slot.account_id ?? ''}`;
}
