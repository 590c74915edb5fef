/**
 * The payload's container: named entries one after the other, each
 *   name length (u16 BE) | name (UTF-8) | data length (u64 BE) | data
 * Minimal on purpose: two files, read front to back, no seeking.
 */
import { BackupError } from './errors';
import { ENTRY_NAMES, type EntryName } from './format';

export function entryFrame(name: EntryName, bytes: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const frame = Buffer.alloc(2 + nameBytes.length + 8);
  frame.writeUInt16BE(nameBytes.length, 0);
  nameBytes.copy(frame, 2);
  frame.writeBigUInt64BE(BigInt(bytes), 2 + nameBytes.length);
  return frame;
}

export function payloadBytes(entries: readonly { name: EntryName; bytes: number }[]): number {
  return entries.reduce((sum, e) => sum + entryFrame(e.name, e.bytes).length + e.bytes, 0);
}

/** Reads exact byte counts out of a stream of (already authenticated) chunks. */
export class PlainReader {
  private current: Buffer = Buffer.alloc(0);
  private offset = 0;

  constructor(private readonly chunks: AsyncIterator<Buffer>) {}

  /** Up to `max` bytes (at least one), or null at the end of the payload. */
  private async next(max: number): Promise<Buffer | null> {
    while (this.offset >= this.current.length) {
      const step = await this.chunks.next();
      if (step.done) return null;
      this.current = step.value;
      this.offset = 0;
    }
    const n = Math.min(max, this.current.length - this.offset);
    const out = this.current.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  async exact(n: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    let got = 0;
    while (got < n) {
      const part = await this.next(n - got);
      if (!part) throw new BackupError('DAMAGED', 'the backup payload ends too early');
      parts.push(Buffer.from(part));
      got += part.length;
    }
    return Buffer.concat(parts);
  }

  /** Hands `n` bytes to `sink` piece by piece (a piece is only valid during the call). */
  async pipe(n: number, sink: (piece: Buffer) => Promise<void>): Promise<void> {
    let left = n;
    while (left > 0) {
      const part = await this.next(left);
      if (!part) throw new BackupError('DAMAGED', 'the backup payload ends too early');
      await sink(part);
      left -= part.length;
    }
  }

  async atEnd(): Promise<boolean> {
    return (await this.next(1)) === null;
  }

  /** The next entry's name and length; only the known names are accepted (no path ever comes from the file). */
  async entryHead(): Promise<{ name: EntryName; bytes: number }> {
    const nameLength = (await this.exact(2)).readUInt16BE(0);
    if (nameLength > 64) throw new BackupError('DAMAGED', 'the backup payload is not a container');
    const name = (await this.exact(nameLength)).toString('utf8');
    const bytes = Number((await this.exact(8)).readBigUInt64BE(0));
    const known = ENTRY_NAMES.find((n) => n === name);
    if (!known || !Number.isSafeInteger(bytes)) throw new BackupError('DAMAGED', 'the backup payload holds an unknown entry');
    return { name: known, bytes };
  }
}
