/**
 * Who comes to a Moroccan legal clinic, as beneficiary records typed at the desk: names in
 * one or both scripts with their spelling variants, nationality, status and documents that
 * go together, Moroccan mobile numbers typed every way people type them, households.
 */
import type { BeneficiaryInput } from '../../shared/contract/beneficiaries';
import type { LegalStatus, SpecificNeed } from '../../shared/domain/beneficiary';
import * as N from './names';
import type { Rng } from './rng';

export const PROFILES = ['west_africa', 'central_africa', 'syria', 'yemen', 'sudan', 'morocco'] as const;
export type Profile = (typeof PROFILES)[number];

interface ProfileSpec {
  weight: number;
  nationalities: [string, number][];
  maleShare: number;
  statuses: [LegalStatus, number][];
  /** Probabilities of the Arabic-script name alone, of the Latin alone; the rest have both. */
  arabicOnly: number;
  latinOnly: number;
}

/** Shares follow what clinics in Rabat, Casablanca and Oujda describe; they are not statistics. */
const SPECS: Record<Profile, ProfileSpec> = {
  west_africa: {
    weight: 45,
    nationalities: [['SN', 18], ['GN', 20], ['ML', 14], ['CI', 16], ['NG', 8], ['GH', 4], ['GM', 5], ['BF', 5], ['NE', 4], ['SL', 3], ['LR', 3]],
    maleShare: 0.64,
    statuses: [['irregular', 55], ['regular', 14], ['asylum_seeker', 15], ['refugee', 5], ['unknown', 11]],
    arabicOnly: 0,
    latinOnly: 0.8,
  },
  central_africa: {
    weight: 20,
    nationalities: [['CM', 40], ['CD', 25], ['CG', 12], ['CF', 10], ['TD', 8], ['GA', 5]],
    maleShare: 0.56,
    statuses: [['irregular', 35], ['asylum_seeker', 30], ['refugee', 15], ['regular', 12], ['unknown', 8]],
    arabicOnly: 0,
    latinOnly: 1,
  },
  syria: {
    weight: 9,
    nationalities: [['SY', 1]],
    maleShare: 0.52,
    statuses: [['refugee', 50], ['asylum_seeker', 28], ['regular', 12], ['irregular', 10]],
    arabicOnly: 0.15,
    latinOnly: 0.3,
  },
  yemen: {
    weight: 5,
    nationalities: [['YE', 1]],
    maleShare: 0.58,
    statuses: [['asylum_seeker', 45], ['refugee', 35], ['irregular', 12], ['regular', 8]],
    arabicOnly: 0.15,
    latinOnly: 0.3,
  },
  sudan: {
    weight: 9,
    nationalities: [['SD', 85], ['SS', 15]],
    maleShare: 0.72,
    statuses: [['asylum_seeker', 45], ['refugee', 28], ['irregular', 22], ['stateless', 2], ['unknown', 3]],
    arabicOnly: 0.15,
    latinOnly: 0.3,
  },
  morocco: {
    weight: 12,
    nationalities: [['MA', 1]],
    maleShare: 0.48,
    statuses: [['moroccan', 62], ['moroccan_abroad', 38]],
    arabicOnly: 0.15,
    latinOnly: 0.12,
  },
};

export const PROFILE_WEIGHTS: [Profile, number][] = PROFILES.map((p) => [p, SPECS[p].weight]);

const LANGUAGES: Record<string, string[][]> = {
  west_africa: [['fr', 'wo'], ['fr', 'ff'], ['fr', 'bm'], ['fr'], ['en', 'ha'], ['en', 'yo'], ['en', 'ig'], ['en', 'tw'], ['ff'], ['bm']],
  central_africa: [['fr'], ['fr', 'ln'], ['fr', 'sw'], ['ln'], ['en', 'fr'], ['ar', 'fr']],
  syria: [['ar'], ['ar', 'en']],
  yemen: [['ar']],
  sudan: [['ar'], ['ar', 'en']],
  morocco: [['ary', 'ar'], ['ary', 'fr'], ['ary', 'ber'], ['ary', 'fr', 'es']],
};

