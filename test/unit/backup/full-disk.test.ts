import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBackup } from '../../../electron/core/backup';
import { makeClinic, type Clinic } from '../../helpers/backup-fixtures';
import { snapshot } from '../../helpers/folder-snapshot';
import { mountSmallDisk, type SmallDisk } from '../../helpers/small-disk';

/**
 * A backup written to a drive that fills up answers DISK_FULL and leaves no partial file:
 * at the first byte (a full drive) and half-way through (a drive with a little room).
 */
const mounted = mountSmallDisk(2);
const disk: SmallDisk | null = 'skipped' in mounted ? null : mounted;
if (!disk) console.warn(`[backup full-disk tests skipped] ${(mounted as { skipped: string }).skipped}`);

let clinic: Clinic;
beforeAll(async () => {
  if (disk) clinic = await makeClinic();
});
afterAll(async () => {
  await clinic?.t.cleanup();
  disk?.unmount();
});

/** Leaves `room` bytes free on the small disk. */
function leaveRoom(dir: string, room: number): () => void {
  const filler = join(dir, 'filler');
  const stat = statfsSync(dir);
  const fill = stat.bavail * stat.bsize - room;
  const fd = openSync(filler, 'w');
  try {
    const block = Buffer.alloc(64 * 1024, 0x5a);
    for (let done = 0; done < fill; done += block.length) writeSync(fd, block, 0, Math.min(block.length, fill - done));
  } finally {
    closeSync(fd);
  }
  return () => rmSync(filler, { force: true });
}

describe.skipIf(!disk)('a backup to a full drive', () => {
  it('answers DISK_FULL with no room at all, or room for part of the file, and leaves nothing; with room it works', async () => {
    const target = join(disk!.dir, 'backups');
    mkdirSync(target);
    const run = () => writeBackup({ dataDir: clinic.t.dir, dataKey: clinic.dataKey, targetDir: target, now: new Date('2026-11-25T10:00:00Z') });
    const dataFolder = snapshot(clinic.t.dir).filter((line) => !line.startsWith('clinic.db'));

    disk!.fill();
    await expect(run()).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(readdirSync(target)).toEqual([]);
    disk!.free();

    const free = leaveRoom(disk!.dir, 100 * 1024); // the store alone is about 400 KB
    await expect(run()).rejects.toMatchObject({ code: 'DISK_FULL' });
    expect(readdirSync(target)).toEqual([]);
    free();

    // No work folder or copy left in the data folder either (the live store's own files may change).
    expect(snapshot(clinic.t.dir).filter((line) => !line.startsWith('clinic.db'))).toEqual(dataFolder);

    const written = await run();
    expect(readdirSync(target)).toEqual(['clinic-backup-20261125-100000.ccmbackup']);
    expect(written.bytes).toBeGreaterThan(100 * 1024);
  });
});
