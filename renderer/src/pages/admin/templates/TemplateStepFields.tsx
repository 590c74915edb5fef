import { useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { templateFieldsSchema } from '../../../../../shared/contract/procedures';
import { COUNTING_UNIT, DEADLINE_COUNTINGS } from '../../../../../shared/deadlines/rules';
import { CheckboxField, SelectField, TextField } from '../../../components/Field';
import { useFormats } from '../../../lib/format';
import { numberInput } from '../../../lib/forms';

export type TemplateForm = UseFormReturn<z.input<typeof templateFieldsSchema>, unknown, z.output<typeof templateFieldsSchema>>;

const NAME_FIELD = { ar: 'nameAr', fr: 'nameFr', en: 'nameEn' } as const;
const TRIGGER_FIELD = { ar: 'triggerAr', fr: 'triggerFr', en: 'triggerEn' } as const;

/**
 * One step of a template: its names, and its deadline rule when it has one. A step counts
 * from the starting event or from another step's completion (its key, kept across versions).
 */
export function TemplateStepFields({ form, index, count, onMove, onRemove }: { form: TemplateForm; index: number; count: number; onMove: (to: number) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const steps = useWatch({ control: form.control, name: 'steps' });
  const triggerName = useWatch({ control: form.control, name: TRIGGER_FIELD[f.language] });
  const step = steps[index]!;
  const err = form.formState.errors.steps?.[index];
  const n = f.number(index + 1);
  const own = step[NAME_FIELD[f.language]].trim();
  const label = (i: number) => steps[i]![NAME_FIELD[f.language]].trim() || t('templates.stepN', { n: f.number(i + 1) });
  const triggers = [
    { value: 'notification', label: triggerName.trim() || t('templates.trigger') },
    ...steps.flatMap((s, i) => (i === index ? [] : [{ value: s.key, label: t('templates.afterStep', { step: label(i) }) }])),
  ];
  const at = `steps.${index}` as const;
  return (
    <fieldset>
      <legend>{own ? `${t('templates.stepN', { n })} — ${own}` : t('templates.stepN', { n })}</legend>
      <div className="form-grid">
        <TextField label={t('templates.nameAr')} dir="rtl" lang="ar" autoComplete="off" error={err?.nameAr?.message} {...form.register(`${at}.nameAr`)} />
        <TextField label={t('templates.nameFr')} dir="ltr" lang="fr" autoComplete="off" error={err?.nameFr?.message} {...form.register(`${at}.nameFr`)} />
        <TextField label={t('templates.nameEn')} dir="ltr" lang="en" autoComplete="off" error={err?.nameEn?.message} {...form.register(`${at}.nameEn`)} />
      </div>
      <CheckboxField label={t('templates.hasRule')} {...form.register(`${at}.hasRule`)} />
      {step.hasRule && (
        <div className="form-grid">
          <SelectField label={t('templates.countedFrom')} options={triggers} error={err?.trigger?.message} {...form.register(`${at}.trigger`)} />
          <TextField
            label={t('templates.amount', { unit: t(`templates.units.${COUNTING_UNIT[step.counting]}`) })}
            type="number"
            inputMode="numeric"
            min={1}
            error={err?.amount?.message}
            {...form.register(`${at}.amount`, { setValueAs: numberInput })}
          />
          <SelectField label={t('templates.counting')} options={DEADLINE_COUNTINGS.map((c) => ({ value: c, label: t(`templates.countings.${c}`) }))} error={err?.counting?.message} {...form.register(`${at}.counting`)} />
          <TextField
            label={t('templates.warnDays')}
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            error={err?.warnDaysBefore?.message}
            {...form.register(`${at}.warnDaysBefore`, { setValueAs: numberInput })}
          />
          <TextField label={t('templates.basis')} dir="auto" autoComplete="off" error={err?.basis?.message} {...form.register(`${at}.basis`)} />
          <CheckboxField label={t('templates.roll')} {...form.register(`${at}.rollToWorkingDay`)} />
        </div>
      )}
      <div className="row compact">
        <button type="button" disabled={index === 0} onClick={() => onMove(index - 1)}>
          {t('templates.moveUp')}
          <span className="visually-hidden"> — {label(index)}</span>
        </button>
        <button type="button" disabled={index === count - 1} onClick={() => onMove(index + 1)}>
          {t('templates.moveDown')}
          <span className="visually-hidden"> — {label(index)}</span>
        </button>
        <button type="button" className="link inline" disabled={count === 1} onClick={onRemove}>
          {t('templates.removeStep')}
          <span className="visually-hidden"> — {label(index)}</span>
        </button>
      </div>
    </fieldset>
  );
}
