import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type OpenStore } from '../../../db/open-store';
import { verifyAuditChain } from '../../../electron/core/audit';
import { Vault } from '../../../electron/core/vault';
import { normalizePhone } from '../../../shared/search/phone';
import { toText } from '../../../scripts/bench/report';
import { runBench } from '../../../scripts/bench/run';
import { arabicOf } from '../../../scripts/seed/names';
import { beneficiaryInput, newHousehold, personSpec, typedPhone } from '../../../scripts/seed/people';
import { Rng } from '../../../scripts/seed/rng';
import { seedStore, type SeedMeta } from '../../../scripts/seed/seeder';

/**
 * A small store made by the same generator as the 100,000-case benchmark store (through
 * the core's channels), checked for consistency, then benchmarked end to end in quick
 * mode. Speed targets are never asserted here: they live in `npm run bench`.
 */
const CASES = 300;
let dir: string;
let meta: SeedMeta;
let store: OpenStore;

const all = <T>(sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).all(...params) as T[];
const value = (sql: string, ...params: unknown[]) => store.sqlite.prepare(sql).pluck().get(...params) as number;

async function open(): Promise<OpenStore> {
  const vault = Vault.open(dir);
  const key = vault.unwrapWithRecoveryKey(meta.recoveryKey);
  await vault.close();
  return openStore(join(dir, 'clinic.db'), key!);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clinic-seed-'));
  meta = await seedStore({ dataDir: dir, cases: CASES, seed: 7 });
  store = await open();
}, 240_000);

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('synthetic clinic data', () => {
  it('has exactly the cases asked for, each with a beneficiary, under unique references of their intake year', () => {
    expect(value('SELECT count(*) FROM cases')).toBe(CASES);
    expect(value('SELECT count(*) FROM cases c LEFT JOIN beneficiaries b ON b.id = c.beneficiary_id WHERE b.id IS NULL')).toBe(0);
    expect(value('SELECT count(DISTINCT reference) FROM cases')).toBe(CASES);
    const refs = all<{ reference: string; intake_date: string; created_at: string }>('SELECT reference, intake_date, created_at FROM cases');
    for (const r of refs) {
      expect(r.reference).toMatch(/^RBT-20\d\d-\d{5}$/);
      expect(r.reference.slice(4, 8)).toBe(r.intake_date.slice(0, 4));
      expect(r.created_at.slice(0, 10)).toBe(r.intake_date);
    }
    expect(new Set(refs.map((r) => r.intake_date.slice(0, 4))).size).toBeGreaterThanOrEqual(7);
  });

  it('keeps data only with consent, and a consistent status history', () => {
    // The latest data-keeping consent of every record in use is "given".
    expect(value(`SELECT count(*) FROM beneficiaries b WHERE merged_into IS NULL AND coalesce((
      SELECT given FROM consents c WHERE c.beneficiary_id = b.id AND scope = 'data_keeping' ORDER BY id DESC LIMIT 1), 0) <> 1`)).toBe(0);
    expect(value(`SELECT count(*) FROM cases c WHERE status <> (SELECT to_status FROM case_status_history h WHERE h.case_id = c.id ORDER BY id DESC LIMIT 1)
      OR (SELECT to_status FROM case_status_history h WHERE h.case_id = c.id ORDER BY id LIMIT 1) <> 'intake'`)).toBe(0);
    expect(value("SELECT count(*) FROM cases WHERE status = 'closed' AND (closure_reason IS NULL OR outcome IS NULL)")).toBe(0);
    expect(verifyAuditChain(store.sqlite)).toMatchObject({ ok: true });
  });

  it('looks like a clinic: both scripts, spellings, profiles, households, statuses, enquiries', () => {
    const people = all<{ latin_name: string; arabic_name: string; other_spellings: string; nationality: string; phone: string; phone_norm: string | null }>(
      'SELECT latin_name, arabic_name, other_spellings, nationality, phone, phone_norm FROM beneficiaries',
    );
    expect(people.some((p) => p.latin_name && p.arabic_name)).toBe(true);
    expect(people.some((p) => !p.latin_name && p.arabic_name)).toBe(true);
    expect(people.some((p) => p.other_spellings !== '')).toBe(true);
    for (const country of ['SY', 'YE', 'MA', 'CM']) expect(people.some((p) => p.nationality === country)).toBe(true);
    expect(new Set(people.map((p) => p.nationality)).size).toBeGreaterThanOrEqual(10);
    // Phones typed many ways, all read as Moroccan mobiles.
    const typed = people.filter((p) => p.phone !== '');
    expect(new Set(typed.map((p) => p.phone.replace(/\d/g, '9'))).size).toBeGreaterThanOrEqual(4);
    expect(typed.every((p) => p.phone_norm !== null && /^212[67]\d{8}$/.test(p.phone_norm))).toBe(true);
    expect(value('SELECT count(*) FROM household_links')).toBeGreaterThan(0);
    expect(value('SELECT count(*) FROM enquiries')).toBeGreaterThan(0);
    const statuses = all<{ status: string }>('SELECT DISTINCT status FROM cases').map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(['open', 'closed']));
    expect(value('SELECT count(DISTINCT assigned_lawyer_id) FROM cases')).toBe(meta.staff.filter((s) => s.role === 'lawyer').length);
  });

  it('makes the same people from the same seed', () => {
    const make = () => {
      const rng = new Rng(3);
      return Array.from({ length: 20 }, () => beneficiaryInput(rng, personSpec(rng, 'sudan'), Date.UTC(2022, 3, 4), newHousehold(rng)));
    };
    expect(make()).toEqual(make());
    const rng = new Rng(4);
    expect(normalizePhone(typedPhone(rng, '612345678'))).toBe('212612345678');
    expect(arabicOf('Mamadou Diallo')).toBe('مامادو ديالو');
    expect(arabicOf('Jean-Pierre Mbarga')).toBeNull();
  });
});

