/**
 * Backup files from the command line (docs/BACKUP.md), for an administrator or a developer
 * helping a clinic, without the application:
 *
 *   npm run backup -- inspect FILE [--json]        what the backup holds; needs no key
 *   npm run backup -- extract FILE OUTDIR [--passphrase]
 *
 * `extract` writes clinic.db and keyring.db into OUTDIR (which must not already hold them):
 * a data folder the application opens (staff sign in with the passwords they had), and whose
 * clinic.db SQLCipher 4 tools open with the data key (`npm run data-key -- --data OUTDIR`).
 * The recovery key (or, with --passphrase, the backup's passphrase) is read from the
 * environment (CLINIC_RECOVERY_KEY, CLINIC_BACKUP_PASSPHRASE) or standard input, never the
 * command line, so it lands neither in shell history nor in the process list.
 * Relative paths are taken from the folder npm was run in.
 */
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, inspectBackup, openBackup, type BackupHeader } from '../electron/core/backup';

const USAGE = 'usage: npm run backup -- inspect FILE [--json]\n       npm run backup -- extract FILE OUTDIR [--passphrase]';
const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, passphrase: { type: 'boolean' } } });
const [command, file, outDir] = positionals;
const here = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);

async function ask(envName: string, prompt: string): Promise<string> {
  const fromEnv = process.env[envName];
  if (fromEnv) return fromEnv;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  try {
    return await rl.question(prompt);
  } finally {
    rl.close();
  }
}

function describe(header: BackupHeader): string {
  const mib = (header.payload.bytes / 2 ** 20).toFixed(1);
  return [
    `created:      ${header.createdAt}`,
    `application:  ${header.app.name} ${header.app.version}`,
    `store schema: ${header.schema.store} (keyring ${header.schema.keyring})`,
    `records:      ${header.counts.beneficiaries} people, ${header.counts.cases} cases, ${header.counts.auditEntries} audit entries`,
    `payload:      ${mib} MiB (${header.payload.entries.map((e) => e.name).join(', ')})`,
    `opens with:   the recovery key of ${header.createdAt.slice(0, 10)}${header.keys.passphrase ? ', or its passphrase' : ''}`,
  ].join('\n');
}

try {
  if (command === 'inspect' && file && !outDir) {
    const header = await inspectBackup(here(file));
    console.log(values.json ? JSON.stringify(header, null, 2) : describe(header));
  } else if (command === 'extract' && file && outDir) {
    const secret = values.passphrase
      ? { passphrase: await ask('CLINIC_BACKUP_PASSPHRASE', 'Backup passphrase: ') }
      : { recoveryKey: await ask('CLINIC_RECOVERY_KEY', 'Recovery key: ') };
    const opened = await openBackup(here(file), secret, here(outDir));
    console.log(`${describe(opened.header)}\nwritten:      ${opened.store}\n              ${opened.keyring}`);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  if (!(error instanceof BackupError)) throw error;
  console.error(`${error.code}: ${error.message}`);
  process.exitCode = 1;
}
