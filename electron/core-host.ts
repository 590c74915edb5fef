/**
 * Entry point of the Electron utility process that runs the core. Plain Node: it must not
 * import 'electron' (scripts/build-electron.mjs refuses to bundle it if it does), so the core
 * stays runnable in tests and in the browser preview unchanged.
 *
 * Messages from the main process (electron/main.ts), in order:
 *   { type: 'init', dataDir, nativeBinding? }   always first
 *   { id, clientId, channel, input }            a call; answered with { id, result }
 *   { type: 'drop', clientId }                  a window closed: forget its session
 *   { type: 'close' }                           quitting: close the core, then exit
 */
import type { Result } from '../shared/contract/errors';
import { createCore, type ClinicCore } from './core/core';

/** The part of Electron's `process.parentPort` used here (it only exists in a utility process). */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('core-host must run in an Electron utility process (process.parentPort is missing)');
  process.exit(1);
}
const port: ParentPort = parentPort;

let core: Promise<ClinicCore> | null = null;
let closing = false;

const internalError = (message: string): Result<unknown> => ({ ok: false, error: { code: 'INTERNAL', message } });
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function init(data: Record<string, unknown>): void {
  if (core) return;
  const { dataDir, nativeBinding } = data;
  if (typeof dataDir !== 'string' || dataDir === '') {
    core = Promise.reject(new Error('no data folder was given to the core'));
  } else {
    core = createCore(typeof nativeBinding === 'string' ? { dataDir, nativeBinding } : { dataDir });
  }
  // A core that cannot open stays rejected: every call is then answered with its message
  // (below) instead of the process dying and the main process restarting it in a loop.
  core.catch((error: unknown) => console.error('clinic core failed to start:', error));
}

async function call(id: number, clientId: unknown, channel: unknown, input: unknown): Promise<void> {
  let result: Result<unknown>;
  if (typeof clientId !== 'string' || typeof channel !== 'string') {
    result = internalError('malformed call');
  } else if (closing) {
    result = internalError('the core is closing');
  } else if (!core) {
    result = internalError('the core was not initialized');
  } else {
    try {
      result = await (await core).invoke(clientId, channel, input);
    } catch (error) {
      result = internalError(messageOf(error));
    }
  }
  port.postMessage({ id, result });
}

async function drop(clientId: unknown): Promise<void> {
  if (typeof clientId !== 'string' || !core) return;
  try {
    await (await core).dropClient(clientId);
  } catch {
    // A core that failed to start has no sessions to forget.
  }
}

async function close(): Promise<void> {
  if (closing) return;
  closing = true;
  const ready = core ? await core.catch(() => null) : null; // a core that never started has nothing to close
  try {
    await ready?.close();
  } catch (error) {
    console.error('clinic core did not close cleanly:', error);
  }
  process.exit(0);
}

port.on('message', ({ data }) => {
  if (typeof data !== 'object' || data === null) return;
  const message = data as Record<string, unknown>;
  if (message.type === 'init') init(message);
  else if (message.type === 'drop') void drop(message.clientId);
  else if (message.type === 'close') void close();
  else if (typeof message.id === 'number') void call(message.id, message.clientId, message.channel, message.input);
});
