import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChunkSealer, openChunks } from '../../../electron/core/backup/chunks';
import { CHUNK_BYTES, chunkCount, TAG_BYTES } from '../../../electron/core/backup/format';

/**
 * The chunk layer on its own, with a payload of several chunks (a test clinic's store fits in
 * one): chunks moved, dropped, or moved to another file fail to authenticate.
 */
const dir = mkdtempSync(join(tmpdir(), 'clinic-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const key = randomBytes(32);
const headerHash = randomBytes(32);
const payload = randomBytes(3 * CHUNK_BYTES + 12345);

async function seal(data: Buffer, bytes = data.length): Promise<Buffer> {
  const parts: Buffer[] = [];
  const sealer = new ChunkSealer(async (sealed) => void parts.push(Buffer.from(sealed)), key, headerHash, bytes);
  // Odd write sizes: chunk boundaries must not depend on how the payload arrives.
  for (let i = 0; i < data.length; i += 300_001) await sealer.write(data.subarray(i, i + 300_001));
  await sealer.finish();
  return Buffer.concat(parts);
}

async function unseal(sealed: Buffer, bytes: number, hash = headerHash): Promise<Buffer> {
  const path = join(dir, `f-${randomBytes(4).toString('hex')}`);
  const file = await open(path, 'w+');
  try {
    await file.write(sealed, 0, sealed.length, 0);
    const out: Buffer[] = [];
    for await (const plain of openChunks(file, key, hash, bytes, 0)) out.push(Buffer.from(plain));
    return Buffer.concat(out);
  } finally {
    await file.close();
  }
}

const chunkAt = (sealed: Buffer, i: number) => sealed.subarray(i * (CHUNK_BYTES + TAG_BYTES), (i + 1) * (CHUNK_BYTES + TAG_BYTES));

describe('chunks', () => {
  it('round-trip a payload of several chunks, and an empty one', async () => {
    const sealed = await seal(payload);
    expect(sealed.length).toBe(payload.length + chunkCount(payload.length) * TAG_BYTES);
    expect((await unseal(sealed, payload.length)).equals(payload)).toBe(true);
    const empty = await seal(Buffer.alloc(0));
    expect(empty.length).toBe(TAG_BYTES);
    expect((await unseal(empty, 0)).length).toBe(0);
  });

  it('refuse two chunks swapped, the last one dropped, another header', async () => {
    const sealed = await seal(payload);
    const swapped = Buffer.concat([chunkAt(sealed, 1), chunkAt(sealed, 0), sealed.subarray(2 * (CHUNK_BYTES + TAG_BYTES))]);
    await expect(unseal(swapped, payload.length)).rejects.toMatchObject({ code: 'DAMAGED' });
    // Cut at a chunk boundary and announced as shorter: chunk 2 was not sealed as the last one.
    const cut = sealed.subarray(0, 3 * (CHUNK_BYTES + TAG_BYTES));
    await expect(unseal(cut, 3 * CHUNK_BYTES)).rejects.toMatchObject({ code: 'DAMAGED' });
    await expect(unseal(cut, payload.length)).rejects.toMatchObject({ code: 'DAMAGED' });
    await expect(unseal(sealed, payload.length, randomBytes(32))).rejects.toMatchObject({ code: 'DAMAGED' });
  });

  it('refuse a payload longer or shorter than announced when sealing', async () => {
    await expect(seal(payload, payload.length - 1)).rejects.toThrow(/longer/);
    await expect(seal(payload, payload.length + 1)).rejects.toThrow(/shorter/);
  });
});
