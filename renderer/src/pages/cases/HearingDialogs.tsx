import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { hearingFieldsSchema, hearingOutcomeSchema, type Hearing, type HearingFieldsInput, type HearingOutcomeInput } from '../../../../shared/contract/hearings';
import { HEARING_KINDS } from '../../../../shared/domain/hearing';
import { Banner } from '../../components/Banner';
import { FormDateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormTimeField } from '../../components/TimeField';
import { call } from '../../lib/api';
import { applyServerError } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { todayIso } from '../../lib/format';

/** Schedules a hearing or an appointment on the case. */
export function ScheduleHearingDialog({ caseId, onClose, onDone }: { caseId: number; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<HearingFieldsInput, unknown, z.output<typeof hearingFieldsSchema>>({
    resolver: zodResolver(hearingFieldsSchema),
    defaultValues: { kind: 'court_hearing', date: todayIso(), time: '09:00', place: '', room: '', purpose: '' },
  });
  const err = form.formState.errors;
  const submit = form.handleSubmit(
    async (fields) => {
      setBanner(null);
      try {
        await call('hearings:create', { caseId, fields });
        onDone();
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError, '', 'fields.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  return (
    <Dialog open wide title={t('hearings.scheduleTitle')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate className="record-form">
        <FormRules schema={hearingFieldsSchema}>
          <div className="form-grid">
            <SelectField label={t('hearings.kind')} options={HEARING_KINDS.map((k) => ({ value: k, label: t(`enums.hearingKind.${k}`) }))} error={err.kind?.message} {...form.register('kind')} />
            <FormDateField control={form.control} name="date" label={t('activities.date')} />
            <FormTimeField control={form.control} name="time" label={t('activities.time')} />
          </div>
          <div className="form-grid">
            <TextField label={t('hearings.place')} dir="auto" error={err.place?.message} {...form.register('place')} />
            <TextField label={t('hearings.room')} dir="auto" error={err.room?.message} {...form.register('room')} />
          </div>
          <TextAreaField label={t('hearings.purpose')} rows={2} dir="auto" error={err.purpose?.message} {...form.register('purpose')} />
          <FormActions label={t('hearings.schedule')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}

/** What happened at a hearing; "adjourned" asks for the next date and makes that hearing too. */
export function RecordHearingDialog({ hearing, onClose, onDone }: { hearing: Hearing; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<HearingOutcomeInput, unknown, z.output<typeof hearingOutcomeSchema>>({
    resolver: zodResolver(hearingOutcomeSchema),
    defaultValues: { status: 'held', result: '', nextDate: '', nextTime: hearing.time },
  });
  const err = form.formState.errors;
  const adjourned = form.watch('status') === 'adjourned';
  const submit = form.handleSubmit(
    async (values) => {
      setBanner(null);
      try {
        await call('hearings:record', { id: hearing.id, outcome: adjourned ? values : { ...values, nextDate: '', nextTime: '' } });
        onDone();
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError, '', 'outcome.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  return (
    <Dialog open title={t('hearings.recordTitle')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={hearingOutcomeSchema}>
          <SelectField
            label={t('hearings.status')}
            options={(['held', 'adjourned', 'cancelled'] as const).map((s) => ({ value: s, label: t(`enums.hearingStatus.${s}`) }))}
            error={err.status?.message}
            {...form.register('status')}
          />
          {adjourned && (
            <div className="form-grid">
              <FormDateField control={form.control} name="nextDate" label={t('hearings.nextDate')} />
              <FormTimeField control={form.control} name="nextTime" label={t('activities.time')} />
            </div>
          )}
          <TextAreaField label={t('hearings.result')} rows={3} dir="auto" error={err.result?.message} {...form.register('result')} />
          <FormActions label={t('hearings.record')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
