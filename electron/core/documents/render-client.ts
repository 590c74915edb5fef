/**
 * Renders PDFs in a worker thread, not in the core's own thread as before. Why:
 * - Memory. Laying out and drawing a long document allocates a lot and keeps much of it
 *   alive until the end (pdfmake lays out every page before drawing any): a 50-page Arabic
 *   summary needs about 70 MB of live heap and leaves ten times that in garbage. In the
 *   core's heap, V8 kept hundreds of megabytes of it for the rest of the session. The
 *   worker's heap is capped (`maxOldGenerationSizeMb`, so V8 collects instead of growing),
 *   and all of it goes back to the system when the worker ends, `idleMs` after its last
 *   document.
 * - Bounds. A document that needs more than that heap, or takes longer than `timeoutMs`
 *   (pdfmake has known endless loops on content that never fits a page), ends its worker
 *   with DOCUMENT_TOO_LARGE. Inside the core it would have taken the core down, or frozen
 *   it, with every open session. Node enforces the heap cap on a best-effort basis: some
 *   allocation shapes (one huge array) abort the whole process instead (nodejs/node#47224),
 *   and memory outside the JS heap is not counted. That case is the crash the main process
 *   already handles (electron/main.ts restarts the core; the open transaction never
 *   committed, so the store is as it was).
 * - The core loads neither pdfmake, the fonts nor the builders: only the worker does.
 * The worker is kept between documents (starting one and loading pdfmake and the fonts cold
 * costs about 0.4 s; a warm one renders an intake record in about 0.15 s) and ended when
 * idle. Figures in docs/PERFORMANCE.md.
 */
import type { Worker } from 'node:worker_threads';
import { bundledWorkerFile, endWorker, startWorkerThread } from '../worker-thread';
import { AppError } from '../errors';
import type { DocumentJob, RenderReply } from './jobs';

export interface RenderLimits {
  /** The worker's old-generation heap, in MiB. The 52-page Arabic probe needs about 100. */
  maxOldGenerationSizeMb: number;
  timeoutMs: number;
  /** How long a worker waits for the next document before it ends. */
  idleMs: number;
}

export const RENDER_LIMITS: RenderLimits = { maxOldGenerationSizeMb: 128, timeoutMs: 60_000, idleMs: 20_000 };

const here = import.meta.url;

/** Where the bundled worker sits (pdf-worker.cjs beside core-host.cjs, pdf-worker.mjs beside the benchmark's bundle). */
export function bundledWorkerUrl(bundleUrl: string): URL {
  return bundledWorkerFile(bundleUrl, 'pdf-worker');
}

function startWorker(limits: RenderLimits): Worker {
  return startWorkerThread(here, './render-worker.ts', 'pdf-worker', {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 16 },
  });
}

const end = endWorker;

/** The worker waiting for a document, if any; a busy worker is never parked. */
interface Parked {
  worker: Worker;
  limits: RenderLimits;
  timer: NodeJS.Timeout;
  /** Forgets the worker if it dies while idle, so a dead worker is never handed a job. */
  onGone: () => void;
}
let parked: Parked | null = null;

/** Take the parked worker out of the slot (stops its idle timer and listeners). */
function unpark(): Parked | null {
  const idle = parked;
  parked = null;
  if (idle) {
    clearTimeout(idle.timer);
    idle.worker.off('exit', idle.onGone).off('error', idle.onGone);
  }
  return idle;
}

function take(limits: RenderLimits): Worker {
  const idle = unpark();
  if (idle) {
    // Only the heap cap is the worker's own; the time limits belong to each call.
    if (idle.limits.maxOldGenerationSizeMb === limits.maxOldGenerationSizeMb) {
      idle.worker.ref();
      return idle.worker;
    }
    void end(idle.worker);
  }
  return startWorker(limits);
}

function park(worker: Worker, limits: RenderLimits): void {
  if (parked) {
    void end(worker); // another one already waits: one idle worker is enough
    return;
  }
  // An idle worker must not keep the process alive (tests, the benchmark, a quitting core).
  worker.unref();
  const timer = setTimeout(() => void endIdleWorker(), limits.idleMs);
  timer.unref();
  // The 'error' listener also keeps an idle worker's failure from being an unhandled
  // 'error' event, which would throw in the core's thread.
  const onGone = (): void => {
    if (parked?.worker === worker) unpark();
  };
  worker.on('exit', onGone).on('error', onGone);
  parked = { worker, limits, timer, onGone };
}

/** The worker waiting for a document (tests look at it). */
export function idleWorker(): Worker | null {
  return parked?.worker ?? null;
}

/** End the idle worker now (the core does so when it closes). */
export async function endIdleWorker(): Promise<void> {
  const idle = unpark();
  if (idle) await end(idle.worker);
}

/** The PDF of a job, rendered in the PDF worker. */
export function renderInWorker(job: DocumentJob, limits: RenderLimits = RENDER_LIMITS): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const worker = take(limits);
    let settled = false;
    const settle = (outcome: () => void, keep: boolean): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (keep) park(worker, limits);
      else void end(worker);
      outcome();
    };
    // Failures carry no message from the worker side (it may quote case text): a kind and
    // code locations for the log, which the router answers as INTERNAL.
    const failed = (kind: string, frames: string[] = []): Error => new Error(`the PDF worker could not make the document (${kind})${frames.length ? `\n    ${frames.join('\n    ')}` : ''}`);
    const onMessage = (reply: RenderReply): void =>
      settle(() => (reply.ok ? resolve(Buffer.from(reply.bytes.buffer, reply.bytes.byteOffset, reply.bytes.byteLength)) : reject(failed(reply.error, reply.frames))), reply.ok);
    const onError = (error: Error & { code?: string }): void =>
      settle(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('DOCUMENT_TOO_LARGE', 'the PDF worker reached its heap limit') : failed(error.code ?? error.name)), false);
    const onExit = (code: number): void => settle(() => reject(new Error(`the PDF worker ended without an answer (exit code ${code})`)), false);
    const timer = setTimeout(() => settle(() => reject(new AppError('DOCUMENT_TOO_LARGE', `the PDF took longer than ${limits.timeoutMs} ms`)), false), limits.timeoutMs);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    try {
      worker.postMessage(job);
    } catch (error) {
      settle(() => reject(failed(error instanceof Error ? error.name : 'postMessage')), false); // a job that cannot be cloned
    }
  });
}
