import { existsSync } from 'node:fs';
import type { Result } from '../../shared/contract';
import { accountHandlers } from './handlers/accounts';
import { auditHandlers } from './handlers/audit-log';
import { beneficiaryHandlers } from './handlers/beneficiaries';
import { caseHandlers } from './handlers/cases';
import { activityHandlers } from './handlers/activities';
import { procedureHandlers } from './handlers/procedures';
import { holidayHandlers } from './handlers/holidays';
import { calendarHandlers } from './handlers/calendar';
import { workHandlers } from './handlers/work';
import { hearingHandlers } from './handlers/hearings';
import { taskHandlers } from './handlers/tasks';
import { documentHandlers } from './handlers/documents';
import { registryHandlers } from './handlers/registry';
import { partnerHandlers } from './handlers/partners';
import { referralHandlers } from './handlers/referrals';
import { authHandlers } from './handlers/auth';
import { settingsHandlers } from './handlers/settings';
import { setupHandlers } from './handlers/setup';
import { storeCheckHandlers } from './handlers/store-check';
import { restoreHandlers } from './handlers/restore';
import { recoveryHandlers } from './handlers/recovery';
import { backupHandlers } from './handlers/backup';
import type { Handlers } from './handler-types';
import { endIdleWorker, type RenderLimits } from './documents/render-client';
import { createRouter } from './router';
import { CoreState } from './state';
import { Vault } from './vault';
import { BackupError, recoverInterruptedRestore } from './backup';

export interface ClinicCore {
  /** clientId identifies one window (one session); channel is `domain:action`; input unvalidated. Never throws. */
  invoke(clientId: string, channel: string, input: unknown): Promise<Result<unknown>>;
  /** The window closed: forget its session. */
  dropClient(clientId: string): Promise<void>;
  close(): Promise<void>;
}

export interface CoreOptions {
  dataDir: string;
  /** A better_sqlite3.node built for the running runtime (Electron in development). */
  nativeBinding?: string;
  /** The clock; tests move it to check idle locking and login delays. */
  now?: () => Date;
  /** How often the core looks for idle sessions to lock (ms). */
  idleSweepMs?: number;
  /** Bounds of the PDF worker (render-client.ts); tests make them tiny to reach them. */
  renderLimits?: RenderLimits;
}

const handlers: Handlers = {
  ...setupHandlers,
  ...authHandlers,
  ...accountHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...beneficiaryHandlers,
  ...caseHandlers,
  ...activityHandlers,
  ...procedureHandlers,
  ...holidayHandlers,
  ...calendarHandlers,
  ...workHandlers,
  ...hearingHandlers,
  ...taskHandlers,
  ...registryHandlers,
  ...partnerHandlers,
  ...referralHandlers,
  ...documentHandlers,
  ...storeCheckHandlers,
  ...backupHandlers,
  ...restoreHandlers,
  ...recoveryHandlers,
};

/**
 * A restore killed mid-swap is completed before anything reads the folder, so the clinic is
 * the old one or the new one, never a mix (electron/core/backup/swap-journal.ts). If that
 * fails, the folder is opened as it is and judged like any damaged folder; the error's code
 * only is logged (its message could name a path).
 */
function finishInterruptedRestore(dataDir: string): void {
  if (!existsSync(dataDir)) return;
  try {
    recoverInterruptedRestore(dataDir);
  } catch (error) {
    console.error(`restore journal: could not complete the interrupted restore (${error instanceof BackupError ? error.code : 'unknown'})`);
  }
}

/**
 * The backend core: plain Node, no Electron. Calls are serialized: each runs to completion
 * before the next starts, so session state and the single SQLite connection never interleave.
 */
export async function createCore(options: CoreOptions): Promise<ClinicCore> {
  finishInterruptedRestore(options.dataDir);
  const vault = Vault.open(options.dataDir, options.nativeBinding);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const state = new CoreState(vault, options.now ?? (() => new Date()), serial, options.nativeBinding, options.renderLimits);
  const route = createRouter(state, handlers);
  const sweep = setInterval(() => {
    void serial(async () => {
      await state.lockIdleSessions();
      state.checks.startIfDue();
      state.backups.startIfDue(state.checks.status().running !== null);
    }).catch((e: unknown) => console.error('[core] idle sweep', e));
  }, options.idleSweepMs ?? 15_000);
  sweep.unref();
  let closed = false;
  return {
    invoke: (clientId, channel, input) =>
      closed
        ? Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'core closed' } })
        : serial(() => route(clientId, channel, input)),
    dropClient: (clientId) => serial(() => state.end(clientId, 'auth:windowClosed')),
    close: () =>
      serial(async () => {
        closed = true;
        clearInterval(sweep);
        await endIdleWorker();
        state.checks.storeClosing();
        await state.backups.shutdown();
        await vault.close();
      }),
  };
}
