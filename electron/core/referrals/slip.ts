import type { Transaction } from 'kysely';
import type { StoreDatabase } from '../../../db/schema/store';
import type { z } from 'zod';
import type { referralSlipInputSchema } from '../../../shared/contract/documents';
import { localDay } from '../../../shared/deadlines/zone';
import { LANGUAGES, type Language } from '../../../shared/domain/languages';
import type { ReferralSlipData } from '../documents/referral-slip';
import { beneficiaryDetail } from '../registry/beneficiaries';
import { loadVisibleCase } from '../registry/cases';
import type { Session } from '../sessions';
import { AppError, refuseFields } from '../errors';

type Trx = Transaction<StoreDatabase>;
type Input = z.output<typeof referralSlipInputSchema>;

/** Whole years between a birth day and `today` (both YYYY-MM-DD). */
function yearsBetween(birth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  return today.slice(5) < birth.slice(5) ? years - 1 : years;
}

/**
 * The slip's data: only the sections asked for are read into it. An anonymous referral
 * carries nothing that identifies the person: asking for identity, contact or documents on
 * one is refused, in the core, whatever the form allowed.
 */
export async function referralSlipData(trx: Trx, input: Input, session: Session, now: Date): Promise<{ data: ReferralSlipData; language: Language; caseId: number }> {
  const row = await trx.selectFrom('referrals').selectAll().where('id', '=', input.referralId).executeTakeFirst();
  if (!row || row.case_id === null || row.partner_id === null) throw new AppError('NOT_FOUND');
  const kase = await loadVisibleCase(trx, row.case_id, session);
  const { sections } = input;
  if (row.sharing === 'anonymous') {
    const identifying = (['identity', 'contact', 'documents'] as const).filter((k) => sections[k]);
    refuseFields(identifying.map((k) => ({ path: `sections.${k}`, message: 'validation.anonymousSlip' })));
  }
  const partner = await trx.selectFrom('partners').select('name').where('id', '=', row.partner_id).executeTakeFirstOrThrow();
  const spoken = await trx.selectFrom('partner_languages').select('language').where('partner_id', '=', row.partner_id).execute();
  // The partner's language: the first of Arabic, French or English it speaks; else the writer's.
  const language = input.language || (LANGUAGES.find((l) => spoken.some((s) => s.language === l)) ?? session.language);
  const service = await trx.selectFrom('services').select(['label_ar', 'label_fr', 'label_en']).where('id', '=', row.service_id).executeTakeFirstOrThrow();
  const writer = await trx.selectFrom('accounts').select('full_name').where('id', '=', row.created_by).executeTakeFirstOrThrow();
  const consent = row.consent_id === null ? undefined : await trx.selectFrom('consents').select('recorded_at').where('id', '=', row.consent_id).executeTakeFirst();
  const needsPerson = sections.identity || sections.contact || sections.documents;
  const person = needsPerson ? (await beneficiaryDetail(trx, kase.beneficiary_id, session)).fields : null;
  const today = localDay(now.toISOString());
  const name = person ? (language === 'ar' ? person.arabicName || person.latinName : person.latinName || person.arabicName) : '';
  return {
    language,
    caseId: kase.id,
    data: {
      partner: partner.name,
      service: { ar: service.label_ar, fr: service.label_fr, en: service.label_en }[language],
      writer: writer.full_name,
      referredOn: row.referred_on,
      reference: `${kase.reference} / ${row.id}`,
      urgency: row.urgency,
      followUpDate: row.follow_up_date ?? '',
      request: row.request,
      sharing: row.sharing,
      consentDate: consent ? localDay(consent.recorded_at) : null,
      identity:
        person && sections.identity
          ? {
              name,
              sex: person.sex,
              age: person.birthDate ? yearsBetween(person.birthDate, today) : person.estimatedAge === '' ? null : Number(person.estimatedAge),
              nationality: person.nationality,
              languages: person.languages,
              interpreter: person.interpreterNeeded,
            }
          : null,
      contact: person && sections.contact ? { phone: person.phone, city: person.city } : null,
      facts: sections.facts ? row.reason : null,
      documents: person && sections.documents ? person.documents.map((d) => ({ type: d.type, number: d.number, expiry: d.expiry })) : null,
    },
  };
}
