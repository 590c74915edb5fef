/**
 * Making a backup file (docs/BACKUP.md):
 *
 * 1. consistent snapshots of clinic.db (still encrypted under the data key) and keyring.db,
 *    by VACUUM INTO, into a private work folder inside the data folder: the same disk as the
 *    clinic, never the system's temporary folder, removed at the end whatever happens;
 * 2. the file, under a temporary `.partial` name in the target folder: header, then the
 *    payload sealed chunk by chunk under a fresh backup key; fsync;
 * 3. read back from the disk and checked: every chunk authenticates, the decrypted files
 *    are byte for byte the snapshots, the store opens with the data key, passes
 *    `integrity_check`, holds as many rows per table as the snapshot, and its audit chain
 *    verifies;
 * 4. only then renamed to its final name, and the folder fsynced.
 *
 * So a file with the final name is always one that verified. A failure removes the partial
 * file and the work folder and throws a BackupError; a killed process leaves them, and the
 * next backup removes them (their process id is in their name).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_MODE } from '../../../db/file-mode';
import packageJson from '../../../package.json';
import { ChunkSealer, writeAll } from './chunks';
import { entryFrame, payloadBytes } from './container';
import { BackupError, backupErrorOf } from './errors';
import { exists, freeName, fsyncDir, makeWorkDir, removeStale } from './files';
import { BACKUP_EXTENSION, backupFileName, CHUNK_BYTES, encodeHead, FORMAT_VERSION, type BackupHeader, type EntryName } from './format';
import { checkPassphrase, newBackupKey, sealKeys, type PassphraseLock } from './keys';
import { openBackupWithKey } from './open';
import { checkStoreCopy, keyringFacts, snapshotKeyring, snapshotStore, storeFacts } from './snapshot';

export type BackupPhase = 'snapshot' | 'write' | 'verify' | 'check' | 'rename' | 'done';

export interface BackupProgress {
  phase: BackupPhase;
  /** Bytes of payload handled in this phase so far, and in all (0 and 0 for the short phases). */
  done: number;
  total: number;
}

export interface WriteBackupOptions {
  dataDir: string;
  /** The open store's data key (vault.requireDataKey()); it is not kept or zeroed here. */
  dataKey: Uint8Array;
  /** Also lets the backup open with this passphrase (password rule applies). */
  passphrase?: string | undefined;
  /** Or with the passphrase whose KEK this is (keys.ts: what the application keeps). */
  passphraseLock?: PassphraseLock | undefined;
  /** Where the file goes (a USB drive, say). Must exist. */
  targetDir: string;
  now: Date;
  onProgress?: (progress: BackupProgress) => void;
  nativeBinding?: string | undefined;
}

export interface WrittenBackup {
  file: string;
  bytes: number;
  /** SHA-256 of the whole file, as written and read back. */
  sha256: string;
  header: BackupHeader;
}

/** Names in the target folder: `clinic-backup-<pid>-<random>.ccmbackup.partial` while being written. */
const PARTIAL_PREFIX = 'clinic-backup-';
const PARTIAL_SUFFIX = `${BACKUP_EXTENSION}.partial`;
/** The work folder in the data folder. */
export const BACKUP_WORK_PREFIX = '.backup-work-';

export async function writeBackup(options: WriteBackupOptions): Promise<WrittenBackup> {
  const { dataDir, dataKey, targetDir, now, nativeBinding } = options;
  const progress = options.onProgress ?? (() => {});
  if (options.passphrase !== undefined) checkPassphrase(options.passphrase);
  try {
    if (!statSync(targetDir).isDirectory()) throw new BackupError('TARGET_MISSING', 'the backup target is not a folder');
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError('TARGET_MISSING', 'the backup target folder does not exist', { cause: error });
  }
  removeStale(targetDir, PARTIAL_PREFIX, PARTIAL_SUFFIX);
  removeStale(dataDir, BACKUP_WORK_PREFIX);

  let work: string | null = null;
  let partial: string | null = null;
  try {
    work = makeWorkDir(dataDir, BACKUP_WORK_PREFIX);
    const snapshot = { store: join(work, 'clinic.db'), keyring: join(work, 'keyring.db') };
    progress({ phase: 'snapshot', done: 0, total: 0 });
    try {
      snapshotStore(join(dataDir, 'clinic.db'), dataKey, snapshot.store, nativeBinding);
      snapshotKeyring(join(dataDir, 'keyring.db'), snapshot.keyring, nativeBinding);
    } catch (error) {
      throw backupErrorOf(error, 'snapshot in the data folder');
    }
    const facts = storeFacts(snapshot.store, dataKey, nativeBinding);
    const keyring = keyringFacts(snapshot.keyring, nativeBinding);
    if (!keyring.recoverySlot) throw new BackupError('SOURCE_UNREADABLE', 'the keyring has no recovery slot');

    const entries: { name: EntryName; bytes: number; path: string }[] = [
      { name: 'clinic.db', bytes: statSync(snapshot.store).size, path: snapshot.store },
      { name: 'keyring.db', bytes: statSync(snapshot.keyring).size, path: snapshot.keyring },
    ];
    const backupId = randomUUID();
    const backupKey = newBackupKey();
    const header: BackupHeader = {
      format: FORMAT_VERSION,
      backupId,
      createdAt: now.toISOString(),
      app: { name: packageJson.name, version: packageJson.version },
      schema: { store: facts.schema, keyring: keyring.schema },
      counts: facts.counts,
      payload: { bytes: payloadBytes(entries), chunkBytes: CHUNK_BYTES, entries: entries.map(({ name, bytes }) => ({ name, bytes })) },
      keys: await sealKeys({ backupId, backupKey, dataKey, recoverySlot: keyring.recoverySlot, passphrase: options.passphrase, passphraseLock: options.passphraseLock }),
    };

    partial = join(targetDir, `${PARTIAL_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`);
    let written: { digests: Record<EntryName, string>; sha256: string; bytes: number };
    try {
      written = await writeFile(partial, header, backupKey, entries, (done) => progress({ phase: 'write', done, total: header.payload.bytes }));
    } catch (error) {
      throw backupErrorOf(error, 'backup target');
    } finally {
      backupKey.fill(0);
    }
    // The snapshot is no longer needed: its digest is known. Freeing it before the read-back
    // keeps the data folder's disk at one extra copy of the store, not two.
    rmSync(snapshot.store, { force: true });

    await verify(partial, dataKey, work, written.digests, facts, nativeBinding, progress);

    progress({ phase: 'rename', done: 0, total: 0 });
    const file = join(targetDir, freeName(targetDir, backupFileName(now).slice(0, -BACKUP_EXTENSION.length), BACKUP_EXTENSION));
    try {
      renameSync(partial, file);
      partial = null;
      fsyncDir(targetDir);
    } catch (error) {
      throw backupErrorOf(error, 'backup target');
    }
    progress({ phase: 'done', done: 0, total: 0 });
    return { file, bytes: written.bytes, sha256: written.sha256, header };
  } finally {
    if (partial) rmSync(partial, { force: true });
    if (work) rmSync(work, { recursive: true, force: true });
  }
}

