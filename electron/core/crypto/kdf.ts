import { randomBytes } from 'node:crypto';
import { hashRaw } from '@node-rs/argon2';

// The package's `Algorithm` and `Version` are const enums, which isolated modules cannot
// read: their values, from its index.d.ts.
const ARGON2ID = 2;
const VERSION_0X13 = 1;
import { z } from 'zod';

/**
 * Password key derivation. Parameters are versioned and stored beside the salt in each key
 * slot, so they can be raised later without locking anyone out (a slot is re-wrapped with
 * the current parameters at the next successful login or password change).
 *
 * They are also bounded when read back: a tampered slot must not be able to lower the cost
 * (making offline guessing cheap) nor raise it until the machine stalls.
 */
export const PASSWORD_KDF_V1 = { v: 1, alg: 'argon2id', m: 64 * 1024, t: 3, p: 1 } as const;

const KDF_BOUNDS = { mMin: 64 * 1024, mMax: 1024 * 1024, tMin: 3, tMax: 10, pMin: 1, pMax: 4 } as const;

const passwordKdfSchema = z.strictObject({
  v: z.literal(1),
  alg: z.literal('argon2id'),
  m: z.number().int().min(KDF_BOUNDS.mMin).max(KDF_BOUNDS.mMax),
  t: z.number().int().min(KDF_BOUNDS.tMin).max(KDF_BOUNDS.tMax),
  p: z.number().int().min(KDF_BOUNDS.pMin).max(KDF_BOUNDS.pMax),
  salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/), // 16 bytes, base64
});
export type PasswordKdf = z.infer<typeof passwordKdfSchema>;

/** The recovery key carries 160 random bits: a fast KDF suffices, there is nothing to stretch. */
const recoveryKdfSchema = z.strictObject({
  v: z.literal(1),
  alg: z.literal('hkdf-sha256'),
  salt: z.string().regex(/^[A-Za-z0-9+/]{22}==$/),
});
export type RecoveryKdf = z.infer<typeof recoveryKdfSchema>;

export class TamperedSlotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TamperedSlotError';
  }
}

export function newPasswordKdf(): PasswordKdf {
  return { ...PASSWORD_KDF_V1, salt: randomBytes(16).toString('base64') };
}

export function newRecoveryKdf(): RecoveryKdf {
  return { v: 1, alg: 'hkdf-sha256', salt: randomBytes(16).toString('base64') };
}

export function parsePasswordKdf(json: string): PasswordKdf {
  const parsed = passwordKdfSchema.safeParse(safeJson(json));
  if (!parsed.success) throw new TamperedSlotError('key slot KDF parameters are invalid or out of bounds');
  return parsed.data;
}

export function parseRecoveryKdf(json: string): RecoveryKdf {
  const parsed = recoveryKdfSchema.safeParse(safeJson(json));
  if (!parsed.success) throw new TamperedSlotError('recovery slot parameters are invalid');
  return parsed.data;
}

/**
 * Derives the 256-bit key-encryption key from a password (NFC-normalised: the same Arabic
 * password typed on two keyboards may arrive in different Unicode forms).
 *
 * Native Argon2id (@node-rs/argon2, N-API, so the same binary loads in Node and Electron)
 * rather than WebAssembly, for two reasons measured in the core:
 * - memory: a WebAssembly instance's 64 MiB is garbage after the derivation, but V8 frees it
 *   only at its next full collection, which a quiet core may not run for the whole session:
 *   the benchmark found it still held when the first PDF started, the largest share of the
 *   memory target's overrun. The native one frees its blocks when it returns.
 * - the core's thread: the derivation runs on libuv's thread pool, so one person signing in
 *   no longer stops everyone else's queries for a quarter of a second.
 * Same algorithm, version 0x13 and parameters: the key slots written before open unchanged
 * (a known-answer test computed with the WebAssembly implementation guards it).
 */
export async function derivePasswordKey(password: string, kdf: PasswordKdf): Promise<Buffer> {
  return hashRaw(Buffer.from(password.normalize('NFC'), 'utf8'), {
    algorithm: ARGON2ID,
    version: VERSION_0X13,
    salt: Buffer.from(kdf.salt, 'base64'),
    parallelism: kdf.p,
    timeCost: kdf.t,
    memoryCost: kdf.m,
    outputLen: 32,
  });
}

function safeJson(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}
