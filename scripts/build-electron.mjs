// Bundles the Electron side into dist/electron/ with esbuild:
//   main.cjs       the main process       (electron stays external)
//   preload.cjs    the sandboxed preload  (one file: a sandboxed preload cannot require our modules)
//   core-host.cjs  the core, for the utility process (the native SQLite module stays in node_modules)
//   pdf-worker.cjs the PDF worker thread the core starts for each document (render-client.ts
//                  finds it beside core-host.cjs)
//   integrity-worker.cjs the store-check worker thread (integrity/integrity-client.ts, beside core-host.cjs)
//   backup-worker.cjs the backup worker thread (backup/backup-client.ts, beside core-host.cjs)
// `--dev` adds inline source maps (npm start); production builds have none.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` builds elsewhere (the bundle test), leaving dist/electron to `npm start`.
const outArg = process.argv.indexOf('--outdir');
const outDir = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist', 'electron');
const dev = process.argv.includes('--dev');

/** The core must stay plain Node (it also runs in tests and in the preview): fail the build if it imports electron. */
const refuseElectron = {
  name: 'refuse-electron',
  setup(b) {
    b.onResolve({ filter: /^electron(\/.*)?$/ }, (args) => ({
      errors: [{ text: `the core must not import "${args.path}" (imported from ${args.importer})` }],
    }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  sourcemap: dev ? 'inline' : false,
  logLevel: 'warning',
  // Electron 39 ships Node 22 and Chromium 142.
  target: 'node22',
  platform: 'node',
};

const bundles = [
  { entryPoints: ['electron/main.ts'], outfile: path.join(outDir, 'main.cjs'), external: ['electron'] },
  {
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    external: ['electron'],
    // Browser platform on purpose: a Node built-in imported by mistake fails the build here
    // instead of failing at run time in the sandbox.
    platform: 'browser',
    target: 'chrome142',
  },
  ...[
    ['electron/core-host.ts', 'core-host.cjs'],
    ['electron/core/documents/render-worker.ts', 'pdf-worker.cjs'],
    ['electron/core/integrity/integrity-worker.ts', 'integrity-worker.cjs'],
    ['electron/core/backup/backup-worker.ts', 'backup-worker.cjs'],
  ].map(([entry, file]) => ({
    entryPoints: [entry],
    outfile: path.join(outDir, file),
    // Native modules load their .node file from node_modules at run time (unpacked from the asar).
    external: ['better-sqlite3-multiple-ciphers', '@node-rs/argon2'],
    plugins: [refuseElectron],
    // Core modules locate packages and files with createRequire(import.meta.url). CommonJS has
    // no import.meta, so give them this bundle's own URL: resolution then starts from
    // dist/electron/ and finds node_modules (inside the asar when packaged).
    define: { 'import.meta.url': '__bundle_url' },
    banner: { js: '"use strict";\nconst __bundle_url = require("node:url").pathToFileURL(__filename).href;' },
  })),
];

rmSync(outDir, { recursive: true, force: true });
const results = await Promise.allSettled(bundles.map((options) => build({ ...common, ...options })));
let failed = false;
results.forEach((result, index) => {
  const { outfile } = bundles[index];
  if (result.status === 'fulfilled') {
    console.log(`built ${outfile}`);
  } else {
    failed = true;
    console.error(`FAILED ${outfile}: ${result.reason?.message ?? result.reason}`);
  }
});
if (failed) process.exit(1);
