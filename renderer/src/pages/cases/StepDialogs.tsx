import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { completeStepFieldsSchema, overrideDueFieldsSchema, type Procedure, type ProcedureStep } from '../../../../shared/contract/procedures';
import { Banner } from '../../components/Banner';
import { FormDateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormTimeField } from '../../components/TimeField';
import { call } from '../../lib/api';
import { applyServerError } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { nowTime, todayIso, useFormats } from '../../lib/format';

/** A step is met: when, and what closed it. */
export function StepDoneDialog({ step, onClose, onDone }: { step: ProcedureStep; onClose: () => void; onDone: (p: Procedure) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<z.input<typeof completeStepFieldsSchema>, unknown, z.output<typeof completeStepFieldsSchema>>({
    resolver: zodResolver(completeStepFieldsSchema),
    defaultValues: { date: todayIso(), time: nowTime(), note: '' },
  });
  const submit = form.handleSubmit(
    async (fields) => {
      setBanner(null);
      try {
        onDone(await call('procedures:completeStep', { stepId: step.id, fields }));
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError, '', 'fields.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  return (
    <Dialog open title={`${t('procedures.doneTitle')} — ${step.name[f.language]}`} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={completeStepFieldsSchema}>
          <div className="form-grid">
            <FormDateField control={form.control} name="date" label={t('activities.date')} />
            <FormTimeField control={form.control} name="time" label={t('activities.time')} />
          </div>
          <TextField label={t('procedures.doneNote')} dir="auto" error={form.formState.errors.note?.message} {...form.register('note')} />
          <FormActions label={t('procedures.markDone')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}

/** A due date set by hand, with its reason; the computed one stays beside it. */
export function OverrideDueDialog({ step, onClose, onDone }: { step: ProcedureStep; onClose: () => void; onDone: (p: Procedure) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<z.input<typeof overrideDueFieldsSchema>, unknown, z.output<typeof overrideDueFieldsSchema>>({
    resolver: zodResolver(overrideDueFieldsSchema),
    defaultValues: { date: step.dueDay ?? todayIso(), time: step.dueTime ?? '12:00', reason: '' },
  });
  const submit = form.handleSubmit(
    async (fields) => {
      setBanner(null);
      try {
        onDone(await call('procedures:overrideDue', { stepId: step.id, fields }));
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError, '', 'fields.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  return (
    <Dialog open title={`${t('procedures.setDueTitle')} — ${step.name[f.language]}`} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={overrideDueFieldsSchema}>
          <div className="form-grid">
            <FormDateField control={form.control} name="date" label={t('procedures.due')} />
            <FormTimeField control={form.control} name="time" label={t('activities.time')} />
          </div>
          <TextField label={t('procedures.reason')} dir="auto" error={form.formState.errors.reason?.message} {...form.register('reason')} />
          <FormActions label={t('procedures.setDue')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
