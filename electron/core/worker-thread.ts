import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The core's worker threads (the PDF renderer, the store check) start the same way: from the
 * TypeScript sources in tests and the preview, where tsx (a devDependency, never in a
 * packaged app) compiles the worker in its thread; from a bundle beside the core's own
 * bundle otherwise (`<name>.cjs` beside core-host.cjs in the Electron build, `<name>.mjs`
 * beside the benchmark's bundle; scripts/build-electron.mjs and scripts/bench-runner.mjs).
 */

/** tsx's ESM API file, as its package.json declares it (require.resolve would give the CommonJS one). */
function tsxEsmApi(from: string): string {
  const manifest = createRequire(from).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return join(dirname(manifest), exports['./esm/api']!.import.default);
}

/** Where a bundled worker sits: beside the bundle that holds the caller, in the same format. */
export function bundledWorkerFile(bundleUrl: string, name: string): URL {
  return new URL(`./${name}${extname(fileURLToPath(bundleUrl))}`, bundleUrl);
}

/**
 * Starts a worker: `source` is the worker's TypeScript file relative to `callerUrl` (the
 * caller's import.meta.url), `bundleName` its bundle's name without extension.
 */
export function startWorkerThread(callerUrl: string, source: string, bundleName: string, options: WorkerOptions, sourceOptions: Partial<WorkerOptions> = {}): Worker {
  if (callerUrl.endsWith('.ts')) {
    const tsx = pathToFileURL(tsxEsmApi(callerUrl)).href;
    const entry = new URL(source, callerUrl).href;
    const boot = `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}))`;
    return new Worker(boot, { ...options, ...sourceOptions, eval: true });
  }
  return new Worker(bundledWorkerFile(callerUrl, bundleName), options);
}

/** Ends a worker. Ending may still bring an 'error' event; unheard, it would throw in the core's thread. */
export function endWorker(worker: Worker): Promise<number> {
  return worker.on('error', () => undefined).terminate();
}
