/**
 * Simulated time. Intakes are spread over working days of the simulated years, with a
 * clinic that grows; every later step of a case is queued and played when the clock
 * reaches it, so each record is written by the core at its own date (references carry
 * the year of their intake, histories are dated as they happened).
 */
import type { Rng } from './rng';

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
/**
 * Keep-alive rhythm: the clock moves by at most 15 minutes at a time, and after each move
 * every session quiet for 44 minutes or more reports activity. A session not pinged after a
 * move had been quiet for less than 44 minutes, so after the next move it has been quiet
 * for less than 59: always inside the 60-minute idle lock, with one ping per session and
 * simulated hour at most.
 */
export const KEEP_ALIVE_STEP_MS = 15 * MINUTE_MS;
export const KEEP_ALIVE_QUIET_MS = 44 * MINUTE_MS;

/** The simulated period: about eight and a half years, ending on a fixed day (reproducible). */
export const SIM_START = Date.UTC(2018, 0, 2, 8, 0);
export const SIM_END = Date.UTC(2026, 5, 30, 18, 0);

/**
 * How many intakes fall on each day: weekdays, a little on Saturday, none on Sunday, a
 * clinic that doubles its activity over the period, day-to-day noise. Allocation by
 * rounding the cumulative share, so the total is exactly `total`.
 */
export function intakeDays(rng: Rng, total: number): { dayMs: number; count: number }[] {
  const days: { dayMs: number; weight: number }[] = [];
  const span = SIM_END - SIM_START;
  for (let t = SIM_START; t < SIM_END; t += DAY_MS) {
    const weekday = new Date(t).getUTCDay();
    const base = weekday === 0 ? 0 : weekday === 6 ? 0.15 : 1;
    // August is quiet; the network doubles its caseload over the years.
    const season = new Date(t).getUTCMonth() === 7 ? 0.6 : 1;
    const growth = 1 + (t - SIM_START) / span;
    days.push({ dayMs: t - (t % DAY_MS), weight: base * season * growth * (0.7 + 0.6 * rng.fr.number.float()) });
  }
  const sum = days.reduce((s, d) => s + d.weight, 0);
  let cumulative = 0;
  let given = 0;
  return days.map((d) => {
    cumulative += d.weight;
    const upTo = Math.round((cumulative / sum) * total);
    const count = upTo - given;
    given = upTo;
    return { dayMs: d.dayMs, count };
  });
}

/** Sorted times of the day's intakes, between 08:30 and 17:30. */
export function timesOfDay(rng: Rng, dayMs: number, count: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(dayMs + 510 * MINUTE_MS + rng.int(0, 540 * 60) * 1000);
  return times.sort((a, b) => a - b);
}

/** A later step moved to working hours: 09:00-17:00 on a weekday. */
export function workingTime(rng: Rng, ms: number): number {
  let day = ms - (ms % DAY_MS);
  while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
  return day + 540 * MINUTE_MS + rng.int(0, 480 * 60) * 1000;
}

interface Queued {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

/** A min-heap of queued steps, ordered by time then by queueing order. */
export class StepQueue {
  private readonly heap: Queued[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, run: () => Promise<void>): void {
    this.heap.push({ at, seq: this.seq++, run });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  peekAt(): number {
    return this.heap[0]?.at ?? Infinity;
  }

  pop(): Queued | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top && last && this.heap.length > 0) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.less(l, m)) m = l;
        if (r < this.heap.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.at < y.at || (x.at === y.at && x.seq < y.seq);
  }

  private swap(a: number, b: number): void {
    [this.heap[a], this.heap[b]] = [this.heap[b]!, this.heap[a]!];
  }
}

/**
 * The clock handed to the core. The core locks a session idle for longer than the idle
 * setting (60 minutes at most, and we do not lift that limit): while simulated time jumps
 * over nights and weekends, every staff session reports activity (`auth:activity`, as the
 * renderer does) before the lock would fire (see KEEP_ALIVE_*), so no one has to sign in
 * again with a full Argon2id derivation each morning.
 */
export class SimClock {
  private ms: number;
  /** Called after each move of the clock: the sessions' keep-alive. */
  onStep: () => Promise<void> = () => Promise.resolve();

  constructor(start: number) {
    this.ms = start;
  }

  readonly now = (): Date => new Date(this.ms);

  get time(): number {
    return this.ms;
  }

  /** Moves forward to `to` (never back: steps queued for the same minute keep their order). */
  async advanceTo(to: number): Promise<void> {
    while (to > this.ms) {
      this.ms = Math.min(to, this.ms + KEEP_ALIVE_STEP_MS);
      await this.onStep();
    }
  }
}
