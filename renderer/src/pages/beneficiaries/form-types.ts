import type { UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { beneficiaryInputSchema } from '../../../../shared/contract/beneficiaries';
import { personDateIssues } from '../../../../shared/domain/dates';
import { withDateRules } from '../../lib/forms';

export type BeneficiaryFormInput = z.input<typeof beneficiaryInputSchema>;
export type BeneficiaryFormOutput = z.output<typeof beneficiaryInputSchema>;
/** The person form's schema: the channel's, and birth and arrival dates that make sense today. */
export const beneficiaryFormSchema = withDateRules(beneficiaryInputSchema, (v, today) => personDateIssues(v, today));

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
    consentReferralSharing: null,
  };
}
