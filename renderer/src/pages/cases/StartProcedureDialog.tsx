import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { startProcedureFieldsSchema, type Procedure, type ProcedureTemplate, type StartProcedureFieldsInput } from '../../../../shared/contract/procedures';
import { computeDeadline } from '../../../../shared/deadlines/compute';
import { indexHolidays, type HolidayDay } from '../../../../shared/deadlines/holidays';
import { instantAt } from '../../../../shared/deadlines/zone';
import { NOTIFICATION_MODES } from '../../../../shared/domain/procedure';
import { Banner } from '../../components/Banner';
import { FormDateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { FormTimeField } from '../../components/TimeField';
import { call } from '../../lib/api';
import { explainDeadline } from '../../lib/deadline-text';
import { applyServerError } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { todayIso, useFormats } from '../../lib/format';
import { numberInput } from '../../lib/forms';

type Output = z.output<typeof startProcedureFieldsSchema>;

/**
 * Starts a procedure from a template. As the notification is typed, the deadlines it triggers
 * are previewed with the very arithmetic the core stores (shared/deadlines), holidays included.
 */
export function StartProcedureDialog({ caseId, onClose, onStarted }: { caseId: number; onClose: () => void; onStarted: (p: Procedure) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [banner, setBanner] = useState<string | null>(null);
  const [templates, setTemplates] = useState<ProcedureTemplate[]>([]);
  const [holidays, setHolidays] = useState<HolidayDay[]>([]);
  useEffect(() => {
    const year = Number(todayIso().slice(0, 4));
    call('procedures:templates', {}).then(setTemplates, () => setTemplates([]));
    call('procedures:holidays', { from: `${year - 1}-01-01`, to: `${year + 3}-12-31` }).then(setHolidays, () => setHolidays([]));
  }, []);
  const form = useForm<StartProcedureFieldsInput, unknown, Output>({
    resolver: zodResolver(startProcedureFieldsSchema),
    defaultValues: { templateId: 0, authority: '', authorityRefs: '', decision: '', notifiedDate: todayIso(), notifiedTime: '', notificationMode: 'in_writing' },
  });
  const err = form.formState.errors;
  const [templateId, date, time] = form.watch(['templateId', 'notifiedDate', 'notifiedTime']);
  const template = templates.find((tp) => tp.id === Number(templateId));
  const index = useMemo(() => indexHolidays(holidays), [holidays]);

  // The preview: each step the notification triggers, computed as the core will.
  const preview = useMemo(() => {
    if (!template || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return [];
    const trigger = instantAt(date, time);
    return template.steps.map((s) => {
      if (!s.rule) return { name: s.name[f.language], lines: [t('procedures.noDeadline')] };
      if (s.rule.trigger.kind === 'step') {
        const after = template.steps.find((o) => o.key === (s.rule!.trigger as { step: string }).step);
        return { name: s.name[f.language], lines: [t('procedures.waitsFor', { step: after?.name[f.language] ?? '' })] };
      }
      try {
        const c = computeDeadline(trigger, s.rule, index);
        return { name: s.name[f.language], lines: explainDeadline(t, f, c, { step: null, triggerName: template.triggerName }) };
      } catch {
        return { name: s.name[f.language], lines: [] };
      }
    });
  }, [template, date, time, index, f, t]);

  const submit = form.handleSubmit(
    async (fields) => {
      setBanner(null);
      try {
        onStarted(await call('procedures:start', { caseId, fields }));
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError, '', 'fields.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  return (
    <Dialog open wide title={t('procedures.startTitle')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate className="record-form">
        <FormRules schema={startProcedureFieldsSchema}>
          <SelectField
            label={t('procedures.template')}
            required
            options={[{ value: '0', label: t('common.choose') }, ...templates.map((tp) => ({ value: String(tp.id), label: tp.name[f.language] }))]}
            error={err.templateId?.message}
            {...form.register('templateId', { setValueAs: numberInput })}
          />
          {template?.example && (
            <p className="notice">
              <span className="badge badge-pending">{t('procedures.exampleBadge')}</span> {t('procedures.exampleNote')}
            </p>
          )}
          <div className="form-grid">
            <TextField label={t('procedures.authority')} dir="auto" error={err.authority?.message} {...form.register('authority')} />
            <TextField label={t('procedures.authorityRefs')} dir="auto" error={err.authorityRefs?.message} {...form.register('authorityRefs')} />
          </div>
          <TextAreaField label={t('procedures.decision')} rows={2} dir="auto" error={err.decision?.message} {...form.register('decision')} />
          <div className="form-grid">
            <FormDateField control={form.control} name="notifiedDate" label={template ? template.triggerName[f.language] : t('activities.date')} />
            <FormTimeField control={form.control} name="notifiedTime" label={t('procedures.notifiedTime')} />
            <SelectField
              label={t('procedures.notificationMode')}
              options={NOTIFICATION_MODES.map((m) => ({ value: m, label: t(`enums.notificationMode.${m}`) }))}
              error={err.notificationMode?.message}
              {...form.register('notificationMode')}
            />
          </div>
          {preview.length > 0 && (
            <section aria-labelledby="procedure-preview" className="preview-box">
              <h3 id="procedure-preview">{t('procedures.preview')}</h3>
              <ul>
                {preview.map((p) => (
                  <li key={p.name}>
                    <strong>{p.name}</strong>
                    {p.lines.map((line) => (
                      <div key={line} className="muted">
                        {line}
                      </div>
                    ))}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <FormActions label={t('procedures.start')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
