/**
 * What a screen waits for: each action through `invoke`, as the renderer calls it, so the
 * figures include input and output validation, the session and role checks, the
 * transaction and the audit entry written (and synced) in it.
 */
import { join } from 'node:path';
import { derivePasswordKey, newPasswordKdf } from '../../electron/core/crypto/kdf';
import { createCore, type ClinicCore } from '../../electron/core/core';
import { openStore } from '../../db/open-store';
import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../../shared/contract';
import type { ActivityKind } from '../../shared/domain/activity';
import { addDays, clinicTime, localDay } from '../../shared/deadlines/zone';
import { beneficiaryInput, newHousehold, personSpec, PROFILE_WEIGHTS } from '../seed/people';
import { channelOf, domainCodes, summaryOf, urgencyOf } from '../seed/cases';
import { Rng } from '../seed/rng';
import type { SeedMeta } from '../seed/seeder';
import type { Probes } from './probes';
import { percentile, summarize, timed, type Figure } from './stats';
import { candidateQuery, deepPages, firstPages, keystrokes, type Who } from './workload';

export interface Reps {
  unlock: number;
  list: number;
  search: number;
  casePage: number;
  typingRounds: number;
  create: number;
  pdf: number;
  ratio: number;
}

type Call = <C extends Channel>(who: Who | 'unlock', channel: C, input: ChannelInput<C>) => Promise<ChannelOutput<C>>;

/**
 * The core's clock during the benchmark: the end of the seeded store's simulated period, moving
 * on with real time. "Today", "overdue", "this week" and a month's calendar then mean the same
 * thing on every run, whenever it is run (with the real date, every deadline of the store
 * would be months overdue and no hearing still to come).
 */
export function benchClock(meta: SeedMeta): () => Date {
  const start = Date.now();
  const base = Date.parse(meta.simulated.until);
  return () => new Date(base + (Date.now() - start));
}

function caller(core: ClinicCore): Call {
  return async (who, channel, input) => {
    const result = await core.invoke(who, channel, input);
    if (!result.ok) throw new Error(`${channel} as ${who}: ${JSON.stringify(result.error)}`);
    return result.value as never;
  };
}

/**
 * Unlock as a person does it at the start of the day: Argon2id at the production parameters
 * on the password, unwrap, open the store, move pending audit events in, record the login.
 * Reported whole, with the key derivation and the store opening also timed apart.
 */
export async function measureUnlock(dataDir: string, meta: SeedMeta, reps: number, dataKey: Buffer, now: () => Date): Promise<Figure[]> {
  const core = await createCore({ dataDir, now });
  const call = caller(core);
  const whole: number[] = [];
  try {
    for (let i = 0; i < reps; i++) {
      whole.push(await timed(() => call('unlock', 'auth:login', meta.admin)));
      await call('unlock', 'auth:signOut', {}); // the last session out closes the store
    }
  } finally {
    await core.close();
  }
  // The production parameters, as a new key slot gets them (a fresh salt costs the same).
  const kdf = newPasswordKdf();
  const derive: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < reps; i++) {
    derive.push(await timed(() => derivePasswordKey(meta.admin.password, kdf)));
    open.push(await timed(async () => {
      const store = openStore(join(dataDir, 'clinic.db'), Buffer.from(dataKey));
      await store.close();
    }));
  }
  return [
    summarize('unlock', 'unlock: sign in (key derivation + open)', whole, { target: { max: 1000, on: 'p95' } }),
    summarize('unlock.kdf', '  of which Argon2id (64 MiB, 3 passes)', derive),
    summarize('unlock.open', '  of which opening the store', open),
  ];
}

/** Signs the three roles in on their own windows (not measured). */
export async function openCoreSessions(dataDir: string, meta: SeedMeta, probes: Probes, now: () => Date): Promise<{ core: ClinicCore; call: Call }> {
  const core = await createCore({ dataDir, now });
  const call = caller(core);
  const username = (id: number) => meta.staff.find((s) => s.id === id)?.username;
  const supervisor = meta.staff.find((s) => s.role === 'supervisor')!.username;
  for (const [who, name] of [['supervisor', supervisor], ['lawyer', username(probes.lawyerId)], ['intake', username(probes.intakeId)]] as const) {
    await call(who, 'auth:login', { username: name ?? supervisor, password: meta.staffPassword });
  }
  return { core, call };
}

