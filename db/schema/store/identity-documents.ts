import type { Generated } from 'kysely';

export interface IdentityDocumentsTable {
  id: Generated<number>;
  beneficiary_id: number;
  type: string;
  number: string;
  /** normalizeDocumentNumber(number), for duplicate checks and search. */
  number_norm: string;
  expiry: string | null;
}
