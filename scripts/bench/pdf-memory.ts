/**
 * What the largest everyday PDF (the case summary of a busy file) adds to the process's
 * peak memory, without the 100,000-case store: a fresh encrypted store through the core,
 * one case of 375 activities, 10 procedures and 10 hearings (the busiest file of the bench
 * store), then the summary, as the benchmark makes it (once, then `reps` times, warm).
 * maxRSS only ever grows, so the store is made in this process and each language is
 * measured in a child process of its own, which only signs in and asks for the summary:
 *
 *   node scripts/bench-runner.mjs scripts/bench/pdf-memory.ts [reps] [languages…]
 *
 * Prints the peak RSS before and after (the process also hosts the PDF worker thread),
 * RSS sampled every 5 ms, the PDF's size and the median time. Not part of `npm run bench`: an instrument for
 * docs/PERFORMANCE.md's memory line.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/core';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { ACTIVITY_KINDS, type ActivityKind } from '../../shared/domain/activity';
import { HEARING_KINDS } from '../../shared/domain/hearing';
import { activityNotes, nextAction } from '../seed/follow-up-texts';
import type { Rng } from '../seed/rng';

const MB = 2 ** 20;
const child = process.argv[2] === '--child';
const [reps = '10', ...languages] = child ? process.argv.slice(4) : process.argv.slice(2);
const maxRss = () => Math.round((process.resourceUsage().maxRSS * 1024) / MB);

/** The seed's texts want only these three of Rng's methods; no faker (9 MB) for them. */
let state = 12345;
const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const rng = { int: (a: number, b: number) => a + Math.floor(next() * (b - a + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!, chance: (p: number) => next() < p } as unknown as Rng;

const dir = child ? process.argv[3]! : mkdtempSync(join(tmpdir(), 'clinic-pdfmem-'));
const core = await createCore({ dataDir: dir, now: () => new Date('2026-11-25T10:00:00Z') });
async function ok<C extends Channel>(client: string, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await core.invoke(client, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as ChannelOutput<C>;
}

async function seed(): Promise<void> {
  await ok('admin', 'setup:initialize', { clinicName: 'Clinique juridique de Rabat', casePrefix: 'RBT', defaultLanguage: 'fr', admin: { fullName: 'Salma Admin', username: 'salma', password: 'Cle-Forte-2026!' } });
  const initial = 'Premier-Acces-2026!';
  const lawyer = await ok('admin', 'accounts:create', { username: 'youssef', fullName: 'Youssef Lamrani', role: 'lawyer', language: 'fr', password: initial });
  await ok('law', 'auth:login', { username: 'youssef', password: initial });
  await ok('law', 'auth:changePassword', { currentPassword: initial, newPassword: 'Secret-Personnel-2026!' });
  const p = await ok('admin', 'beneficiaries:create', {
    latinName: 'Moussa Kone', arabicName: 'موسى كوني', otherSpellings: '', sex: 'male', birthDate: '', estimatedAge: '', nationality: 'ML', birthCountry: 'ML', languages: ['fr', 'ar'],
    interpreterNeeded: false, phone: '', city: 'Rabat', arrivalDate: '', legalStatus: 'unknown', documents: [], specificNeeds: [], referralSource: '', consentDataKeeping: true, consentReferralSharing: false,
  });
  const kase = await ok('admin', 'cases:create', { beneficiaryId: p.id, intakeDate: '2025-01-06', channel: 'walk_in', domainIds: [1], summary: 'Demande de carte de séjour après refus de la préfecture.', urgency: 'normal', urgencyReasons: [], sensitive: false, assignedLawyerId: lawyer.id });
  const day = (i: number) => new Date(Date.parse('2025-01-06T00:00:00Z') + i * 86_400_000 * 1.8).toISOString().slice(0, 10);
  for (let i = 0; i < 375; i++) {
    const kind: ActivityKind = ACTIVITY_KINDS[i % ACTIVITY_KINDS.length]!;
    const lang = i % 7 === 0 ? 'ar' : i % 11 === 0 ? 'en' : 'fr';
    const next = i % 4 === 0;
    await ok('law', 'activities:create', { caseId: kase.id, fields: {
      kind, date: day(i), time: '10:30', durationMinutes: 45, language: lang, interpreter: false, restricted: i % 9 === 0,
      notes: activityNotes(rng, kind, lang, 'Rabat'), accompanimentTo: kind === 'accompaniment' ? 'prefecture' : '',
      nextAction: next ? nextAction(rng) : '', nextActionDate: next ? day(i + 3) : '',
    } });
  }
  const templates = await ok('law', 'procedures:templates', {});
  for (let i = 0; i < 10; i++) {
    await ok('law', 'procedures:start', { caseId: kase.id, fields: { templateId: templates[i % templates.length]!.id, authority: 'Wilaya de Rabat', authorityRefs: `AR-2026/${100 + i}`, decision: '', notifiedDate: day(200 + i * 5), notifiedTime: '12:24', notificationMode: 'in_person' } });
    await ok('law', 'hearings:create', { caseId: kase.id, fields: { kind: HEARING_KINDS[i % HEARING_KINDS.length]!, date: day(300 + i), time: '09:30', place: 'Tribunal administratif de Rabat', room: 'Salle 2', purpose: '' } });
  }
}

async function measure(language: 'fr' | 'ar' | 'en'): Promise<void> {
  await ok('law', 'auth:login', { username: 'youssef', password: 'Secret-Personnel-2026!' });
  const kase = (await ok('law', 'cases:list', { limit: 1 })).items[0]!;
  const before = maxRss();
  let sampled = 0;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 5);
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 1 + Number(reps); i++) {
    const t = performance.now();
    const doc = await ok('law', 'documents:caseSummary', { caseId: kase.id, language });
    times.push(performance.now() - t);
    size = Buffer.byteLength(doc.base64, 'base64');
  }
  clearInterval(sampler);
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ language, reps: Number(reps), kib: Math.round(size / 1024), msMedian: Math.round(times[times.length >> 1]!), maxRssBeforeMB: before, maxRssAfterMB: maxRss(), addedMB: maxRss() - before, sampledPeakMB: Math.round(sampled / MB) }));
}

try {
  if (child) {
    await measure(languages[0] as 'fr' | 'ar' | 'en');
  } else {
    await seed();
    await core.close();
    for (const language of languages.length ? languages : ['ar', 'fr']) {
      // The bundle this runs as, run again by plain Node: the same code, a fresh maxRSS.
      const run = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', dir, reps, language], { stdio: 'inherit' });
      if (run.status !== 0) throw new Error(`the ${language} child failed (${run.status ?? run.signal})`);
    }
  }
} finally {
  await core.close();
  if (!child) rmSync(dir, { recursive: true, force: true });
}
