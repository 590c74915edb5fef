import type { Generated } from 'kysely';

/** A merge of `merged_id` into `kept_id`; `moved` lists the rows moved, so it can be undone. */
export interface BeneficiaryMergesTable {
  id: Generated<number>;
  kept_id: number;
  merged_id: number;
  /** JSON: { cases: number[], documents: number[], consents: number[], household: number[] } */
  moved: string;
  at: string;
  by_account: number;
  undone_at: string | null;
}
