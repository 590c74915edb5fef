/** The last sequence number used per clinic prefix and year (RBT-2026-00042). */
export interface ReferenceCountersTable {
  prefix: string;
  year: number;
  last: number;
}
