/**
 * Reading a backup: its header without any key (inspectBackup), and its payload with the
 * recovery key or the passphrase (openBackup). Output is written into a hidden folder inside
 * the destination and moved into place only once every chunk has authenticated and the
 * container ended exactly where the header said: a failure leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_MODE, FOLDER_MODE } from '../../../db/file-mode';
import { latestVersion } from '../../../db/migrate';
import { keyringMigrations } from '../../../db/migrations/keyring';
import { storeMigrations } from '../../../db/migrations/store';
import { openChunks, writeAll } from './chunks';
import { PlainReader } from './container';
import { BackupError, backupErrorOf } from './errors';
import { fsyncDir, exists, makeWorkDir } from './files';
import { fileBytes, HEADER_HASH_BYTES, parseHead, PREAMBLE_BYTES, readPreamble, type BackupHeader, type EntryName } from './format';
import { unlockKeys, type BackupSecret } from './keys';

export interface OpenedBackup {
  header: BackupHeader;
  /** The folder the files were written into, and their paths. */
  dir: string;
  store: string;
  keyring: string;
  /** SHA-256 of each file written, as decrypted. */
  digests: Record<EntryName, string>;
}

interface Head {
  header: BackupHeader;
  headerHash: Buffer;
  dataOffset: number;
}

async function readExact(file: FileHandle, bytes: number, position: number): Promise<Buffer> {
  const out = Buffer.alloc(bytes);
  let got = 0;
  while (got < bytes) {
    const { bytesRead } = await file.read(out, got, bytes - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got === bytes ? out : out.subarray(0, got);
}

async function readHead(file: FileHandle): Promise<Head> {
  const preamble = await readExact(file, PREAMBLE_BYTES, 0);
  const { headerBytes } = readPreamble(preamble);
  const json = await readExact(file, headerBytes, PREAMBLE_BYTES);
  const hash = await readExact(file, HEADER_HASH_BYTES, PREAMBLE_BYTES + headerBytes);
  if (json.length !== headerBytes || hash.length !== HEADER_HASH_BYTES) throw new BackupError('DAMAGED', 'the backup file is cut short (in its header)');
  const { header, headerHash } = parseHead(preamble, json, hash);
  // A store from a newer application would be refused by openStore anyway; saying so before
  // any key is asked for spares a person typing the recovery key for nothing.
  const store = latestVersion(storeMigrations);
  const keyring = latestVersion(keyringMigrations);
  if (header.schema.store > store || header.schema.keyring > keyring) {
    throw new BackupError('NEWER_FORMAT', `the backup's store (version ${header.schema.store}) is newer than this application (${store})`);
  }
  const size = (await file.stat()).size;
  const expected = fileBytes(headerBytes, header.payload.bytes);
  if (size < expected) throw new BackupError('DAMAGED', 'the backup file is cut short');
  if (size > expected) throw new BackupError('DAMAGED', 'the backup file has bytes after its end');
  return { header, headerHash, dataOffset: PREAMBLE_BYTES + headerBytes + HEADER_HASH_BYTES };
}

async function openFile(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new BackupError('FILE_MISSING', 'there is no backup file at this path', { cause: error });
    throw new BackupError('IO', `the backup file cannot be read (${(error as { code?: string }).code ?? 'error'})`, { cause: error });
  }
}

/** The header: what, when, which version, how many records. Needs no key; the header holds no secret. */
export async function inspectBackup(path: string): Promise<BackupHeader> {
  const file = await openFile(path);
  try {
    return (await readHead(file)).header;
  } finally {
    await file.close();
  }
}

/**
 * Decrypts and authenticates the payload into `workDir` (created if missing; it must not
 * already hold clinic.db or keyring.db). Errors: WRONG_KEY, DAMAGED, NEWER_FORMAT,
 * TARGET_NOT_EMPTY, DISK_FULL, IO.
 */
export async function openBackup(path: string, secret: BackupSecret, workDir: string): Promise<OpenedBackup> {
  const { opened, dataKey } = await openBackupWithKey(path, secret, workDir);
  dataKey.fill(0);
  return opened;
}

/** openBackup, also handing back the data key (the restore verifies the store with it). */
export async function openBackupWithKey(path: string, secret: BackupSecret, workDir: string, onBytes?: (done: number, total: number) => void): Promise<{ opened: OpenedBackup; dataKey: Buffer }> {
  const file = await openFile(path);
  let temp: string | null = null;
  let dataKey: Buffer | null = null;
  try {
    const head = await readHead(file);
    const { header } = head;
    const keys = await unlockKeys(header, secret);
    dataKey = keys.dataKey;
    try {
      mkdirSync(workDir, { recursive: true, mode: FOLDER_MODE });
      for (const entry of header.payload.entries) {
        if (exists(join(workDir, entry.name))) throw new BackupError('TARGET_NOT_EMPTY', `${entry.name} already exists in the output folder`);
      }
      temp = makeWorkDir(workDir, '.opening-');
    } catch (error) {
      throw backupErrorOf(error, 'output folder');
    }
    const reader = new PlainReader(openChunks(file, keys.backupKey, head.headerHash, header.payload.bytes, head.dataOffset));
    const digests = {} as Record<EntryName, string>;
    let done = 0;
    for (const expected of header.payload.entries) {
      const entry = await reader.entryHead();
      if (entry.name !== expected.name || entry.bytes !== expected.bytes) throw new BackupError('DAMAGED', 'the backup payload does not match its header');
      const hash = createHash('sha256');
      let out: FileHandle;
      try {
        out = await open(join(temp, entry.name), 'wx', FILE_MODE);
      } catch (error) {
        throw backupErrorOf(error, 'output folder');
      }
      try {
        let position = 0;
        await reader.pipe(entry.bytes, async (piece) => {
          hash.update(piece);
          try {
            await writeAll(out, piece, position);
          } catch (error) {
            throw backupErrorOf(error, 'output folder');
          }
          position += piece.length;
          done += piece.length;
          onBytes?.(done, header.payload.bytes);
        });
        await out.sync();
      } finally {
        await out.close();
      }
      digests[entry.name] = hash.digest('hex');
    }
    if (!(await reader.atEnd())) throw new BackupError('DAMAGED', 'the backup payload holds more than its header says');
    keys.backupKey.fill(0);
    try {
      for (const entry of header.payload.entries) renameSync(join(temp, entry.name), join(workDir, entry.name));
      fsyncDir(workDir);
    } catch (error) {
      for (const entry of header.payload.entries) rmSync(join(workDir, entry.name), { force: true });
      throw backupErrorOf(error, 'output folder');
    }
    return {
      opened: { header, dir: workDir, store: join(workDir, 'clinic.db'), keyring: join(workDir, 'keyring.db'), digests },
      dataKey,
    };
  } catch (error) {
    dataKey?.fill(0);
    throw error;
  } finally {
    await file.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
