import type { Generated } from 'kysely';

/** Domains of law: data a supervisor edits, labelled in the three languages. */
export interface DomainsTable {
  id: Generated<number>;
  code: string;
  label_ar: string;
  label_fr: string;
  label_en: string;
  active: number;
  sort: number;
}
