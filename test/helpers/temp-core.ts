import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type ClinicCore, type CoreOptions } from '../../electron/core/core';
import type { Channel, ChannelInput, ChannelOutput, Result } from '../../shared/contract';

export const ADMIN = { fullName: 'Salma Admin', username: 'salma', password: 'Cle-Forte-2026!' } as const;
export const SETUP = { clinicName: 'Clinique juridique de Rabat', casePrefix: 'RBT', defaultLanguage: 'fr', admin: ADMIN } as const;

/** A movable clock, for idle locks and login delays without waiting. */
export function fakeClock(start = new Date('2026-11-25T10:00:00Z')) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

export interface TempCore {
  dir: string;
  core: ClinicCore;
  /** Calls a channel as a window and returns the raw Result. */
  call<C extends Channel>(client: string, channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Calls and unwraps, failing the test on an error. */
  ok<C extends Channel>(client: string, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  reopen(options?: Partial<CoreOptions>): Promise<void>;
  cleanup(): Promise<void>;
}

/** A real core on a real encrypted store in a fresh temporary folder. */
export async function tempCore(options: Partial<CoreOptions> = {}): Promise<TempCore> {
  const dir = mkdtempSync(join(tmpdir(), 'clinic-test-'));
  const handle: TempCore = {
    dir,
    core: await createCore({ dataDir: dir, ...options }),
    call: (client, channel, input) => handle.core.invoke(client, channel, input) as never,
    async ok(client, channel, input) {
      const result = await handle.call(client, channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    async reopen(more = {}) {
      await handle.core.close();
      handle.core = await createCore({ dataDir: dir, ...options, ...more });
    },
    async cleanup() {
      await handle.core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

/** A core already set up, with the administrator signed in on client 'admin'. */
export async function setUpCore(options: Partial<CoreOptions> = {}): Promise<TempCore & { recoveryKey: string }> {
  const t = await tempCore(options);
  const { recoveryKey } = await t.ok('admin', 'setup:initialize', SETUP);
  return Object.assign(t, { recoveryKey });
}

/** `core.invoke` with the channel's input and output types (for tests that make their own core). */
export function typedCall<C extends Channel>(core: ClinicCore, client: string, channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
  return core.invoke(client, channel, input) as never;
}
