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
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

port.on('message', (job: DocumentJob) => {
  void run(job).then((reply) => port.postMessage(reply, reply.ok ? [reply.bytes.buffer] : []));
});
