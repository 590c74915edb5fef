/**
 * Checks the store's integrity off the core's thread (issue #9). Each check runs in a
 * worker thread of its own, with its own read-only connection and a 2 MiB page cache, and
 * ends with it: nothing is kept between checks (they are rare: at unlock, on a schedule, on
 * demand), so all of its memory goes back when it is done. Checks run one at a time; a
 * second one waits for the first.
 *
 * - Damage is a result (`ok: false` and its problem lines), never an exception. The promise
 *   rejects only when no answer could be had: `IntegrityCheckCancelled` (the store was closed,
 *   or the caller's signal fired) or `IntegrityCheckFailed` (the worker failed, or timed out).
 * - `cancelIntegrityChecks()` ends every check, running or waiting: call it when the store
 *   closes (lock, sign-out, quit). The worker is terminated at once; if it is inside one
 *   long SQLite call, the thread (and its connection) ends when that call returns.
 * - The key: copied at the call into a buffer of its own, whose ArrayBuffer is transferred to
 *   the worker (no copy stays in the core's thread; the caller may zero its own at once);
 *   the worker zeroes it once SQLite is keyed, and never makes a string of it.
 *
 * Like the PDF worker (documents/render-client.ts), the worker runs from the TypeScript
 * sources through tsx in tests and the preview, and from `integrity-worker.cjs` beside
 * `core-host.cjs` in the Electron build (`integrity-worker.mjs` beside the benchmark's bundle).
 */
import type { Worker } from 'node:worker_threads';
import { bundledWorkerFile, endWorker, startWorkerThread } from '../worker-thread';
import { INTEGRITY_DEFAULTS, STEPS_OF_KIND, type IntegrityKind, type IntegrityReply, type IntegrityRequest, type IntegrityResult, type IntegrityStepName } from './types';

export type { IntegrityKind, IntegrityResult, IntegrityStep, IntegrityStepName } from './types';

export interface IntegrityOptions {
  /** Path of a better_sqlite3.node built for the running runtime (as `openStore` takes it). */
  nativeBinding?: string;
  /** Page cache of the check's connection, KiB (default 2048). */
  cacheKiB?: number;
  /** Problem lines kept (default 20). */
  maxProblems?: number;
  /** Default 30 minutes. */
  timeoutMs?: number;
  /** Ends this check (its promise rejects with IntegrityCheckCancelled). */
  signal?: AbortSignal;
  /** The steps to run instead of the kind's own (the benchmark times them one by one). */
  steps?: readonly IntegrityStepName[];
}

/** The check was ended before it answered: the store closed, or the caller gave up. */
export class IntegrityCheckCancelled extends Error {
  override name = 'IntegrityCheckCancelled';
}

/** No answer could be had: the worker failed or took too long. Not a verdict on the store. */
export class IntegrityCheckFailed extends Error {
  override name = 'IntegrityCheckFailed';
}

/**
 * Heap of the worker: it holds a request, a 256 KiB read buffer (outside the heap) and a few
 * problem lines. Small generations save a MB or two of the thread's RSS (a check raises the
 * process's peak by 12–19 MB, most of it the thread itself; docs/PERFORMANCE.md). Under tsx,
 * which compiles the sources in the thread, the old generation gets more room.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 2 } as const;

const here = import.meta.url;

/**
 * Where the bundled worker sits: beside the bundle that holds this code, in its format
 * (integrity-worker.cjs beside core-host.cjs, integrity-worker.mjs beside the benchmark's bundle).
 */
export function bundledIntegrityWorkerUrl(bundleUrl: string): URL {
  return bundledWorkerFile(bundleUrl, 'integrity-worker');
}

function startWorker(request: IntegrityRequest): Worker {
  const options = { workerData: request, transferList: [request.key.buffer as ArrayBuffer], resourceLimits: WORKER_LIMITS };
  // From the sources, tsx compiles the worker in its thread and needs a larger heap for it.
  return startWorkerThread(here, './integrity-worker.ts', 'integrity-worker', options, {
    resourceLimits: { ...WORKER_LIMITS, maxOldGenerationSizeMb: 128 },
  });
}

