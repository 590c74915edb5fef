import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { BeneficiaryDetail } from '../../../../shared/contract/beneficiaries';
import { attestationInputSchema, type PdfDocument } from '../../../../shared/contract/documents';
import { LANGUAGES } from '../../../../shared/domain/languages';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { PdfPreview } from '../../components/PdfPreview';
import { call } from '../../lib/api';
import { applyServerError } from '../../lib/errors';
import { FormActions } from '../../components/FormActions';
import { FormDateField } from '../../components/DateField';
import { FormRules } from '../../lib/form-rules';

type Input = z.input<typeof attestationInputSchema>;
type Output = z.output<typeof attestationInputSchema>;

/** Attestation that the clinic accompanied this person: date, purpose, signatory, optional case. */
export function AttestationDialog({ detail, signatory, onClose }: { detail: BeneficiaryDetail; signatory: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const [pdf, setPdf] = useState<PdfDocument | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(attestationInputSchema),
    defaultValues: { beneficiaryId: detail.id, caseId: null, date: new Date().toISOString().slice(0, 10), purpose: '', signatory, language: '' },
  });
  const err = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      setPdf(await call('documents:attestation', values));
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError));
    }
  });
  if (pdf) return <PdfPreview pdf={pdf} title={t('documents.attestation')} onClose={onClose} />;
  return (
    <Dialog open title={t('documents.attestation')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={attestationInputSchema}>
          <FormDateField control={form.control} name="date" label={t('documents.date')} />
          <TextAreaField label={t('documents.purpose')} rows={3} error={err.purpose?.message} {...form.register('purpose')} />
          <TextField label={t('documents.signatory')} error={err.signatory?.message} {...form.register('signatory')} />
          <SelectField
            label={t('documents.case')}
            options={[{ value: '', label: t('documents.noCase') }, ...detail.cases.map((c) => ({ value: String(c.id), label: c.reference }))]}
            {...form.register('caseId', { setValueAs: (v: string) => (v === '' || v === null ? null : Number(v)) })}
          />
          <SelectField
            label={t('documents.languageLabel')}
            options={[{ value: '', label: t('documents.automatic') }, ...LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))]}
            {...form.register('language')}
          />
          <FormActions label={form.formState.isSubmitting ? t('documents.generating') : t('documents.generate')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
