import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { beneficiaryInputSchema } from '../../../../shared/contract/beneficiaries';

export type BeneficiaryFormInput = z.input<typeof beneficiaryInputSchema>;
export type BeneficiaryFormOutput = z.output<typeof beneficiaryInputSchema>;
export type BeneficiaryForm = UseFormReturn<BeneficiaryFormInput, unknown, BeneficiaryFormOutput>;

/** A blank record. Sex and legal status start unchosen, so that "unknown" is a decision. */
export function blankBeneficiary(): Partial<BeneficiaryFormInput> {
  return {
    latinName: '',
    arabicName: '',
    otherSpellings: '',
    birthDate: '',
    estimatedAge: '',
    nationality: '',
    birthCountry: '',
    languages: [],
    interpreterNeeded: false,
    phone: '',
    city: '',
    arrivalDate: '',
    documents: [],
    specificNeeds: [],
    referralSource: '',
    consentDataKeeping: false,
    consentReferralSharing: false,
  };
}
