import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { BeneficiariesTable } from '../../../db/schema/store/beneficiaries';
import type { beneficiaryFieldsSchema, BeneficiarySummary } from '../../../shared/contract/beneficiaries';
import { normalizePhone } from '../../../shared/search/phone';

type Fields = z.output<typeof beneficiaryFieldsSchema>;
type Row = Selectable<BeneficiariesTable>;

const nullIfEmpty = (s: string): string | null => (s === '' ? null : s);

/** Form fields → columns (consent and documents live in their own tables). */
export function toColumns(f: Fields, today: string) {
  return {
    latin_name: f.latinName,
    arabic_name: f.arabicName,
    other_spellings: f.otherSpellings,
    sex: f.sex,
    birth_date: nullIfEmpty(f.birthDate),
    estimated_age: f.estimatedAge === '' ? null : f.estimatedAge,
    estimated_at: f.estimatedAge === '' ? null : today,
    nationality: nullIfEmpty(f.nationality),
    birth_country: nullIfEmpty(f.birthCountry),
    languages: JSON.stringify(f.languages),
    interpreter_needed: f.interpreterNeeded ? 1 : 0,
    phone: f.phone,
    phone_norm: f.phone === '' ? null : normalizePhone(f.phone),
    city: f.city,
    arrival_date: nullIfEmpty(f.arrivalDate),
    legal_status: f.legalStatus,
    specific_needs: JSON.stringify(f.specificNeeds),
    referral_source: nullIfEmpty(f.referralSource),
  };
}

/** Every name a person is known by: what the search index stores. */
export function namesOf(row: Pick<Row, 'latin_name' | 'arabic_name' | 'other_spellings'>): string[] {
  return [row.latin_name, row.arabic_name, ...row.other_spellings.split(/[,;\n]/)].map((n) => n.trim()).filter(Boolean);
}

export function birthYearOf(row: Pick<Row, 'birth_date' | 'estimated_age' | 'estimated_at'>): number | null {
  if (row.birth_date) return Number(row.birth_date.slice(0, 4));
  if (row.estimated_age !== null && row.estimated_at) return Number(row.estimated_at.slice(0, 4)) - row.estimated_age;
  return null;
}

export function toSummary(row: Row): BeneficiarySummary {
  return {
    id: row.id,
    latinName: row.latin_name,
    arabicName: row.arabic_name,
    sex: row.sex,
    birthYear: birthYearOf(row),
    nationality: row.nationality ?? '',
    phone: row.phone,
    city: row.city,
    legalStatus: row.legal_status as BeneficiarySummary['legalStatus'],
    createdAt: row.created_at,
  };
}

export function toFields(row: Row, documents: { type: string; number: string; expiry: string | null }[], consent: { dataKeeping: boolean; referralSharing: boolean | null }): Fields {
  return {
    latinName: row.latin_name,
    arabicName: row.arabic_name,
    otherSpellings: row.other_spellings,
    sex: row.sex,
    birthDate: row.birth_date ?? '',
    estimatedAge: row.estimated_age ?? '',
    nationality: row.nationality ?? '',
    birthCountry: row.birth_country ?? '',
    languages: JSON.parse(row.languages) as string[],
    interpreterNeeded: row.interpreter_needed === 1,
    phone: row.phone,
    city: row.city,
    arrivalDate: row.arrival_date ?? '',
    legalStatus: row.legal_status as Fields['legalStatus'],
    documents: documents.map((d) => ({ type: d.type as Fields['documents'][number]['type'], number: d.number, expiry: d.expiry ?? '' })),
    specificNeeds: JSON.parse(row.specific_needs) as Fields['specificNeeds'],
    referralSource: (row.referral_source ?? '') as Fields['referralSource'],
    consentDataKeeping: consent.dataKeeping,
    consentReferralSharing: consent.referralSharing,
  };
}
