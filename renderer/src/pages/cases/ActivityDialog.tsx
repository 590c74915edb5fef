import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { activityFieldsSchema, type Activity, type ActivityFields, type ActivityFieldsInput } from '../../../../shared/contract/activities';
import { ACCOMPANIMENT_PLACES, ACTIVITY_KINDS, activityDateIssues, MAX_ACTIVITY_MINUTES } from '../../../../shared/domain/activity';
import { SPOKEN_LANGUAGES } from '../../../../shared/domain/beneficiary';
import { Banner } from '../../components/Banner';
import { FormDateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormTimeField } from '../../components/TimeField';
import { call } from '../../lib/api';
import { ApiError } from '../../lib/api';
import { applyServerError } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { nowTime, todayIso, useFormats } from '../../lib/format';
import { numberInput, withDateRules } from '../../lib/forms';

const schema = withDateRules(activityFieldsSchema, (value, today) => activityDateIssues(value, today));

function blank(): ActivityFieldsInput {
  return {
    kind: 'consultation',
    accompanimentTo: '',
    date: todayIso(),
    time: nowTime(),
    durationMinutes: 30,
    language: '',
    interpreter: false,
    notes: '',
    nextAction: '',
    nextActionDate: '',
    restricted: false,
  };
}

/**
 * Records an activity, or edits one (`editing`): the core keeps the text an edit replaces. A
 * failed save keeps everything typed; an edit over someone else's newer one says so.
 */
export function ActivityDialog({ caseId, editing, onClose, onSaved }: { caseId: number; editing: Activity | null; onClose: () => void; onSaved: (a: Activity) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<ActivityFieldsInput, unknown, ActivityFields>({
    resolver: zodResolver(schema),
    defaultValues: editing
      ? {
          kind: editing.kind,
          accompanimentTo: editing.accompanimentTo as ActivityFieldsInput['accompanimentTo'],
          date: editing.date,
          time: editing.time,
          durationMinutes: editing.durationMinutes,
          language: editing.language as ActivityFieldsInput['language'],
          interpreter: editing.interpreter,
          notes: editing.notes,
          nextAction: editing.nextAction,
          nextActionDate: editing.nextActionDate,
          restricted: editing.restricted,
        }
      : blank(),
  });
  const err = form.formState.errors;
  const kind = form.watch('kind');
  const submit = form.handleSubmit(
    async (fields) => {
      setBanner(null);
      try {
        onSaved(editing ? await call('activities:update', { id: editing.id, revision: editing.revision, fields }) : await call('activities:create', { caseId, fields }));
      } catch (error) {
        setBanner(error instanceof ApiError && error.error.code === 'CONFLICT' ? t('activities.conflict') : applyServerError(t, error, form.setError, '', 'fields.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  const languages = [...SPOKEN_LANGUAGES].map((code) => ({ value: code, label: f.spokenLanguage(code) })).sort((a, b) => a.label.localeCompare(b.label, f.language));
  return (
    <Dialog open wide title={editing ? t('activities.editTitle') : t('activities.recordTitle')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate className="record-form">
        <FormRules schema={activityFieldsSchema}>
          <div className="form-grid">
            <SelectField
              label={t('activities.kind')}
              options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`enums.activityKind.${k}`) }))}
              error={err.kind?.message}
              {...form.register('kind')}
            />
            {kind === 'accompaniment' && (
              <SelectField
                label={t('activities.accompanimentTo')}
                required
                options={[{ value: '', label: t('common.choose') }, ...ACCOMPANIMENT_PLACES.map((p) => ({ value: p, label: t(`enums.accompanimentPlace.${p}`) }))]}
                error={err.accompanimentTo?.message}
                {...form.register('accompanimentTo')}
              />
            )}
            <FormDateField control={form.control} name="date" label={t('activities.date')} />
            <FormTimeField control={form.control} name="time" label={t('activities.time')} />
            <TextField
              label={t('activities.duration')}
              type="number"
              inputMode="numeric"
              min={0}
              max={MAX_ACTIVITY_MINUTES}
              error={err.durationMinutes?.message}
              {...form.register('durationMinutes', { setValueAs: numberInput })}
            />
            <SelectField label={t('activities.language')} options={[{ value: '', label: t('activities.noLanguage') }, ...languages]} error={err.language?.message} {...form.register('language')} />
          </div>
          <CheckboxField label={t('activities.interpreter')} {...form.register('interpreter')} />
          <TextAreaField label={t('activities.notes')} hint={t('activities.notesHint')} rows={6} dir="auto" error={err.notes?.message} {...form.register('notes')} />
          <div className="form-grid">
            <TextField label={t('activities.nextAction')} dir="auto" error={err.nextAction?.message} {...form.register('nextAction')} />
            <FormDateField control={form.control} name="nextActionDate" label={t('activities.nextActionDate')} />
          </div>
          <CheckboxField label={t('activities.restricted')} {...form.register('restricted')} />
          <FormActions label={t('common.save')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
