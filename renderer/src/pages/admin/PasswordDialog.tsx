import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Account } from '../../../../shared/contract/accounts';
import { newPasswordSchema } from '../../../../shared/contract/common';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/Field';
import { call } from '../../lib/api';
import { applyServerError } from '../../lib/errors';
import { FormActions } from '../../components/FormActions';
import { FormRules } from '../../lib/form-rules';

const schema = z.object({ newPassword: newPasswordSchema });

/** Sets a new password for another account (reset, or reactivation which needs a fresh slot). */
export function PasswordDialog(props: {
  account: Account;
  channel: 'accounts:resetPassword' | 'accounts:reactivate';
  title: string;
  onClose: () => void;
  onDone: (a: Account) => void;
}) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { newPassword: '' },
  });
  const submit = form.handleSubmit(async ({ newPassword }) => {
    setBanner(null);
    try {
      props.onDone(await call(props.channel, { accountId: props.account.id, newPassword }));
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError));
    }
  });
  return (
    <Dialog open title={props.title} onClose={props.onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={schema}>
          <TextField
            label={t('admin.newPasswordFor', { username: props.account.username })}
            hint={`${t('admin.initialPasswordHint')} ${t('setup.passwordHint')}`}
            type="password"
            dir="ltr"
            autoComplete="new-password"
            error={form.formState.errors.newPassword?.message}
            {...form.register('newPassword')}
          />
          <FormActions label={t('common.save')} busy={form.formState.isSubmitting} onCancel={props.onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
