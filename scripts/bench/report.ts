/** The benchmark's answer: one JSON object, or a table with a pass / short verdict per target. */
import type Database from 'better-sqlite3-multiple-ciphers';
import { statSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { verdict, type Figure, type Verdict } from './stats';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  os: string;
  node: string;
  sqlite: string;
  sqlite3mc: string;
}

export function machineInfo(sqlite: Database.Database): Machine {
  const version = (fn: string) => {
    try {
      return String(sqlite.prepare(`SELECT ${fn}() AS v`).pluck().get());
    } catch {
      return 'unknown';
    }
  };
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    sqlite: version('sqlite_version'),
    sqlite3mc: version('sqlite3mc_version'),
  };
}

export interface StoreInfo {
  dataDir: string;
  sizeMB: number;
  cases: number;
  beneficiaries: number;
  auditEntries: number;
  seed: number;
  seededSeconds: number;
}

export function storeInfo(sqlite: Database.Database, dataDir: string, file: string, seed: number, seededSeconds: number): StoreInfo {
  const count = (table: string) => Number(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
  return {
    dataDir,
    sizeMB: Math.round(statSync(file).size / 2 ** 20),
    cases: count('cases'),
    beneficiaries: count('beneficiaries'),
    auditEntries: count('audit_log'),
    seed,
    seededSeconds,
  };
}

export interface BenchReport {
  when: string;
  quick: boolean;
  machine: Machine;
  store: StoreInfo;
  figures: (Figure & { verdict: Verdict })[];
  ratioDetail: { sameResults: boolean; perOp: { label: string; encrypted: number; plain: number; raw: number }[] };
  memory: { peakRssMB: number; workloadPeakRssMB: number; rssAfterCoreMB: number };
  summary: { pass: number; short: number };
  seconds: number;
}

export function finish(report: Omit<BenchReport, 'figures' | 'summary'> & { figures: Figure[] }): BenchReport {
  const figures = report.figures.map((f) => ({ ...f, verdict: verdict(f) }));
  return {
    ...report,
    figures,
    summary: { pass: figures.filter((f) => f.verdict === 'pass').length, short: figures.filter((f) => f.verdict === 'short').length },
  };
}

const fmt = (v: number, unit: Figure['unit']) => (!Number.isFinite(v) ? 'n/a' : unit === 'ratio' ? `×${v.toFixed(2)}` : unit === 'MB' ? `${Math.round(v)} MB` : v < 10 ? v.toFixed(2) : v.toFixed(1));

export function toText(r: BenchReport): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`Clinic case manager benchmark${r.quick ? ' (quick mode: few repetitions, figures indicative only)' : ''} — ${r.when}`);
  lines.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, ${m.os}, Node ${m.node}, SQLite ${m.sqlite} (${m.sqlite3mc})`);
  const s = r.store;
  lines.push(`store: ${s.cases.toLocaleString('en')} cases, ${s.beneficiaries.toLocaleString('en')} beneficiaries, ${s.auditEntries.toLocaleString('en')} audit entries, ${s.sizeMB} MB encrypted (${s.dataDir}; seeded in ${s.seededSeconds} s)`);
  lines.push('');
  const head = ['action', 'n', 'p50', 'p95', 'target', 'verdict'];
  const rows = r.figures.map((f) => [
    f.label + (f.note ? `  [${f.note}]` : ''),
    String(f.n),
    fmt(f.p50, f.unit),
    f.unit === 'ratio' || f.unit === 'MB' ? '' : fmt(f.p95, f.unit),
    f.target ? `${f.target.on === 'p95' ? 'p95 ' : ''}≤ ${f.unit === 'ratio' ? `×${f.target.max}` : f.unit === 'MB' ? `${f.target.max} MB` : `${f.target.max} ms`}` : '',
    f.verdict,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  lines.push(line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line));
  lines.push('', 'times in milliseconds; per-operation medians of the two ratios:');
  for (const o of r.ratioDetail.perOp) {
    lines.push(`  ${o.label.padEnd(48)} encrypted ${fmt(o.encrypted, 'ms').padStart(6)}  plain ${fmt(o.plain, 'ms').padStart(6)}  raw SQL ${fmt(o.raw, 'ms').padStart(6)}`);
  }
  lines.push('', `targets: ${r.summary.pass} pass, ${r.summary.short} short; the run took ${r.seconds} s`);
  return lines.join('\n');
}
