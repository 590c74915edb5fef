import { chmodSync, closeSync, lstatSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Owner-only permissions for the data folder and its files. On a shared clinic computer
 * another OS account must not even be able to copy the keyring (it would let them guess
 * passwords offline) or the store. SQLite creates `-wal`, `-shm` and `-journal` files with
 * the mode of the database file they belong to, so a 0600 database keeps them 0600 too.
 * Windows has no such modes (chmod only toggles read-only); there the per-user application
 * data folder's ACL is what keeps other accounts out.
 */
const POSIX = process.platform !== 'win32';
export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Creates the folder owner-only, or narrows an existing one (e.g. from CLINIC_DATA_DIR). */
export function securePrivateFolder(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
  if (POSIX && (lstatSync(dir).mode & 0o777) !== FOLDER_MODE) narrow(dir, FOLDER_MODE);
}

/** Narrows the given files of `dir` that exist to 0600. */
export function securePrivateFiles(dir: string, names: readonly string[]): void {
  if (!POSIX) return;
  for (const name of names) {
    const path = join(dir, name);
    let mode: number;
    try {
      const stat = lstatSync(path);
      if (!stat.isFile()) continue;
      mode = stat.mode & 0o777;
    } catch {
      continue; // absent: nothing to narrow
    }
    if (mode !== FILE_MODE) narrow(path, FILE_MODE);
  }
}

/**
 * Best effort: on a read-only medium (a write-protected USB drive) the files cannot be
 * narrowed, and that must not stop the application from explaining the situation.
 */
function narrow(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    console.error(`[data folder] cannot restrict ${path} to ${mode.toString(8)}:`, (error as Error).message);
  }
}

/** Creates an empty file with mode 0600 before SQLite opens it; refuses to reuse one. */
export function createPrivateFile(path: string): void {
  closeSync(openSync(path, 'wx', FILE_MODE));
}
