import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A tiny tmpfs to run out of space on, for the full-disk tests. Mounting needs root (CI runs
 * as root); elsewhere `mountSmallDisk` answers null with the reason, and the test is skipped
 * with that reason printed.
 */
export interface SmallDisk {
  readonly dir: string;
  /** Fills every free byte with a filler file. */
  fill(): void;
  /** Deletes the filler: the disk has room again. */
  free(): void;
  /** Remounts read-only (true) or read-write (false), as a write-protected drive would be. */
  readOnly(on: boolean): void;
  unmount(): void;
}

export function mountSmallDisk(sizeMiB: number): SmallDisk | { skipped: string } {
  if (process.platform !== 'linux') return { skipped: 'tmpfs mounts are Linux-only' };
  const dir = mkdtempSync(join(tmpdir(), 'clinic-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m,mode=0700`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { skipped: `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]}); run as root to include the full-disk tests` };
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        for (const size of [1 << 20, 64 << 10, 4 << 10, 512, 1]) {
          const chunk = Buffer.alloc(size, 0x5a);
          try {
            for (;;) writeSync(fd, chunk);
          } catch {
            // ENOSPC at this chunk size: go on with smaller ones until not one byte fits
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    readOnly(on) {
      execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir], { stdio: 'pipe' });
    },
    unmount() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
