/**
 * Entry point of the backup worker thread (see backup-client.ts): one backup per worker.
 * writeBackup's SQLite work (VACUUM INTO, integrity_check, reading the copy back) is
 * synchronous and takes minutes on a large store: here it blocks this thread, not the core's.
 *
 * The data key comes in an ArrayBuffer transferred to this thread (the core's thread keeps no
 * copy) and is zeroed here when the backup ends, whatever happened. Rotation runs after a
 * success, in this thread too: listing and deleting files on a slow USB drive is I/O the core
 * need not wait for.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { BackupError } from './errors';
import { backupsToDelete } from './rotation';
import type { BackupMessage, BackupRequest } from './worker-types';
import { writeBackup } from './write';

const port = parentPort;
if (!port) throw new Error('backup-worker runs as a worker thread only');

const request = workerData as BackupRequest;
const post = (message: BackupMessage) => port.postMessage(message);

async function run(): Promise<BackupMessage> {
  const now = new Date(request.now);
  let written;
  try {
    written = await writeBackup({
      dataDir: request.dataDir,
      dataKey: request.key,
      targetDir: request.targetDir,
      now,
      nativeBinding: request.nativeBinding,
      passphraseLock: request.passphraseLock,
      onProgress: (p) => post({ type: 'progress', ...p }),
    });
  } catch (error) {
    return { type: 'done', ok: false, code: error instanceof BackupError ? error.code : 'IO' };
  } finally {
    request.key.fill(0);
    request.passphraseLock?.kek.fill(0);
  }
  const deleted: string[] = [];
  const notDeleted: string[] = [];
  try {
    const fileName = basename(written.file);
    // The file just written is the newest: rotation never deletes it, even with a wrong clock.
    const names = readdirSync(request.targetDir).filter((n) => n !== fileName);
    for (const name of backupsToDelete([...names, fileName], request.keep, now)) {
      try {
        rmSync(join(request.targetDir, name));
        deleted.push(name);
      } catch {
        notDeleted.push(name);
      }
    }
  } catch {
    // The folder could not be listed: nothing is deleted this time; the backup itself is good.
  }
  return { type: 'done', ok: true, result: { fileName: basename(written.file), bytes: written.bytes, sha256: written.sha256, deleted, notDeleted } };
}

void run().then(post, () => post({ type: 'done', ok: false, code: 'IO' }));
