/** Vocabularies of the case file (DOMAIN.md). */
export const CASE_STATUSES = ['intake', 'open', 'pending', 'closed', 'reopened'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Allowed moves of the case status; the core refuses any other. */
export const STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  intake: ['open', 'closed'],
  open: ['pending', 'closed'],
  pending: ['open', 'closed'],
  closed: ['reopened'],
  reopened: ['pending', 'closed'],
};

export const INTAKE_CHANNELS = ['walk_in', 'phone', 'partner_referral', 'outreach', 'detention_visit'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_REASONS = ['detention', 'minor', 'violence', 'medical', 'imminent_deadline'] as const;

export const CLOSURE_REASONS = ['resolved', 'referred', 'withdrawn', 'lost_contact', 'left_country', 'not_admissible', 'other'] as const;
export const OUTCOMES = ['favourable', 'partly_favourable', 'unfavourable', 'no_decision', 'not_applicable'] as const;

/** Default domains shipped with a new clinic; the list is data a supervisor edits. */
export const DEFAULT_DOMAINS: readonly { code: string; ar: string; fr: string; en: string }[] = [
  { code: 'residence', ar: 'الإقامة والتسوية', fr: 'Séjour et régularisation', en: 'Residence and regularisation' },
  { code: 'asylum', ar: 'اللجوء وصفة اللاجئ', fr: 'Asile et statut de réfugié', en: 'Asylum and refugee status' },
  { code: 'detention', ar: 'التوقيف والاحتجاز والترحيل', fr: 'Arrestation, détention et éloignement', en: 'Arrest, detention and removal' },
  { code: 'civil_status', ar: 'الحالة المدنية', fr: 'État civil', en: 'Civil status' },
  { code: 'labour', ar: 'حقوق الشغل', fr: 'Droit du travail', en: 'Labour rights' },
  { code: 'family', ar: 'قانون الأسرة', fr: 'Droit de la famille', en: 'Family law' },
  { code: 'gbv', ar: 'العنف القائم على النوع', fr: 'Violences basées sur le genre', en: 'Gender-based violence' },
  { code: 'trafficking', ar: 'الاتجار بالبشر', fr: 'Traite des êtres humains', en: 'Trafficking' },
  { code: 'health', ar: 'الولوج إلى العلاج', fr: 'Accès aux soins', en: 'Access to health care' },
  { code: 'education', ar: 'الولوج إلى التعليم', fr: 'Accès à l’éducation', en: 'Access to education' },
  { code: 'housing', ar: 'السكن', fr: 'Logement', en: 'Housing' },
  { code: 'documents', ar: 'وثائق الهوية والشؤون القنصلية', fr: 'Documents d’identité et consulaire', en: 'Identity documents and consular matters' },
  { code: 'discrimination', ar: 'التمييز', fr: 'Discrimination', en: 'Discrimination' },
  { code: 'other', ar: 'أخرى', fr: 'Autre', en: 'Other' },
];
