import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { recoveryChannels, type RecoveryCheck } from '../../../../shared/contract/recovery';
import { RECOVERY_CHECK_DAYS } from '../../../../shared/domain/recovery-check';
import { Banner } from '../../components/Banner';
import { TextField } from '../../components/Field';
import { PanelSection } from '../../components/PanelSection';
import { call } from '../../lib/api';
import { applyServerError, serverErrorText } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { useFormats } from '../../lib/format';

const schema = recoveryChannels['recovery:prove'].input;
type Input = z.input<typeof schema>;

/**
 * The recovery-key check (issue #13): the administrator types the key from the printed sheet
 * to prove it is still at hand. What was typed is cleared once proven, kept when refused.
 */
export function RecoveryCheckForm({ status, onProven }: { status: RecoveryCheck; onProven: (next: RecoveryCheck) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  // Kept as what happened, said in the language of the moment (the language can change meanwhile).
  const [banner, setBanner] = useState<{ kind: 'success' } | { kind: 'error'; error: unknown } | null>(null);
  const form = useForm<Input>({ resolver: zodResolver(schema), defaultValues: { recoveryKey: '' } });
  const submit = form.handleSubmit(
    async (values) => {
      setBanner(null);
      try {
        const next = await call('recovery:prove', values);
        form.reset({ recoveryKey: '' });
        setBanner({ kind: 'success' });
        onProven(next);
      } catch (error) {
        applyServerError(t, error, form.setError);
        setBanner({ kind: 'error', error });
      }
    },
    () => setBanner({ kind: 'error', error: null }),
  );
  return (
    <form className="record-form" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        {status.provenAt ? t('recoveryCheck.lastProven', { date: f.clinicDateTime(status.provenAt) }) : t('recoveryCheck.neverProven')}{' '}
        {status.dueAt && !status.due && t('recoveryCheck.nextBy', { date: f.clinicDateTime(status.dueAt) })}
      </p>
      {banner && <Banner kind={banner.kind}>{banner.kind === 'success' ? t('recoveryCheck.proven') : banner.error === null ? t('common.formHasErrors') : serverErrorText(t, banner.error)}</Banner>}
      <FormRules schema={schema}>
        <TextField label={t('setup.restoreKey')} dir="ltr" autoComplete="off" spellCheck={false} error={form.formState.errors.recoveryKey?.message} {...form.register('recoveryKey')} />
        <div className="row">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('recoveryCheck.submit')}
          </button>
        </div>
      </FormRules>
    </form>
  );
}

/** On the administrator's home page, only when the check is due. */
export function RecoveryCheckCard() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RecoveryCheck | null>(null);
  const [proven, setProven] = useState(false);
  useEffect(() => void call('recovery:status', {}).then(setStatus, () => undefined), []);
  if (!status || (!status.due && !proven)) return null;
  return (
    <PanelSection title={t('recoveryCheck.title')} wide>
      {!proven && <Banner kind="warning">{t('recoveryCheck.due', { days: RECOVERY_CHECK_DAYS })}</Banner>}
      <RecoveryCheckForm
        status={status}
        onProven={(next) => {
          setStatus(next);
          setProven(true);
        }}
      />
    </PanelSection>
  );
}
