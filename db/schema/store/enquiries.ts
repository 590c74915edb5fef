import type { Generated } from 'kysely';

/** An anonymous question answered at the desk or by phone: no personal data. */
export interface EnquiriesTable {
  id: Generated<number>;
  at: string;
  channel: string;
  domain_id: number;
  question: string;
  answer: string;
  created_by: number;
}
