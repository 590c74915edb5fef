import { describe, expect, it } from 'vitest';
import { derivePasswordKey, PASSWORD_KDF_V1 } from '../../../electron/core/crypto/kdf';

/**
 * The password KDF moved from a WebAssembly Argon2id (hash-wasm 4.13.0) to a native one.
 * Every key slot already written was wrapped with the old one: these answers were computed
 * with it, so a slot written before the change still opens after it.
 */
describe('password key derivation', () => {
  const salt = Buffer.from('0123456789abcdef').toString('base64');
  const kdf = { ...PASSWORD_KDF_V1, salt };

  it('gives the answer the earlier implementation gave (Argon2id v1.3, m=64 MiB, t=3, p=1)', async () => {
    const key = await derivePasswordKey('كلمة-Secret-2026!', kdf);
    expect(key.toString('hex')).toBe('0ec5a6d573d2338807f8c38199cfd60b0d66d28262080adaf9ba7e0036fa0ebd');
  });

  it('normalises the password to NFC: an Arabic letter typed decomposed gives the same key', async () => {
    // U+0622 (alef with madda) is U+0627 U+0653 decomposed.
    const composed = await derivePasswordKey('\u0622من-2026', kdf);
    const decomposed = await derivePasswordKey('\u0627\u0653من-2026', kdf);
    expect(decomposed.equals(composed)).toBe(true);
    expect((await derivePasswordKey('\u0622من-2027', kdf)).equals(composed)).toBe(false);
  });
});
