import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { recoverInputSchema } from '../../../shared/contract/auth';
import type { SessionInfo } from '../../../shared/contract/session';
import { Banner } from '../components/Banner';
import { TextField } from '../components/Field';
import { call } from '../lib/api';
import { applyServerError } from '../lib/errors';
import { withPasswordConfirm } from '../lib/forms';
import { FormRules } from '../lib/form-rules';

const formSchema = withPasswordConfirm(recoverInputSchema, (input) => input.newPassword);

export function RecoverPage({ onSession, onBack }: { onSession: (s: SessionInfo) => void; onBack: () => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<z.input<typeof formSchema>, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    defaultValues: { input: { recoveryKey: '', username: '', newPassword: '' }, passwordConfirm: '' },
  });
  const { register, handleSubmit, formState } = form;
  const err = formState.errors;
  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      onSession(await call('auth:recover', values.input));
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError, 'input.'));
    }
  });
  return (
    <main className="card-page" id="main">
      <div className="card">
        <h1>{t('recover.title')}</h1>
        <p>{t('recover.explain')}</p>
        <Banner kind="error">{banner}</Banner>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormRules schema={formSchema}>
            <TextField label={t('recover.recoveryKey')} dir="ltr" autoComplete="off" spellCheck={false} error={err.input?.recoveryKey?.message} {...register('input.recoveryKey')} />
            <TextField label={t('recover.username')} dir="ltr" autoComplete="username" error={err.input?.username?.message} {...register('input.username')} />
            <TextField label={t('recover.newPassword')} hint={t('setup.passwordHint')} type="password" dir="ltr" autoComplete="new-password" error={err.input?.newPassword?.message} {...register('input.newPassword')} />
            <TextField label={t('recover.newPasswordConfirm')} type="password" dir="ltr" autoComplete="new-password" error={err.passwordConfirm?.message} {...register('passwordConfirm')} />
            <button type="submit" className="primary" disabled={formState.isSubmitting}>
              {t('recover.submit')}
            </button>
          </FormRules>
        </form>
        <button type="button" className="link" onClick={onBack}>
          {t('recover.back')}
        </button>
      </div>
    </main>
  );
}
