import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { unlockInputSchema } from '../../../shared/contract/auth';
import type { SessionInfo } from '../../../shared/contract/session';
import { Banner } from '../components/Banner';
import { TextField } from '../components/Field';
import { call } from '../lib/api';
import { errorMessage } from '../lib/errors';

/** Nothing of the previous screen is mounted while this shows: the shell was unmounted. */
export function LockScreen({ fullName, onSession }: { fullName: string; onSession: (s: SessionInfo) => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<z.input<typeof unlockInputSchema>, unknown, z.output<typeof unlockInputSchema>>({
    resolver: zodResolver(unlockInputSchema),
    defaultValues: { password: '' },
  });
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      onSession(await call('auth:unlock', values));
    } catch (error) {
      form.setValue('password', '');
      form.setFocus('password');
      setBanner(errorMessage(t, error));
    }
  });
  const signOut = async () => {
    await call('auth:signOut', {}).catch(() => undefined);
    onSession(await call('auth:session', {}));
  };
  return (
    <main className="card-page" id="main">
      <div className="card">
        <h1>{t('lock.title')}</h1>
        <p>{t('lock.explain', { name: fullName })}</p>
        <Banner kind="error">{banner}</Banner>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField label={t('lock.password')} type="password" dir="ltr" autoComplete="current-password" autoFocus error={form.formState.errors.password?.message} {...form.register('password')} />
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('lock.unlock')}
          </button>
        </form>
        <button type="button" className="link" onClick={() => void signOut()}>
          {t('lock.signOut')}
        </button>
      </div>
    </main>
  );
}
