import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createAccountInputSchema, type Account } from '../../../../shared/contract/accounts';
import { LANGUAGES } from '../../../../shared/domain/languages';
import { ROLES } from '../../../../shared/domain/roles';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/Field';
import { call } from '../../lib/api';
import { applyServerError } from '../../lib/errors';
import { FormActions } from '../../components/FormActions';
import { FormRules } from '../../lib/form-rules';

export function CreateAccountDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (a: Account) => void }) {
  const { t, i18n } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<z.input<typeof createAccountInputSchema>, unknown, z.output<typeof createAccountInputSchema>>({
    resolver: zodResolver(createAccountInputSchema),
    defaultValues: { username: '', fullName: '', role: 'intake', language: (i18n.language as 'ar' | 'fr' | 'en') ?? 'fr', password: '' },
  });
  const err = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      const account = await call('accounts:create', values);
      form.reset();
      onCreated(account);
    } catch (error) {
      setBanner(applyServerError(t, error, form.setError));
    }
  });
  return (
    <Dialog open={open} title={t('admin.newAccount')} onClose={onClose}>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={createAccountInputSchema}>
          <TextField label={t('admin.fullName')} error={err.fullName?.message} {...form.register('fullName')} />
          <TextField label={t('admin.username')} hint={t('setup.usernameHint')} dir="ltr" autoComplete="off" error={err.username?.message} {...form.register('username')} />
          <SelectField label={t('admin.role')} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} error={err.role?.message} {...form.register('role')} />
          <SelectField label={t('admin.language')} options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))} error={err.language?.message} {...form.register('language')} />
          <TextField
            label={t('admin.initialPassword')}
            hint={`${t('admin.initialPasswordHint')} ${t('setup.passwordHint')}`}
            type="password"
            dir="ltr"
            autoComplete="new-password"
            error={err.password?.message}
            {...form.register('password')}
          />
          <FormActions label={t('admin.create')} busy={form.formState.isSubmitting} onCancel={onClose} />
        </FormRules>
      </form>
    </Dialog>
  );
}