/** Runs `fn` over the inputs, round-robin, `reps` times after one unmeasured warm-up pass. */
async function sample<T>(inputs: readonly T[], reps: number, fn: (input: T) => Promise<unknown>): Promise<number[]> {
  for (const input of inputs) await fn(input);
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) samples.push(await timed(() => fn(inputs[i % inputs.length]!)));
  return samples;
}

export async function measureReads(call: Call, probes: Probes, reps: Reps, now: () => Date): Promise<Figure[]> {
  const figures: Figure[] = [];
  const lists = firstPages(probes);
  figures.push(summarize('list.first', `case list, first page (${lists.length} filters and sorts, 3 roles)`,
    await sample(lists, reps.list, (l) => call(l.who, 'cases:list', l.input)), { target: { max: 10, on: 'p95' } }));
  const deep = deepPages(probes);
  figures.push(summarize('list.deep', 'case list, deep page by keyset', await sample(deep, reps.list, (l) => call(l.who, 'cases:list', l.input)), { target: { max: 10, on: 'p95' } }));
  const searches = probes.search;
  const kinds = [
    ['rare', 'a rare name', 'supervisor'],
    ['common', 'a common name', 'supervisor'],
    ['common', 'a common name, as a lawyer (own cases only)', 'lawyer'],
    ['otherScript', 'a name typed in the other script', 'supervisor'],
    ['phone', 'a phone number', 'supervisor'],
    ['reference', 'a case reference', 'supervisor'],
  ] as const;
  for (const [key, label, who] of kinds) {
    const probe = searches[key];
    let found = true;
    const samples = await sample([probe], reps.search, async (p) => {
      const r = await call(who, 'search:global', { query: p.query });
      if (p.expect.beneficiary !== undefined && !r.beneficiaries.some((b) => b.beneficiary.id === p.expect.beneficiary)) found = false;
      if (who === 'supervisor' && p.expect.case !== undefined && !r.cases.some((c) => c.id === p.expect.case)) found = false;
    });
    const id = who === 'supervisor' ? `search.${key}` : `search.${key}.${who}`;
    figures.push(summarize(id, `global search: ${label}`, samples, { target: { max: 30, on: 'p95' }, note: `"${probe.query}"${found ? '' : ' — expected record NOT found'}` }));
  }
  // The case page asks for the case (with its person and history) and the domain labels.
  figures.push(summarize('case.page', 'open a case page (case, person, history, domains)', await sample(probes.caseIds, reps.casePage, async (id) => {
    await call('supervisor', 'cases:get', { id });
    await call('supervisor', 'domains:list', {});
  }), { target: { max: 10, on: 'p95' } }));
  // Counts are their own calls, asked beside the first page and shown when they arrive: the
  // page never waits for them, but the core is serial, so their cost is reported.
  const countOf = (i: (typeof lists)[number]['input']) => ({ status: i.status, domainId: i.domainId, lawyerId: i.lawyerId, urgency: i.urgency, from: i.from, to: i.to, nationality: i.nationality });
  figures.push(summarize('list.count', `case list count (${lists.length} filters, 3 roles)`,
    await sample(lists, reps.list, (l) => call(l.who, 'cases:count', countOf(l.input))), { note: 'beside the first page, not awaited by it' }));
  // The people list narrowed by a name (the intake index), and its count.
  const names = [probes.search.common.query, probes.search.rare.query, probes.search.otherScript.query];
  figures.push(summarize('people.name', `people list filtered by a name, first page (${names.length} names)`,
    await sample(names, reps.list, (name) => call('supervisor', 'beneficiaries:list', { name, limit: 50 })), { target: { max: 30, on: 'p95' } }));
  figures.push(summarize('people.count', 'people count for a name', await sample(names, reps.list, (name) => call('supervisor', 'beneficiaries:count', { name }))));
  // "Who saw or changed this case": the audit log of one record with its count; the whole log by kind of action.
  figures.push(summarize('audit.record', 'audit log of one case, first page and count', await sample(probes.caseIds, reps.casePage, async (caseId) => {
    await call('supervisor', 'audit:list', { caseId, limit: 50 });
    await call('supervisor', 'audit:count', { caseId });
  }), { target: { max: 30, on: 'p95' } }));
  figures.push(summarize('audit.all', 'audit log, views only, first page and count', await sample([null], reps.list, async () => {
    await call('supervisor', 'audit:list', { category: 'views', limit: 50 });
    await call('supervisor', 'audit:count', { category: 'views' });
  })));
  const typed = keystrokes(probes.typing);
  const rounds = Array.from({ length: reps.typingRounds }, () => typed).flat();
  figures.push(summarize('candidates', `search-or-create candidates, per keystroke (${typed.length} keystrokes a round)`,
    await sample(rounds, rounds.length, (text) => call('intake', 'beneficiaries:candidates', candidateQuery(text))), { target: { max: 30, on: 'p95' } }));
  figures.push(...(await measureFollowUp(call, probes, reps, now)));
  return figures;
}

