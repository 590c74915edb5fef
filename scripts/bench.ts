/**
 * `npm run bench [-- --json] [--quick] [--explain] [--cases N] [--seed S] [--data DIR]`: the cost of every
 * everyday action at clinic scale (docs/PERFORMANCE.md). Uses the seeded store in DIR
 * (default: ~/.cache/clinic-bench/cases-N-seed-S, or $CLINIC_BENCH_DIR), creating it with
 * the generator in a child process the first time, so seeding never counts in this
 * process's memory. With --json, standard output is one JSON object; progress goes to
 * standard error either way. --explain prints the query plan of every statement instead.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { explainBench, runBench, runRatios } from './bench/run';
import { toText } from './bench/report';
import { readSeedMeta, SEED_FORMAT } from './seed/seeder';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    cases: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    data: { type: 'string' },
    explain: { type: 'boolean', default: false },
    'ratios-only': { type: 'boolean', default: false },
  },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run bench [-- --json] [--quick] [--explain] [--cases N] [--seed S] [--data DIR]');
  process.exit(2);
}
const defaultDir = join(process.env.CLINIC_BENCH_DIR ?? join(homedir(), '.cache', 'clinic-bench'), `cases-${cases}-seed-${seed}`);
const dataDir = values.data ? resolve(values.data) : defaultDir;

if (values['ratios-only']) {
  // The child process of a run: the two ratios, as JSON on standard output.
  console.log(JSON.stringify(await runRatios(dataDir, values.quick)));
  process.exit(0);
}

const meta = readSeedMeta(dataDir);
const usable = meta && meta.format === SEED_FORMAT && meta.cases === cases && meta.seed === seed && existsSync(join(dataDir, 'clinic.db'));
if (!usable) {
  if (existsSync(join(dataDir, 'clinic.db'))) {
    // Our own cache folder is ours to rebuild; a folder someone named is not.
    if (dataDir !== defaultDir) {
      console.error(`${dataDir} holds a store this benchmark did not seed with --cases ${cases} --seed ${seed} (format ${SEED_FORMAT}); choose another folder`);
      process.exit(2);
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.error(`bench: seeding ${cases.toLocaleString('en')} cases into ${dataDir} (once; later runs reuse it)…`);
  // The same way this process runs (bundled runner, or tsx); the child's output goes to standard error.
  const runner = process.env.CLINIC_BUNDLED_RUNNER;
  const entry = runner ? [runner, join(dirname(runner), 'seed.ts')] : [...process.execArgv, join(dirname(fileURLToPath(import.meta.url)), 'seed.ts')];
  const child = spawnSync(process.execPath, [...entry, '--data', dataDir, '--cases', String(cases), '--seed', String(seed)], { stdio: ['ignore', 2, 2] });
  if (child.status !== 0) process.exit(child.status ?? 1);
}

if (values.explain) {
  console.log(await explainBench(dataDir));
  process.exit(0);
}
// This very program again (bundled runner or tsx), for the ratio phase.
const self = process.env.CLINIC_BUNDLED_RUNNER
  ? [process.env.CLINIC_BUNDLED_RUNNER, join(dirname(process.env.CLINIC_BUNDLED_RUNNER), 'bench.ts')]
  : [...process.execArgv, fileURLToPath(import.meta.url)];
const report = await runBench({
  dataDir,
  quick: values.quick,
  log: (line) => console.error(`bench: ${line}`),
  ratiosInChild: { command: process.execPath, args: [...self, '--ratios-only', '--data', dataDir, ...(values.quick ? ['--quick'] : [])] },
});
console.log(values.json ? JSON.stringify(report) : toText(report));
