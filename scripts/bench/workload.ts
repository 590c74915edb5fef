/**
 * The everyday reads, defined once and run three ways: through the core's channels (what a
 * screen waits for), through the registry functions on the encrypted store and its plain
 * copy, and as hand-written prepared statements.
 */
import type { CaseListInput } from '../../shared/contract/cases';
import { normalizePhone } from '../../shared/search/phone';
import type { Probes } from './probes';

export type Who = 'supervisor' | 'lawyer' | 'intake';

export interface ListRead {
  label: string;
  who: Who;
  input: CaseListInput & { limit: number; sort: NonNullable<CaseListInput['sort']> };
}

/** First pages of the case list, filtered and sorted as the cases screen offers (50 rows, as it asks). */
export function firstPages(p: Probes): ListRead[] {
  const d = (code: string) => p.domains.get(code) ?? 1;
  return [
    { label: 'open cases, newest first', who: 'supervisor', input: { status: 'open', sort: 'intake_desc', limit: 50 } },
    { label: 'asylum domain', who: 'supervisor', input: { domainId: d('asylum'), sort: 'intake_desc', limit: 50 } },
    { label: 'critical urgency', who: 'supervisor', input: { urgency: 'critical', sort: 'intake_desc', limit: 50 } },
    { label: 'pending by urgency', who: 'supervisor', input: { status: 'pending', sort: 'urgency_desc', limit: 50 } },
    { label: 'Syrian nationals, oldest first', who: 'supervisor', input: { nationality: 'SY', sort: 'intake_asc', limit: 50 } },
    { label: 'year 2024 by reference', who: 'supervisor', input: { from: '2024-01-01', to: '2024-12-31', sort: 'reference_desc', limit: 50 } },
    { label: 'open education cases (rare domain)', who: 'supervisor', input: { domainId: d('education'), status: 'open', sort: 'intake_desc', limit: 50 } },
    { label: 'a lawyer’s own cases', who: 'lawyer', input: { sort: 'intake_desc', limit: 50 } },
    { label: 'a lawyer’s open cases by urgency', who: 'lawyer', input: { status: 'open', sort: 'urgency_desc', limit: 50 } },
    { label: 'intake worker’s cases', who: 'intake', input: { sort: 'intake_desc', limit: 50 } },
  ];
}

export function deepPages(p: Probes): ListRead[] {
  return [
    { label: 'all cases, page ~400', who: 'supervisor', input: { sort: 'intake_desc', cursor: p.deep.all, limit: 50 } },
    { label: 'closed cases, middle', who: 'supervisor', input: { status: 'closed', sort: 'intake_desc', cursor: p.deep.closed, limit: 50 } },
  ];
}

/** What the search-or-create box sends while someone types (renderer/src/lib/candidates.ts). */
export function candidateQuery(text: string): { name: string; phone: string; documentNumber: string } {
  const q = text.trim();
  if (!/[\d\u0660-\u0669\u06F0-\u06F9]/.test(q)) return { name: q, phone: '', documentNumber: '' };
  return { name: '', phone: normalizePhone(q) !== null ? q : '', documentNumber: q.length <= 60 ? q : '' };
}

/** Every prefix of at least two characters: one request per keystroke (the debounce aside). */
export function keystrokes(typing: readonly string[]): string[] {
  return typing.flatMap((t) => Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(0, i + 2)).filter((s) => s.trim().length >= 2));
}
