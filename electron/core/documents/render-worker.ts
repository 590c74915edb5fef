/**
 * Entry point of the PDF worker thread (see render-client.ts): for each job it receives,
 * one at a time, builds the document, renders it and posts the bytes back. It reads nothing
 * but its jobs and the fonts, and the resource policies of renderPdf apply here unchanged.
 */
import { parentPort } from 'node:worker_threads';
import { renderPdf } from '../pdf/render';
import { buildDocument } from './build';
import type { DocumentJob, RenderReply } from './jobs';

const port = parentPort;
if (!port) throw new Error('render-worker runs as a worker thread only');

async function run(job: DocumentJob): Promise<RenderReply> {
  try {
    const rendered = await renderPdf(buildDocument(job));
    // A copy in an ArrayBuffer of its own, so that transferring it hands over exactly these bytes.
    return { ok: true, bytes: new Uint8Array(rendered) };
  } catch (error) {
    // The error's kind and the top of its stack (code locations only), not its message: see RenderReply.
    const e = error instanceof Error ? error : new Error('non-Error thrown');
    return { ok: false, error: e.name, frames: (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 3).map((line) => line.trim()) };
  }
}

port.on('message', (job: DocumentJob) => {
  void run(job).then((reply) => port.postMessage(reply, reply.ok ? [reply.bytes.buffer] : []));
});
