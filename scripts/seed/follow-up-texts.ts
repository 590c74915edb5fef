/**
 * What lawyers and intake staff write in a file's follow-up: activity notes, next actions,
 * procedure authorities and decisions, hearing places and results, tasks. Mostly French (the
 * clinics' working language), some Arabic and English. {city}, {date}, {n} are filled in.
 */
import type { ACCOMPANIMENT_PLACES, ActivityKind } from '../../shared/domain/activity';
import type { HearingKind } from '../../shared/domain/hearing';
import type { Rng } from './rng';

type Lang = 'fr' | 'ar' | 'en';

const NOTES_FR: Record<ActivityKind, string[]> = {
  consultation: [
    'Consultation au bureau: point sur la situation administrative, explication des démarches possibles.',
    'Entretien de suivi: la personne apporte les pièces demandées (copie du passeport, attestation d’hébergement).',
    'Consultation juridique sur les voies de recours; la personne souhaite réfléchir avant de décider.',
    'Point sur le dossier avec la personne; situation inchangée depuis le dernier rendez-vous.',
    'Explication de la décision reçue et des délais pour agir; accord pour engager la procédure.',
  ],
  call: [
    'Appel à la personne: pas de réponse, message laissé.',
    'Appel de la personne: demande des nouvelles du dossier.',
    'Appel au greffe du tribunal de {city} pour connaître la date d’audience.',
    'Appel à la préfecture de {city}: le dossier est en cours d’instruction.',
    'Appel au partenaire de {city} (hébergement); place disponible dans {n} jours.',
    'Appel au HCR: confirmation du rendez-vous.',
  ],
  interview: [
    'Entretien approfondi pour préparer le récit; {n} pages de notes prises.',
    'Entretien avec la personne et un membre de sa famille; recueil des éléments de preuve.',
    'Entretien de préparation à l’audience: déroulement expliqué, questions probables revues.',
  ],
  accompaniment: [
    'Accompagnement de la personne; dépôt des pièces, récépissé obtenu.',
    'Accompagnement; attente de {n} heures, rendez-vous reporté.',
    'Accompagnement et présentation du dossier; réponse attendue sous {n} semaines.',
  ],
  detention_visit: [
    'Visite au lieu de rétention de {city}: la personne est en bonne santé, informée de ses droits.',
    'Visite en détention: signature du mandat, recueil des informations sur l’interpellation.',
    'Visite: la personne signale un transfert prévu; contact pris avec la famille.',
  ],
  drafting: [
    'Rédaction du recours; pièces annexées numérotées.',
    'Rédaction d’un courrier à l’administration pour demander la communication des motifs.',
    'Rédaction de la requête et de la liste des pièces.',
    'Rédaction d’une note de synthèse pour le partenaire.',
  ],
  filing: [
    'Dépôt de la requête au greffe du tribunal de {city}; numéro d’enregistrement reçu.',
    'Dépôt du dossier à la préfecture de {city}; récépissé remis à la personne.',
    'Envoi du recours par courrier recommandé.',
  ],
  mediation: [
    'Médiation avec l’employeur: accord de principe sur le paiement de {n} mois de salaire.',
    'Médiation avec le propriétaire; délai supplémentaire obtenu.',
    'Réunion de médiation familiale; pas d’accord à ce stade.',
  ],
  social_support: [
    'Orientation vers l’assistante sociale du partenaire pour une aide alimentaire.',
    'Orientation vers le centre de santé de {city}; rendez-vous pris.',
    'Aide à l’inscription scolaire des enfants; dossier déposé.',
  ],
  other: ['Point d’équipe sur le dossier.', 'Mise à jour du dossier après réception de nouveaux documents.', 'Échange de courriels avec le partenaire.'],
};

const NOTES_AR = [
  'مقابلة مع المستفيد لتتبع الملف وشرح الإجراءات الممكنة.',
  'اتصال هاتفي بالمستفيدة، لا جديد في الملف.',
  'مرافقة المستفيد إلى العمالة بمدينة {city} لإيداع الوثائق.',
  'زيارة إلى مكان الاحتجاز، المعني بالأمر بصحة جيدة.',
  'تحرير طلب الطعن وإعداد لائحة الوثائق.',
  'اتصال بالمحكمة لمعرفة تاريخ الجلسة.',
];

const NOTES_EN = [
  'Follow-up meeting: explained the procedure and the documents still needed.',
  'Phone call with the client; no news from the administration yet.',
  'Accompanied the client to the UNHCR office; interview took {n} hours.',
  'Drafted the appeal and the list of exhibits.',
  'Called the partner organisation about emergency housing.',
];

const LONG_FR = [
  'Compte rendu détaillé de l’entretien. La personne revient sur les faits depuis son arrivée à {city}: hébergement précaire, travail non déclaré, contrôles répétés.',
  'Elle précise les dates et les lieux, produit deux témoignages écrits et une attestation du partenaire.',
  'Les éléments recueillis permettent d’envisager un recours; les risques et les délais lui ont été expliqués en présence de l’interprète.',
  'Prochaine étape convenue avec la personne; elle rappellera si sa situation change.',
];

