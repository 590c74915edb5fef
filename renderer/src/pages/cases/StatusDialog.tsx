import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { setStatusInputSchema, type CaseDetail } from '../../../../shared/contract/cases';
import { CLOSURE_REASONS, OUTCOMES, STATUS_TRANSITIONS } from '../../../../shared/domain/case';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { CheckboxField, SelectField, TextAreaField } from '../../components/Field';
import { call } from '../../lib/api';
import { applyServerError } from '../../lib/errors';
import { FormActions } from '../../components/FormActions';
import { FormRules } from '../../lib/form-rules';
import { useFormats } from '../../lib/format';

type Input = z.input<typeof setStatusInputSchema>;
type Output = z.output<typeof setStatusInputSchema>;

/** Moves the case along STATUS_TRANSITIONS; closing asks why and with what outcome. */
export function StatusDialog({ detail, onClose, onDone }: { detail: CaseDetail; onClose: () => void; onDone: (d: CaseDetail) => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const moves = STATUS_TRANSITIONS[detail.status];
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(setStatusInputSchema),
    defaultValues: { id: detail.id, status: moves[0] ?? detail.status, note: '', closureReason: '', outcome: '', confirmOpen: false },
  });
  const err = form.formState.errors;
  const closing = form.watch('status') === 'closed';
  const open = useOpenItems(detail.id, closing);
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      onDone(await call('cases:setStatus', closing ? values : { ...values, closureReason: '', outcome: '' }));
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError));
    }
  });
  return (
    <Dialog open title={t('cases.changeStatus')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={setStatusInputSchema}>
          <SelectField
            label={t('cases.newStatus')}
            options={moves.map((s) => ({ value: s, label: t(`enums.caseStatus.${s}`) }))}
            error={err.status?.message}
            {...form.register('status')}
          />
          {closing && (
            <>
              <SelectField
                label={t('cases.closureReason')}
                required
                options={[{ value: '', label: t('common.choose') }, ...CLOSURE_REASONS.map((r) => ({ value: r, label: t(`enums.closureReason.${r}`) }))]}
                error={err.closureReason?.message}
                {...form.register('closureReason')}
              />
              <SelectField
                label={t('cases.outcome')}
                required
                options={[{ value: '', label: t('common.choose') }, ...OUTCOMES.map((o) => ({ value: o, label: t(`enums.outcome.${o}`) }))]}
                error={err.outcome?.message}
                {...form.register('outcome')}
              />
              {open.length > 0 && (
                <div className="notice" role="group" aria-labelledby="open-items">
                  <p id="open-items">
                    <strong>{t('cases.openItems')}</strong>
                  </p>
                  <ul>
                    {open.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                  <CheckboxField label={t('cases.confirmOpen')} error={err.confirmOpen?.message} {...form.register('confirmOpen')} />
                </div>
              )}
            </>
          )}
          <TextAreaField label={t('cases.note')} rows={3} error={err.note?.message} {...form.register('note')} />
          <FormActions label={t('cases.changeStatus')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}

/** The deadlines still running and hearings to come, as lines, while closing is chosen. */
function useOpenItems(caseId: number, closing: boolean): string[] {
  const { t } = useTranslation();
  const f = useFormats();
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    if (!closing) return;
    let stale = false;
    void Promise.all([call('procedures:list', { caseId }), call('hearings:list', { caseId })]).then(([procedures, hearings]) => {
      if (stale) return;
      const now = new Date().toISOString();
      setLines([
        ...procedures.flatMap((p) => p.steps.filter((st) => !st.doneAt && st.dueAt).map((st) => `${st.name[f.language]} — ${f.clinicDateTime(st.dueAt!)}`)),
        ...hearings.filter((h) => h.status === 'scheduled' && h.at >= now).map((h) => `${t(`enums.hearingKind.${h.kind}`)} — ${f.clinicDateTime(h.at)}`),
      ]);
    }, () => setLines([]));
    return () => {
      stale = true;
    };
  }, [caseId, closing, f, t]);
  return closing ? lines : [];
}
