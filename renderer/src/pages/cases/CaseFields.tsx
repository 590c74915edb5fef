import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createCaseInputSchema } from '../../../../shared/contract/cases';
import { pastDateIssue } from '../../../../shared/domain/dates';
import type { Domain } from '../../../../shared/contract/registry';
import { INTAKE_CHANNELS, URGENCIES, URGENCY_REASONS } from '../../../../shared/domain/case';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { CheckboxField, SelectField, TextAreaField } from '../../components/Field';
import { useFormats } from '../../lib/format';
import { FormRules } from '../../lib/form-rules';
import { withDateRules } from '../../lib/forms';
import { FormDateField } from '../../components/DateField';

export type CaseFormInput = z.input<typeof createCaseInputSchema>;
export type CaseFormOutput = z.output<typeof createCaseInputSchema>;
export type CaseForm = UseFormReturn<CaseFormInput, unknown, CaseFormOutput>;

/** The case form's schema: the channel's, and an intake date that is not in the future. */
export const caseFormSchema = withDateRules(createCaseInputSchema, (v, today) => pastDateIssue('intakeDate', v.intakeDate, today));

/**
 * The case's own fields, shared by "open a case" and "edit the case". Domains no longer offered
 * stay listed when the case already has them, so editing never drops one silently.
 */
export function CaseFields({ form, domains }: { form: CaseForm; domains: readonly Domain[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { register, control } = form;
  const err = form.formState.errors;
  const selected = form.watch('domainIds');
  const offered = domains.filter((d) => d.active || selected.includes(d.id));
  return (
    <FormRules schema={caseFormSchema}>
      <div className="form-grid">
        <FormDateField control={control} name="intakeDate" label={t('cases.intakeDate')} />
        <SelectField
          label={t('cases.channel')}
          options={INTAKE_CHANNELS.map((c) => ({ value: c, label: t(`enums.channel.${c}`) }))}
          error={err.channel?.message}
          {...register('channel')}
        />
      </div>
      <Controller
        control={control}
        name="domainIds"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend={t('cases.domains')}
            columns
            options={offered.map((d) => ({ value: d.id, label: d.active ? f.domain(d) : t('cases.inactiveDomain', { name: f.domain(d) }) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
            name={field.name}
            ref={field.ref}
          />
        )}
      />
      <TextAreaField label={t('cases.summary')} hint={t('cases.summaryHint')} rows={6} error={err.summary?.message} {...register('summary')} />
      <SelectField
        label={t('cases.urgency')}
        options={URGENCIES.map((u) => ({ value: u, label: t(`enums.urgency.${u}`) }))}
        error={err.urgency?.message}
        {...register('urgency')}
      />
      <Controller
        control={control}
        name="urgencyReasons"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend={t('cases.urgencyReasons')}
            columns
            options={URGENCY_REASONS.map((r) => ({ value: r, label: t(`enums.urgencyReason.${r}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={fieldState.error?.message}
          />
        )}
      />
      <CheckboxField label={t('cases.sensitive')} {...register('sensitive')} />
    </FormRules>
  );
}
