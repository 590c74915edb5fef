import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { loginInputSchema } from '../../../shared/contract/auth';
import type { SessionInfo } from '../../../shared/contract/session';
import type { Language } from '../../../shared/domain/languages';
import { Banner } from '../components/Banner';
import { TextField } from '../components/Field';
import { CardPage } from '../components/CardPage';
import { call } from '../lib/api';
import { errorMessage } from '../lib/errors';

interface Props {
  clinicName: string | null;
  language: Language;
  onLanguage: (language: Language) => void;
  onSession: (session: SessionInfo) => void;
  onRecover: () => void;
}

export function LoginPage({ clinicName, language, onLanguage, onSession, onRecover }: Props) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<z.input<typeof loginInputSchema>, unknown, z.output<typeof loginInputSchema>>({
    resolver: zodResolver(loginInputSchema),
    defaultValues: { username: '', password: '' },
  });
  const { register, handleSubmit, formState } = form;
  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      onSession(await call('auth:login', values));
    } catch (error) {
      // The username stays; the password is cleared, as any sign-in form does.
      form.setValue('password', '');
      form.setFocus('password');
      setBanner(errorMessage(t, error));
    }
  });
  return (
    <CardPage title={t('login.title')} eyebrow={clinicName ?? t('app.title')} language={language} onLanguage={onLanguage}>
        <Banner kind="error">{banner}</Banner>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <TextField label={t('login.username')} dir="ltr" autoComplete="username" autoFocus error={formState.errors.username?.message} {...register('username')} />
          <TextField label={t('login.password')} type="password" dir="ltr" autoComplete="current-password" error={formState.errors.password?.message} {...register('password')} />
          <button type="submit" className="primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? t('login.working') : t('login.submit')}
          </button>
        </form>
        <button type="button" className="link" onClick={onRecover}>
          {t('login.forgot')}
        </button>
    </CardPage>
  );
}
