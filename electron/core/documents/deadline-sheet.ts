import type { DeadlineItem, HearingItem } from '../../../shared/contract/work';
import { fill } from '../../../shared/i18n/documents';
import type { DocDefinition } from '../pdf/expand';
import { DocWriter, type DocContext } from './frame';

export interface DeadlineSheetData {
  /** The lawyer's name, or null for the whole team. */
  lawyer: string | null;
  from: string;
  to: string;
  /** Open deadlines due up to `to`, overdue ones included, by due date. */
  deadlines: DeadlineItem[];
  hearings: HearingItem[];
}

export interface DeadlineLogEntry {
  at: string;
  event: 'computed' | 'overridden' | 'recomputed' | 'done' | 'reopened';
  procedure: { ar: string; fr: string; en: string };
  step: { ar: string; fr: string; en: string };
  dueAt: string | null;
  by: string | null;
  reason: string;
}

export interface DeadlineLogData {
  reference: string;
  person: string;
  entries: DeadlineLogEntry[];
}

/** A lawyer's (or the team's) deadlines and hearings for the next 14 days, to pin up or carry. Pure. */
export function buildDeadlineSheet(ctx: DocContext, data: DeadlineSheetData): DocDefinition {
  const w = new DocWriter(ctx);
  const d = w.m.deadlines;
  const due = (x: DeadlineItem) => (x.endOfDay ? `${w.date(x.dueDay)} (${d.endOfDay})` : `${w.date(x.dueDay)} ${w.code(x.dueTime)}`);
  const notes = (x: DeadlineItem) => [x.overridden ? d.setByHand : '', x.needsReview ? d.moved : ''].filter(Boolean).join(' · ');
  const rows = (items: DeadlineItem[]) =>
    items.map((x) => [due(x), w.code(x.reference), x.person, `${x.procedure[ctx.language]} — ${x.step[ctx.language]}${notes(x) ? `\n${notes(x)}` : ''}`, ...(data.lawyer === null ? [x.lawyer ?? w.m.none] : [])]);
  const table = (items: DeadlineItem[]) =>
    items.length === 0
      ? [w.p(d.nothing, { italics: true, color: '#545d6e' })]
      : [w.grid([d.due, d.case, d.person, d.step, ...(data.lawyer === null ? [d.lawyer] : [])], rows(items), data.lawyer === null ? [105, 80, 85, '*', 75] : [110, 85, 95, '*'], [2, 3])];
  const overdue = data.deadlines.filter((x) => x.state === 'overdue');
  const coming = data.deadlines.filter((x) => x.state !== 'overdue');
  return w.document(d.sheetTitle, [
    w.p(fill(d.sheetFor, { who: data.lawyer ?? d.team, from: w.date(data.from), to: w.date(data.to) }), { bold: true, margin: [0, 0, 0, 6] }),
    w.section(d.overdue),
    ...table(overdue),
    w.section(d.coming),
    ...table(coming),
    w.section(d.hearings),
    ...(data.hearings.length === 0
      ? [w.p(d.nothing, { italics: true, color: '#545d6e' })]
      : [
          w.grid(
            [d.when, d.kind, d.case, d.person, d.place],
            data.hearings.map((h) => [w.timestamp(h.at), (w.labels.hearingKind as Record<string, string>)[h.kind] ?? h.kind, w.code(h.reference), h.person, [h.place, h.room].filter(Boolean).join(' · ')]),
            [100, 72, 92, 85, '*'],
            [3, 4],
          ),
        ]),
  ]);
}

/** When each due date of a case was computed, set by hand, recomputed or met, and by whom. Pure. */
export function buildDeadlineLog(ctx: DocContext, data: DeadlineLogData): DocDefinition {
  const w = new DocWriter(ctx);
  const d = w.m.deadlines;
  const reason = (e: DeadlineLogEntry) => (e.event === 'recomputed' && e.reason === 'holidays' ? d.holidaysChanged : e.reason);
  // One table per procedure, under its name: the step column stays wide enough for whole words.
  const byProcedure = new Map<string, DeadlineLogEntry[]>();
  for (const e of data.entries) {
    const name = e.procedure[ctx.language];
    byProcedure.set(name, [...(byProcedure.get(name) ?? []), e]);
  }
  return w.document(`${d.logTitle} ${w.code(data.reference)}`, [
    w.p(`${w.code(data.reference)} — ${data.person}`, { bold: true }),
    w.p(d.logIntro, { color: '#545d6e', margin: [0, 2, 0, 6] }),
    ...(data.entries.length === 0
      ? [w.p(d.nothing, { italics: true, color: '#545d6e' })]
      : [...byProcedure].flatMap(([name, entries]) => [
          w.section(name),
          w.grid(
            [d.at, w.m.case.step, d.event, d.due, d.by, d.reason],
            entries.map((e) => [w.timestamp(e.at), e.step[ctx.language], d.events[e.event], e.dueAt ? w.timestamp(e.dueAt) : w.m.none, e.by ?? w.m.none, reason(e)]),
            [70, '*', 64, 70, 64, 76],
            [5],
          ),
        ])),
  ]);
}
