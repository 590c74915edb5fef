import { zodResolver } from '@hookform/resolvers/zod';
import { useId, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../components/Banner';
import { CheckboxField } from '../../components/Field';
import { FieldMessage } from '../../components/FieldMessage';
import { useFormDraft } from '../../lib/drafts';
import { applyServerError } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { href } from '../../lib/route';
import { DocumentFields } from './DocumentFields';
import { beneficiaryFormSchema, blankBeneficiary, type BeneficiaryForm as BeneficiaryFormApi, type BeneficiaryFormInput, type BeneficiaryFormOutput } from './form-types';
import { IdentityFields, SituationFields } from './PersonFields';
import { FormActions } from '../../components/FormActions';

interface Props {
  initial: Partial<BeneficiaryFormInput>;
  submitLabel: string;
  /** Sends the values; throws the core's error, which the form shows under the fields. */
  onSubmit: (values: BeneficiaryFormOutput) => Promise<void>;
  onCancel: () => void;
  /** `fields.` for beneficiaries:update, whose field paths start with it. */
  serverPathPrefix?: string;
  /** Where what is typed is kept across a lock (lib/drafts.ts). */
  draftKey: string;
}

/** Every field of the beneficiary record, validated by the core's own schema. */
export function BeneficiaryForm({ initial, submitLabel, onSubmit, onCancel, serverPathPrefix = '', draftKey }: Props) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<BeneficiaryFormInput, unknown, BeneficiaryFormOutput>({
    resolver: zodResolver(beneficiaryFormSchema),
    defaultValues: { ...blankBeneficiary(), ...initial },
  });
  useFormDraft(draftKey, form);
  const submit = form.handleSubmit(
    async (values) => {
      setBanner(null);
      try {
        await onSubmit(values);
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError, '', serverPathPrefix));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="record-form">
      <Banner kind="error">{banner}</Banner>
      <FormRules schema={beneficiaryFormSchema}>
        <IdentityFields form={form} />
        <SituationFields form={form} />
        <DocumentFields form={form} />
        <ConsentFields form={form} />
      </FormRules>
      <FormActions label={submitLabel} busy={form.formState.isSubmitting} onCancel={onCancel} />
    </form>
  );
}

/**
 * What the person agreed to (law 09-08). Its own component, rendered after the other fields,
 * so its checkboxes register after them and the first error focused is the first on screen.
 */
function ConsentFields({ form }: { form: BeneficiaryFormApi }) {
  const { t } = useTranslation();
  // Once the person has answered, "not asked" is no longer a choice.
  const [answered] = useState(() => form.getValues('consentReferralSharing') !== null);
  const err = form.formState.errors;
  const consent = form.watch('consentDataKeeping');
  return (
    <fieldset>
      <legend>{t('person.consent')}</legend>
      <p className="explain">{t('person.consentExplain')}</p>
      <CheckboxField label={t('person.consentDataKeeping')} required error={err.consentDataKeeping?.message} {...form.register('consentDataKeeping')} />
      <Controller
        control={form.control}
        name="consentReferralSharing"
        render={({ field, fieldState }) => <SharingChoice value={field.value} onChange={field.onChange} error={fieldState.error?.message} asked={answered} />}
      />
      {!consent && (
        <div className="banner banner-info">
          <p>{t('person.noConsent')}</p>
          <a href={href('beneficiaries', 'enquiries')}>{t('person.toEnquiry')}</a>
        </div>
      )}
    </fieldset>
  );
}

/** Sharing with partners: not asked yet, agrees or refuses (three answers, not a checkbox). */
function SharingChoice({ value, onChange, error, asked }: { value: boolean | null; onChange: (v: boolean | null) => void; error?: string | undefined; asked: boolean }) {
  const { t } = useTranslation();
  const name = useId();
  const choices = [
    ...(asked ? [] : [{ v: null, label: t('person.sharingNotAsked') }]),
    { v: true, label: t('person.sharingAgrees') },
    { v: false, label: t('person.sharingRefuses') },
  ];
  return (
    <fieldset className="radio-group" aria-invalid={error ? true : undefined}>
      <legend>{t('person.consentReferralSharing')}</legend>
      {choices.map((c) => (
        <label className="checkbox" key={String(c.v)}>
          <input type="radio" name={name} checked={value === c.v} onChange={() => onChange(c.v)} />
          <span>{c.label}</span>
        </label>
      ))}
      {error && <FieldMessage id={`${name}-error`} error={error} />}
    </fieldset>
  );
}
