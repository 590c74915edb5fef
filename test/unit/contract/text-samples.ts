import type { TextKind } from '../../../shared/contract/text';
import { caseFor, person } from '../../helpers/registry-fixtures';

/**
 * One valid input per channel, and the rule each of its string fields follows: the text
 * kinds of shared/contract/text.ts, or `format` for fields with a closed format (enums,
 * regexes: usernames, codes, dates). text-rules.test.ts checks that these are exactly the
 * string fields of each sample, so a new string field must be given a rule here.
 */
export type FieldRule = TextKind | 'format';

export interface Sample {
  readonly input: unknown;
  readonly fields: Readonly<Record<string, FieldRule>>;
}

const PASSWORD = 'Cle-Forte-2026!';
const RECOVERY_KEY = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';

/** A person with every field filled (estimatedAge as a number: it is a numeric field). */
export const fullPerson = person({
  latinName: 'Mohamed Alami',
  arabicName: 'محمد العلمي',
  otherSpellings: 'Mohammed Alami',
  sex: 'male',
  birthDate: '1990-01-31',
  estimatedAge: 35,
  nationality: 'MA',
  birthCountry: 'MA',
  languages: ['ar'],
  phone: '0612345678',
  city: 'Rabat',
  arrivalDate: '2020-05-01',
  legalStatus: 'asylum_seeker',
  documents: [{ type: 'passport', number: 'AB123456', expiry: '2030-01-31' }],
  specificNeeds: ['gbv_survivor'],
  referralSource: 'partner',
});

/** An activity with every field filled. */
const activity = {
  kind: 'accompaniment',
  accompanimentTo: 'court',
  date: '2026-04-06',
  time: '12:24',
  durationMinutes: 90,
  language: 'fr',
  interpreter: true,
  notes: 'Accompagnement au tribunal administratif de Rabat.',
  nextAction: 'Déposer la requête',
  nextActionDate: '2026-04-08',
  restricted: false,
};
const activityFields = (prefix: string): Record<string, FieldRule> => ({
  [`${prefix}kind`]: 'format',
  [`${prefix}accompanimentTo`]: 'format',
  [`${prefix}date`]: 'format',
  [`${prefix}time`]: 'format',
  [`${prefix}language`]: 'format',
  [`${prefix}notes`]: 'multiLine',
  [`${prefix}nextAction`]: 'singleLine',
  [`${prefix}nextActionDate`]: 'format',
});

const personFields = (prefix = ''): Record<string, FieldRule> => {
  const rules: Record<string, FieldRule> = {
    latinName: 'identifier',
    arabicName: 'identifier',
    otherSpellings: 'identifier',
    sex: 'format',
    birthDate: 'format',
    nationality: 'format',
    birthCountry: 'format',
    'languages.0': 'format',
    phone: 'identifier',
    city: 'singleLine',
    arrivalDate: 'format',
    legalStatus: 'format',
    'documents.0.type': 'format',
    'documents.0.number': 'identifier',
    'documents.0.expiry': 'format',
    'specificNeeds.0': 'format',
    referralSource: 'format',
  };
  return Object.fromEntries(Object.entries(rules).map(([k, v]) => [prefix + k, v]));
};

/** cases:update takes the case's fields without the person and the lawyer. */
const caseFieldsOnly = Object.fromEntries(Object.entries(caseFor(1, { urgencyReasons: ['detention'] })).filter(([k]) => k !== 'beneficiaryId' && k !== 'assignedLawyerId'));
const caseFields = { intakeDate: 'format', channel: 'format', summary: 'multiLine', urgency: 'format', 'urgencyReasons.0': 'format' } as const;

