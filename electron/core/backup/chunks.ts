/**
 * The payload, encrypted in chunks (format.ts): one chunk of plaintext in memory at a time on
 * either side, so a 1.9 GB store is backed up and read back in a few megabytes.
 */
import { createCipheriv, createDecipheriv } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { BackupError } from './errors';
import { CHUNK_BYTES, chunkAad, chunkCount, chunkNonce, chunkPlainBytes, TAG_BYTES } from './format';

/** Collects plaintext and hands each full chunk, encrypted (ciphertext then tag), to `append` in order. */
export class ChunkSealer {
  private readonly plain = Buffer.allocUnsafe(CHUNK_BYTES);
  private filled = 0;
  private index = 0;
  private received = 0;
  private readonly chunks: number;

  constructor(
    private readonly append: (sealed: Buffer) => Promise<void>,
    private readonly key: Buffer,
    private readonly headerHash: Buffer,
    private readonly payloadBytes: number,
    private readonly onChunk: (done: number) => void = () => {},
  ) {
    this.chunks = chunkCount(payloadBytes);
  }

  async write(data: Buffer): Promise<void> {
    if (this.received + data.length > this.payloadBytes) throw new Error('payload longer than announced');
    this.received += data.length;
    let from = 0;
    while (from < data.length) {
      const n = Math.min(CHUNK_BYTES - this.filled, data.length - from);
      data.copy(this.plain, this.filled, from, from + n);
      this.filled += n;
      from += n;
      if (this.filled === CHUNK_BYTES) await this.seal();
    }
  }

  /** Seals what is left; the payload must have been exactly as long as announced. */
  async finish(): Promise<void> {
    if (this.received !== this.payloadBytes) throw new Error('payload shorter than announced');
    if (this.index < this.chunks) await this.seal();
    this.plain.fill(0);
  }

  private async seal(): Promise<void> {
    const index = this.index;
    if (index >= this.chunks || this.filled !== chunkPlainBytes(this.payloadBytes, index)) throw new Error('chunk boundaries out of step');
    const cipher = createCipheriv('aes-256-gcm', this.key, chunkNonce(index));
    cipher.setAAD(chunkAad(this.headerHash, index, index === this.chunks - 1));
    const sealed = Buffer.concat([cipher.update(this.plain.subarray(0, this.filled)), cipher.final(), cipher.getAuthTag()]);
    await this.append(sealed);
    this.index += 1;
    this.filled = 0;
    this.onChunk(Math.min(this.payloadBytes, this.index * CHUNK_BYTES));
  }
}

export async function writeAll(file: FileHandle, data: Buffer, position: number): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await file.write(data, done, data.length - done, position + done);
    done += bytesWritten;
  }
}

/**
 * Yields each chunk's plaintext only once its tag has verified: nothing unauthenticated ever
 * reaches the caller. A chunk that is missing, short, altered, moved or from another file is
 * DAMAGED.
 */
export async function* openChunks(file: FileHandle, key: Buffer, headerHash: Buffer, payloadBytes: number, position: number): AsyncGenerator<Buffer> {
  const chunks = chunkCount(payloadBytes);
  const sealed = Buffer.allocUnsafe(CHUNK_BYTES + TAG_BYTES);
  for (let index = 0; index < chunks; index++) {
    const plainBytes = chunkPlainBytes(payloadBytes, index);
    const want = plainBytes + TAG_BYTES;
    let got = 0;
    while (got < want) {
      const { bytesRead } = await file.read(sealed, got, want - got, position + got);
      if (bytesRead === 0) throw new BackupError('DAMAGED', 'the backup file is cut short');
      got += bytesRead;
    }
    position += want;
    const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(index));
    decipher.setAAD(chunkAad(headerHash, index, index === chunks - 1));
    decipher.setAuthTag(sealed.subarray(plainBytes, want));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(sealed.subarray(0, plainBytes)), decipher.final()]);
    } catch {
      throw new BackupError('DAMAGED', `the backup file is damaged (part ${index + 1} of ${chunks} does not authenticate)`);
    }
    yield plain;
  }
}