export const ACCOMPANIMENT_BY_DOMAIN: Record<string, (typeof ACCOMPANIMENT_PLACES)[number][]> = {
  residence: ['prefecture', 'prefecture', 'court'],
  asylum: ['unhcr', 'unhcr', 'prefecture'],
  detention: ['police', 'court'],
  civil_status: ['court', 'other'],
  labour: ['other', 'court'],
  family: ['court'],
  gbv: ['hospital', 'police', 'court'],
  trafficking: ['police', 'hospital'],
  health: ['hospital'],
  education: ['other'],
  housing: ['court', 'other'],
  documents: ['consulate', 'prefecture'],
  discrimination: ['police', 'other'],
  other: ['other'],
};

const NEXT_ACTIONS = [
  'Rappeler la personne',
  'Relancer la préfecture',
  'Déposer les pièces complémentaires',
  'Préparer le recours',
  'Vérifier la date d’audience',
  'Obtenir le certificat médical',
  'Contacter le partenaire',
  'Récupérer le récépissé',
  'إعادة الاتصال بالمستفيد',
];

const EDITS = [
  'Correction: la date du rendez-vous suivant a été confirmée par téléphone.',
  'Précision ajoutée après relecture avec la personne.',
  'Correction de l’orthographe du nom du partenaire.',
];

export function fill(rng: Rng, s: string, city: string): string {
  return s.replace('{city}', city || 'Rabat').replace('{n}', String(rng.int(2, 9)));
}

/** The text of an activity, in the language it was written in, sometimes long (an interview's full account). */
export function activityNotes(rng: Rng, kind: ActivityKind, lang: Lang, city: string): string {
  if (lang === 'ar') return fill(rng, rng.pick(NOTES_AR), city);
  if (lang === 'en') return fill(rng, rng.pick(NOTES_EN), city);
  if ((kind === 'interview' || kind === 'consultation') && rng.chance(0.06)) {
    return LONG_FR.map((p) => fill(rng, p, city)).join('\n\n');
  }
  const first = fill(rng, rng.pick(NOTES_FR[kind]), city);
  return rng.chance(0.25) ? `${first} ${fill(rng, rng.pick(NOTES_FR[kind]), city)}` : first;
}

export function nextAction(rng: Rng): string {
  return rng.pick(NEXT_ACTIONS);
}

export function editNote(rng: Rng, notes: string): string {
  return `${notes}\n${rng.pick(EDITS)}`.slice(0, 8000);
}

/** Authorities and what they decided, per template. */
const AUTHORITIES: Record<string, string[]> = {
  removal_order: ['Wilaya de {city}', 'Préfecture de police de {city}'],
  residence_refusal: ['Préfecture de {city}, service des étrangers', 'Direction générale de la sûreté nationale'],
  excess_of_power: ['Commune de {city}', 'Préfecture de {city}', 'Ministère de l’Intérieur'],
  asylum_unhcr: ['HCR Rabat'],
  civil_appeal: ['Tribunal de première instance de {city}'],
  urgent_order_appeal: ['Président du tribunal de première instance de {city}'],
  cassation: ['Cour d’appel de {city}'],
  cassation_administrative: ['Cour d’appel administrative de Rabat'],
  dismissal: ['Employeur (société de BTP, {city})', 'Employeur (particulier, {city})'],
  birth_declaration: ['Bureau d’état civil de {city}'],
  violence_complaint: ['Parquet du tribunal de première instance de {city}'],
};

const DECISIONS: Record<string, string[]> = {
  removal_order: ['Décision de reconduite à la frontière notifiée après interpellation.', 'قرار الاقتياد إلى الحدود'],
  residence_refusal: ['Refus de renouvellement de la carte de séjour (ressources insuffisantes).', 'Retrait de la carte de séjour.'],
  excess_of_power: ['Refus d’inscription sur les listes du programme d’aide.', 'Refus de délivrance d’une attestation de résidence.'],
  asylum_unhcr: ['', 'Demande d’asile enregistrée.'],
  civil_appeal: ['Jugement rejetant la demande de pension alimentaire.', 'Jugement de divorce; garde contestée.'],
  urgent_order_appeal: ['Ordonnance d’expulsion du logement.'],
  cassation: ['Arrêt confirmant le jugement de première instance.'],
  cassation_administrative: ['Arrêt de la cour d’appel administrative rejetant le recours.'],
  dismissal: ['Licenciement verbal sans préavis.', 'Lettre de licenciement pour faute grave contestée.'],
  birth_declaration: [''],
  violence_complaint: ['', 'Violences conjugales; certificat d’incapacité de {n} jours.'],
};

export function authorityOf(rng: Rng, code: string, city: string): string {
  return fill(rng, rng.pick(AUTHORITIES[code] ?? ['Administration de {city}']), city);
}

export function decisionOf(rng: Rng, code: string, city: string): string {
  return fill(rng, rng.pick(DECISIONS[code] ?? ['']), city);
}

export function authorityRef(rng: Rng, year: string): string {
  return rng.chance(0.7) ? `${rng.int(100, 9999)}/${year}` : '';
}

