import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { contract } from '../../../../shared/contract';
import type { CaseDetail } from '../../../../shared/contract/cases';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { SelectField } from '../../components/Field';
import { call } from '../../lib/api';
import { applyServerError } from '../../lib/errors';
import { useLawyers } from '../../lib/lawyers';
import { FormActions } from '../../components/FormActions';
import { FormRules } from '../../lib/form-rules';

const assignSchema = contract['cases:assign'].input;
type Input = z.input<typeof assignSchema>;
type Output = z.output<typeof assignSchema>;

/** Supervisor: assign, reassign or unassign the case's lawyer. */
export function AssignDialog({ detail, onClose, onDone }: { detail: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  const lawyers = useLawyers();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(assignSchema), defaultValues: { id: detail.id, lawyerId: detail.assignedLawyerId } });
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      onDone(await call('cases:assign', values));
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError));
    }
  });
  // The current lawyer stays offered even if no longer in the list (deactivated account).
  const options = [
    { value: '', label: t('cases.noLawyer') },
    ...(lawyers ?? []).map((l) => ({ value: String(l.id), label: l.fullName })),
    ...(detail.assignedLawyerId !== null && !(lawyers ?? []).some((l) => l.id === detail.assignedLawyerId)
      ? [{ value: String(detail.assignedLawyerId), label: detail.assignedLawyer ?? String(detail.assignedLawyerId) }]
      : []),
  ];
  return (
    <Dialog open title={t('cases.assign')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      {lawyers === null ? (
        <p className="loading">{t('common.loading')}</p>
      ) : (
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={assignSchema}>
          <SelectField
            label={t('cases.lawyer')}
            options={options}
            error={form.formState.errors.lawyerId?.message}
            {...form.register('lawyerId', { setValueAs: (v: string | number | null) => (v === '' || v === null ? null : Number(v)) })}
          />
          <FormActions label={t('common.save')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
      )}
    </Dialog>
  );
}
