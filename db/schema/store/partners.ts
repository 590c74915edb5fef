import type { Generated } from 'kysely';
import type { PartnerKind } from '../../../shared/domain/partner';

/** Services partners offer (migration 0014): an editable list like the domains. */
export interface ServicesTable {
  id: Generated<number>;
  code: string;
  label_ar: string;
  label_fr: string;
  label_en: string;
  domain_id: number | null;
  active: number;
  sort: number;
}

/** An organisation of the partner directory. Empty text means "not given". */
export interface PartnersTable {
  id: Generated<number>;
  name: string;
  /** The name folded for search and sorting (shared/search/fold.ts). */
  name_key: string;
  kind: PartnerKind;
  address: string;
  phone: string;
  email: string;
  opening_hours: string;
  agreement: number;
  agreement_from: string | null;
  agreement_to: string | null;
  gives_feedback: number;
  answer_days: number | null;
  notes: string;
  active: Generated<number>;
  version: Generated<number>;
  created_at: string;
  created_by: number;
  updated_at: string;
  updated_by: number;
}

export interface PartnerServicesTable {
  partner_id: number;
  service_id: number;
}

export interface PartnerPlacesTable {
  partner_id: number;
  place: string;
  place_key: string;
  sort: number;
}

export interface PartnerLanguagesTable {
  partner_id: number;
  language: string;
}

export interface PartnerContactsTable {
  id: Generated<number>;
  partner_id: number;
  name: string;
  role: string;
  phone: string;
  email: string;
  sort: number;
}
