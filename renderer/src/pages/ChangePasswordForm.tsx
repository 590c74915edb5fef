import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { changePasswordInputSchema } from '../../../shared/contract/auth';
import { Banner } from '../components/Banner';
import { TextField } from '../components/Field';
import { call } from '../lib/api';
import { applyServerError } from '../lib/errors';
import { withPasswordConfirm } from '../lib/forms';
import { FormRules } from '../lib/form-rules';

const formSchema = withPasswordConfirm(changePasswordInputSchema, (input) => input.newPassword);

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const form = useForm<z.input<typeof formSchema>, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    defaultValues: { input: { currentPassword: '', newPassword: '' }, passwordConfirm: '' },
  });
  const err = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    setDone(false);
    try {
      await call('auth:changePassword', values.input);
      form.reset();
      setDone(true);
      onChanged();
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError, 'input.'));
    }
  });
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('changePassword.title')}>
      <FormRules schema={formSchema}>
        <Banner kind="error">{banner}</Banner>
        <Banner kind="success">{done ? t('changePassword.done') : null}</Banner>
        <TextField label={t('changePassword.current')} type="password" dir="ltr" autoComplete="current-password" error={err.input?.currentPassword?.message} {...form.register('input.currentPassword')} />
        <TextField label={t('changePassword.new')} hint={t('setup.passwordHint')} type="password" dir="ltr" autoComplete="new-password" error={err.input?.newPassword?.message} {...form.register('input.newPassword')} />
        <TextField label={t('changePassword.confirm')} type="password" dir="ltr" autoComplete="new-password" error={err.passwordConfirm?.message} {...form.register('passwordConfirm')} />
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {t('changePassword.submit')}
        </button>
      </FormRules>
    </form>
  );
}
