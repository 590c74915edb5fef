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

  it('follows cases up: activities, procedures with computed deadlines, hearings and tasks', () => {
    const c = meta.counts;
    expect(value('SELECT count(*) FROM activities')).toBe(c.activities);
    expect(value('SELECT count(*) FROM procedures')).toBe(c.procedures);
    expect(value('SELECT count(*) FROM hearings')).toBe(c.hearings);
    expect(value('SELECT count(*) FROM tasks')).toBe(c.tasks);
    // About ten activities, one and a half procedures, one hearing a case (1,000,000 / 150,000 / 120,000 at 100,000).
    expect(c.activities).toBeGreaterThan(CASES * 6);
    expect(c.procedures).toBeGreaterThan(CASES * 0.8);
    expect(c.hearings).toBeGreaterThan(CASES * 0.6);
    expect(c.tasks).toBeGreaterThan(0);
    // A busy file for the case page probe.
    expect(value('SELECT max(n) FROM (SELECT count(*) AS n FROM activities GROUP BY case_id)')).toBeGreaterThanOrEqual(150);

    // Activities: kinds, languages, interpreters, next actions, ~5 % restricted, edits that keep the earlier text.
    expect(value('SELECT count(DISTINCT kind) FROM activities')).toBeGreaterThanOrEqual(8);
    expect(value('SELECT avg(restricted) FROM activities')).toBeGreaterThan(0.02);
    expect(value('SELECT avg(restricted) FROM activities')).toBeLessThan(0.1);
    expect(value('SELECT count(*) FROM activities WHERE interpreter = 1')).toBeGreaterThan(0);
    expect(value("SELECT count(*) FROM activities WHERE next_action <> '' AND next_action_date >= occurred_day")).toBeGreaterThan(0);
    expect(value("SELECT count(*) FROM activities WHERE kind = 'accompaniment' AND accompaniment_to = ''")).toBe(0);
    const notes = all<{ notes: string }>('SELECT notes FROM activities').map((r) => r.notes);
    expect(notes.filter((t) => /[\u0600-\u06ff]/.test(t)).length / notes.length).toBeGreaterThan(0.03);
    expect(notes.filter((t) => /\b(the|with|client)\b/.test(t)).length).toBeGreaterThan(0);
    expect(value('SELECT count(*) FROM activities WHERE revision > 1')).toBe(c.activityEdits);
    expect(c.activityEdits).toBeGreaterThan(0);
    expect(value('SELECT count(*) FROM activities a WHERE revision > 1 AND (SELECT count(*) FROM activity_revisions r WHERE r.activity_id = a.id) <> a.revision - 1')).toBe(0);
    // Played by the right people: a lawyer on a file given to them, intake staff on a file they opened (never a sensitive one).
    expect(value(`SELECT count(*) FROM activities a JOIN accounts w ON w.id = a.author_id WHERE w.role = 'lawyer'
      AND NOT EXISTS (SELECT 1 FROM case_assignments s WHERE s.case_id = a.case_id AND s.to_lawyer_id = a.author_id AND s.at <= a.created_at)`)).toBe(0);
    expect(value(`SELECT count(*) FROM activities a JOIN accounts w ON w.id = a.author_id JOIN cases k ON k.id = a.case_id WHERE w.role = 'intake'
      AND (k.created_by <> a.author_id OR k.sensitive = 1)`)).toBe(0);
    expect(value("SELECT count(DISTINCT w.role) FROM activities a JOIN accounts w ON w.id = a.author_id")).toBe(3);
    // Dated when they happened: never after they were written, never before the file was opened at the desk (beyond the hour).
    expect(value('SELECT count(*) FROM activities WHERE occurred_at > created_at')).toBe(0);

    // Procedures: every template step copied; deadlines from the notification computed at once,
    // those that wait for another step computed only once it is met; some met, some overridden, some running.
    expect(value('SELECT count(DISTINCT template_id) FROM procedures')).toBeGreaterThanOrEqual(8);
    expect(value(`SELECT count(*) FROM procedures p JOIN procedure_templates t ON t.id = p.template_id
      WHERE (SELECT count(*) FROM procedure_steps s WHERE s.procedure_id = p.id) <> json_array_length(t.steps)`)).toBe(0);
    expect(value("SELECT count(*) FROM procedures WHERE notified_at > created_at")).toBe(0);
    expect(value(`SELECT count(*) FROM procedure_steps WHERE json_extract(rule, '$.trigger.kind') = 'notification'
      AND (computation IS NULL OR computed_due_at IS NULL OR due_at IS NULL)`)).toBe(0);
    expect(value(`SELECT count(*) FROM procedure_steps s WHERE json_extract(s.rule, '$.trigger.kind') = 'step' AND s.computation IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM procedure_steps t WHERE t.procedure_id = s.procedure_id AND t.step_key = json_extract(s.rule, '$.trigger.step') AND t.done_at IS NOT NULL)`)).toBe(0);
    expect(value("SELECT count(*) FROM procedure_steps WHERE json_extract(rule, '$.trigger.kind') = 'step' AND computation IS NOT NULL")).toBeGreaterThan(0);
    expect(value('SELECT count(*) FROM procedure_steps WHERE done_at IS NOT NULL')).toBe(c.stepsDone);
    expect(value('SELECT count(*) FROM procedure_steps s JOIN procedures p ON p.id = s.procedure_id WHERE s.done_at < p.notified_at')).toBe(0);
    expect(value("SELECT count(*) FROM procedure_steps WHERE override_due_at IS NOT NULL AND override_reason <> ''")).toBe(c.dueOverrides);
    expect(c.dueOverrides).toBeGreaterThan(0);
    expect(value("SELECT count(*) FROM deadline_log WHERE event = 'computed'")).toBe(value('SELECT count(*) FROM procedure_steps WHERE computation IS NOT NULL'));
    // Deadlines still running on open files at the end of the simulated period.
    expect(value(`SELECT count(*) FROM procedure_steps s JOIN procedures p ON p.id = s.procedure_id JOIN cases k ON k.id = p.case_id
      WHERE s.done_at IS NULL AND s.due_at IS NOT NULL AND k.status <> 'closed'`)).toBeGreaterThan(0);

    // Hearings: held, adjourned (linked both ways), cancelled; some still to come on open files.
    const statuses = all<{ status: string }>('SELECT DISTINCT status FROM hearings').map((r) => r.status);
    expect(statuses).toEqual(expect.arrayContaining(['held', 'adjourned', 'cancelled', 'scheduled']));
    expect(value("SELECT count(*) FROM hearings h WHERE status = 'adjourned' AND NOT EXISTS (SELECT 1 FROM hearings n WHERE n.id = h.next_id AND n.previous_id = h.id AND n.at > h.at)")).toBe(0);
    expect(value("SELECT count(*) FROM hearings WHERE status = 'adjourned'")).toBe(c.adjournments);
    expect(value(`SELECT count(*) FROM hearings h JOIN cases k ON k.id = h.case_id WHERE h.status = 'scheduled' AND h.at > ? AND k.status <> 'closed'`, meta.simulated.until)).toBeGreaterThan(0);

    // Tasks: on cases and alone, done and open.
    expect(value("SELECT count(*) FROM tasks WHERE status = 'done'")).toBe(c.tasksDone);
    expect(value("SELECT count(*) FROM tasks WHERE status = 'open'")).toBeGreaterThan(0);
    expect(value('SELECT count(*) FROM tasks WHERE case_id IS NULL')).toBeGreaterThan(0);

    // Dormant files closed at a file review; one lawyer is given more files than the others.
    expect(value("SELECT count(*) FROM case_status_history WHERE closure_reason = 'lost_contact' AND note LIKE 'Clôture après revue%'")).toBe(c.reviewClosings);
    // (With two lawyers at this size, its larger share is within chance of the even one: only named here.)
    expect(meta.staff.find((m) => m.id === meta.heavyLawyer.id)?.role).toBe('lawyer');
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
      'case.followUp', 'case.activitiesAll', 'work.mine', 'work.mine.team', 'work.team', 'calendar.month', 'activity.create',
    ]));
    // The issue #12 targets are reported with their p95 limits.
    const target = (id: string) => report.figures.find((f) => f.id === id)?.target?.max;
    expect(['case.followUp', 'work.mine', 'work.team', 'calendar.month', 'activity.create'].map(target)).toEqual([15, 30, 50, 30, 15]);
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
    expect(value('SELECT count(*) FROM activities')).toBe(meta.counts.activities + 5);
    expect(toText(report)).toContain('targets:');
    expect(JSON.parse(JSON.stringify(report))).toMatchObject({ quick: true });
  }, 240_000);
});