/** The six weeks a month view shows (Monday first), around the clinic's today. */
export function monthGrid(today: string): { from: string; to: string } {
  const first = `${today.slice(0, 8)}01`;
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  const from = addDays(first, -weekday);
  return { from, to: addDays(from, 41) };
}

/**
 * Issue #12: the case page's follow-up sections on the busiest files, "my work" for the lawyer
 * with the most open cases, the supervisors' team view and the calendar month for everyone.
 */
async function measureFollowUp(call: Call, probes: Probes, reps: Reps, now: () => Date): Promise<Figure[]> {
  const figures: Figure[] = [];
  const busy = probes.busyCases;
  if (busy.length === 0) return figures;
  const fewest = Math.min(...busy.map((b) => b.activities));
  // What the case page asks for beside the case itself: the first page of the timeline (50, as
  // the panel asks), the procedures with their steps, the hearings, the tasks.
  const parts: Record<'activities' | 'procedures' | 'hearings' | 'tasks', number[]> = { activities: [], procedures: [], hearings: [], tasks: [] };
  const samples = await sample(busy, reps.casePage, async (b) => {
    parts.activities.push(await timed(() => call('supervisor', 'activities:list', { caseId: b.id, limit: 50 })));
    parts.procedures.push(await timed(() => call('supervisor', 'procedures:list', { caseId: b.id })));
    parts.hearings.push(await timed(() => call('supervisor', 'hearings:list', { caseId: b.id })));
    parts.tasks.push(await timed(() => call('supervisor', 'tasks:list', { caseId: b.id })));
  });
  const medians = Object.entries(parts).map(([k, v]) => `${k} ${percentile(v, 50).toFixed(2)}`).join(', ');
  figures.push(summarize('case.followUp', `case page follow-up: activities (first 50), procedures, hearings, tasks — ${busy.length} cases of ${fewest}+ activities`,
    samples, { target: { max: 15, on: 'p95' }, note: `medians: ${medians}` }));
  // Scrolling the whole timeline: every page of 50.
  let pages = 0;
  figures.push(summarize('case.activitiesAll', 'the same timeline scrolled to its end (every page of 50)', await sample(busy, Math.max(3, Math.round(reps.casePage / 10)), async (b) => {
    let cursor: string | undefined;
    pages = 0;
    do {
      const page = await call('supervisor', 'activities:list', { caseId: b.id, limit: 50, ...(cursor ? { cursor } : {}) });
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
  }), { note: `${pages} pages on the last case` }));
  figures.push(summarize('work.mine', `"my work", the lawyer with the most open cases (${probes.lawyerOpenCases})`,
    await sample([null], reps.list, () => call('lawyer', 'work:mine', {})), { target: { max: 30, on: 'p95' } }));
  figures.push(summarize('work.mine.team', '"my work" of a supervisor, everyone\'s (home page)', await sample([null], Math.max(3, Math.round(reps.list / 3)), () => call('supervisor', 'work:mine', {}))));
  figures.push(summarize('work.team', 'team view: caseload and deadlines per lawyer (supervisor)', await sample([null], reps.list, () => call('supervisor', 'work:team', {})), { target: { max: 50, on: 'p95' } }));
  if (Object.hasOwn(contract, 'calendar:entries')) {
    const month = monthGrid(localDay(now().toISOString()));
    let shown = '';
    figures.push(summarize('calendar.month', `calendar month for everyone (supervisor, ${month.from} to ${month.to})`, await sample([month], reps.list, async (m) => {
      const r = await call('supervisor', 'calendar:entries', m);
      shown = `${r.deadlines.length} deadlines, ${r.hearings.length} hearings, ${r.tasks.length} tasks${r.truncated ? ', truncated' : ''}`;
    }), { target: { max: 30, on: 'p95' }, note: shown }));
    figures.push(summarize('calendar.month.lawyer', 'calendar month of that lawyer', await sample([month], Math.max(3, Math.round(reps.list / 3)), (m) => call('lawyer', 'calendar:entries', m))));
  }
  return figures;
}

/**
 * The lawyer records an activity on one of their open cases: the write and its audit entry,
 * synced to disk, and the activity read back. These stay in the store.
 */
export async function measureActivityCreate(call: Call, probes: Probes, reps: number, now: () => Date): Promise<Figure | null> {
  const cases = probes.lawyerOpenCaseIds;
  if (cases.length === 0) return null;
  const kinds: ActivityKind[] = ['call', 'consultation', 'drafting', 'interview'];
  const samples: number[] = [];
  for (let i = 0; i < reps + 2; i++) {
    const at = new Date(now().getTime() - 5 * 60_000).toISOString();
    const date = localDay(at);
    const t = await timed(() => call('lawyer', 'activities:create', {
      caseId: cases[i % cases.length]!,
      fields: {
        kind: kinds[i % kinds.length]!, accompanimentTo: '', date, time: clinicTime(at), durationMinutes: 15 + (i % 4) * 15, language: 'fr', interpreter: false,
        notes: 'Appel à la personne: point sur le dossier, pièces complémentaires demandées.', nextAction: i % 3 === 0 ? 'Rappeler la personne' : '',
        nextActionDate: i % 3 === 0 ? addDays(date, 7) : '', restricted: i % 20 === 0,
      },
    }));
    if (i >= 2) samples.push(t); // the first two warm the statement paths
  }
  return summarize('activity.create', 'add an activity (1 audited transaction)', samples, { target: { max: 15, on: 'p95' } });
}

/**
 * Register a new person and open their case, as intake staff do: two calls, each its own
 * transaction with its audit entry, synced to disk. These records stay in the store.
 */
export async function measureCreate(call: Call, probes: Probes, reps: number, clock: () => Date): Promise<Figure> {
  const rng = new Rng(424_242 + Date.now() % 1000);
  const samples: number[] = [];
  for (let i = 0; i < reps + 2; i++) {
    const spec = personSpec(rng, rng.weighted(PROFILE_WEIGHTS));
    const now = clock().getTime();
    const person = beneficiaryInput(rng, spec, now, newHousehold(rng));
    const codes = domainCodes(rng, spec.profile, person.legalStatus, spec.sex, spec.age);
    const t = await timed(async () => {
      const created = await call('intake', 'beneficiaries:create', person);
      await call('intake', 'cases:create', {
        beneficiaryId: created.id,
        intakeDate: new Date(now).toISOString().slice(0, 10),
        channel: channelOf(rng, codes),
        domainIds: codes.map((c) => probes.domains.get(c) ?? 1),
        summary: summaryOf(rng, codes, now, person.city, person.languages),
        ...urgencyOf(rng, codes, spec.age),
        assignedLawyerId: null,
      });
    });
    if (i >= 2) samples.push(t); // the first two warm the statement paths
  }
  return summarize('create', 'create a beneficiary and open a case (2 transactions, audited)', samples, { target: { max: 15, on: 'p95' } });
}

/** The largest PDF the product makes: the case summary of the longest file, the intake record of the busiest person. */
export async function measurePdf(call: Call, probes: Probes, reps: number): Promise<Figure | null> {
  const has = (c: string) => Object.hasOwn(contract, c);
  if (!has('documents:caseSummary') && !has('documents:intakeRecord')) return null;
  const kinds: { label: string; make: () => Promise<{ base64: string }> }[] = [];
  if (has('documents:caseSummary')) kinds.push({ label: 'case summary', make: () => call('supervisor', 'documents:caseSummary', { caseId: probes.biggestCase, language: 'fr' }) });
  if (has('documents:intakeRecord')) kinds.push({ label: 'intake record', make: () => call('supervisor', 'documents:intakeRecord', { beneficiaryId: probes.busiestPerson, language: 'ar' }) });
  let best: { label: string; bytes: number; make: () => Promise<{ base64: string }> } | null = null;
  for (const k of kinds) {
    const bytes = Buffer.byteLength((await k.make()).base64, 'base64');
    if (!best || bytes > best.bytes) best = { ...k, bytes };
  }
  const chosen = best!;
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) samples.push(await timed(() => chosen.make()));
  return summarize('pdf', 'largest PDF the product makes', samples, { note: `${chosen.label}, ${Math.round(chosen.bytes / 1024)} KiB` });
}
