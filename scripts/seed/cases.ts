/**
 * What a case file holds and how it lives: domains that fit the person, a summary of facts
 * written the way clinic staff write them (mostly French, some Arabic and English),
 * urgency and its reasons, and the later steps (assignment, opening, waiting, closing,
 * reopening, a follow-up note) with realistic delays.
 */
import type { CreateCaseInput } from '../../shared/contract/cases';
import type { CLOSURE_REASONS, INTAKE_CHANNELS, OUTCOMES, URGENCY_REASONS } from '../../shared/domain/case';
import type { Profile } from './people';
import type { Rng } from './rng';

type Code = string;

/** Domains by profile and status: who brings which questions to the clinic. */
export function domainCodes(rng: Rng, profile: Profile, legalStatus: string, sex: string, age: number): Code[] {
  const weights: [Code, number][] = [
    ['residence', profile === 'morocco' ? 1 : legalStatus === 'irregular' ? 30 : 12],
    ['asylum', legalStatus === 'asylum_seeker' || legalStatus === 'refugee' ? 35 : profile === 'morocco' ? 0 : 4],
    ['detention', legalStatus === 'irregular' ? 9 : 2],
    ['civil_status', 8],
    ['labour', profile === 'morocco' ? 14 : 7],
    ['family', profile === 'morocco' ? 22 : 4],
    ['gbv', sex === 'female' ? 12 : 0.5],
    ['trafficking', sex === 'female' && profile === 'west_africa' ? 3 : 0.4],
    ['health', 8],
    ['education', age < 18 ? 30 : 2],
    ['housing', 6],
    ['documents', profile === 'morocco' ? 10 : 8],
    ['discrimination', 3],
    ['other', 3],
  ];
  const codes = new Set<Code>([rng.weighted(weights)]);
  while (codes.size < 3 && rng.chance(codes.size === 1 ? 0.3 : 0.15)) codes.add(rng.weighted(weights));
  return [...codes];
}

/** Sentences per domain, French first; {city}, {date}, {n} are filled in. */
const FACTS_FR: Record<Code, string[]> = {
  residence: [
    'Demande de renouvellement de la carte de séjour déposée à la préfecture de {city}, sans réponse depuis {n} mois.',
    'Refus de régularisation notifié oralement; la personne souhaite comprendre les voies de recours.',
    'Souhaite déposer une demande dans le cadre de l’opération de régularisation; dossier incomplet (justificatif de domicile).',
  ],
  asylum: [
    'Demande d’asile enregistrée auprès du HCR le {date}; entretien de détermination prévu, préparation du récit.',
    'Reconnu réfugié par le HCR, demande de carte de réfugié auprès du Bureau des réfugiés et apatrides en attente.',
    'Rejet en première instance; appel à préparer dans le délai de trente jours.',
  ],
  detention: [
    'Interpellé à {city} lors d’une opération de contrôle, transféré vers le sud; la famille demande des nouvelles.',
    'Arrêté le {date}, présenté au parquet pour séjour irrégulier; audience prévue dans {n} jours.',
    'Risque d’éloignement imminent signalé par un partenaire; vérification de la situation administrative en urgence.',
  ],
  civil_status: [
    'Enfant né à {city} le {date} non déclaré à l’état civil; démarches de déclaration tardive.',
    'Mariage coutumier non enregistré; souhaite faire reconnaître l’union.',
    'Demande d’acte de naissance pour inscription scolaire.',
  ],
  labour: [
    'Salaire impayé depuis {n} mois par un employeur du bâtiment à {city}.',
    'Accident du travail sans déclaration à la CNSS; l’employeur refuse de payer les soins.',
    'Licenciement sans préavis après une réclamation; demande d’accompagnement à l’inspection du travail.',
  ],
  family: [
    'Demande de pension alimentaire pour {n} enfants après séparation.',
    'Procédure de divorce engagée au tribunal de la famille de {city}.',
    'Garde des enfants contestée; besoin d’information sur la procédure.',
  ],
  gbv: [
    'Déclare des violences répétées de la part du conjoint; hébergement d’urgence demandé.',
    'Violences subies pendant le parcours migratoire; orientation vers la cellule de prise en charge des femmes victimes.',
    'Plainte déposée au commissariat de {city} le {date}; accompagnement à l’audience souhaité.',
  ],
  trafficking: [
    'Recrutée pour un emploi à {city}, passeport confisqué, travail sans rémunération.',
    'Signalée par un partenaire comme possible victime de traite; évaluation de la sécurité en cours.',
  ],
  health: [
    'Refus de prise en charge à l’hôpital de {city} faute de documents.',
    'Besoin d’un suivi médical régulier (maladie chronique); demande d’accès au RAMED / AMO.',
    'Femme enceinte de {n} mois sans suivi prénatal.',
  ],
  education: [
    'Inscription scolaire refusée faute d’acte de naissance.',
    'Enfant non scolarisé depuis l’arrivée au Maroc; orientation vers l’éducation non formelle.',
  ],
  housing: [
    'Expulsion du logement annoncée par le propriétaire sans décision de justice.',
    'Vit dans un campement informel près de {city}; demande d’hébergement.',
  ],
  documents: [
    'Passeport expiré; démarches auprès du consulat pour un laissez-passer.',
    'Perte de la carte d’identité nationale; demande de duplicata.',
    'Demande de carte consulaire pour ouvrir un compte et travailler.',
  ],
  discrimination: [
    'Refus d’accès à un service public en raison de la nationalité.',
    'Propos racistes et refus de location à {city}; souhaite connaître ses droits.',
  ],
  other: ['Demande d’information générale sur ses droits au Maroc.', 'Recherche d’un membre de la famille disparu pendant le trajet.'],
};

