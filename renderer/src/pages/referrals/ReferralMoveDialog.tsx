import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { referralMoveSchema, type Referral, type ReferralMoveInput } from '../../../../shared/contract/referrals';
import { REFERRAL_OUTCOMES, type ReferralStatus } from '../../../../shared/domain/referral';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextAreaField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { ApiError, call } from '../../lib/api';
import { applyServerError } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';

type Output = z.output<typeof referralMoveSchema>;

/** One step of a referral's life: a note always, the reason of a refusal, the outcome at the end. */
export function ReferralMoveDialog({ referral, to, onClose, onDone }: { referral: Referral; to: ReferralStatus; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<ReferralMoveInput, unknown, Output>({
    resolver: zodResolver(referralMoveSchema),
    defaultValues: { id: referral.id, version: referral.version, to, note: '', declineReason: '', outcome: null, outcomeNote: '' },
  });
  const err = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      await call('referrals:setStatus', values);
      onDone();
    } catch (error) {
      // Someone moved it meanwhile: say so rather than the generic refusal.
      setBanner(error instanceof ApiError && error.error.code === 'CONFLICT' ? t('referrals.conflict') : applyServerError(t, error, form.setError));
    }
  });
  return (
    <Dialog open title={t(`referrals.move.${to}`)} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={referralMoveSchema}>
          {to === 'declined' && <TextAreaField label={t('referrals.declineReason')} error={err.declineReason?.message} {...form.register('declineReason')} />}
          {to === 'completed' && (
            <>
              <SelectField
                label={t('referrals.outcome')}
                options={[{ value: '', label: t('common.choose') }, ...REFERRAL_OUTCOMES.map((o) => ({ value: o, label: t(`enums.referralOutcome.${o}`) }))]}
                error={err.outcome?.message}
                {...form.register('outcome', { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? null : v) })}
              />
              <TextAreaField label={t('referrals.outcomeNote')} error={err.outcomeNote?.message} {...form.register('outcomeNote')} />
            </>
          )}
          <TextAreaField label={t('referrals.note')} error={err.note?.message} {...form.register('note')} />
          <FormActions label={t(`referrals.move.${to}`)} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
