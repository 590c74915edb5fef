import type { Generated } from 'kysely';

/** A person the clinic assists. JSON arrays are stored as TEXT; dates as YYYY-MM-DD. */
export interface BeneficiariesTable {
  id: Generated<number>;
  latin_name: string;
  arabic_name: string;
  other_spellings: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  birth_date: string | null;
  estimated_age: number | null;
  /** The date an estimated age was given, so the birth year can be derived later. */
  estimated_at: string | null;
  nationality: string | null;
  birth_country: string | null;
  /** JSON array of language codes. */
  languages: string;
  interpreter_needed: number;
  phone: string;
  /** normalizePhone(phone): the form duplicate checks and search compare. */
  phone_norm: string | null;
  city: string;
  arrival_date: string | null;
  legal_status: string;
  /** JSON array of SpecificNeed codes. */
  specific_needs: string;
  referral_source: string | null;
  created_by: number;
  created_at: string;
  updated_at: string;
  /** Set when this record was merged into another; such records leave lists and search. */
  merged_into: number | null;
}
