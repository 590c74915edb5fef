/**
 * Disaster recovery: `npm run data-key -- --data DIR` reads the recovery key on standard input
 * and prints the store's raw 256-bit data key in hex, for opening clinic.db with standard
 * SQLCipher 4 tools (docs/SECURITY.md). The recovery key is read from stdin, never from the
 * command line, so it does not land in shell history or the process list.
 */
import { createInterface } from 'node:readline/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Vault } from '../electron/core/vault';

const { values } = parseArgs({ options: { data: { type: 'string' } } });
if (!values.data) {
  console.error('usage: npm run data-key -- --data DIR   (then type the recovery key)');
  process.exit(2);
}
const rl = createInterface({ input: process.stdin, output: process.stderr });
const recoveryKey = await rl.question('Recovery key: ');
rl.close();
const vault = Vault.open(resolve(values.data));
try {
  const key = vault.unwrapWithRecoveryKey(recoveryKey);
  if (!key) {
    console.error('This recovery key does not open this data folder.');
    process.exitCode = 1;
  } else {
    console.log(key.toString('hex'));
    key.fill(0);
  }
} finally {
  await vault.close();
}