describe('benchmark, quick mode', () => {
  it('measures every action end to end and reports them', async () => {
    await store.close();
    const report = await runBench({ dataDir: dir, quick: true });
    store = await open();
    const ids = report.figures.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining([
      'unlock', 'list.first', 'list.deep', 'search.rare', 'search.common', 'search.otherScript', 'search.phone', 'search.reference',
      'case.page', 'list.count', 'people.name', 'people.count', 'audit.record', 'audit.all', 'candidates', 'create', 'pdf', 'pdf50', 'ratio.encryption', 'ratio.kysely', 'memory', 'memory-stress',
    ]));
    // The target applies to the workload's peak; the whole run's, with the 52-page stress
    // document, is shown without one.
    const memory = (id: string) => report.figures.find((f) => f.id === id);
    expect(memory('memory')?.target).toEqual({ max: 300, on: 'value' });
    expect(Math.round(memory('memory')!.p50)).toBe(report.memory.workloadPeakRssMB);
    expect(Math.round(memory('memory-stress')!.p50)).toBe(report.memory.peakRssMB);
    expect(memory('memory-stress')?.target).toBeUndefined();
    for (const f of report.figures.filter((x) => x.id !== 'pdf')) {
      expect(f.n, f.id).toBeGreaterThan(0);
      expect(Number.isFinite(f.p50) && Number.isFinite(f.p95), f.id).toBe(true);
    }
    // Every search found what it looked for, and both sides of each ratio answered alike.
    expect(report.figures.filter((f) => f.note?.includes('NOT found'))).toEqual([]);
    expect(report.ratioDetail.sameResults).toBe(true);
    expect(report.store.cases).toBe(CASES);
    // The create measurement stays in the store: its repetitions and two warm-ups.
    expect(value('SELECT count(*) FROM cases')).toBe(CASES + 5);
    expect(toText(report)).toContain('targets:');
    expect(JSON.parse(JSON.stringify(report))).toMatchObject({ quick: true });
  }, 240_000);
});