/** Moroccan cities, as typed (several spellings, sometimes Arabic), weighted by clinic activity. */
const CITIES: [string, number][] = [
  ['Rabat', 16], ['Casablanca', 18], ['Oujda', 10], ['Nador', 6], ['Tanger', 9], ['Tangier', 1], ['طنجة', 1],
  ['Marrakech', 8], ['Marrakesh', 1], ['Agadir', 5], ['Fès', 5], ['Fes', 1], ['Meknès', 3], ['Tétouan', 3],
  ['Laâyoune', 2], ['Salé', 4], ['Kénitra', 3], ['Berkane', 2], ['Béni Mellal', 2], ['الرباط', 1], ['الدار البيضاء', 1], ['وجدة', 1],
];

export interface PersonSpec {
  profile: Profile;
  nationality: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  /** Age on the intake day. */
  age: number;
  given: N.NameForm | string;
  family: N.NameForm | string;
  /** Sudanese names carry the father's name in the middle. */
  middle: N.NameForm | null;
}

/** A new adult, or a child / spouse of a given household head. */
export function personSpec(rng: Rng, profile: Profile, options: { age?: number; family?: PersonSpec['family']; sex?: PersonSpec['sex']; nationality?: string } = {}): PersonSpec {
  const spec = SPECS[profile];
  const sex = options.sex ?? rng.weighted([['male', spec.maleShare * 99], ['female', (1 - spec.maleShare) * 99], ['unknown', 0.7], ['other', 0.3]]);
  const nationality = options.nationality ?? rng.weighted(spec.nationalities);
  const age = options.age ?? Math.min(75, Math.round(17 + rng.logNormalDays(12, 0.6)));
  const female = sex === 'female' || (sex !== 'male' && rng.chance(0.5));
  let given: PersonSpec['given'];
  let family: PersonSpec['family'];
  let middle: PersonSpec['middle'] = null;
  if (profile === 'west_africa') {
    if (nationality === 'NG' || nationality === 'GH') {
      const f = nationality === 'NG' ? rng.ng : rng.gh;
      given = f.person.firstName(female ? 'female' : 'male');
      family = f.person.lastName();
    } else if (rng.chance(0.6)) {
      given = rng.pick(female ? N.WEST_AFRICAN_FEMALE : N.WEST_AFRICAN_MALE);
      family = rng.pick(N.WEST_AFRICAN_FAMILY);
    } else {
      given = rng.sn.person.firstName(female ? 'female' : 'male');
      family = rng.sn.person.lastName();
    }
  } else if (profile === 'central_africa') {
    given = rng.pick(female ? N.CENTRAL_AFRICAN_FEMALE : N.CENTRAL_AFRICAN_MALE);
    family = rng.pick(N.CENTRAL_AFRICAN_FAMILY);
  } else {
    // An Arabic given name from faker's ar locale now and then: a record with no Latin form.
    given = rng.chance(0.08) ? rng.ar.person.firstName(female ? 'female' : 'male') : rng.pick(female ? N.ARAB_FEMALE : N.ARAB_MALE);
    const families = profile === 'syria' ? N.SYRIAN_FAMILY : profile === 'yemen' ? N.YEMENI_FAMILY : profile === 'sudan' ? N.SUDANESE_FAMILY : N.MOROCCAN_FAMILY;
    family = rng.pick(families);
    if (profile === 'sudan' && rng.chance(0.7)) middle = rng.pick(N.ARAB_MALE);
  }
  return { profile, nationality, sex, age, given, family: options.family ?? family, middle };
}

type Spelled = { latin: string; arabic: string };

