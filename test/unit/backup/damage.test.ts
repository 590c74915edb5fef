import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectBackup, openBackup, restoreBackup, writeBackup, type BackupSecret, type WrittenBackup } from '../../../electron/core/backup';
import { generateRecoveryKey } from '../../../electron/core/crypto/recovery-key';
import { HEADER_HASH_BYTES, MAGIC, PREAMBLE_BYTES } from '../../../electron/core/backup/format';
import { makeClinic, type Clinic } from '../../helpers/backup-fixtures';
import { snapshot } from '../../helpers/folder-snapshot';

/**
 * A backup that was damaged (a flipped byte anywhere, cut short, grown), opened with the wrong
 * key, or written by a newer version is refused with its own code; nothing is written to the
 * output folder, and a restore leaves the clinic's folder exactly as it was.
 */
const PASSPHRASE = 'Sauvegarde du vendredi 2026';
let clinic: Clinic;
let work: string;
let backup: WrittenBackup;
let plain: WrittenBackup;
let original: Buffer;

beforeAll(async () => {
  clinic = await makeClinic();
  work = mkdtempSync(join(tmpdir(), 'clinic-backup-damage-'));
  backup = await writeBackup({ dataDir: clinic.t.dir, dataKey: clinic.dataKey, passphrase: PASSPHRASE, targetDir: work, now: new Date('2026-11-25T10:00:00Z') });
  plain = await writeBackup({ dataDir: clinic.t.dir, dataKey: clinic.dataKey, targetDir: work, now: new Date('2026-11-25T10:00:01Z') });
  original = readFileSync(backup.file);
  await clinic.t.core.close(); // restores need the clinic closed
});

afterAll(async () => {
  await clinic?.t.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

let n = 0;
function variant(bytes: Buffer): string {
  const path = join(work, `variant-${++n}.ccmbackup`);
  writeFileSync(path, bytes);
  return path;
}
function flipped(offset: number): string {
  const copy = Buffer.from(original);
  copy[offset]! ^= 0x01;
  return variant(copy);
}
const headerBytes = () => original.readUInt32BE(MAGIC.length + 2);
const dataOffset = () => PREAMBLE_BYTES + headerBytes() + HEADER_HASH_BYTES;

/** The same file with its header JSON rewritten and its checksum recomputed (a deliberate edit, not damage). */
function editedHeader(edit: (header: Record<string, unknown>) => void): string {
  const json = JSON.parse(original.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerBytes()).toString('utf8')) as Record<string, unknown>;
  edit(json);
  const body = Buffer.from(JSON.stringify(json), 'utf8');
  const preamble = Buffer.from(original.subarray(0, PREAMBLE_BYTES));
  preamble.writeUInt32BE(body.length, MAGIC.length + 2);
  const hash = createHash('sha256').update(preamble).update(body).digest();
  return variant(Buffer.concat([preamble, body, hash, original.subarray(dataOffset())]));
}

/** openBackup's error code, checking the output folder stays empty, and restoreBackup's, checking the clinic folder is untouched. */
async function refusal(file: string, secret: BackupSecret & ({ recoveryKey: string } | { passphrase: string }) = { recoveryKey: clinic.t.recoveryKey }): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'clinic-backup-out-'));
  let code = 'ok';
  try {
    await openBackup(file, secret, out);
  } catch (error) {
    code = (error as { code: string }).code;
  }
  expect(readdirSync(out), 'nothing left in the output folder').toEqual([]);
  rmSync(out, { recursive: true, force: true });

  const before = snapshot(clinic.t.dir);
  let restoreCode = 'ok';
  try {
    await restoreBackup(clinic.t.dir, file, secret, new Date('2026-11-26T00:00:00Z'));
  } catch (error) {
    restoreCode = (error as { code: string }).code;
  }
  expect(restoreCode, 'restore refuses for the same reason').toBe(code);
  expect(snapshot(clinic.t.dir), 'the clinic folder is untouched').toEqual(before);
  return code;
}

