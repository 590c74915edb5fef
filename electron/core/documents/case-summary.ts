import type { CaseDetail } from '../../../shared/contract/cases';
import type { DocDefinition } from '../pdf/expand';
import { DocWriter, type DocContext } from './frame';
import { paragraphs } from './intake-record';

export interface CaseSummaryData {
  case: CaseDetail;
  /** Domain labels in the document's language. */
  domains: string[];
}

/** Case summary: case data, status history, and the sections later features fill. Pure. */
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
    // Filled by the activities, procedures and referrals features.
    w.section(m.case.activities),
    w.p(m.case.nothingYet, { italics: true, color: '#545d6e' }),
    w.section(m.case.procedures),
    w.p(m.case.nothingYet, { italics: true, color: '#545d6e' }),
    w.section(m.case.referrals),
    w.p(m.case.nothingYet, { italics: true, color: '#545d6e' }),
  ]);
}