/** One way of writing the whole name; `variant` picks other spellings than the usual one. */
function spell(rng: Rng, s: PersonSpec, variant: boolean): Spelled {
  const parts = [s.given, ...(s.middle ? [s.middle] : []), s.family];
  const latin: string[] = [];
  const arabic: string[] = [];
  for (const p of parts) {
    if (typeof p === 'string') {
      // faker names: Latin (West African locales) or Arabic (ar locale), one spelling.
      if (/[\u0600-\u06FF]/.test(p)) arabic.push(p);
      else latin.push(variant && rng.chance(0.5) ? stripAccents(p) : p);
      continue;
    }
    latin.push(variant ? (p.latin.length > 1 ? rng.pick(p.latin.slice(1)) : stripAccents(p.latin[0]!)) : rng.spelling(p.latin));
    if (p.ar) arabic.push(p.ar);
  }
  return {
    latin: latin.length === parts.length ? latin.join(' ') : '',
    arabic: arabic.length === parts.length ? arabic.join(' ') : '',
  };
}

const stripAccents = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Names as the record shows them: which scripts were filled and what other spellings were noted. */
export function namesFor(rng: Rng, s: PersonSpec, duplicate = false): Pick<BeneficiaryInput, 'latinName' | 'arabicName' | 'otherSpellings'> {
  const spec = SPECS[s.profile];
  const main = spell(rng, s, duplicate);
  let latinName = main.latin;
  let arabicName = main.arabic;
  const r = rng.fr.number.float();
  if (latinName && arabicName) {
    if (r < spec.arabicOnly) latinName = '';
    else if (r < spec.arabicOnly + spec.latinOnly) arabicName = '';
  }
  if (!latinName && !arabicName) latinName = main.latin || 'Inconnu';
  const others = new Set<string>();
  // Spellings from other papers (passport, UNHCR certificate, a previous record).
  if (latinName && rng.chance(duplicate ? 0.1 : 0.35)) {
    for (let i = rng.int(1, 2); i > 0; i--) {
      const v = spell(rng, s, true).latin;
      if (v && v !== latinName) others.add(v);
    }
  }
  return { latinName, arabicName, otherSpellings: [...others].join(', ') };
}