const end = endWorker;

interface Job {
  /** Ends the job with this error, terminating its worker; resolves once the thread is gone. */
  cancel(reason: Error): Promise<void>;
}

const jobs = new Set<Job>();
/** Checks run one after the other: two at once would double the memory for nothing. */
let queue: Promise<void> = Promise.resolve();

/**
 * Checks the store at `storePath` with its data key. Resolves with the verdict, damaged or
 * not; rejects only with IntegrityCheckCancelled or IntegrityCheckFailed (and, at once, for
 * a key that is not 32 bytes).
 */
export function runIntegrityCheck(storePath: string, dataKey: Uint8Array, kind: IntegrityKind, options: IntegrityOptions = {}): Promise<IntegrityResult> {
  if (dataKey.length !== 32) return Promise.reject(new Error('data key must be 32 bytes'));
  // A copy in an ArrayBuffer of its own: transferring it hands the worker exactly these bytes.
  const key = new Uint8Array(32);
  key.set(dataKey);
  const request: IntegrityRequest = {
    storePath,
    key,
    kind,
    steps: [...(options.steps ?? STEPS_OF_KIND[kind])],
    cacheKiB: options.cacheKiB ?? INTEGRITY_DEFAULTS.cacheKiB,
    maxProblems: options.maxProblems ?? INTEGRITY_DEFAULTS.maxProblems,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  };
  const timeoutMs = options.timeoutMs ?? INTEGRITY_DEFAULTS.timeoutMs;
  const { signal } = options;

  return new Promise<IntegrityResult>((resolve, reject) => {
    let worker: Worker | null = null;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    let ended: Promise<unknown> = Promise.resolve();

    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      jobs.delete(job);
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if (key.byteLength > 0) key.fill(0); // still ours if the job never started (once transferred, it is detached here)
      if (worker) {
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        ended = end(worker);
      }
      done();
      outcome();
    };
    const job: Job = {
      cancel: (reason) => {
        settle(() => reject(reason));
        return ended.then(() => undefined);
      },
    };
    const onAbort = (): void => void job.cancel(new IntegrityCheckCancelled('the integrity check was cancelled'));
    const onMessage = (reply: IntegrityReply): void =>
      settle(() => (reply.ok ? resolve(reply.result) : reject(new IntegrityCheckFailed(`the integrity worker failed (${reply.error})`))));
    const onError = (error: Error & { code?: string }): void =>
      settle(() => reject(new IntegrityCheckFailed(`the integrity worker failed (${error.code ?? error.name})`)));
    const onExit = (code: number): void => settle(() => reject(new IntegrityCheckFailed(`the integrity worker ended without an answer (exit code ${code})`)));

    if (signal?.aborted) {
      settle(() => reject(new IntegrityCheckCancelled('the integrity check was cancelled')));
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    jobs.add(job);

    const start = (): Promise<void> => {
      if (settled) return Promise.resolve();
      try {
        worker = startWorker(request);
      } catch (error) {
        settle(() => reject(new IntegrityCheckFailed(`the integrity worker could not start (${error instanceof Error ? error.name : 'unknown'})`)));
        return finished;
      }
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      timer = setTimeout(() => void job.cancel(new IntegrityCheckFailed(`the integrity check took longer than ${timeoutMs} ms`)), timeoutMs);
      timer.unref(); // the running worker keeps the process alive, not its deadline
      return finished;
    };
    queue = queue.then(start, start);
  });
}

/** Ends every integrity check, running or waiting (the store is closing). Resolves when their threads are gone. */
export async function cancelIntegrityChecks(): Promise<void> {
  const all = [...jobs];
  await Promise.all(all.map((job) => job.cancel(new IntegrityCheckCancelled('the store was closed during its integrity check'))));
}

/** Checks running or waiting (tests look at it). */
export function pendingIntegrityChecks(): number {
  return jobs.size;
}
