import type { BeneficiaryDetail } from '../../../shared/contract/beneficiaries';
import { fill } from '../../../shared/i18n/documents';
import type { DocDefinition } from '../pdf/expand';
import { DocWriter, type DocContext } from './frame';

export interface IntakeRecordData {
  person: BeneficiaryDetail;
  /** The summary of the person's first case, if any: their first request. */
  firstRequest: { reference: string; summary: string } | null;
}

/** Intake record of a beneficiary: identity, documents, consent given, specific needs, first request. Pure. */
export function buildIntakeRecord(ctx: DocContext, data: IntakeRecordData): DocDefinition {
  const w = new DocWriter(ctx);
  const { m } = w;
  const f = data.person.fields;
  const birth = f.birthDate
    ? w.date(f.birthDate)
    : f.estimatedAge !== ''
      ? fill(m.intake.estimatedAge, { age: f.estimatedAge, date: w.date(data.person.createdAt) })
      : m.none;
  return w.document(m.intake.title, [
    w.section(m.intake.identity),
    w.fields([
      [m.intake.latinName, f.latinName],
      [m.intake.arabicName, f.arabicName],
      [m.intake.otherSpellings, f.otherSpellings],
      [m.intake.sex, w.labels.sex[f.sex]],
      [m.intake.birth, birth],
      [m.intake.nationality, w.country(f.nationality)],
      [m.intake.birthCountry, w.country(f.birthCountry)],
      [m.intake.languages, f.languages.map((l) => w.language(l)).join(ctx.language === 'ar' ? '، ' : ', ')],
      [m.intake.interpreter, f.interpreterNeeded ? m.yes : m.no],
      [m.intake.phone, w.code(f.phone)],
      [m.intake.city, f.city],
      [m.intake.arrival, w.date(f.arrivalDate)],
      [m.intake.legalStatus, w.labels.legalStatus[f.legalStatus]],
    ]),
    w.section(m.intake.documents),
    w.grid(
      [m.intake.documentType, m.intake.documentNumber, m.intake.documentExpiry],
      f.documents.map((d) => [w.labels.documentType[d.type], w.code(d.number), w.date(d.expiry)]),
      [150, '*', 120],
    ),
    w.section(m.intake.consent),
    w.grid(
      [m.intake.consentScope, m.intake.consentGiven, m.intake.consentWhen, m.intake.consentBy],
      [
        ...data.person.consents.map((c) => [
          // A consent given for one referral names its partner and service.
          [w.labels.consentScope[c.scope], c.partner ? `\u2068${c.partner}\u2069` : '', c.service ? c.service[ctx.language] : ''].filter(Boolean).join(' — '),
          c.given ? m.yes : m.no,
          w.timestamp(c.recordedAt),
          c.recordedBy,
        ]),
        // Sharing that was never asked is said so, not printed as a refusal.
        ...(data.person.consents.some((c) => c.scope === 'referral_sharing') ? [] : [[w.labels.consentScope.referral_sharing, m.intake.consentNotAsked, '', '']]),
      ],
      ['*', 80, 130, 110],
    ),
    w.section(m.intake.needs),
    w.p(f.specificNeeds.map((n) => w.labels.specificNeed[n]).join(ctx.language === 'ar' ? '، ' : ', ')),
    w.section(m.intake.firstRequest),
    ...(data.firstRequest
      ? [w.p(w.code(data.firstRequest.reference), { bold: true }), ...paragraphs(w, data.firstRequest.summary)]
      : [w.p(m.intake.noCase, { italics: true })]),
  ]);
}

/** Typed text keeps its paragraphs. */
export function paragraphs(w: DocWriter, text: string) {
  return text
    .split(/\n{1,}/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => w.typed(s, { margin: [0, 0, 0, 6] }));
}
