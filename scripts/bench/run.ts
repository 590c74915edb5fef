/**
 * One benchmark run on a seeded store: unlock, the everyday actions through the core, the
 * two ratios, memory. Phases run one after the other so that each has the machine to
 * itself; the core is closed before the ratios so its page cache does not help them.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { openStore } from '../../db/open-store';
import type { Session } from '../../electron/core/sessions';
import { Vault } from '../../electron/core/vault';
import { readSeedMeta, type SeedMeta } from '../seed/seeder';
import { benchClock, measureActivityCreate, measureCreate, measurePdf, measureReads, measureUnlock, openCoreSessions, type Reps } from './core-path';
import { measureIntegrity } from './integrity';
import { measureBackupRestore } from './backup';
import { measureLongArabicSummary } from './pdf-pages';
import { explainWorkload } from './explain';
import { findProbes, type Probes } from './probes';
import { measureRatios, type RatioResult } from './ratios';
import { finish, machineInfo, storeInfo, type BenchReport } from './report';
import type { Figure } from './stats';
import type { Who } from './workload';

export const FULL_REPS: Reps = { unlock: 7, list: 300, search: 40, casePage: 200, typingRounds: 5, create: 100, pdf: 10, ratio: 20 };
export const QUICK_REPS: Reps = { unlock: 1, list: 20, search: 3, casePage: 10, typingRounds: 1, create: 3, pdf: 1, ratio: 2 };

export interface BenchOptions {
  dataDir: string;
  quick: boolean;
  log?: (line: string) => void;
  /**
   * Run the two ratios in a child process (the command line does): the plaintext copy and
   * the extra connections they need are instruments, not the product, and must not count in
   * this process's peak memory. The child's own peak is reported beside it.
   */
  ratiosInChild?: { command: string; args: string[] };
}

export interface RatioRun extends RatioResult {
  peakRssMB: number;
}

/** The ratio phase alone (the child process's whole job). */
export async function runRatios(dataDir: string, quick: boolean): Promise<RatioRun> {
  const { meta, dataKey } = await seededKey(dataDir);
  try {
    const store = openStore(join(dataDir, 'clinic.db'), Buffer.from(dataKey), { cacheKiB: 2048 });
    const probes = findProbes(store.sqlite);
    await store.close();
    const result = await measureRatios(join(dataDir, 'clinic.db'), join(dataDir, 'plain-copy.db'), dataKey, probes, sessionsFor(meta, probes), (quick ? QUICK_REPS : FULL_REPS).ratio);
    return { ...result, peakRssMB: Math.round((process.resourceUsage().maxRSS * 1024) / MB) };
  } finally {
    dataKey.fill(0);
  }
}

function ratiosFromChild(child: { command: string; args: string[] }): RatioRun {
  const run = spawnSync(child.command, child.args, { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 16 * MB });
  if (run.status !== 0) throw new Error(`the ratio process failed (${run.status ?? run.signal})`);
  return JSON.parse(run.stdout.toString('utf8')) as RatioRun;
}

const MB = 2 ** 20;

/** ru_maxrss: the most memory this process has held so far, in MiB. */
const maxRssMB = (): number => (process.resourceUsage().maxRSS * 1024) / MB;

/** The data key of a seeded store, from the recovery key its seed.json keeps. */
async function seededKey(dataDir: string): Promise<{ meta: SeedMeta; dataKey: Buffer }> {
  const meta = readSeedMeta(dataDir);
  if (!meta) throw new Error(`${dataDir} holds no seeded store (seed.json missing)`);
  const vault = Vault.open(dataDir);
  const dataKey = vault.unwrapWithRecoveryKey(meta.recoveryKey);
  await vault.close();
  if (!dataKey) throw new Error('the recovery key in seed.json does not open this store');
  return { meta, dataKey };
}

/** Sessions as the core would hold them, for calling registry functions directly. */
function sessionsFor(meta: SeedMeta, probes: Probes): Record<Who, Session> {
  const session = (who: Who, id: number): Session => ({
    clientId: `bench-${who}`, accountId: id, username: who, fullName: who, role: who, language: 'fr', state: 'unlocked', mustChangePassword: false, lastActivityMs: 0,
  });
  const supervisor = meta.staff.find((s) => s.role === 'supervisor')!.id;
  return { supervisor: session('supervisor', supervisor), lawyer: session('lawyer', probes.lawyerId), intake: session('intake', probes.intakeId) };
}

