/**
 * The child process of test/unit/backup/kill.test.ts:
 *
 * The test runs it bundled by esbuild (a plain Node start takes a tenth of tsx's); by hand:
 *
 *   node --import tsx test/faults/backup-child.ts backup <dataDir> <targetDir> <killAt>
 *   node --import tsx test/faults/backup-child.ts restore <dataDir> <backupFile> <killAt>
 *
 * It prints `START` when its work begins (the parent's random kill counts from there). `backup`
 * writes backups one after the other (each a second later by its clock) and prints
 * `DONE <file>` after each; `restore` restores once and prints `DONE`. The key comes from the
 * environment (CLINIC_TEST_DATA_KEY in hex, CLINIC_TEST_RECOVERY_KEY), never the command line.
 *
 * `killAt` names a progress phase (backup) or step (restore): when it is reached the process
 * sends itself SIGKILL, a real crash at that exact point (no finally block runs, nothing is
 * flushed). `never` leaves the killing to the parent, at a random moment.
 */
import { restoreBackup, writeBackup } from '../../electron/core/backup';

const [mode, dataDir, where, killAt] = process.argv.slice(2);
if ((mode !== 'backup' && mode !== 'restore') || !dataDir || !where || !killAt) {
  console.error('usage: backup-child.ts backup|restore <dataDir> <targetDir|file> <killAt|never>');
  process.exit(2);
}
const die = (point: string) => {
  if (point === killAt) process.kill(process.pid, 'SIGKILL');
};
/** The parent kills well before this; it only stops a child whose parent died. */
const deadline = Date.now() + 60_000;

try {
  process.stdout.write('START\n');
  if (mode === 'backup') {
    const dataKey = Buffer.from(process.env.CLINIC_TEST_DATA_KEY ?? '', 'hex');
    for (let i = 0; Date.now() < deadline; i++) {
      const written = await writeBackup({ dataDir, dataKey, targetDir: where, now: new Date(Date.UTC(2026, 10, 25, 10, 0, i)), onProgress: (p) => die(p.phase) });
      process.stdout.write(`DONE ${written.file}\n`);
    }
  } else {
    await restoreBackup(dataDir, where, { recoveryKey: process.env.CLINIC_TEST_RECOVERY_KEY ?? '' }, new Date('2026-11-26T08:00:00Z'), { onStep: die });
    process.stdout.write('DONE\n');
  }
  process.exit(0);
} catch (error) {
  console.error(`${mode} failed:`, error);
  process.exit(3);
}
