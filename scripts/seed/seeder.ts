/**
 * Fills a new encrypted store through the core's own channels (never raw SQL): setup, the
 * team, then every simulated day in order. What it cannot keep in the store (how to open
 * it again) goes to seed.json beside it: this is synthetic data, and the benchmark needs
 * the credentials to unlock it.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../electron/core/core';
import type { Role } from '../../shared/domain/roles';
import { FollowUp, type FollowUpCounts } from './follow-up';
import { Rng } from './rng';
import { Simulation, type SimCounts } from './simulation';
import { Caller, hireTeam, SEED_ADMIN, SEED_STAFF_PASSWORD } from './staff';
import { intakeDays, SIM_END, SIM_START, SimClock, StepQueue, timesOfDay } from './timeline';

/** Bump when the generator changes what it produces: the benchmark then reseeds. */
export const SEED_FORMAT = 2;
export const SEED_META_FILE = 'seed.json';
export const SEED_PREFIX = 'RBT';

export interface SeedProgress {
  cases: number;
  total: number;
  calls: number;
  elapsedMs: number;
  /** The simulated day being written. */
  day: string;
}

export interface SeedOptions {
  dataDir: string;
  cases: number;
  seed?: number;
  onProgress?: (p: SeedProgress) => void;
}

export interface SeedMeta {
  format: number;
  seed: number;
  cases: number;
  prefix: string;
  admin: { username: string; password: string };
  staffPassword: string;
  staff: { id: number; username: string; role: Role }[];
  recoveryKey: string;
  simulated: { from: string; until: string };
  counts: SimCounts & FollowUpCounts & { calls: number };
  /** The lawyer given more than an even share of the files ("my work" at its heaviest). */
  heavyLawyer: { id: number; username: string };
  /** Where the seeding time went, per channel (milliseconds inside the core). */
  channels: Record<string, { calls: number; ms: number }>;
  seconds: number;
  generatedAt: string;
}

export function readSeedMeta(dataDir: string): SeedMeta | null {
  const file = join(dataDir, SEED_META_FILE);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as SeedMeta;
}

export async function seedStore(options: SeedOptions): Promise<SeedMeta> {
  if (!Number.isInteger(options.cases) || options.cases < 1) throw new Error('cases must be a positive integer');
  if (existsSync(join(options.dataDir, 'clinic.db'))) throw new Error(`${options.dataDir} already holds a store; choose an empty folder`);
  const seed = options.seed ?? 1;
  const started = performance.now();
  const rng = new Rng(seed);
  const clock = new SimClock(SIM_START);
  // The idle sweep runs on real time; with a simulated clock it would only lock sessions
  // between two keep-alives, so it is pushed out of the way for the run.
  const core = await createCore({ dataDir: options.dataDir, now: clock.now, idleSweepMs: 2 ** 30 });
  const caller = new Caller(core, () => clock.time);
  clock.onStep = () => caller.keepAlive();
  let meta: SeedMeta;
  try {
    const { recoveryKey } = await caller.call('admin', 'setup:initialize', {
      clinicName: 'Réseau des cliniques juridiques – Rabat',
      casePrefix: SEED_PREFIX,
      defaultLanguage: 'fr',
      admin: SEED_ADMIN,
    });
    // The longest idle lock an administrator can choose: fewer keep-alives to simulate.
    await caller.call('admin', 'settings:update', { clinicName: 'Réseau des cliniques juridiques – Rabat', defaultLanguage: 'fr', idleLockMinutes: 60 });
    const team = await hireTeam(rng, caller, options.cases);
    const domains = await caller.call('admin', 'domains:list', {});
    const templates = await caller.call('admin', 'procedures:templates', {});
    await caller.call('admin', 'auth:signOut', {});
    caller.forget('admin');
    const queue = new StepQueue();
    // The follow-up draws from its own source, so the people and case lives stay those of the seed.
    const followUp = new FollowUp(new Rng(seed + 500_009), caller, queue, team, templates, options.cases);
    followUp.start(SIM_START);
    const sim = new Simulation(rng, caller, queue, team, new Map(domains.map((d) => [d.code, d.id])), followUp);
    const playUntil = async (t: number) => {
      while (queue.peekAt() <= t) {
        const step = queue.pop()!;
        await clock.advanceTo(step.at);
        await step.run();
      }
    };
    let lastReport = 0;
    let slotsLeft = options.cases;
    for (const { dayMs, count } of intakeDays(rng, options.cases)) {
      for (const at of timesOfDay(rng, dayMs, count)) {
        await playUntil(at);
        await clock.advanceTo(at);
        slotsLeft -= 1;
        sim.spareSlots = slotsLeft - sim.pendingSkips;
        await sim.intake(at);
      }
      const now = performance.now();
      if (options.onProgress && (now - lastReport > 1000 || sim.counts.cases === options.cases)) {
        lastReport = now;
        options.onProgress({ cases: sim.counts.cases, total: options.cases, calls: caller.calls, elapsedMs: now - started, day: new Date(dayMs).toISOString().slice(0, 10) });
      }
    }
    await playUntil(SIM_END);
    meta = {
      format: SEED_FORMAT,
      seed,
      cases: options.cases,
      prefix: SEED_PREFIX,
      admin: { username: SEED_ADMIN.username, password: SEED_ADMIN.password },
      staffPassword: SEED_STAFF_PASSWORD,
      staff: team.map((s) => ({ id: s.id, username: s.username, role: s.role })),
      recoveryKey,
      simulated: { from: new Date(SIM_START).toISOString(), until: new Date(SIM_END).toISOString() },
      counts: { ...sim.counts, ...followUp.counts, calls: caller.calls },
      heavyLawyer: { id: followUp.heavy.id, username: followUp.heavy.username },
      channels: Object.fromEntries([...caller.time].map(([c, [n, ms]]) => [c, { calls: n, ms: Math.round(ms) }])),
      seconds: 0,
      generatedAt: new Date().toISOString(),
    };
  } finally {
    // Closing checkpoints the WAL into clinic.db: part of the seeding time.
    await core.close();
  }
  meta.seconds = Math.round((performance.now() - started) / 100) / 10;
  const file = join(options.dataDir, SEED_META_FILE);
  writeFileSync(file, JSON.stringify(meta, null, 2), { mode: 0o600 });
  chmodSync(file, 0o600);
  return meta;
}
