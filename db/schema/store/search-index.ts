/** FTS5 tables, rowid = beneficiaries.id / cases.id. Written only by electron/core/registry/search-index.ts. */
export interface PersonFtsTable {
  rowid: number;
  name_text: string;
  name_keys: string;
}

export interface CaseFtsTable {
  rowid: number;
  reference: string;
  summary: string;
}
