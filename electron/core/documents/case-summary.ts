import type { Activity } from '../../../shared/contract/activities';
import type { CaseDetail } from '../../../shared/contract/cases';
import type { Hearing } from '../../../shared/contract/hearings';
import type { Procedure } from '../../../shared/contract/procedures';
import { fill } from '../../../shared/i18n/documents';
import type { DocDefinition } from '../pdf/expand';
import { DocWriter, type DocContext } from './frame';
import { paragraphs } from './intake-record';

export interface CaseSummaryData {
  case: CaseDetail;
  /** Domain labels in the document's language. */
  domains: string[];
  /** The activities the reader may see (restricted ones only for those allowed), oldest first. */
  activities: Activity[];
  procedures: Procedure[];
  hearings: Hearing[];
}

/** Case summary: case data, status history, activities and procedures; referrals to come. Pure. */
export function buildCaseSummary(ctx: DocContext, data: CaseSummaryData): DocDefinition {
  const w = new DocWriter(ctx);
  const { m } = w;
  const c = data.case;
  const person = [c.beneficiary.latinName, c.beneficiary.arabicName].filter(Boolean).join(' — ');
  const status = (s: string | null) => (s ? (w.labels.caseStatus as Record<string, string>)[s] ?? s : m.none);
  return w.document(`${m.case.title} ${w.code(c.reference)}`, [
    w.fields([
      [m.case.reference, w.code(c.reference)],
      [m.case.beneficiary, person],
      [m.case.intakeDate, w.date(c.fields.intakeDate)],
      [m.case.channel, w.labels.channel[c.fields.channel]],
      [m.case.domains, data.domains.join(ctx.language === 'ar' ? '، ' : ', ')],
      [m.case.urgency, w.labels.urgency[c.fields.urgency]],
      [m.case.sensitive, c.fields.sensitive ? m.yes : m.no],
      [m.case.lawyer, c.assignedLawyer ?? m.none],
      [m.case.status, status(c.status)],
    ]),
    w.section(m.case.facts),
    ...paragraphs(w, c.fields.summary),
    w.section(m.case.history),
    w.grid(
      [m.case.when, m.case.from, m.case.to, m.case.by, m.case.note],
      c.history.map((h) => [w.timestamp(h.at), status(h.from), status(h.to), h.by, h.note]),
      [110, 65, 65, 90, '*'],
      [4],
    ),
    w.section(m.case.activities),
    w.grid(
      [m.case.when, m.case.kind, m.case.by, m.case.notes],
      data.activities.map((a) => [
        `${w.date(a.date)} ${w.code(a.time)} · ${fill(m.case.minutes, { n: a.durationMinutes })}`,
        [(w.labels.activityKind as Record<string, string>)[a.kind] ?? a.kind, a.restricted ? m.case.restricted : ''].filter(Boolean).join(' · '),
        a.author,
        [a.notes, a.nextAction ? fill(m.case.nextAction, { action: a.nextAction, date: a.nextActionDate ? w.date(a.nextActionDate) : m.none }) : ''].filter(Boolean).join('\n'),
      ]),
      [110, 80, 80, '*'],
      [3],
    ),
    w.section(m.case.procedures),
    ...(data.procedures.length === 0
      ? [w.p(m.case.nothingYet, { italics: true, color: '#545d6e' })]
      : data.procedures.flatMap((pr) => [
          w.p(pr.template.name[ctx.language], { bold: true, margin: [0, 6, 0, 2], keepWithNext: true }),
          w.typed([pr.authority, pr.authorityRefs].filter(Boolean).join(' · '), { keepWithNext: true }),
          w.p(fill(m.case.notified, { trigger: pr.template.triggerName[ctx.language], date: `${w.date(pr.notifiedDay)} ${w.code(pr.notifiedTime)}` }), { keepWithNext: true }),
          w.grid(
            [m.case.step, m.case.due, m.case.state],
            pr.steps.map((st) => [
              st.name[ctx.language],
              st.doneAt ? fill(m.case.doneOn, { date: w.timestamp(st.doneAt) }) : st.dueDay ? `${w.date(st.dueDay)} ${w.code(st.dueTime ?? '')}` : m.none,
              (w.labels.stepState as Record<string, string>)[st.state] ?? st.state,
            ]),
            [170, '*', 90],
          ),
        ])),
    w.section(m.case.hearings),
    w.grid(
      [m.case.when, m.case.kind, m.case.place, m.case.state],
      data.hearings.map((h) => [
        `${w.date(h.date)} ${w.code(h.time)}`,
        (w.labels.hearingKind as Record<string, string>)[h.kind] ?? h.kind,
        [h.place, h.room].filter(Boolean).join(' · '),
        [(w.labels.hearingStatus as Record<string, string>)[h.status] ?? h.status, h.result].filter(Boolean).join(' — '),
      ]),
      [110, 90, '*', 130],
      [2, 3],
    ),
    w.section(m.case.referrals),
    w.p(m.case.nothingYet, { italics: true, color: '#545d6e' }),
  ]);
}
