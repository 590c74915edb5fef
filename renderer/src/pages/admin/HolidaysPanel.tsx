import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { HOLIDAY_KINDS, holidayFieldsSchema, type HolidayRow } from '../../../../shared/contract/holidays';
import { Banner } from '../../components/Banner';
import { FormDateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { TableHead } from '../../components/TableHead';
import { call } from '../../lib/api';
import { applyServerError, errorMessage } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { isolate, useFormats } from '../../lib/format';
import { useLoaded } from '../../lib/hooks';
import { PanelSection } from '../../components/PanelSection';

type Input = z.input<typeof holidayFieldsSchema>;
type Output = z.output<typeof holidayFieldsSchema>;
type Change = { recomputed: number; moved: number };

/**
 * Supervisors: the public holidays deadlines skip (issue #12). Lunar dates ship estimated and
 * are confirmed here once announced; every change recomputes the open deadlines it moves.
 */
export function HolidaysPanel() {
  const { t } = useTranslation();
  const f = useFormats();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const { value: holidays, error, reload } = useLoaded(
    useCallback(() => call('holidays:list', { year }), [year]),
    useCallback((e: unknown) => errorMessage(t, e), [t]),
  );
  const [editing, setEditing] = useState<HolidayRow | 'new' | null>(null);
  const [removing, setRemoving] = useState<HolidayRow | null>(null);
  // The count, not the sentence: it is said again in the new language if the language changes.
  const [moved, setMoved] = useState<number | null>(null);
  const changed = (c: Change) => {
    setEditing(null);
    setRemoving(null);
    setMoved(c.moved);
    reload();
  };
  return (
    <PanelSection title={t('holidays.title')} action={{ label: t('holidays.add'), onClick: () => setEditing('new') }} explain={t('holidays.explain')} wide>
      <div className="row compact" role="group" aria-label={t('holidays.year')}>
        <button type="button" onClick={() => setYear(year - 1)}>
          {year - 1}
          <span className="visually-hidden"> ({t('holidays.previousYear')})</span>
        </button>
        <strong aria-live="polite">{year}</strong>
        <button type="button" onClick={() => setYear(year + 1)}>
          {year + 1}
          <span className="visually-hidden"> ({t('holidays.nextYear')})</span>
        </button>
      </div>
      <Banner kind="success">{moved === null ? null : `${t('holidays.saved')} ${t('holidays.moved', { count: moved })}`}</Banner>
      <Banner kind="error">{error}</Banner>
      <div className="table-scroll">
        <table>
          <TableHead columns={[t('holidays.date'), t('holidays.name'), t('holidays.kind'), t('holidays.status'), t('holidays.updatedBy'), t('admin.actions')]} />
          <tbody>
            {(holidays ?? []).map((h) => (
              <tr key={h.id}>
                <td>{f.clinicDay(h.date)}</td>
                <td>{h.name[f.language]}</td>
                <td>{t(`holidays.kinds.${h.kind}`)}</td>
                <td>
                  <span className={`badge ${h.estimated ? 'badge-pending' : 'badge-step-done'}`}>{t(h.estimated ? 'holidays.estimated' : 'holidays.confirmed')}</span>
                </td>
                <td>{h.updatedBy === null ? t('holidays.shipped') : `${isolate(h.updatedBy)} · ${f.clinicDateTime(h.updatedAt)}`}</td>
                <td>
                  <div className="row compact">
                    <button type="button" onClick={() => setEditing(h)}>
                      {h.estimated ? t('holidays.confirm') : t('holidays.edit')}
                      <span className="visually-hidden"> — {h.name[f.language]}</span>
                    </button>
                    <button type="button" className="link inline" onClick={() => setRemoving(h)}>
                      {t('holidays.remove')}
                      <span className="visually-hidden"> — {h.name[f.language]}</span>
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {holidays?.length === 0 && <p className="muted">{t('holidays.none')}</p>}
      {editing && <HolidayDialog holiday={editing === 'new' ? null : editing} year={year} onClose={() => setEditing(null)} onSaved={changed} />}
      {removing && <RemoveDialog holiday={removing} onClose={() => setRemoving(null)} onRemoved={changed} />}
    </PanelSection>
  );
}

function HolidayDialog({ holiday, year, onClose, onSaved }: { holiday: HolidayRow | null; year: number; onClose: () => void; onSaved: (c: Change) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(holidayFieldsSchema),
    defaultValues: holiday
      ? // Confirming a lunar date is the usual reason to open it: the box starts unticked.
        { date: holiday.date, nameAr: holiday.name.ar, nameFr: holiday.name.fr, nameEn: holiday.name.en, kind: holiday.kind, estimated: false }
      : { date: `${year}-01-01`, nameAr: '', nameFr: '', nameEn: '', kind: 'fixed', estimated: false },
  });
  const err = form.formState.errors;
  const lunar = form.watch('kind') === 'lunar';
  const submit = form.handleSubmit(
    async (fields) => {
      setBanner(null);
      try {
        onSaved(await call('holidays:save', { id: holiday?.id ?? null, fields }));
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError, '', 'fields.'));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  return (
    <Dialog open title={holiday ? holiday.name[f.language] : t('holidays.add')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <p className="explain">{t('holidays.recomputeNote')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={holidayFieldsSchema}>
          <FormDateField control={form.control} name="date" label={t('holidays.date')} />
          <TextField label={t('holidays.nameAr')} dir="rtl" lang="ar" autoComplete="off" error={err.nameAr?.message} {...form.register('nameAr')} />
          <TextField label={t('holidays.nameFr')} dir="ltr" lang="fr" autoComplete="off" error={err.nameFr?.message} {...form.register('nameFr')} />
          <TextField label={t('holidays.nameEn')} dir="ltr" lang="en" autoComplete="off" error={err.nameEn?.message} {...form.register('nameEn')} />
          <SelectField label={t('holidays.kind')} options={HOLIDAY_KINDS.map((k) => ({ value: k, label: t(`holidays.kinds.${k}`) }))} error={err.kind?.message} {...form.register('kind')} />
          {lunar && <CheckboxField label={t('holidays.estimatedBox')} {...form.register('estimated')} />}
          <FormActions label={t('common.save')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}

function RemoveDialog({ holiday, onClose, onRemoved }: { holiday: HolidayRow; onClose: () => void; onRemoved: (c: Change) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = async () => {
    setBusy(true);
    setBanner(null);
    try {
      onRemoved(await call('holidays:remove', { id: holiday.id }));
    } catch (error) {
      setBanner(errorMessage(t, error));
      setBusy(false);
    }
  };
  return (
    <Dialog open title={t('holidays.removeTitle')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <p>{t('holidays.removeConfirm', { name: holiday.name[f.language], date: f.clinicDay(holiday.date) })}</p>
      <p className="explain">{t('holidays.recomputeNote')}</p>
      <div className="row">
        <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
          {t('holidays.remove')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
