/**
 * The clinic's team, sized to the caseload, and the one way the generator talks to the
 * core: `invoke` with a window id per staff member, exactly as the renderer does.
 */
import type { ClinicCore } from '../../electron/core/core';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import type { Role } from '../../shared/domain/roles';
import { ARAB_FEMALE, ARAB_MALE, MOROCCAN_FAMILY } from './names';
import type { Rng } from './rng';
import { KEEP_ALIVE_QUIET_MS } from './timeline';

/** Synthetic store only: these credentials are written to seed.json beside it. */
export const SEED_ADMIN = { fullName: 'Administratrice Réseau', username: 'admin', password: 'Seed-Network-Passphrase-2018!' } as const;
export const SEED_STAFF_PASSWORD = 'Seed-Staff-Passphrase-2018!';

export interface StaffMember {
  id: number;
  username: string;
  role: Exclude<Role, 'admin'>;
  fullName: string;
}

/** Calls the core as a window and fails loudly: any refusal is a bug of the generator. */
export class Caller {
  calls = 0;
  private readonly lastUse = new Map<string, number>();
  /** Calls and milliseconds per channel: where seeding time goes. */
  readonly time = new Map<string, [number, number]>();

  constructor(
    readonly core: ClinicCore,
    readonly nowMs: () => number,
  ) {}

  async call<C extends Channel>(client: string, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    this.calls += 1;
    this.lastUse.set(client, this.nowMs());
    const t0 = performance.now();
    const result = await this.core.invoke(client, channel, input);
    const t = this.time.get(channel) ?? [0, 0];
    t[0] += 1;
    t[1] += performance.now() - t0;
    this.time.set(channel, t);
    if (!result.ok) throw new Error(`${channel} as ${client} at ${new Date(this.nowMs()).toISOString()} failed: ${JSON.stringify(result.error)}`);
    return result.value as ChannelOutput<C>;
  }

  /** Reports activity for the sessions that have been quiet for a while (see SimClock). */
  async keepAlive(): Promise<void> {
    const now = this.nowMs();
    for (const [client, last] of this.lastUse) {
      if (now - last >= KEEP_ALIVE_QUIET_MS) await this.call(client, 'auth:activity', {});
    }
  }

  forget(client: string): void {
    this.lastUse.delete(client);
  }
}

/** A team that grows with the caseload: about one lawyer per 4,000 files over the years. */
export function teamSize(cases: number): Record<StaffMember['role'], number> {
  const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(n)));
  return { supervisor: cases >= 20_000 ? 3 : 1, lawyer: clamp(cases / 4000, 2, 30), intake: clamp(cases / 9000, 1, 14) };
}

const ascii = (s: string) => s.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();

/**
 * Creates the accounts as the administrator, then signs each one in on its own window and
 * sets its own password (the core requires it before anything else). Three Argon2id
 * derivations per account at production cost: the slowest part of a small seed.
 */
export async function hireTeam(rng: Rng, caller: Caller, cases: number): Promise<StaffMember[]> {
  const team: StaffMember[] = [];
  const taken = new Set<string>(['admin']);
  for (const [role, count] of Object.entries(teamSize(cases)) as [StaffMember['role'], number][]) {
    for (let i = 0; i < count; i++) {
      const female = rng.chance(0.55);
      const given = rng.spelling(rng.pick(female ? ARAB_FEMALE : ARAB_MALE).latin);
      const family = rng.spelling(rng.pick(MOROCCAN_FAMILY).latin);
      let username = `${ascii(given).slice(0, 1)}${ascii(family)}`.slice(0, 30);
      for (let n = 2; taken.has(username); n++) username = `${username.replace(/\d+$/, '')}${n}`;
      taken.add(username);
      const initial = `Premier-${SEED_STAFF_PASSWORD}`;
      const account = await caller.call('admin', 'accounts:create', { username, fullName: `${given} ${family}`, role, language: rng.pick(['fr', 'fr', 'ar', 'en'] as const), password: initial });
      await caller.call(username, 'auth:login', { username, password: initial });
      await caller.call(username, 'auth:changePassword', { currentPassword: initial, newPassword: SEED_STAFF_PASSWORD });
      team.push({ id: account.id, username, role, fullName: account.fullName });
    }
  }
  return team;
}
