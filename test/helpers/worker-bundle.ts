import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..', '..');

/**
 * A folder inside the project (as dist/electron is, so that a bundle finds node_modules the
 * same way) for bundles a test builds; node_modules/.cache does not exist on a fresh clone.
 */
export function bundleFolder(prefix: string): string {
  mkdirSync(join(root, 'node_modules', '.cache'), { recursive: true });
  return mkdtempSync(join(root, 'node_modules', '.cache', prefix));
}

/** Builds a core worker with scripts/build-electron.mjs's options for the core's bundles. */
export async function buildCoreWorker(entry: string, outfile: string): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    logLevel: 'warning',
    external: ['better-sqlite3-multiple-ciphers', '@node-rs/argon2'], // the native modules, as in scripts/build-electron.mjs
    define: { 'import.meta.url': '__bundle_url' },
    banner: { js: '"use strict";\nconst __bundle_url = require("node:url").pathToFileURL(__filename).href;' },
  });
}
