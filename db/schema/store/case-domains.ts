export interface CaseDomainsTable {
  case_id: number;
  domain_id: number;
}
