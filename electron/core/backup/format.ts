/**
 * The backup file's layout (docs/BACKUP.md has it byte by byte):
 *
 *   magic (8) | format version (u16 BE) | header length H (u32 BE) | header JSON (H bytes)
 *   | SHA-256 of everything before it (32) | chunk 0 | chunk 1 | … | chunk n-1
 *
 * Each chunk is the AES-256-GCM ciphertext of CHUNK_BYTES of payload (the last one shorter)
 * followed by its 16-byte tag. The header is in clear (it holds no secret: wrapped keys,
 * salts, counts) so a file can be described without any key; its hash is bound into every
 * chunk's additional data, so a changed header fails to decrypt.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { BackupError } from './errors';

/** "\x89CCMB\r\n\x1a": a non-ASCII first byte and CR LF catch a transfer in text mode (as PNG's does). */
export const MAGIC = Buffer.from([0x89, 0x43, 0x43, 0x4d, 0x42, 0x0d, 0x0a, 0x1a]);
export const FORMAT_VERSION = 1;
export const PREAMBLE_BYTES = MAGIC.length + 2 + 4;
export const HEADER_HASH_BYTES = 32;
/** A header is a few kilobytes; anything larger is not one of ours (and is not read into memory). */
export const MAX_HEADER_BYTES = 64 * 1024;
/** 1 MiB of payload per chunk: small enough to hold a few in memory, large enough that tags cost nothing. */
export const CHUNK_BYTES = 1024 * 1024;
export const TAG_BYTES = 16;
export const BACKUP_EXTENSION = '.ccmbackup';
/** The only names a payload may hold: an entry is written into a folder under this name. */
export const ENTRY_NAMES = ['clinic.db', 'keyring.db'] as const;
export type EntryName = (typeof ENTRY_NAMES)[number];

const b64 = (bytes: number) => z.string().length(Math.ceil(bytes / 3) * 4).regex(/^[A-Za-z0-9+/]+={0,2}$/);

/** AES-256-GCM wrap of a 32-byte key (crypto/wrap.ts), in base64. */
const wrappedSchema = z.strictObject({ iv: b64(12), wrapped: b64(32), tag: b64(16) });
export type WrappedJson = z.infer<typeof wrappedSchema>;

export const headerSchema = z.strictObject({
  format: z.number().int().min(1),
  backupId: z.uuid(),
  createdAt: z.iso.datetime(),
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(50) }),
  /** `PRAGMA user_version` of each snapshot: the latest migration applied. */
  schema: z.strictObject({ store: z.number().int().min(0), keyring: z.number().int().min(0) }),
  counts: z.strictObject({ cases: z.number().int().min(0), beneficiaries: z.number().int().min(0), auditEntries: z.number().int().min(0) }),
  payload: z.strictObject({
    bytes: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    chunkBytes: z.literal(CHUNK_BYTES),
    entries: z.array(z.strictObject({ name: z.enum(ENTRY_NAMES), bytes: z.number().int().min(0) })).min(1).max(ENTRY_NAMES.length),
  }),
  keys: z.strictObject({
    /** The data key wrapped by the backup key: whoever opens the payload can open the store in it. */
    dataKey: wrappedSchema,
    /**
     * The keyring's recovery slot as it was at backup time (it unwraps the data key), and the
     * backup key wrapped by a KEK derived from the data key (HKDF with a fresh salt).
     */
    recovery: z.strictObject({
      slot: z.strictObject({ id: z.string().max(100), kdf: z.string().max(1000), iv: b64(12), wrapped: b64(32), tag: b64(16) }),
      kek: z.strictObject({ alg: z.literal('hkdf-sha256'), salt: b64(16) }),
      backupKey: wrappedSchema,
    }),
    /** The backup key wrapped by an Argon2id KEK of a passphrase (crypto/kdf.ts parameters). */
    passphrase: z.strictObject({ kdf: z.string().max(1000), backupKey: wrappedSchema }).optional(),
  }),
});
export type BackupHeader = z.infer<typeof headerSchema>;

export function chunkCount(payloadBytes: number): number {
  return Math.max(1, Math.ceil(payloadBytes / CHUNK_BYTES));
}

/** Plaintext bytes of chunk `index`. */
export function chunkPlainBytes(payloadBytes: number, index: number): number {
  return Math.min(CHUNK_BYTES, payloadBytes - index * CHUNK_BYTES);
}