const DONE_NOTES = ['', '', 'Requête déposée, récépissé au dossier.', 'Décision reçue.', 'Fait dans le délai.', 'Pièces transmises.'];

export function doneNote(rng: Rng): string {
  return rng.pick(DONE_NOTES);
}

/** How a step left hanging ends when the file closes. */
export function closingNote(reason: string): string {
  switch (reason) {
    case 'resolved':
      return 'Sans objet: dossier résolu.';
    case 'referred':
      return 'Sans objet: dossier orienté vers un partenaire.';
    case 'withdrawn':
      return 'Sans objet: la personne a renoncé.';
    case 'lost_contact':
      return 'Sans objet: plus de nouvelles de la personne.';
    case 'left_country':
      return 'Sans objet: la personne a quitté le pays.';
    default:
      return 'Sans objet: dossier clôturé.';
  }
}

export const OVERRIDE_REASONS = [
  'Notification effective reçue plus tard que la date indiquée sur la décision.',
  'Recours administratif déposé: le délai est suspendu.',
  'Délai prorogé par le greffe.',
  'Date rectifiée après vérification de l’accusé de réception.',
];

const PLACES: Record<HearingKind, string[]> = {
  court_hearing: ['Tribunal administratif de {city}', 'Tribunal de première instance de {city}', 'Cour d’appel de {city}', 'Tribunal de la famille de {city}'],
  unhcr_interview: ['HCR, Rabat (Souissi)'],
  refugee_office_interview: ['Bureau des réfugiés et apatrides, Rabat'],
  prefecture_appointment: ['Préfecture de {city}, service des étrangers'],
  other: ['Inspection du travail de {city}', 'Consulat, Rabat', 'Cellule de prise en charge des femmes, hôpital de {city}'],
};

export function placeOf(rng: Rng, kind: HearingKind, city: string): { place: string; room: string } {
  const place = fill(rng, rng.pick(PLACES[kind]), city);
  const room = kind === 'court_hearing' ? rng.pick(['Salle 1', 'Salle 2', 'Salle 3', 'Chambre administrative', 'Chambre sociale', 'Salle des audiences']) : rng.chance(0.3) ? `Bureau ${rng.int(1, 20)}` : '';
  return { place, room };
}

const PURPOSES: Record<HearingKind, string[]> = {
  court_hearing: ['Audience sur le fond.', 'Audience de référé.', 'Plaidoiries.', 'Audience de mise en état.'],
  unhcr_interview: ['Entretien de détermination du statut de réfugié.', 'Entretien d’enregistrement.'],
  refugee_office_interview: ['Entretien pour la carte de réfugié.'],
  prefecture_appointment: ['Dépôt du dossier de renouvellement.', 'Retrait de la carte de séjour.', 'Dépôt de la demande de régularisation.'],
  other: ['Réunion de conciliation.', 'Rendez-vous pour le laissez-passer.', 'Rendez-vous de suivi.'],
};

export function purposeOf(rng: Rng, kind: HearingKind): string {
  return rng.pick(PURPOSES[kind]);
}

const RESULTS_HELD = ['Affaire mise en délibéré.', 'Décision favorable rendue à l’audience.', 'Dossier déposé, récépissé remis.', 'Entretien tenu avec interprète.', 'Demande rejetée; recours envisagé.', 'تم تأجيل النطق بالحكم'];
const RESULTS_ADJOURNED = ['Renvoi à la demande de la partie adverse.', 'Renvoi: pièces manquantes.', 'Renvoi pour absence du juge.', 'Renvoi: interprète absent.'];
const RESULTS_CANCELLED = ['Rendez-vous annulé par l’administration.', 'La personne ne s’est pas présentée.', ''];

export function hearingResult(rng: Rng, status: 'held' | 'adjourned' | 'cancelled'): string {
  return rng.pick(status === 'held' ? RESULTS_HELD : status === 'adjourned' ? RESULTS_ADJOURNED : RESULTS_CANCELLED);
}

const TASKS = [
  'Relancer la préfecture pour le récépissé',
  'Demander une copie du jugement au greffe',
  'Préparer la liste des pièces',
  'Appeler la personne pour confirmer l’audience',
  'Trouver un interprète pour l’entretien',
  'Scanner les documents reçus',
  'Vérifier la notification de la décision',
  'Envoyer le dossier au partenaire',
  'التحقق من تاريخ الجلسة',
];

const TEAM_TASKS = ['Rapport mensuel d’activité', 'Mettre à jour les fiches de procédure', 'Préparer la réunion d’équipe', 'Relire les dossiers sans suite'];

export function taskTitle(rng: Rng, onCase: boolean): string {
  return rng.pick(onCase ? TASKS : TEAM_TASKS);
}

export function languageOfNote(rng: Rng, personLanguages: readonly string[]): Lang {
  const arabic = personLanguages.includes('ar') || personLanguages.includes('ary');
  return rng.weighted<Lang>([['fr', 84], ['ar', arabic ? 14 : 3], ['en', personLanguages.includes('en') ? 10 : 2]]);
}
