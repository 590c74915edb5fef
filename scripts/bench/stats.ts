/** Timing helpers: every figure of the benchmark is a set of samples, reported as p50 and p95. */

export interface Figure {
  id: string;
  label: string;
  n: number;
  p50: number;
  p95: number;
  /** Unit of p50/p95: milliseconds, or a plain ratio. */
  unit: 'ms' | 'ratio' | 'MB';
  target?: { max: number; on: 'p95' | 'value' };
  /** Free notes shown beside the figure (what was measured, size of the PDF, probe found…). */
  note?: string;
}

/** Nearest-rank percentile of samples (not interpolated: a p95 is a sample that happened). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export function summarize(id: string, label: string, samples: readonly number[], extra: Partial<Figure> = {}): Figure {
  return { id, label, n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), unit: 'ms', ...extra };
}

/** Milliseconds taken by `fn`. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export function timedSync(fn: () => unknown): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

export type Verdict = 'pass' | 'short' | '';

export function verdict(f: Figure): Verdict {
  if (!f.target) return '';
  const value = f.target.on === 'p95' ? f.p95 : f.p50;
  return Number.isFinite(value) && value <= f.target.max ? 'pass' : 'short';
}
