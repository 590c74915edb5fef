/**
 * `npm run seed -- --data DIR --cases N [--seed S] [--stage auto|none|DIR]`: a new encrypted
 * store filled with realistic, reproducible synthetic records through the core's own
 * channels (docs/PERFORMANCE.md). Progress goes to standard error, the summary to standard
 * output.
 *
 * Staging: the core commits every call with synchronous=FULL, so on a disk half of a
 * write's time is the fsync. The store is therefore written in a RAM folder (/dev/shm,
 * when there is one with room) and moved to DIR at the end: the same files, the same
 * encryption, the core untouched, only faster to make. `--stage none` writes in place.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statfsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seedStore } from './seed/seeder';

const { values } = parseArgs({ options: { data: { type: 'string' }, cases: { type: 'string' }, seed: { type: 'string' }, stage: { type: 'string', default: 'auto' } } });
const cases = Number(values.cases);
if (!values.data || !Number.isInteger(cases) || cases < 1) {
  console.error('usage: npm run seed -- --data DIR --cases N [--seed S] [--stage auto|none|DIR]');
  process.exit(2);
}
const target = resolve(values.data);
if (existsSync(join(target, 'clinic.db'))) {
  console.error(`${target} already holds a store; choose an empty folder`);
  process.exit(2);
}

/** About 20 KB per case on disk with its follow-up (activities, procedures, hearings and their audit entries); twice that, for the WAL and a margin. */
function stagingFolder(): string | null {
  if (values.stage === 'none') return null;
  const base = values.stage === 'auto' ? '/dev/shm' : resolve(values.stage);
  if (!existsSync(base)) return null;
  const free = statfsSync(base);
  if (free.bavail * free.bsize < cases * 40_000 + 200e6) return null;
  return mkdtempSync(join(base, 'clinic-seed-'));
}

const stage = stagingFolder();
const started = performance.now();
const meta = await seedStore({
  dataDir: stage ?? target,
  cases,
  seed: values.seed === undefined ? 1 : Number(values.seed),
  onProgress: (p) => {
    const rate = p.cases / (p.elapsedMs / 1000);
    const eta = rate > 0 ? Math.round((p.total - p.cases) / rate) : 0;
    const line = `seed: ${p.cases.toLocaleString('en')}/${p.total.toLocaleString('en')} cases (${Math.floor((100 * p.cases) / p.total)}%), simulated ${p.day}, ${Math.round(rate)} cases/s, ${p.calls.toLocaleString('en')} calls, eta ${eta} s`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}\u001b[K` : `${line}\n`);
  },
});
if (process.stderr.isTTY) process.stderr.write('\n');
if (stage) {
  // Closed and checkpointed: clinic.db, keyring.db and seed.json are the whole store.
  mkdirSync(target, { recursive: true, mode: 0o700 });
  for (const name of readdirSync(stage)) copyFileSync(join(stage, name), join(target, name));
  rmSync(stage, { recursive: true, force: true });
}
const total = Math.round((performance.now() - started) / 100) / 10;
console.log(`seeded ${target} in ${total} s${stage ? ` (written in ${stage}, then moved)` : ''}: ${JSON.stringify(meta.counts)}`);
console.log(`credentials of this synthetic store: ${join(target, 'seed.json')}`);
