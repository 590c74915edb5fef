import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { templateFieldsSchema, type ProcedureTemplate } from '../../../../../shared/contract/procedures';
import { blankStep, freshStepKey, templateFields } from '../../../../../shared/contract/template-fields';
import { Banner } from '../../../components/Banner';
import { Dialog } from '../../../components/Dialog';
import { CheckboxField, TextField } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { ApiError, call } from '../../../lib/api';
import { applyServerError } from '../../../lib/errors';
import { FormRules } from '../../../lib/form-rules';
import { useFormats } from '../../../lib/format';
import { TemplateStepFields, type TemplateForm } from './TemplateStepFields';

type Output = z.output<typeof templateFieldsSchema>;

/** One template's names, starting event and steps; saving makes its next version. */
export function TemplateDialog({ template, onClose, onSaved }: { template: ProcedureTemplate | null; onClose: () => void; onSaved: (t: ProcedureTemplate) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [banner, setBanner] = useState<string | null>(null);
  const form: TemplateForm = useForm<z.input<typeof templateFieldsSchema>, unknown, Output>({ resolver: zodResolver(templateFieldsSchema), defaultValues: templateFields(template) });
  const steps = useFieldArray({ control: form.control, name: 'steps' });
  const err = form.formState.errors;
  const submit = form.handleSubmit(
    async (fields) => {
      setBanner(null);
      try {
        onSaved(await call('procedures:saveTemplate', { templateId: template?.id ?? null, fields }));
      } catch (error) {
        // A newer version saved meanwhile: what was typed stays, to be copied after reopening.
        if (error instanceof ApiError && error.error.code === 'CONFLICT') setBanner(t('templates.conflict'));
        else setBanner(applyServerError(t, error, form.setError, '', 'fields.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  const addStep = () => steps.append(blankStep(freshStepKey(form.getValues('steps').map((s) => s.key))));
  return (
    <Dialog open wide title={template ? template.name[f.language] : t('templates.add')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      {template && <p className="explain">{t('templates.versionNote', { next: f.number(template.version + 1), current: f.number(template.version) })}</p>}
      {template?.example && <p className="explain">{t('procedures.exampleNote')}</p>}
      <form className="record-form" onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={templateFieldsSchema}>
          <fieldset>
            <legend>{t('templates.name')}</legend>
            {/* One per line: a procedure's name is a sentence long. */}
            <TextField label={t('templates.nameAr')} dir="rtl" lang="ar" autoComplete="off" error={err.nameAr?.message} {...form.register('nameAr')} />
            <TextField label={t('templates.nameFr')} dir="ltr" lang="fr" autoComplete="off" error={err.nameFr?.message} {...form.register('nameFr')} />
            <TextField label={t('templates.nameEn')} dir="ltr" lang="en" autoComplete="off" error={err.nameEn?.message} {...form.register('nameEn')} />
          </fieldset>
          <fieldset>
            <legend>{t('templates.trigger')}</legend>
            <p className="hint">{t('templates.triggerHint')}</p>
            <div className="form-grid">
              <TextField label={t('templates.nameAr')} dir="rtl" lang="ar" autoComplete="off" error={err.triggerAr?.message} {...form.register('triggerAr')} />
              <TextField label={t('templates.nameFr')} dir="ltr" lang="fr" autoComplete="off" error={err.triggerFr?.message} {...form.register('triggerFr')} />
              <TextField label={t('templates.nameEn')} dir="ltr" lang="en" autoComplete="off" error={err.triggerEn?.message} {...form.register('triggerEn')} />
            </div>
          </fieldset>
          {steps.fields.map((field, index) => (
            <TemplateStepFields key={field.id} form={form} index={index} count={steps.fields.length} onMove={(to) => steps.move(index, to)} onRemove={() => steps.remove(index)} />
          ))}
          {err.steps?.message && <p className="field-error">{t(err.steps.message)}</p>}
          <div className="row">
            <button type="button" onClick={addStep} disabled={steps.fields.length >= 20}>
              {t('templates.addStep')}
            </button>
          </div>
          <CheckboxField label={t('templates.activeBox')} {...form.register('active')} />
          <FormActions label={t('common.save')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
