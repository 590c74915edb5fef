/**
 * Facts needed before anyone unlocks: store file version, the salt of username lookups,
 * the clinic's name and default language for the login screen. Nothing sensitive.
 */
export interface VaultMetaTable {
  key: string;
  value: string;
}
