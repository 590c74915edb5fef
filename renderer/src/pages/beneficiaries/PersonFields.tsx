import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LEGAL_STATUSES, REFERRAL_SOURCES, SEXES, SPECIFIC_NEEDS, SPOKEN_LANGUAGES } from '../../../../shared/domain/beneficiary';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { CountryField } from '../../components/CountryField';
import { FormDateField } from '../../components/DateField';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { useFormats } from '../../lib/format';
import { optionalNumberInput } from '../../lib/forms';
import type { BeneficiaryForm } from './form-types';

/** Names, sex, age, origin and languages. */
export function IdentityFields({ form }: { form: BeneficiaryForm }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { register, control } = form;
  const err = form.formState.errors;
  return (
    <fieldset>
      <legend>{t('person.identity')}</legend>
      <div className="form-grid">
        <TextField label={t('person.latinName')} hint={t('person.latinNameHint')} dir="ltr" autoComplete="off" error={err.latinName?.message} {...register('latinName')} />
        <TextField label={t('person.arabicName')} dir="rtl" lang="ar" autoComplete="off" error={err.arabicName?.message} {...register('arabicName')} />
      </div>
      <TextField label={t('person.otherSpellings')} hint={t('person.otherSpellingsHint')} autoComplete="off" error={err.otherSpellings?.message} {...register('otherSpellings')} />
      <div className="form-grid">
        <SelectField
          label={t('person.sex')}
          options={[{ value: '', label: t('common.choose') }, ...SEXES.map((s) => ({ value: s, label: t(`enums.sex.${s}`) }))]}
          error={err.sex?.message}
          {...register('sex')}
        />
        <FormDateField control={control} name="birthDate" label={t('person.birthDate')} />
        <TextField
          label={t('person.estimatedAge')}
          hint={t('person.estimatedAgeHint')}
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          error={err.estimatedAge?.message}
          {...register('estimatedAge', { setValueAs: optionalNumberInput })}
        />
      </div>
      <div className="form-grid">
        <Controller
          control={control}
          name="nationality"
          render={({ field, fieldState }) => (
            <CountryField ref={field.ref} label={t('person.nationality')} hint={t('person.countryHint')} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
          )}
        />
        <Controller
          control={control}
          name="birthCountry"
          render={({ field, fieldState }) => (
            <CountryField ref={field.ref} label={t('person.birthCountry')} hint={t('person.countryHint')} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} error={fieldState.error?.message} />
          )}
        />
      </div>
      <Controller
        control={control}
        name="languages"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend={t('person.languages')}
            columns
            options={SPOKEN_LANGUAGES.map((code) => ({ value: code, label: f.spokenLanguage(code) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
            name={field.name}
            ref={field.ref}
          />
        )}
      />
      <CheckboxField label={t('person.interpreterNeeded')} {...register('interpreterNeeded')} />
    </fieldset>
  );
}

/** Contact, status in Morocco, vulnerabilities and how the person came. */
export function SituationFields({ form }: { form: BeneficiaryForm }) {
  const { t } = useTranslation();
  const { register, control } = form;
  const err = form.formState.errors;
  return (
    <fieldset>
      <legend>{t('person.situation')}</legend>
      <div className="form-grid">
        <TextField label={t('person.phone')} hint={t('person.phoneHint')} type="tel" dir="ltr" autoComplete="off" error={err.phone?.message} {...register('phone')} />
        <TextField label={t('person.city')} autoComplete="off" error={err.city?.message} {...register('city')} />
        <FormDateField control={control} name="arrivalDate" label={t('person.arrivalDate')} />
      </div>
      <div className="form-grid">
        <SelectField
          label={t('person.legalStatus')}
          options={[{ value: '', label: t('common.choose') }, ...LEGAL_STATUSES.map((s) => ({ value: s, label: t(`enums.legalStatus.${s}`) }))]}
          error={err.legalStatus?.message}
          {...register('legalStatus')}
        />
        <SelectField
          label={t('person.referralSource')}
          options={[{ value: '', label: t('common.notSaid') }, ...REFERRAL_SOURCES.map((s) => ({ value: s, label: t(`enums.referralSource.${s}`) }))]}
          error={err.referralSource?.message}
          {...register('referralSource')}
        />
      </div>
      <Controller
        control={control}
        name="specificNeeds"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend={t('person.specificNeeds')}
            columns
            options={SPECIFIC_NEEDS.map((n) => ({ value: n, label: t(`enums.specificNeed.${n}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
            name={field.name}
            ref={field.ref}
          />
        )}
      />
    </fieldset>
  );
}