const FACTS_AR = [
  'تقدم المستفيد بطلب تجديد بطاقة الإقامة منذ {n} أشهر دون جواب.',
  'تم توقيفه في {city} ويطلب ذووه معلومات عن مكان احتجازه.',
  'تعرضت لعنف من طرف الزوج وتطلب الإيواء والمواكبة القانونية.',
  'طفل غير مسجل في الحالة المدنية، يتعين القيام بالتصريح المتأخر بالولادة.',
  'أجر غير مدفوع منذ {n} أشهر من طرف مشغل في {city}.',
  'رفض المستشفى تقديم العلاج بسبب غياب الوثائق.',
];

const FACTS_EN = [
  'Asylum claim registered with UNHCR on {date}; preparing for the refugee status interview.',
  'Arrested in {city} and moved south; family asks where he is held.',
  'Employer in {city} has not paid wages for {n} months.',
  'Needs medical follow-up; was refused at the hospital for lack of papers.',
];

const FOLLOW_UP_FR = [
  'Suivi du {date}: rendez-vous obtenu à la préfecture, pièces complémentaires déposées.',
  'Suivi du {date}: appel au partenaire, dossier transmis.',
  'Suivi du {date}: audience reportée, nouvelle date à confirmer.',
  'Suivi du {date}: la personne a changé de numéro de téléphone; contact rétabli.',
  'Suivi du {date}: courrier de recours rédigé et déposé.',
  'Suivi du {date}: accompagnement à l’hôpital, prise en charge obtenue.',
];

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function fill(rng: Rng, s: string, atMs: number, city: string): string {
  return s
    .replace('{city}', city || 'Rabat')
    .replace('{date}', isoDay(atMs - rng.int(1, 120) * 86_400_000))
    .replace('{n}', String(rng.int(2, 11)));
}

/** Summary of facts: a few sentences; some files are long (years of notes in one summary). */
export function summaryOf(rng: Rng, codes: Code[], atMs: number, city: string, languages: readonly string[]): string {
  const arabicSpeaker = languages.includes('ar') || languages.includes('ary');
  const lang = rng.weighted([['fr', 75], ['ar', arabicSpeaker ? 20 : 2], ['en', languages.includes('en') ? 15 : 3]]);
  const pool = lang === 'ar' ? FACTS_AR : lang === 'en' ? FACTS_EN : codes.flatMap((c) => FACTS_FR[c] ?? FACTS_FR.other!);
  const count = rng.chance(0.03) ? rng.int(8, 16) : rng.int(1, 3);
  const sentences: string[] = [];
  for (let i = 0; i < count; i++) sentences.push(fill(rng, rng.pick(pool), atMs, city));
  return sentences.join(count > 6 ? '\n\n' : ' ');
}

export function followUp(rng: Rng, atMs: number): string {
  return fill(rng, rng.pick(FOLLOW_UP_FR), atMs + 86_400_000 * 120, '');
}

type Urgency = CreateCaseInput['urgency'];
type UrgencyReason = (typeof URGENCY_REASONS)[number];

export function urgencyOf(rng: Rng, codes: Code[], age: number): { urgency: Urgency; urgencyReasons: UrgencyReason[]; sensitive: boolean } {
  const reasons = new Set<UrgencyReason>();
  if (codes.includes('detention')) reasons.add('detention');
  if (age < 18) reasons.add('minor');
  if (codes.includes('gbv') || codes.includes('trafficking')) reasons.add('violence');
  if (codes.includes('health') && rng.chance(0.3)) reasons.add('medical');
  if (rng.chance(0.05)) reasons.add('imminent_deadline');
  const urgency: Urgency = reasons.has('detention')
    ? rng.weighted([['critical', 40], ['urgent', 55], ['normal', 5]])
    : reasons.size > 0
      ? rng.weighted([['critical', 10], ['urgent', 55], ['normal', 35]])
      : rng.weighted([['critical', 1], ['urgent', 8], ['normal', 91]]);
  const sensitive = codes.includes('gbv') || codes.includes('trafficking') ? rng.chance(0.85) : codes.includes('asylum') ? rng.chance(0.2) : rng.chance(0.03);
  return { urgency, urgencyReasons: urgency === 'normal' ? [] : [...reasons], sensitive };
}

