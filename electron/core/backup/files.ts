/**
 * File-system steps the backup and the restore share: durable writes (fsync of a file and of
 * its folder, so a rename survives a power cut), private work folders, and removing what a
 * killed run left behind.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDER_MODE } from '../../../db/file-mode';

/** fsync of a folder makes the names created or renamed in it durable. Windows cannot open a folder: skipped there. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Work folders carry the creating process's id: `<prefix><pid>-<random>`. A folder whose
 * process is gone was left by a crash and may be removed; a live one belongs to a run still
 * going (another window's backup) and is left alone.
 */
export function makeWorkDir(parent: string, prefix: string): string {
  const dir = join(parent, `${prefix}${process.pid}-${randomBytes(6).toString('hex')}`);
  mkdirSync(dir, { mode: FOLDER_MODE });
  return dir;
}

function pidAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Removes `<prefix><pid>-…` entries of `parent` whose process is gone. Never fails. */
export function removeStale(parent: string, prefix: string, suffix = ''): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith(suffix)) continue;
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1]);
    if (!Number.isInteger(pid) || pidAlive(pid)) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      // left for the next attempt
    }
  }
  return removed;
}

/** YYYYMMDD-HHMMSS in UTC. */
export function stampOf(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

/** `base`, or `base-2`, `base-3`… : the first name not taken in `dir` (nothing is ever overwritten). */
export function freeName(dir: string, base: string, extension = ''): string {
  let name = `${base}${extension}`;
  for (let i = 2; exists(join(dir, name)); i++) name = `${base}-${i}${extension}`;
  return name;
}
