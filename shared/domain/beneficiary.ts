/** Vocabularies of the beneficiary record (DOMAIN.md). Codes are stored; labels come from the catalogs. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export const LEGAL_STATUSES = [
  'regular',
  'irregular',
  'asylum_seeker',
  'refugee',
  'stateless',
  'moroccan',
  'moroccan_abroad',
  'unknown',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const DOCUMENT_TYPES = ['passport', 'residence_card', 'unhcr_certificate', 'refugee_card', 'consular_card', 'national_id', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const SPECIFIC_NEEDS = [
  'unaccompanied_minor',
  'child_at_risk',
  'gbv_survivor',
  'trafficking_victim',
  'serious_medical',
  'disability',
  'pregnant',
  'single_parent',
  'elderly',
  'torture_survivor',
] as const;
export type SpecificNeed = (typeof SPECIFIC_NEEDS)[number];

export const REFERRAL_SOURCES = ['word_of_mouth', 'partner', 'outreach', 'authorities', 'unhcr', 'social_media', 'other'] as const;

export const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'other'] as const;
export type Relation = (typeof RELATIONS)[number];

export const CONSENT_SCOPES = ['data_keeping', 'referral_sharing'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/**
 * ISO 3166-1 alpha-2 codes offered for nationality and country of birth. Names are shown in
 * the interface language with Intl.DisplayNames, so no catalog has to list 250 countries.
 */
export const COUNTRY_CODES = (
  'AF AL DZ AO AR AM AU AT AZ BH BD BY BE BJ BT BO BA BW BR BF BI KH CM CA CV CF TD CL CN CO KM CG CD CR CI HR CU CY CZ DK DJ DO EC EG SV GQ ER EE SZ ET FR GA GM GE DE GH GR GN GW GY HT HN HU IN ID IR IQ IE IL IT JM JP JO KZ KE KW KG LA LB LS LR LY LT MG MW MY ML MR MU MX MD MA MZ MM NA NP NL NZ NI NE NG KP MK NO OM PK PS PA PY PE PH PL PT QA RO RU RW SA SN RS SL SO ZA KR SS ES LK SD SR SE CH SY TW TJ TZ TH TG TN TR TM UG UA AE GB US UY UZ VE VN YE ZM ZW'
).split(' ');

/** Languages often spoken by beneficiaries (ISO 639-1/-3), named with Intl.DisplayNames. */
export const SPOKEN_LANGUAGES = ['ar', 'ary', 'fr', 'en', 'es', 'pt', 'wo', 'bm', 'ff', 'ln', 'sw', 'ha', 'yo', 'ig', 'tw', 'am', 'ti', 'so', 'ber', 'kr'] as const;