export function channelOf(rng: Rng, codes: Code[]): (typeof INTAKE_CHANNELS)[number] {
  if (codes.includes('detention') && rng.chance(0.4)) return 'detention_visit';
  return rng.weighted([['walk_in', 55], ['phone', 20], ['partner_referral', 15], ['outreach', 7], ['detention_visit', 1]]);
}

export function closureOf(rng: Rng, codes: Code[]): { closureReason: (typeof CLOSURE_REASONS)[number]; outcome: (typeof OUTCOMES)[number] } {
  const closureReason = rng.weighted<(typeof CLOSURE_REASONS)[number]>([
    ['resolved', 52], ['referred', 14], ['withdrawn', 6], ['lost_contact', 16], ['left_country', 6], ['not_admissible', 3], ['other', 3],
  ]);
  const outcome =
    closureReason === 'resolved'
      ? rng.weighted<(typeof OUTCOMES)[number]>([['favourable', codes.includes('asylum') ? 45 : 55], ['partly_favourable', 20], ['unfavourable', 20], ['no_decision', 5]])
      : rng.weighted<(typeof OUTCOMES)[number]>([['not_applicable', 70], ['no_decision', 30]]);
  return { closureReason, outcome };
}

/** Kinds of later steps in a case's life, with delays in days after the intake. */
export type Step =
  | { kind: 'assign'; day: number }
  | { kind: 'reassign'; day: number }
  | { kind: 'status'; day: number; to: 'open' | 'pending' | 'closed' | 'reopened' }
  | { kind: 'update'; day: number };

/**
 * The life of one case after intake. Steps past the end of the simulated period are simply
 * never played: recent files stay in intake or open, as they would at a real clinic.
 */
export function lifecycle(rng: Rng, assignedAtCreation: boolean): Step[] {
  const steps: Step[] = [];
  if (!assignedAtCreation && rng.chance(0.06)) {
    // Not admissible or referred at once by the supervisor.
    steps.push({ kind: 'status', day: rng.int(1, 6), to: 'closed' });
    return steps;
  }
  let day = 0;
  if (!assignedAtCreation) {
    if (rng.chance(0.05)) return steps; // never assigned: forgotten files exist too
    day += rng.int(0, 4);
    steps.push({ kind: 'assign', day });
  }
  day += rng.int(1, 10);
  steps.push({ kind: 'status', day, to: 'open' });
  if (rng.chance(0.12)) steps.push({ kind: 'update', day: day + rng.int(5, 90) });
  if (rng.chance(0.05)) steps.push({ kind: 'reassign', day: day + rng.int(10, 200) });
  if (rng.chance(0.45)) {
    day += Math.round(7 + rng.logNormalDays(25));
    steps.push({ kind: 'status', day, to: 'pending' });
    if (rng.chance(0.6)) {
      day += Math.round(7 + rng.logNormalDays(40));
      steps.push({ kind: 'status', day, to: 'open' });
    }
  }
  if (rng.chance(0.88)) {
    day += Math.round(10 + rng.logNormalDays(70, 1));
    steps.push({ kind: 'status', day, to: 'closed' });
    if (rng.chance(0.04)) {
      day += Math.round(20 + rng.logNormalDays(120));
      steps.push({ kind: 'status', day, to: 'reopened' });
      if (rng.chance(0.8)) steps.push({ kind: 'status', day: day + Math.round(20 + rng.logNormalDays(60)), to: 'closed' });
    }
  }
  return steps;
}

const QUESTIONS = [
  ['residence', 'Quels documents faut-il pour renouveler la carte de séjour ?'],
  ['asylum', 'Comment s’enregistrer auprès du HCR à Rabat ?'],
  ['civil_status', 'Comment déclarer la naissance d’un enfant né au Maroc ?'],
  ['labour', 'Un employeur peut-il garder mon passeport ?'],
  ['health', 'Les enfants étrangers peuvent-ils être vaccinés gratuitement ?'],
  ['education', 'Mon enfant peut-il aller à l’école sans papiers ?'],
  ['documents', 'Où se trouve le consulat pour refaire un passeport ?'],
  ['family', 'كيف يمكن توثيق عقد الزواج؟'],
  ['residence', 'ما هي الوثائق المطلوبة لتسوية الوضعية؟'],
  ['other', 'Is there a lawyer who speaks English?'],
] as const;

/** An anonymous question at the desk or on the phone, from someone who did not want a record. */
export function enquiryOf(rng: Rng): { code: Code; question: string; answer: string; channel: 'walk_in' | 'phone' } {
  const [code, question] = rng.pick(QUESTIONS);
  return {
    code,
    question,
    answer: rng.chance(0.8) ? 'Information donnée oralement; orientation vers la permanence juridique si besoin.' : '',
    channel: rng.chance(0.6) ? 'walk_in' : 'phone',
  };
}