/** A Moroccan mobile number, kept apart from how it is typed. */
export function mobileDigits(rng: Rng): string {
  return `${rng.pick(['6', '6', '6', '7'])}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

/** The same number typed the ways intake staff type it: 0612345678, +212 6 12 34 56 78, … */
export function typedPhone(rng: Rng, nine: string): string {
  const pairs = (s: string) => s.match(/.{1,2}/g)!.join(' ');
  const [a, rest] = [nine.slice(0, 1), nine.slice(1)];
  return rng.weighted<string>([
    [`0${nine}`, 40],
    [`0${a} ${pairs(rest)}`, 20],
    [`0${a}-${rest.match(/.{1,2}/g)!.join('-')}`, 5],
    [`0${a}.${rest.match(/.{1,2}/g)!.join('.')}`, 3],
    [`+212${nine}`, 12],
    [`+212 ${a} ${pairs(rest)}`, 8],
    [`00212 ${nine.slice(0, 3)} ${nine.slice(3, 6)} ${nine.slice(6)}`, 4],
    [`212${nine}`, 4],
    [`+212 (0)${a} ${pairs(rest)}`, 2],
    [`+212 0${nine}`, 2],
  ]);
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

function documentNumber(rng: Rng, type: string, nationality: string, atMs: number): string {
  const d = (n: number) => String(rng.int(0, 10 ** n - 1)).padStart(n, '0');
  switch (type) {
    case 'passport':
      return `${rng.fr.string.alpha({ length: rng.int(1, 2), casing: 'upper' })}${d(7)}`;
    case 'unhcr_certificate':
      return `${rng.int(300, 399)}-${String(new Date(atMs).getUTCFullYear()).slice(2)}C${d(5)}`;
    case 'refugee_card':
      return `RF${d(6)}`;
    case 'residence_card':
      return `${rng.fr.string.alpha({ length: 1, casing: 'upper' })}${d(6)}${rng.fr.string.alpha({ length: 1, casing: 'upper' })}`;
    case 'consular_card':
      return `${nationality}-${d(8)}`;
    default:
      return `${rng.fr.string.alpha({ length: rng.int(1, 2), casing: 'upper' })}${d(6)}`; // CIN
  }
}

const DOCUMENTS_BY_STATUS: Partial<Record<LegalStatus, string[][]>> = {
  regular: [['residence_card', 'passport'], ['residence_card']],
  irregular: [[], [], ['passport'], ['consular_card']],
  asylum_seeker: [['unhcr_certificate'], ['unhcr_certificate', 'passport']],
  refugee: [['refugee_card', 'unhcr_certificate'], ['refugee_card']],
  moroccan: [['national_id'], ['national_id']],
  moroccan_abroad: [['national_id', 'passport'], ['passport']],
};

export interface Household {
  phoneDigits: string | null;
  city: string;
}

/** The whole form of one person registered on `atMs`. */
export function beneficiaryInput(rng: Rng, s: PersonSpec, atMs: number, home: Household, duplicate = false): BeneficiaryInput {
  const spec = SPECS[s.profile];
  const status = s.profile === 'morocco' ? rng.weighted(spec.statuses) : s.age < 18 && rng.chance(0.5) ? 'unknown' : rng.weighted(spec.statuses);
  const birth = atMs - s.age * 365.25 * DAY - rng.int(0, 364) * DAY;
  const dated = rng.fr.number.float();
  const languages = rng.pick(LANGUAGES[s.profile]!);
  const needs = new Set<SpecificNeed>();
  if (s.age < 18) needs.add(rng.chance(0.45) ? 'unaccompanied_minor' : 'child_at_risk');
  if (s.sex === 'female' && s.age >= 18) {
    if (rng.chance(0.09)) needs.add('gbv_survivor');
    if (rng.chance(0.05)) needs.add('pregnant');
    if (rng.chance(0.06)) needs.add('single_parent');
    if (s.profile === 'west_africa' && rng.chance(0.03)) needs.add('trafficking_victim');
  }
  if (rng.chance(0.05)) needs.add('serious_medical');
  if (rng.chance(0.02)) needs.add('disability');
  if ((s.profile === 'sudan' || s.profile === 'syria') && rng.chance(0.04)) needs.add('torture_survivor');
  if (s.age >= 60) needs.add('elderly');
  const documents = rng
    .pick(DOCUMENTS_BY_STATUS[status] ?? [[]])
    .map((type) => ({
      type: type as BeneficiaryInput['documents'][number]['type'],
      number: documentNumber(rng, type, s.nationality, atMs),
      expiry: rng.chance(0.7) ? isoDay(atMs + rng.int(-400, 1800) * DAY) : '',
    }));
  const migrant = s.profile !== 'morocco';
  // A child born in Morocco cannot have arrived before birth (the core refuses it).
  const arrival = migrant && rng.chance(0.75) ? atMs - rng.logNormalDays(300, 1) * DAY : s.profile === 'morocco' && status === 'moroccan_abroad' && rng.chance(0.5) ? atMs - rng.int(10, 900) * DAY : undefined;
  return {
    ...namesFor(rng, s, duplicate),
    sex: s.sex,
    birthDate: dated < 0.55 ? isoDay(birth) : '',
    estimatedAge: dated >= 0.55 && dated < 0.9 ? s.age : '',
    nationality: s.nationality,
    birthCountry: rng.chance(0.85) ? s.nationality : '',
    languages,
    interpreterNeeded: !languages.some((l) => ['fr', 'ar', 'ary', 'en'].includes(l)) || (s.profile === 'central_africa' && rng.chance(0.05)),
    phone: home.phoneDigits ? typedPhone(rng, home.phoneDigits) : '',
    city: home.city,
    arrivalDate: arrival === undefined ? '' : isoDay(dated < 0.55 ? Math.max(arrival, birth) : arrival),
    legalStatus: status,
    documents,
    specificNeeds: [...needs],
    referralSource: rng.weighted([['', 15], ['word_of_mouth', 35], ['partner', 18], ['outreach', 10], ['authorities', 5], ['unhcr', 8], ['social_media', 6], ['other', 3]]),
    consentDataKeeping: true,
    consentReferralSharing: rng.chance(0.65),
  };
}

export function newHousehold(rng: Rng): Household {
  return { phoneDigits: rng.chance(0.87) ? mobileDigits(rng) : null, city: rng.weighted(CITIES) };
}