describe('a damaged backup is DAMAGED', () => {
  it('the intact file opens (the checks below are on a good file)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'clinic-backup-out-'));
    await expect(openBackup(backup.file, { recoveryKey: clinic.t.recoveryKey }, out)).resolves.toMatchObject({ header: backup.header });
    rmSync(out, { recursive: true, force: true });
  });

  it('a flipped byte in the magic, the preamble, the header or its checksum', async () => {
    for (const offset of [0, MAGIC.length + 5, PREAMBLE_BYTES + 10, PREAMBLE_BYTES + Math.floor(headerBytes() / 2), dataOffset() - 1]) {
      const file = flipped(offset);
      await expect(inspectBackup(file), `offset ${offset}`).rejects.toMatchObject({ code: 'DAMAGED' });
      expect(await refusal(file), `offset ${offset}`).toBe('DAMAGED');
    }
  });

  it('a flipped byte in the payload: first byte, middle, last tag byte', async () => {
    for (const offset of [dataOffset(), Math.floor((dataOffset() + original.length) / 2), original.length - 1]) {
      expect(await refusal(flipped(offset)), `offset ${offset}`).toBe('DAMAGED');
      expect(await refusal(flipped(offset), { passphrase: PASSPHRASE }), `offset ${offset}`).toBe('DAMAGED');
    }
  });

  it('cut short (by one byte, at the end of the header, to nothing) or with bytes added', async () => {
    for (const bytes of [original.subarray(0, original.length - 1), original.subarray(0, dataOffset()), original.subarray(0, 5), Buffer.alloc(0), Buffer.concat([original, Buffer.from([0])])]) {
      const file = variant(bytes);
      await expect(inspectBackup(file)).rejects.toMatchObject({ code: 'DAMAGED' });
      expect(await refusal(file)).toBe('DAMAGED');
    }
  });

  it('a header edited with its checksum recomputed still fails to decrypt (the chunks are bound to it)', async () => {
    const file = editedHeader((h) => ((h.counts as { cases: number }).cases = 999));
    expect((await inspectBackup(file)).counts.cases).toBe(999);
    expect(await refusal(file)).toBe('DAMAGED');
  });

  it('another file of the same type is refused', async () => {
    expect(await refusal(variant(Buffer.from('SQLite format 3\0 and then some more bytes than a preamble')))).toBe('DAMAGED');
  });
});

describe('the wrong key is WRONG_KEY', () => {
  it('another recovery key, a mistyped one, the wrong passphrase, a passphrase on a backup that has none', async () => {
    expect(await refusal(backup.file, { recoveryKey: generateRecoveryKey() })).toBe('WRONG_KEY');
    expect(await refusal(backup.file, { recoveryKey: 'not a recovery key' })).toBe('WRONG_KEY');
    expect(await refusal(backup.file, { passphrase: 'Sauvegarde du samedi 2026' })).toBe('WRONG_KEY');
    expect(await refusal(plain.file, { passphrase: PASSPHRASE })).toBe('WRONG_KEY');
  });
});

describe('a newer backup is NEWER_FORMAT', () => {
  it('a newer file format or a newer store schema, said before any key is tried', async () => {
    const newerFormat = Buffer.from(original);
    newerFormat.writeUInt16BE(2, MAGIC.length);
    const file = variant(newerFormat);
    await expect(inspectBackup(file)).rejects.toMatchObject({ code: 'NEWER_FORMAT' });
    expect(await refusal(file)).toBe('NEWER_FORMAT');
    const newerSchema = editedHeader((h) => ((h.schema as { store: number }).store = 9999));
    await expect(inspectBackup(newerSchema)).rejects.toMatchObject({ code: 'NEWER_FORMAT' });
    expect(await refusal(newerSchema, { recoveryKey: generateRecoveryKey() })).toBe('NEWER_FORMAT');
  });
});

describe('writeBackup refuses', () => {
  it('a missing target folder, a weak passphrase, a wrong data key; nothing is left behind', async () => {
    const before = snapshot(clinic.t.dir);
    const base = { dataDir: clinic.t.dir, dataKey: clinic.dataKey, targetDir: work, now: new Date('2026-11-25T11:00:00Z') };
    await expect(writeBackup({ ...base, targetDir: join(work, 'unplugged') })).rejects.toMatchObject({ code: 'TARGET_MISSING' });
    await expect(writeBackup({ ...base, passphrase: 'court' })).rejects.toMatchObject({ code: 'WEAK_PASSPHRASE' });
    await expect(writeBackup({ ...base, dataKey: Buffer.alloc(32, 7) })).rejects.toMatchObject({ code: 'SOURCE_UNREADABLE' });
    expect(snapshot(clinic.t.dir)).toEqual(before);
    expect(readdirSync(work).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('a copy of a backup with its final name is still the backup (sanity of the variants above)', () => {
    copyFileSync(backup.file, join(work, 'copy.ccmbackup'));
    expect(readFileSync(join(work, 'copy.ccmbackup')).equals(original)).toBe(true);
  });
});
