// Runs a TypeScript entry point (scripts/seed.ts, scripts/bench.ts) the way the product runs
// its core: bundled by esbuild and executed by plain Node. Under tsx every function is
// wrapped to keep its name (esbuild keepNames) and the loader itself holds ~70 MB, which
// would make the name matching look a third slower and the memory figure wrong; the
// production bundle (scripts/build-electron.mjs) has neither. Dependencies stay in
// node_modules (`packages: 'external'`), exactly as in the core-host bundle.
//
//   node scripts/bench-runner.mjs scripts/bench.ts --json
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { build, stop } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The core's V8 flags, as the desktop app starts it (electron/main.ts): measured without
// them, the memory figures would not be the product's. Node reads them only at start, so
// the runner starts itself again with them when they are missing.
const coreFlags = JSON.parse(readFileSync(path.join(root, 'electron', 'core-v8-flags.json'), 'utf8'));
if (!coreFlags.every((flag) => process.execArgv.includes(flag))) {
  const run = spawnSync(process.execPath, [...process.execArgv, ...coreFlags, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/bench-runner.mjs ENTRY.ts [args…]');
  process.exit(2);
}
const source = path.resolve(root, entry);
const outfile = path.join(root, 'node_modules', '.cache', 'clinic-bench', `${path.basename(source, '.ts')}.mjs`);
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
};
await build({ ...common, entryPoints: [source], outfile });
// The core renders each PDF in a worker thread bundled beside it (electron/core/documents/render-client.ts).
await build({ ...common, entryPoints: [path.join(root, 'electron/core/documents/render-worker.ts')], outfile: path.join(path.dirname(outfile), 'pdf-worker.mjs') });
// And the store's integrity check in another (electron/core/integrity/integrity-client.ts).
await build({ ...common, entryPoints: [path.join(root, 'electron/core/integrity/integrity-worker.ts')], outfile: path.join(path.dirname(outfile), 'integrity-worker.mjs') });
// And backups in a third (electron/core/backup/backup-client.ts).
await build({ ...common, entryPoints: [path.join(root, 'electron/core/backup/backup-worker.ts')], outfile: path.join(path.dirname(outfile), 'backup-worker.mjs') });
await stop(); // the esbuild service is a child process: gone before anything is measured
// The entry reads its own arguments, and spawns sibling entries through this runner.
process.env.CLINIC_BUNDLED_RUNNER = fileURLToPath(import.meta.url);
process.argv = [process.argv[0], outfile, ...args];
await import(pathToFileURL(outfile).href);
