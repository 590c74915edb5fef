import { fill } from '../../../shared/i18n/documents';
import type { Urgency } from '../../../shared/domain/case';
import type { ReferralSharing } from '../../../shared/domain/referral';
import type { DocDefinition } from '../pdf/expand';
import { DocWriter, type DocContext } from './frame';
import { paragraphs } from './intake-record';

/**
 * What a referral slip carries (issue #14): only what the referral needs. The sections the
 * writer did not choose are not in the data at all, so they cannot reach the page.
 */
export interface ReferralSlipData {
  partner: string;
  service: string;
  writer: string;
  referredOn: string;
  reference: string;
  urgency: Urgency;
  followUpDate: string;
  request: string;
  sharing: ReferralSharing;
  consentDate: string | null;
  identity: { name: string; sex: 'female' | 'male' | 'other' | 'unknown'; age: number | null; nationality: string; languages: string[]; interpreter: boolean } | null;
  contact: { phone: string; city: string } | null;
  facts: string | null;
  documents: { type: string; number: string; expiry: string }[] | null;
}

/** The slip and its return coupon, in the partner's language. Pure. */
export function buildReferralSlip(ctx: DocContext, d: ReferralSlipData): DocDefinition {
  const w = new DocWriter(ctx);
  const r = w.m.referral;
  const list = (items: string[]) => items.join(ctx.language === 'ar' ? '، ' : ', ');
  const sharing =
    d.sharing === 'consent' ? fill(r.sharingConsent, { date: w.date(d.consentDate) }) : d.sharing === 'override' ? r.sharingOverride : d.sharing === 'anonymous' ? r.sharingAnonymous : '';
  const blank = '…………………………………………………………';
  return w.document(r.title, [
    w.fields([
      [r.to, d.partner],
      [r.service, d.service],
      [r.from, `${d.writer} — ${ctx.clinicName}`],
      [r.date, w.date(d.referredOn)],
      [r.reference, w.code(d.reference)],
      [r.urgency, w.labels.urgency[d.urgency]],
      [r.followUp, w.date(d.followUpDate)],
    ]),
    w.section(r.request),
    ...(d.request ? paragraphs(w, d.request) : [w.p(w.m.none)]),
    ...(d.identity
      ? [
          w.section(r.identity),
          w.fields([
            [r.name, d.identity.name],
            [r.sex, w.labels.sex[d.identity.sex]],
            [r.age, d.identity.age === null ? w.m.none : fill(r.ageYears, { age: d.identity.age })],
            [r.nationality, w.country(d.identity.nationality)],
            [r.languages, list(d.identity.languages.map((l) => w.language(l)))],
            [r.interpreter, d.identity.interpreter ? w.m.yes : w.m.no],
          ]),
        ]
      : []),
    ...(d.contact ? [w.section(r.contact), w.fields([[r.phone, w.code(d.contact.phone)], [r.city, d.contact.city]])] : []),
    ...(d.facts ? [w.section(r.facts), ...paragraphs(w, d.facts)] : []),
    ...(d.documents
      ? [
          w.section(r.documents),
          w.grid(
            [r.documentType, r.documentNumber, r.documentExpiry],
            d.documents.map((doc) => [w.labels.documentType[doc.type as keyof typeof w.labels.documentType] ?? doc.type, w.code(doc.number), w.date(doc.expiry)]),
            [150, '*', 120],
          ),
        ]
      : []),
    ...(sharing ? [w.p(sharing, { italics: true, color: '#545d6e', margin: [0, 12, 0, 0] })] : []),
    // The return coupon: cut along the line and sent back, so the referral's answer comes
    // home. One block, never split across two pages.
    {
      unbreakable: true,
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, dash: { length: 4 }, lineWidth: 0.8, lineColor: '#545d6e' }], margin: [0, 24, 0, 8] },
        w.p(fill(r.returnTitle, { clinic: ctx.clinicName }), { bold: true, fontSize: 12 }),
        w.p(fill(r.returnReference, { reference: w.code(d.reference) }), { margin: [0, 4, 0, 8] }),
        w.fields([
          [r.returnReceived, blank],
          [r.returnAnswer, blank],
          [r.returnAppointment, blank],
          [r.returnContact, blank],
          [r.returnSignature, blank],
        ]),
      ],
    },
  ]);
}
