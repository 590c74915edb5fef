import type { BeneficiaryInput } from '../../shared/contract/beneficiaries';
import type { CreateCaseInput } from '../../shared/contract/cases';
import type { TempCore } from './temp-core';

export function person(overrides: Partial<BeneficiaryInput> = {}): BeneficiaryInput {
  return {
    latinName: '',
    arabicName: '',
    otherSpellings: '',
    sex: 'unknown',
    birthDate: '',
    estimatedAge: '',
    nationality: '',
    birthCountry: '',
    languages: [],
    interpreterNeeded: false,
    phone: '',
    city: '',
    arrivalDate: '',
    legalStatus: 'unknown',
    documents: [],
    specificNeeds: [],
    referralSource: '',
    consentDataKeeping: true,
    consentReferralSharing: false,
    ...overrides,
  };
}

export function caseFor(beneficiaryId: number, overrides: Partial<CreateCaseInput> = {}): CreateCaseInput {
  return {
    beneficiaryId,
    intakeDate: '2026-11-20',
    channel: 'walk_in',
    domainIds: [1],
    summary: 'Demande de carte de séjour après refus de la préfecture.',
    urgency: 'normal',
    urgencyReasons: [],
    sensitive: false,
    assignedLawyerId: null,
    ...overrides,
  };
}

/** Creates an account with a password it has already changed, and signs it in on `client`. */
export async function staff(t: TempCore, client: string, username: string, role: 'intake' | 'lawyer' | 'supervisor', fullName = username): Promise<number> {
  const initial = 'Premier-Acces-2026!';
  const account = await t.ok('admin', 'accounts:create', { username, fullName, role, language: 'fr', password: initial });
  await t.ok(client, 'auth:login', { username, password: initial });
  await t.ok(client, 'auth:changePassword', { currentPassword: initial, newPassword: 'Secret-Personnel-2026!' });
  return account.id;
}
