import { hkdfSync, randomBytes } from 'node:crypto';
import type { RecoveryKdf } from './kdf';

/** Crockford base32: no I, L, O, U, so a key read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 20; // 160 bits → 32 characters → 8 groups of 4

export function generateRecoveryKey(): string {
  return formatRecoveryKey(encode(randomBytes(KEY_BYTES)));
}

export function formatRecoveryKey(chars: string): string {
  return chars.match(/.{1,4}/g)?.join('-') ?? chars;
}

/** Accepts what people type: lower case, spaces or dashes, O for 0 and I/L for 1. */
export function parseRecoveryKey(typed: string): Buffer | null {
  const cleaned = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== 32 || [...cleaned].some((c) => !ALPHABET.includes(c))) return null;
  return decode(cleaned);
}

export function deriveRecoveryKek(secret: Uint8Array, kdf: RecoveryKdf): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(kdf.salt, 'base64'), 'clinic-recovery-kek:v1', 32));
}

function encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

function decode(chars: string): Buffer {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const c of chars) {
    value = ((value << 5) | ALPHABET.indexOf(c)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}