async function writeFile(
  path: string,
  header: BackupHeader,
  backupKey: Buffer,
  entries: readonly { name: EntryName; bytes: number; path: string }[],
  onBytes: (done: number) => void,
): Promise<{ digests: Record<EntryName, string>; sha256: string; bytes: number }> {
  const { head, headerHash } = encodeHead(header);
  const fileHash = createHash('sha256').update(head);
  const out = await open(path, 'wx', FILE_MODE);
  const digests = {} as Record<EntryName, string>;
  let bytes = 0;
  try {
    await writeAll(out, head, 0);
    let position = head.length;
    // Every byte goes through the file's hash as it is written, in order.
    const append = async (sealed: Buffer) => {
      fileHash.update(sealed);
      await writeAll(out, sealed, position);
      position += sealed.length;
    };
    const sealer = new ChunkSealer(append, backupKey, headerHash, header.payload.bytes, onBytes);
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (const entry of entries) {
      await sealer.write(entryFrame(entry.name, entry.bytes));
      const digest = createHash('sha256');
      const source = await open(entry.path, 'r');
      try {
        let read = 0;
        while (read < entry.bytes) {
          const { bytesRead } = await source.read(buffer, 0, Math.min(CHUNK_BYTES, entry.bytes - read), read);
          if (bytesRead === 0) throw new Error('snapshot changed while being read');
          const piece = buffer.subarray(0, bytesRead);
          digest.update(piece);
          await sealer.write(piece);
          read += bytesRead;
        }
      } finally {
        await source.close();
      }
      digests[entry.name] = digest.digest('hex');
    }
    await sealer.finish();
    buffer.fill(0);
    await out.sync();
    bytes = (await out.stat()).size;
  } finally {
    await out.close();
  }
  return { digests, sha256: fileHash.digest('hex'), bytes };
}

/** Reads the partial file back from the disk and checks it holds exactly the snapshot, and a good one. */
async function verify(
  partial: string,
  dataKey: Uint8Array,
  work: string,
  digests: Record<EntryName, string>,
  facts: ReturnType<typeof storeFacts>,
  nativeBinding: string | undefined,
  progress: (p: BackupProgress) => void,
): Promise<void> {
  const dir = join(work, 'verify');
  let opened: Awaited<ReturnType<typeof openBackupWithKey>>;
  try {
    opened = await openBackupWithKey(partial, { dataKey }, dir, (done, total) => progress({ phase: 'verify', done, total }));
  } catch (error) {
    if (error instanceof BackupError && (error.code === 'DISK_FULL' || error.code === 'IO')) throw error;
    throw new BackupError('VERIFY_FAILED', `the backup did not read back: ${(error as Error).message}`, { cause: error });
  }
  opened.dataKey.fill(0);
  try {
    for (const name of Object.keys(digests) as EntryName[]) {
      if (opened.opened.digests[name] !== digests[name]) throw new BackupError('VERIFY_FAILED', `${name} read back differs from its snapshot`);
    }
    progress({ phase: 'check', done: 0, total: 0 });
    const problems = checkStoreCopy(opened.opened.store, dataKey, facts, nativeBinding);
    if (problems.length > 0) throw new BackupError('VERIFY_FAILED', `the store in the backup does not check: ${problems.slice(0, 3).join('; ')}`);
    if (!keyringFacts(opened.opened.keyring, nativeBinding).recoverySlot) throw new BackupError('VERIFY_FAILED', 'the keyring in the backup has no recovery slot');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (exists(dir)) throw new BackupError('IO', 'the verification folder could not be removed');
}
