import type { Generated } from 'kysely';

export interface HouseholdLinksTable {
  id: Generated<number>;
  beneficiary_id: number;
  related_id: number;
  relation: string;
}
