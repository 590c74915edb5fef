/**
 * The partner directory (issue #14): organisations a clinic refers people to and receives
 * them from, and the services they offer. Services are data a supervisor edits, each tied
 * (optionally) to a case domain so a referral from a case can start from the services of
 * its domains; the list below is what a new clinic starts with.
 */
export const PARTNER_KINDS = [
  'association',
  'public_service',
  'un_agency',
  'specialised_unit',
  'lawyers_network',
  'consulate',
  'health',
  'shelter',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Starting services, by the domain code they belong to (shared/domain/case.ts DEFAULT_DOMAINS). */
export const DEFAULT_SERVICES: readonly { code: string; domain: string | null; ar: string; fr: string; en: string }[] = [
  { code: 'medical_care', domain: 'health', ar: 'العلاج الطبي', fr: 'Soins médicaux', en: 'Medical care' },
  { code: 'mental_health', domain: 'health', ar: 'الدعم النفسي', fr: 'Soutien psychologique', en: 'Psychological support' },
  { code: 'shelter', domain: 'housing', ar: 'الإيواء', fr: 'Hébergement', en: 'Shelter' },
  { code: 'asylum_registration', domain: 'asylum', ar: 'التسجيل لدى المفوضية', fr: 'Enregistrement HCR', en: 'UNHCR registration' },
  { code: 'legal_representation', domain: null, ar: 'التمثيل أمام المحاكم', fr: 'Représentation en justice', en: 'Legal representation' },
  { code: 'gbv_unit', domain: 'gbv', ar: 'خلية التكفل بالنساء ضحايا العنف', fr: 'Cellule de prise en charge des femmes victimes de violence', en: 'Unit for women victims of violence' },
  { code: 'child_protection', domain: null, ar: 'حماية الطفولة', fr: 'Protection de l’enfance', en: 'Child protection' },
  { code: 'trafficking_support', domain: 'trafficking', ar: 'دعم ضحايا الاتجار بالبشر', fr: 'Accompagnement des victimes de traite', en: 'Support for trafficking victims' },
  { code: 'schooling', domain: 'education', ar: 'التمدرس', fr: 'Scolarisation', en: 'Schooling' },
  { code: 'civil_registration', domain: 'civil_status', ar: 'تسجيل الولادات والزواج', fr: 'Enregistrement des naissances et mariages', en: 'Birth and marriage registration' },
  { code: 'consular_documents', domain: 'documents', ar: 'الوثائق القنصلية', fr: 'Documents consulaires', en: 'Consular documents' },
  { code: 'labour_mediation', domain: 'labour', ar: 'الوساطة في نزاعات الشغل', fr: 'Médiation du travail', en: 'Labour mediation' },
  { code: 'food_basic_needs', domain: null, ar: 'المساعدة الغذائية والحاجيات الأساسية', fr: 'Aide alimentaire et besoins de base', en: 'Food and basic needs' },
  { code: 'voluntary_return', domain: null, ar: 'العودة الطوعية', fr: 'Retour volontaire', en: 'Voluntary return' },
];

/** How long a partner is expected to take to answer, in days, when the directory says nothing. */
export const DEFAULT_ANSWER_DAYS = 10;
