/**
 * Entry point of the integrity worker thread (see integrity-client.ts): one check per
 * worker. The request comes as workerData, its key in an ArrayBuffer transferred to this
 * thread (the core's thread keeps no copy of it); the key is zeroed as soon as SQLite is
 * keyed and the page-HMAC key derived. The answer is posted once; the thread then ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runChecks } from './check';
import type { IntegrityReply, IntegrityRequest } from './types';

const port = parentPort;
if (!port) throw new Error('integrity-worker runs as a worker thread only');

const request = workerData as IntegrityRequest;
let reply: IntegrityReply;
try {
  reply = { ok: true, result: runChecks(request, () => request.key.fill(0)) };
} catch (error) {
  // Not damage (that is a result): a fault of the check itself. Its kind only, see IntegrityReply.
  reply = { ok: false, error: error instanceof Error ? error.name : 'non-Error thrown' };
} finally {
  request.key.fill(0);
}
port.postMessage(reply);
