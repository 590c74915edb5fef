/** The clinic this store belongs to: exactly one row (id = 1). */
export interface ClinicTable {
  id: number;
  /** In Latin script: French and English documents and screens. */
  name: string;
  /** In Arabic script, or '' when not given: Arabic documents and screens then use `name`. */
  name_ar: string;
  /** Prefix of case references, e.g. RBT in RBT-2026-00042. */
  case_prefix: string;
  default_language: 'ar' | 'fr' | 'en';
  created_at: string;
}
