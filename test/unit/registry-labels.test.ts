import { describe, expect, it } from 'vitest';
import { MATCH_REASONS } from '../../shared/contract/beneficiaries';
import { CASE_SORTS } from '../../shared/contract/cases';
import { CONSENT_SCOPES, DOCUMENT_TYPES, LEGAL_STATUSES, REFERRAL_SOURCES, RELATIONS, SEXES, SPECIFIC_NEEDS } from '../../shared/domain/beneficiary';
import { CASE_STATUSES, CLOSURE_REASONS, INTAKE_CHANNELS, OUTCOMES, URGENCIES, URGENCY_REASONS } from '../../shared/domain/case';
import { LANGUAGES } from '../../shared/domain/languages';
import { catalogs } from '../../shared/i18n';

/** The screens label every code of the registry's vocabularies with `enums.<group>.<code>`. */
const GROUPS: Record<string, readonly string[]> = {
  sex: SEXES,
  legalStatus: LEGAL_STATUSES,
  documentType: DOCUMENT_TYPES,
  specificNeed: SPECIFIC_NEEDS,
  referralSource: REFERRAL_SOURCES,
  relation: RELATIONS,
  consentScope: CONSENT_SCOPES,
  caseStatus: CASE_STATUSES,
  channel: INTAKE_CHANNELS,
  urgency: URGENCIES,
  urgencyReason: URGENCY_REASONS,
  closureReason: CLOSURE_REASONS,
  outcome: OUTCOMES,
  matchReason: MATCH_REASONS,
  caseSort: CASE_SORTS,
};

describe('registry vocabularies', () => {
  it('every code has a label in every language, and no label is left over', () => {
    for (const language of LANGUAGES) {
      const enums = catalogs[language].enums as Record<string, Record<string, string>>;
      for (const [group, codes] of Object.entries(GROUPS)) {
        expect(Object.keys(enums[group] ?? {}).sort(), `${language}:${group}`).toEqual([...codes].sort());
      }
    }
  });

  it('labels within a group are distinct (two codes never read the same)', () => {
    for (const language of LANGUAGES) {
      const enums = catalogs[language].enums as Record<string, Record<string, string>>;
      for (const group of Object.keys(GROUPS)) {
        const labels = Object.values(enums[group]!);
        expect(new Set(labels).size, `${language}:${group}`).toBe(labels.length);
      }
    }
  });
});
