import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { updateSettingsInputSchema } from '../../../../shared/contract/settings';
import { LANGUAGES } from '../../../../shared/domain/languages';
import { Banner } from '../../components/Banner';
import { SelectField, TextField } from '../../components/Field';
import { call } from '../../lib/api';
import { applyServerError, errorMessage } from '../../lib/errors';
import { numberInput } from '../../lib/forms';
import { FormRules } from '../../lib/form-rules';

export function SettingsPanel() {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [prefix, setPrefix] = useState('');
  const form = useForm<z.input<typeof updateSettingsInputSchema>, unknown, z.output<typeof updateSettingsInputSchema>>({
    resolver: zodResolver(updateSettingsInputSchema),
    defaultValues: { clinicName: '', clinicNameAr: '', defaultLanguage: 'fr', idleLockMinutes: 5 },
  });
  const { reset } = form;
  useEffect(() => {
    call('settings:get', {}).then(
      (s) => {
        setPrefix(s.casePrefix);
        reset({ clinicName: s.clinicName, clinicNameAr: s.clinicNameAr, defaultLanguage: s.defaultLanguage, idleLockMinutes: s.idleLockMinutes });
      },
      (error: unknown) => setBanner({ kind: 'error', text: errorMessage(t, error) }),
    );
  }, [reset, t]);
  const err = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    setBanner(null);
    try {
      const s = await call('settings:update', values);
      reset({ clinicName: s.clinicName, clinicNameAr: s.clinicNameAr, defaultLanguage: s.defaultLanguage, idleLockMinutes: s.idleLockMinutes });
      setBanner({ kind: 'success', text: t('common.saved') });
    } catch (error) {
      setBanner({ kind: 'error', text: applyServerError(t, error, form.setError) });
    }
  });
  return (
    <section className="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('admin.settings')}</h2>
      {banner && <Banner kind={banner.kind}>{banner.text}</Banner>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={updateSettingsInputSchema}>
          <TextField label={t('admin.clinicName')} hint={t('setup.clinicNameHint')} error={err.clinicName?.message} {...form.register('clinicName')} />
          <TextField label={t('admin.clinicNameAr')} hint={t('setup.clinicNameArHint')} dir="rtl" lang="ar" error={err.clinicNameAr?.message} {...form.register('clinicNameAr')} />
          <TextField label={t('admin.casePrefix')} value={prefix} readOnly dir="ltr" />
          <SelectField label={t('admin.defaultLanguage')} options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))} error={err.defaultLanguage?.message} {...form.register('defaultLanguage')} />
          <TextField label={t('admin.idleLock')} type="number" inputMode="numeric" min={1} max={60} error={err.idleLockMinutes?.message} {...form.register('idleLockMinutes', { setValueAs: numberInput })} />
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('common.save')}
          </button>
        </FormRules>
      </form>
    </section>
  );
}