/** The exact size of a file with this header: anything else is cut short or has bytes added. */
export function fileBytes(headerJsonBytes: number, payloadBytes: number): number {
  return PREAMBLE_BYTES + headerJsonBytes + HEADER_HASH_BYTES + payloadBytes + chunkCount(payloadBytes) * TAG_BYTES;
}

/** Preamble + header JSON + its hash: the bytes before chunk 0. */
export function encodeHead(header: BackupHeader): { head: Buffer; headerHash: Buffer } {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  if (json.length > MAX_HEADER_BYTES) throw new Error('backup header too large');
  const preamble = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(preamble, 0);
  preamble.writeUInt16BE(FORMAT_VERSION, MAGIC.length);
  preamble.writeUInt32BE(json.length, MAGIC.length + 2);
  const headerHash = createHash('sha256').update(preamble).update(json).digest();
  return { head: Buffer.concat([preamble, json, headerHash]), headerHash };
}

/** What the preamble says, checked: a wrong magic is DAMAGED, a newer version NEWER_FORMAT. */
export function readPreamble(preamble: Buffer): { version: number; headerBytes: number } {
  if (preamble.length < PREAMBLE_BYTES || !preamble.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupError('DAMAGED', 'not a clinic backup file (its first bytes are not the backup signature)');
  }
  const version = preamble.readUInt16BE(MAGIC.length);
  const headerBytes = preamble.readUInt32BE(MAGIC.length + 2);
  if (version > FORMAT_VERSION) throw new BackupError('NEWER_FORMAT', `backup format ${version} is newer than this application's (${FORMAT_VERSION})`);
  if (version < 1 || headerBytes < 2 || headerBytes > MAX_HEADER_BYTES) throw new BackupError('DAMAGED', 'the backup header is damaged');
  return { version, headerBytes };
}

/**
 * Checks the header's hash and parses it. A flipped byte in the header is DAMAGED here, before
 * any key is tried, so it is never reported as a wrong key.
 */
export function parseHead(preamble: Buffer, json: Buffer, hash: Buffer): { header: BackupHeader; headerHash: Buffer } {
  const headerHash = createHash('sha256').update(preamble).update(json).digest();
  if (hash.length !== HEADER_HASH_BYTES || !headerHash.equals(hash)) throw new BackupError('DAMAGED', 'the backup header is damaged (its checksum does not match)');
  let raw: unknown;
  try {
    raw = JSON.parse(json.toString('utf8'));
  } catch {
    throw new BackupError('DAMAGED', 'the backup header is not readable');
  }
  // Looked at before the full schema: a newer writer may have added fields this one refuses.
  const format = (raw as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > FORMAT_VERSION) throw new BackupError('NEWER_FORMAT', `backup format ${format} is newer than this application's`);
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw new BackupError('DAMAGED', 'the backup header does not describe a backup');
  const header = parsed.data;
  // Version 1 holds both files, in this order, and nothing else (container.ts frames each).
  const names = header.payload.entries.map((e) => e.name);
  const framed = header.payload.entries.reduce((sum, e) => sum + 2 + Buffer.byteLength(e.name, 'utf8') + 8 + e.bytes, 0);
  if (names.join() !== ENTRY_NAMES.join() || header.payload.bytes !== framed) throw new BackupError('DAMAGED', 'the backup header is inconsistent');
  return { header, headerHash };
}

/** 96-bit nonce: 4 zero bytes and the chunk index. Unique because every backup has a fresh key. */
export function chunkNonce(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

/**
 * Additional data of a chunk: the header's hash (binds the chunk to this file's header),
 * its index (no reordering) and whether it is the last (no truncation at a chunk boundary).
 */
export function chunkAad(headerHash: Buffer, index: number, last: boolean): Buffer {
  const aad = Buffer.alloc(HEADER_HASH_BYTES + 9);
  headerHash.copy(aad, 0);
  aad.writeBigUInt64BE(BigInt(index), HEADER_HASH_BYTES);
  aad[HEADER_HASH_BYTES + 8] = last ? 1 : 0;
  return aad;
}

/** `clinic-backup-YYYYMMDD-HHMMSS.ccmbackup`, in UTC. */
export function backupFileName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `clinic-backup-${stamp}${BACKUP_EXTENSION}`;
}
