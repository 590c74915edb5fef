/**
 * Issue #9: what the store's integrity check costs at clinic scale, each step apart, as the
 * core runs it (electron/core/integrity/): in a worker thread of its own, with its own
 * read-only connection and a 2 MiB page cache. Timed from the call to the answer (the
 * worker's start included); the memory figure is how much the process's RSS rose above
 * what it held just before, sampled every 5 ms on this (idle) thread while the check runs.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledIntegrityWorkerUrl, runIntegrityCheck, type IntegrityResult, type IntegrityStepName } from '../../electron/core/integrity/integrity-client';
import { summarize, type Figure } from './stats';

const MB = 2 ** 20;

/**
 * Run from the benchmark's bundle, the client looks for integrity-worker.mjs beside it, which
 * scripts/bench-runner.mjs builds. Should it be missing (an older runner), build it here with
 * the runner's options (esbuild's service is stopped before measuring).
 */
async function ensureWorkerBundle(): Promise<void> {
  if (import.meta.url.endsWith('.ts')) return; // from the sources: the client runs the worker through tsx
  const outfile = fileURLToPath(bundledIntegrityWorkerUrl(import.meta.url));
  if (existsSync(outfile)) return;
  // The runner sits in scripts/; its bundles in node_modules/.cache/clinic-bench/.
  const runner = process.env.CLINIC_BUNDLED_RUNNER;
  const root = runner ? join(dirname(runner), '..') : fileURLToPath(new URL('../../../', import.meta.url));
  const { build, stop } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/core/integrity/integrity-worker.ts'],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  await stop();
}

interface Run {
  wallMs: number;
  result: IntegrityResult;
  rssRiseMB: number;
}

async function once(storeFile: string, dataKey: Uint8Array, step: IntegrityStepName): Promise<Run> {
  const base = process.memoryUsage.rss();
  let top = base;
  const sampler = setInterval(() => (top = Math.max(top, process.memoryUsage.rss())), 5);
  const t0 = performance.now();
  try {
    const result = await runIntegrityCheck(storeFile, dataKey, step === 'quick_check' ? 'quick' : 'full', { steps: [step] });
    const wallMs = performance.now() - t0;
    top = Math.max(top, process.memoryUsage.rss());
    return { wallMs, result, rssRiseMB: (top - base) / MB };
  } finally {
    clearInterval(sampler);
  }
}

const STEPS: { step: IntegrityStepName; id: string; label: string }[] = [
  { step: 'quick_check', id: 'integrity.quick', label: 'integrity check (background): quick (PRAGMA quick_check)' },
  { step: 'integrity_check', id: 'integrity.full', label: 'integrity check (background): full (PRAGMA integrity_check)' },
  { step: 'page_hmac', id: 'integrity.cipher', label: 'integrity check (background): cipher (every page\'s HMAC)' },
];

/** The three steps, `reps` times each, in turn; then the largest RSS rise seen. */
export async function measureIntegrity(storeFile: string, dataKey: Uint8Array, reps: number, log: (line: string) => void = () => undefined): Promise<Figure[]> {
  await ensureWorkerBundle();
  const runs = new Map<IntegrityStepName, Run[]>(STEPS.map(({ step }) => [step, []]));
  for (let i = 0; i < reps; i++) {
    for (const { step } of STEPS) {
      const run = await once(storeFile, dataKey, step);
      if (!run.result.ok) throw new Error(`the integrity check (${step}) found problems in the benchmark store: ${run.result.problems.join('; ')}`);
      runs.get(step)!.push(run);
      log(`integrity ${step}: ${Math.round(run.wallMs)} ms, RSS +${run.rssRiseMB.toFixed(1)} MB`);
    }
  }
  const figures = STEPS.map(({ step, id, label }) => {
    const r = runs.get(step)!;
    const rise = Math.max(...r.map((x) => x.rssRiseMB));
    const inWorker = Math.min(...r.map((x) => x.result.durationMs));
    return summarize(id, label, r.map((x) => x.wallMs), {
      note: `${r[0]!.result.pagesChecked.toLocaleString('en')} pages, RSS +${rise.toFixed(0)} MB, fastest ${Math.round(inWorker)} ms in the worker`,
    });
  });
  const rise = Math.max(...[...runs.values()].flat().map((x) => x.rssRiseMB));
  figures.push({ id: 'integrity.rss', label: 'integrity check (background): RSS increase, largest', n: reps * STEPS.length, p50: rise, p95: rise, unit: 'MB', note: 'worker thread + its 2 MiB page cache, above the process before the check' });
  return figures;
}