export async function explainBench(dataDir: string): Promise<string> {
  const { meta, dataKey } = await seededKey(dataDir);
  const store = openStore(join(dataDir, 'clinic.db'), dataKey, { cacheKiB: 2048 });
  try {
    const probes = findProbes(store.sqlite);
    return await explainWorkload(store.sqlite, probes, sessionsFor(meta, probes), new Date(meta.simulated.until));
  } finally {
    await store.close();
  }
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const report = options.log ?? (() => undefined);
  // Each phase says how much memory the process holds when it starts: where the peak comes from.
  const log = (line: string) => {
    const m = process.memoryUsage();
    report(`${line} (rss ${Math.round(m.rss / MB)} MB, heap ${Math.round(m.heapUsed / MB)} MB, external ${Math.round(m.external / MB)} MB)`);
  };
  const reps = options.quick ? QUICK_REPS : FULL_REPS;
  const { meta, dataKey } = await seededKey(options.dataDir);
  const storeFile = join(options.dataDir, 'clinic.db');
  try {
    log('choosing probes…');
    // A small page cache: choosing probes scans whole tables, which must not count as the
    // product's memory (freed pages are not always given back to the system).
    const store = openStore(storeFile, Buffer.from(dataKey), { cacheKiB: 2048 });
    const probes = findProbes(store.sqlite);
    const machine = machineInfo(store.sqlite);
    const info = storeInfo(store.sqlite, options.dataDir, storeFile, meta.seed, meta.seconds);
    await store.close();

    const figures: Figure[] = [];
    const now = benchClock(meta);
    log(`unlock ×${reps.unlock}…`);
    figures.push(...(await measureUnlock(options.dataDir, meta, reps.unlock, dataKey, now)));
    log('everyday actions through the core…');
    const { core, call } = await openCoreSessions(options.dataDir, meta, probes, now);
    let rssAfterCore: number;
    let workloadPeak: number;
    let beforePdf = NaN;
    try {
      figures.push(...(await measureReads(call, probes, reps, now)));
      log(`create ×${reps.create}…`);
      figures.push(await measureCreate(call, probes, reps.create, now));
      const activity = await measureActivityCreate(call, probes, reps.create, now);
      if (activity) figures.push(activity);
      beforePdf = maxRssMB();
      log('PDF…');
      figures.push((await measurePdf(call, probes, reps.pdf)) ?? { id: 'pdf', label: 'largest PDF the product makes', n: 0, p50: NaN, p95: NaN, unit: 'ms', note: 'n/a (no documents yet)' });
      // The workload ends here: its peak is the memory figure with the target. The
      // 52-page summary that follows is issue #4's synthetic stress document (no stored case
      // is that long yet); the peak it adds is reported beside, without a target.
      workloadPeak = maxRssMB();
      log('52-page Arabic summary…');
      figures.push(await measureLongArabicSummary(reps.pdf));
      rssAfterCore = process.memoryUsage().rss;
      log('core phase done');
    } finally {
      await core.close();
    }

    // Issue #9: the store's integrity check, each step apart, in its worker thread. After the
    // core phase (its peak is read above; the check adds to whatever the process holds, so
    // its rise is measured against a quiet process), before the ratios.
    const integrityReps = options.quick ? 1 : 3;
    log(`integrity check ×${integrityReps}…`);
    figures.push(...(await measureIntegrity(storeFile, dataKey, integrityReps, report)));

    // Issue #13: one backup (worker) and one restore up to its swap, with the core closed.
    log('backup and restore…');
    figures.push(...(await measureBackupRestore(options.dataDir, dataKey, meta.recoveryKey, report)));

    log(`ratios, ${reps.ratio} rounds…`);
    const ratios: RatioRun = options.ratiosInChild
      ? ratiosFromChild(options.ratiosInChild)
      : { ...(await measureRatios(storeFile, join(options.dataDir, 'plain-copy.db'), dataKey, probes, sessionsFor(meta, probes), reps.ratio)), peakRssMB: NaN };
    figures.push(...ratios.figures);

    // ru_maxrss: the most memory this process ever held, seeding excluded (another process).
    const peak = maxRssMB();
    figures.push({ id: 'memory', label: 'peak memory (RSS), everyday workload', n: 1, p50: workloadPeak, p95: workloadPeak, unit: 'MB', target: { max: 300, on: 'value' },
      note: options.ratiosInChild
        ? `unlock … largest PDF (${Math.round(beforePdf)} MB before the PDF); ratios in a child process: ${ratios.peakRssMB} MB`
        : `unlock … largest PDF (${Math.round(beforePdf)} MB before the PDF); ratios in this process (their two extra connections count)` });
    figures.push({ id: 'memory-stress', label: 'peak memory (RSS), with the 52-page summary', n: 1, p50: peak, p95: peak, unit: 'MB', note: 'the whole run, issue #4\'s synthetic document included' });
    return finish({
      when: new Date().toISOString(),
      quick: options.quick,
      machine,
      store: info,
      figures,
      ratioDetail: { sameResults: ratios.sameResults, perOp: ratios.perOp },
      memory: { peakRssMB: Math.round(peak), workloadPeakRssMB: Math.round(workloadPeak), rssAfterCoreMB: Math.round(rssAfterCore / MB) },
      seconds: Math.round((performance.now() - started) / 100) / 10,
    });
  } finally {
    dataKey.fill(0);
  }
}
