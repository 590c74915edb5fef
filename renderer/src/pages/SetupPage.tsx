import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { SessionInfo } from '../../../shared/contract/session';
import { setupInputSchema } from '../../../shared/contract/setup';
import { LANGUAGES, type Language } from '../../../shared/domain/languages';
import { Banner } from '../components/Banner';
import { SelectField, TextField } from '../components/Field';
import { CardPage } from '../components/CardPage';
import { call } from '../lib/api';
import { applyServerError } from '../lib/errors';
import { withPasswordConfirm } from '../lib/forms';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { FormRules } from '../lib/form-rules';
import { RestoreFromBackup } from './RestoreFromBackup';

const formSchema = withPasswordConfirm(setupInputSchema, (input) => input.admin.password);
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

export function SetupPage({ language, onLanguage, onDone, onRestored }: { language: Language; onLanguage: (l: Language) => void; onDone: (s: SessionInfo) => void; onRestored: (backupCreatedAt: string) => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const [created, setCreated] = useState<{ recoveryKey: string; session: SessionInfo } | null>(null);
  const [restoring, setRestoring] = useState(false);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: {
      input: { clinicName: '', clinicNameAr: '', casePrefix: '', defaultLanguage: language, admin: { fullName: '', username: '', password: '' } },
      passwordConfirm: '',
    },
  });
  const { register, handleSubmit, formState } = form;
  const err = formState.errors;

  if (created) {
    return <RecoveryKeyStep recoveryKey={created.recoveryKey} onConfirmed={() => onDone(created.session)} />;
  }

  if (restoring) {
    return (
      <CardPage title={t('setup.restoreTitle')} wide language={language} onLanguage={onLanguage}>
        <RestoreFromBackup onRestored={onRestored} onNewClinic={() => setRestoring(false)} />
      </CardPage>
    );
  }

  const submit = handleSubmit(async (values) => {
    setBanner(null);
    try {
      setCreated(await call('setup:initialize', values.input));
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError, 'input.'));
    }
  }, () => setBanner(t('common.formHasErrors')));

  return (
    <CardPage title={t('setup.title')} wide language={language} onLanguage={onLanguage}>
        <p>{t('setup.intro')}</p>
        <p>
          <button type="button" className="link inline" onClick={() => setRestoring(true)}>
            {t('setup.restoreOr')}
          </button>
        </p>
        <Banner kind="error">{banner}</Banner>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FormRules schema={formSchema}>
            <fieldset>
              <legend>{t('setup.clinicSection')}</legend>
              <TextField label={t('setup.clinicName')} hint={t('setup.clinicNameHint')} error={err.input?.clinicName?.message} {...register('input.clinicName')} />
              <TextField label={t('setup.clinicNameAr')} hint={t('setup.clinicNameArHint')} dir="rtl" lang="ar" error={err.input?.clinicNameAr?.message} {...register('input.clinicNameAr')} />
              <TextField
                label={t('setup.casePrefix')}
                hint={t('setup.casePrefixHint')}
                dir="ltr"
                autoCapitalize="characters"
                error={err.input?.casePrefix?.message}
                {...register('input.casePrefix')}
              />
              <SelectField
                label={t('setup.defaultLanguage')}
                options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
                error={err.input?.defaultLanguage?.message}
                {...register('input.defaultLanguage', { onChange: (e: { target: { value: Language } }) => onLanguage(e.target.value) })}
              />
            </fieldset>
            <fieldset>
              <legend>{t('setup.adminSection')}</legend>
              <TextField label={t('setup.fullName')} autoComplete="name" error={err.input?.admin?.fullName?.message} {...register('input.admin.fullName')} />
              <TextField
                label={t('setup.username')}
                hint={t('setup.usernameHint')}
                dir="ltr"
                autoComplete="username"
                error={err.input?.admin?.username?.message}
                {...register('input.admin.username')}
              />
              <TextField
                label={t('setup.password')}
                hint={t('setup.passwordHint')}
                type="password"
                dir="ltr"
                autoComplete="new-password"
                error={err.input?.admin?.password?.message}
                {...register('input.admin.password')}
              />
              <TextField
                label={t('setup.passwordConfirm')}
                type="password"
                dir="ltr"
                autoComplete="new-password"
                error={err.passwordConfirm?.message}
                {...register('passwordConfirm')}
              />
            </fieldset>
            <button type="submit" className="primary" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? t('setup.working') : t('setup.submit')}
            </button>
          </FormRules>
        </form>
    </CardPage>
  );
}
