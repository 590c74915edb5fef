/** The clinic this store belongs to: exactly one row (id = 1). */
export interface ClinicTable {
  id: number;
  name: string;
  /** Prefix of case references, e.g. RBT in RBT-2026-00042. */
  case_prefix: string;
  default_language: 'ar' | 'fr' | 'en';
  created_at: string;
}