export const SAMPLES: Readonly<Record<string, Sample>> = {
  'setup:initialize': {
    input: { clinicName: 'Clinique', clinicNameAr: 'عيادة', casePrefix: 'RBT', defaultLanguage: 'fr', admin: { fullName: 'Salma Admin', username: 'salma', password: PASSWORD } },
    fields: { clinicName: 'singleLine', clinicNameAr: 'singleLine', casePrefix: 'format', defaultLanguage: 'format', 'admin.fullName': 'identifier', 'admin.username': 'format', 'admin.password': 'secret' },
  },
  'setup:setAside': { input: { confirm: true }, fields: {} },
  'setup:restore': { input: { file: '/media/usb/clinic-backup-20261203-100000.ccmbackup', recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' }, fields: { file: 'singleLine', recoveryKey: 'secret' } },
  'storeCheck:run': { input: { kind: 'quick' }, fields: { kind: 'format' } },
  'restore:run': { input: { files: ['/media/usb/clinic-backup-20261203-100000.ccmbackup'], recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789', confirm: true }, fields: { 'files.0': 'singleLine', recoveryKey: 'secret' } },
  'recovery:prove': { input: { recoveryKey: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789' }, fields: { recoveryKey: 'secret' } },
  'restore:undo': { input: { name: 'replaced-20261203-101500', confirm: true }, fields: { name: 'format' } },
  'backup:setPassphrase': { input: { passphrase: 'Phrase-Sauvegarde-2026!' }, fields: { passphrase: 'secret' } },
  'backup:saveSettings': { input: { folder: '/media/usb/sauvegardes', keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 2 }, fields: { folder: 'singleLine' } },
  'auth:login': { input: { username: 'salma', password: PASSWORD }, fields: { username: 'identifier', password: 'secret' } },
  'auth:recover': { input: { recoveryKey: RECOVERY_KEY, username: 'salma', newPassword: PASSWORD }, fields: { recoveryKey: 'identifier', username: 'format', newPassword: 'secret' } },
  'auth:unlock': { input: { password: PASSWORD }, fields: { password: 'secret' } },
  'auth:changePassword': { input: { currentPassword: PASSWORD, newPassword: 'Autre-Secret-2026!' }, fields: { currentPassword: 'secret', newPassword: 'secret' } },
  'auth:setLanguage': { input: { language: 'ar' }, fields: { language: 'format' } },
  'accounts:create': {
    input: { username: 'nadia', fullName: 'Nadia Accueil', role: 'intake', language: 'fr', password: PASSWORD },
    fields: { username: 'format', fullName: 'identifier', role: 'format', language: 'format', password: 'secret' },
  },
  'accounts:deactivate': { input: { accountId: 2 }, fields: {} },
  'accounts:reactivate': { input: { accountId: 2, newPassword: PASSWORD }, fields: { newPassword: 'secret' } },
  'accounts:resetPassword': { input: { accountId: 2, newPassword: PASSWORD }, fields: { newPassword: 'secret' } },
  'settings:update': { input: { clinicName: 'Clinique', clinicNameAr: 'عيادة', defaultLanguage: 'fr', idleLockMinutes: 5 }, fields: { clinicName: 'singleLine', clinicNameAr: 'singleLine', defaultLanguage: 'format' } },
  'audit:list': { input: { cursor: '3', limit: 50, from: '2026-01-01', to: '2026-12-31' }, fields: { cursor: 'format', from: 'format', to: 'format' } },
  'audit:count': { input: { category: 'views', from: '2026-01-01' }, fields: { category: 'format', from: 'format' } },
  'audit:export': { input: { language: 'fr', category: 'views' }, fields: { language: 'format', category: 'format' } },
  'beneficiaries:candidates': { input: { name: 'Mohamed', phone: '0612345678', documentNumber: 'AB123456' }, fields: { name: 'singleLine', phone: 'singleLine', documentNumber: 'singleLine' } },
  'beneficiaries:create': { input: fullPerson, fields: personFields() },
  'beneficiaries:update': { input: { id: 1, fields: fullPerson }, fields: personFields('fields.') },
  'beneficiaries:get': { input: { id: 1 }, fields: {} },
  'beneficiaries:list': {
    input: { name: 'Diallo', nationality: 'MA', legalStatus: 'refugee', sort: 'name_asc', cursor: 'WyJhIiwxXQ', limit: 20 },
    fields: { name: 'singleLine', nationality: 'format', legalStatus: 'format', sort: 'format', cursor: 'format' },
  },
  'beneficiaries:count': { input: { name: 'Diallo', nationality: 'MA' }, fields: { name: 'singleLine', nationality: 'format' } },
  'beneficiaries:linkHousehold': { input: { id: 1, relatedId: 2, relation: 'child' }, fields: { relation: 'format' } },
  'beneficiaries:unlinkHousehold': { input: { id: 1, linkId: 1 }, fields: {} },
  'beneficiaries:merge': { input: { keepId: 1, mergeId: 2 }, fields: {} },
  'beneficiaries:unmerge': { input: { mergeId: 1 }, fields: {} },
  'cases:create': { input: caseFor(1, { urgencyReasons: ['detention'] }), fields: caseFields },
  'cases:get': { input: { id: 1 }, fields: {} },
  'cases:update': {
    input: { id: 1, fields: caseFieldsOnly },
    fields: Object.fromEntries(Object.entries(caseFields).map(([k, v]) => [`fields.${k}`, v])),
  },
  'cases:list': {
    input: { status: 'open', domainId: 1, lawyerId: 2, urgency: 'urgent', from: '2026-01-01', to: '2026-12-31', nationality: 'MA', sort: 'intake_asc', cursor: 'WyJhIiwxXQ', limit: 20 },
    fields: { status: 'format', urgency: 'format', from: 'format', to: 'format', nationality: 'format', sort: 'format', cursor: 'format' },
  },
  'cases:count': {
    input: { status: 'open', urgency: 'urgent', from: '2026-01-01', nationality: 'MA' },
    fields: { status: 'format', urgency: 'format', from: 'format', nationality: 'format' },
  },
  'cases:setStatus': {
    input: { id: 1, status: 'closed', note: 'Dossier clos.', closureReason: 'resolved', outcome: 'favourable' },
    fields: { status: 'format', note: 'multiLine', closureReason: 'format', outcome: 'format' },
  },
  'cases:assign': { input: { id: 1, lawyerId: 2 }, fields: {} },
  'activities:list': { input: { caseId: 1, kind: 'call' }, fields: { kind: 'format' } },
  'activities:create': { input: { caseId: 1, fields: activity }, fields: activityFields('fields.') },
  'activities:update': { input: { id: 1, revision: 1, fields: activity }, fields: activityFields('fields.') },
  'activities:history': { input: { id: 1 }, fields: {} },
  'procedures:holidays': { input: { from: '2026-01-01', to: '2026-12-31' }, fields: { from: 'format', to: 'format' } },
  'procedures:list': { input: { caseId: 1 }, fields: {} },
  'work:mine': { input: { lawyerId: 2 }, fields: {} },
  'hearings:list': { input: { caseId: 1 }, fields: {} },
  'tasks:list': { input: { caseId: 1 }, fields: {} },
  'tasks:create': {
    input: { caseId: 1, fields: { title: 'Demander la copie de l’arrêté', dueDate: '2026-04-10', assigneeId: 2, notes: 'Au greffe de la préfecture' } },
    fields: { 'fields.title': 'singleLine', 'fields.dueDate': 'format', 'fields.notes': 'multiLine' },
  },
  'tasks:setDone': { input: { id: 1, done: true }, fields: {} },
  'hearings:create': {
    input: { caseId: 1, fields: { kind: 'court_hearing', date: '2026-05-12', time: '09:30', place: 'Tribunal administratif de Rabat', room: 'Salle 2', purpose: 'Recours contre la reconduite' } },
    fields: { 'fields.kind': 'format', 'fields.date': 'format', 'fields.time': 'format', 'fields.place': 'singleLine', 'fields.room': 'singleLine', 'fields.purpose': 'multiLine' },
  },
  'hearings:record': {
    input: { id: 1, outcome: { status: 'adjourned', result: 'Renvoi pour communication du dossier', nextDate: '2026-05-26', nextTime: '09:30' } },
    fields: { 'outcome.status': 'format', 'outcome.result': 'multiLine', 'outcome.nextDate': 'format', 'outcome.nextTime': 'format' },
  },
  'procedures:start': {
    input: {
      caseId: 1,
      fields: { templateId: 1, authority: 'Wilaya de Rabat', authorityRefs: 'AR-2026/114', decision: 'Arrêté de reconduite à la frontière', notifiedDate: '2026-04-06', notifiedTime: '12:24', notificationMode: 'in_person' },
    },
    fields: { 'fields.authority': 'singleLine', 'fields.authorityRefs': 'singleLine', 'fields.decision': 'multiLine', 'fields.notifiedDate': 'format', 'fields.notifiedTime': 'format', 'fields.notificationMode': 'format' },
  },
  'procedures:completeStep': { input: { stepId: 1, fields: { date: '2026-04-07', time: '10:00', note: 'Requête déposée au greffe' } }, fields: { 'fields.date': 'format', 'fields.time': 'format', 'fields.note': 'singleLine' } },
  'procedures:overrideDue': { input: { stepId: 1, fields: { date: '2026-04-08', time: '12:00', reason: 'Greffe fermé à 12h30' } }, fields: { 'fields.date': 'format', 'fields.time': 'format', 'fields.reason': 'singleLine' } },
  'procedures:acknowledge': { input: { stepId: 1 }, fields: {} },
  'procedures:saveTemplate': {
    input: {
      templateId: null,
      fields: {
        nameAr: 'طعن', nameFr: 'Recours', nameEn: 'Appeal', triggerAr: 'تبليغ', triggerFr: 'Notification', triggerEn: 'Notification', active: true,
        steps: [{ key: 'appeal', nameAr: 'إيداع', nameFr: 'Dépôt', nameEn: 'Filing', hasRule: true, trigger: 'notification', amount: 30, counting: 'calendar', rollToWorkingDay: true, warnDaysBefore: 2, basis: 'CPC art. 134' }],
      },
    },
    fields: {
      'fields.nameAr': 'singleLine', 'fields.nameFr': 'singleLine', 'fields.nameEn': 'singleLine', 'fields.triggerAr': 'singleLine', 'fields.triggerFr': 'singleLine', 'fields.triggerEn': 'singleLine',
      'fields.steps.0.key': 'format', 'fields.steps.0.nameAr': 'singleLine', 'fields.steps.0.nameFr': 'singleLine', 'fields.steps.0.nameEn': 'singleLine', 'fields.steps.0.trigger': 'format', 'fields.steps.0.counting': 'format', 'fields.steps.0.basis': 'singleLine',
    },
  },
  'holidays:list': { input: { year: 2026 }, fields: {} },
  'holidays:save': {
    input: { id: null, fields: { date: '2026-05-27', nameAr: 'عيد الأضحى', nameFr: 'Aïd al-Adha', nameEn: 'Eid al-Adha', kind: 'lunar', estimated: false } },
    fields: { 'fields.date': 'format', 'fields.nameAr': 'identifier', 'fields.nameFr': 'identifier', 'fields.nameEn': 'identifier', 'fields.kind': 'format' },
  },
  'holidays:remove': { input: { id: 1 }, fields: {} },
  'calendar:entries': { input: { from: '2026-04-01', to: '2026-04-30', lawyerId: 2 }, fields: { from: 'format', to: 'format' } },
  'services:save': {
    input: { id: null, code: 'legal_aid', ar: 'المساعدة القانونية', fr: 'Aide juridique', en: 'Legal aid', domainId: 1, active: true },
    fields: { code: 'format', ar: 'identifier', fr: 'identifier', en: 'identifier' },
  },
  'partners:list': {
    input: { query: 'Caritas', serviceId: 1, place: 'Oujda', language: 'fr', includeInactive: true },
    fields: { query: 'singleLine', place: 'singleLine', language: 'format' },
  },
  'partners:get': { input: { id: 1 }, fields: {} },
  'partners:export': { input: { format: 'xlsx', language: 'ar' }, fields: { format: 'format', language: 'format' } },
  'partners:referrals': { input: { partnerId: 1 }, fields: {} },
  'partners:save': {
    input: {
      id: null,
      version: null,
      fields: {
        name: 'Association Oujda Ain Ghazal', kind: 'association', serviceIds: [1], places: ['Oujda'], languages: ['ar'],
        address: '12 rue Al Qods, Oujda', phone: '0536 12 34 56', email: 'contact@oujda.org', openingHours: 'Lundi–vendredi 9 h – 17 h',
        agreement: true, agreementFrom: '2025-01-01', agreementTo: '2027-12-31', givesFeedback: true, answerDays: 7, notes: 'Accueil sans rendez-vous',
        contacts: [{ name: 'Samira Bennani', role: 'Assistante sociale', phone: '0612345678', email: 'samira@oujda.org' }],
      },
    },
    fields: {
      'fields.name': 'identifier', 'fields.kind': 'format', 'fields.places.0': 'singleLine', 'fields.languages.0': 'format',
      'fields.address': 'multiLine', 'fields.phone': 'identifier', 'fields.email': 'identifier', 'fields.openingHours': 'singleLine',
      'fields.agreementFrom': 'format', 'fields.agreementTo': 'format', 'fields.notes': 'multiLine',
      'fields.contacts.0.name': 'identifier', 'fields.contacts.0.role': 'singleLine', 'fields.contacts.0.phone': 'identifier', 'fields.contacts.0.email': 'identifier',
    },
  },
  'partners:setActive': { input: { id: 1, active: false }, fields: {} },
  'partners:remove': { input: { id: 1 }, fields: {} },
  'referrals:forCase': { input: { caseId: 1 }, fields: {} },
  'referrals:prepare': { input: { caseId: 1, serviceId: 1, partnerId: 1 }, fields: {} },
  'referrals:create': {
    input: {
      caseId: 1,
      send: true,
      fields: {
        serviceId: 1, partnerId: 1, internalAccountId: null, reason: 'Besoin de soins après l’agression', request: 'Consultation et certificat médical',
        urgency: 'urgent', followUpDate: '2026-04-15', sharing: 'override', consentNow: false, overrideReason: 'Enfant en danger',
      },
    },
    fields: { 'fields.reason': 'multiLine', 'fields.request': 'multiLine', 'fields.urgency': 'format', 'fields.followUpDate': 'format', 'fields.sharing': 'format', 'fields.overrideReason': 'multiLine' },
  },
  'referrals:setStatus': {
    input: { id: 1, version: 1, to: 'completed', note: 'Vue le 12 avril', declineReason: '', outcome: 'service_provided', outcomeNote: 'Certificat remis' },
    fields: { to: 'format', note: 'multiLine', declineReason: 'multiLine', outcome: 'format', outcomeNote: 'multiLine' },
  },
  'documents:referralSlip': { input: { referralId: 1, language: 'fr', sections: { identity: true, contact: false, facts: true, documents: false } }, fields: { language: 'format' } },
  'domains:save': {
    input: { id: null, code: 'asylum', ar: 'اللجوء', fr: 'Asile', en: 'Asylum', active: true },
    fields: { code: 'format', ar: 'identifier', fr: 'identifier', en: 'identifier' },
  },
  'enquiries:create': {
    input: { channel: 'phone', domainId: 1, question: 'Comment renouveler ?', answer: 'À la préfecture.' },
    fields: { channel: 'format', question: 'multiLine', answer: 'multiLine' },
  },
  'enquiries:list': { input: { limit: 20 }, fields: {} },
  'search:global': { input: { query: 'Mohamed' }, fields: { query: 'singleLine' } },
  'documents:intakeRecord': { input: { beneficiaryId: 1, language: 'ar' }, fields: { language: 'format' } },
  'documents:caseSummary': { input: { caseId: 1, language: 'fr' }, fields: { language: 'format' } },
  'documents:deadlineSheet': { input: { lawyerId: 2, language: 'ar' }, fields: { language: 'format' } },
  'documents:deadlineLog': { input: { caseId: 1, language: 'en' }, fields: { language: 'format' } },
  'documents:attestation': {
    input: { beneficiaryId: 1, caseId: null, date: '2026-11-20', purpose: 'Démarches administratives.', signatory: 'Salma Admin', language: 'fr' },
    fields: { date: 'format', purpose: 'multiLine', signatory: 'identifier', language: 'format' },
  },
  'documents:recoverySheet': { input: { recoveryKey: RECOVERY_KEY, language: 'en' }, fields: { recoveryKey: 'identifier', language: 'format' } },
};

/** What every kind refuses: controls (C0, DEL, C1) and unpaired surrogates. */
export const REFUSED_EVERYWHERE = ['\u0000', '\u0001', '\u0008', '\u001B', '\u007F', '\u0085', '\u009F', '\uD800', '\uDC00', '\uDBFF'];
/** What only text areas keep. */
export const LINE_BREAKS_AND_TABS = ['\n', '\t', '\r', '\u000B', '\u000C', '\u2028', '\u2029'];
export const BIDI_OVERRIDES = ['\u202D', '\u202E'];
/** Refused in identifiers (names, numbers) only. */
export const BIDI_MARKS_AND_ISOLATES = ['\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u2066', '\u2067', '\u2068', '\u2069'];
export const ZERO_WIDTH_SPACES = ['\u200B', '\u2060', '\uFEFF'];

/** The characters a field of this rule must refuse when they sit inside its value. */
export function refusedIn(rule: FieldRule): string[] {
  switch (rule) {
    case 'secret':
      return [...REFUSED_EVERYWHERE, ...LINE_BREAKS_AND_TABS.filter((c) => c < '\u2028')];
    case 'multiLine':
      return [...REFUSED_EVERYWHERE, '\r', '\u000B', '\u000C', ...BIDI_OVERRIDES];
    case 'singleLine':
      return [...REFUSED_EVERYWHERE, ...LINE_BREAKS_AND_TABS, ...BIDI_OVERRIDES];
    case 'identifier':
    case 'format':
      return [...REFUSED_EVERYWHERE, ...LINE_BREAKS_AND_TABS, ...BIDI_OVERRIDES, ...BIDI_MARKS_AND_ISOLATES, ...ZERO_WIDTH_SPACES];
  }
}

/** `value` with `inserted` in its middle (never at an end, where trimming would remove a space or line break). */
export function inject(value: string, inserted: string): string {
  const s = value === '' ? 'ab' : value;
  const at = Math.max(1, Math.floor(s.length / 2));
  return s.slice(0, at) + inserted + s.slice(at);
}

/** The string and number leaves of a value, by dotted path (`documents.0.number`). */
export function leaves(value: unknown, path: readonly string[] = []): { path: string; value: string | number }[] {
  if (typeof value === 'string' || typeof value === 'number') return [{ path: path.join('.'), value }];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

/** A copy of `value` with the leaf at `path` replaced. */
export function withLeaf(value: unknown, path: string, leaf: unknown): unknown {
  const [head, ...rest] = path.split('.');
  if (head === undefined || head === '') return leaf;
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) };
  (copy as Record<string, unknown>)[head] = withLeaf((value as Record<string, unknown>)[head], rest.join('.'), leaf);
  return copy;
}
