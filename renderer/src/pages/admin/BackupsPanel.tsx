import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { backupSettingsInputSchema, type BackupStatus } from '../../../../shared/contract/backup';
import { Banner } from '../../components/Banner';
import { TextField } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { PanelSection } from '../../components/PanelSection';
import { PathPicker } from '../../components/PathPicker';
import { call } from '../../lib/api';
import { applyServerError, errorMessage } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { numberInput } from '../../lib/forms';
import { BackupPassphraseForm } from './BackupPassphraseForm';
import { BackupStatusView } from './BackupStatusView';

type Input = z.input<typeof backupSettingsInputSchema>;
type Output = z.output<typeof backupSettingsInputSchema>;

/**
 * Administrators: where the encrypted backups go, how many are kept, and a backup now
 * (issue #13). The backup runs in the core's background; its progress is read every second.
 */
export function BackupsPanel() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [banner, setBanner] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const refresh = useCallback(async () => {
    try {
      setStatus(await call('backup:status', {}));
    } catch (error) {
      setBanner({ kind: 'error', text: errorMessage(t, error) });
    }
  }, [t]);
  useEffect(() => void refresh(), [refresh]);
  const running = status?.running !== null && status?.running !== undefined;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [running, refresh]);
  const runNow = async () => {
    setBanner(null);
    try {
      await call('backup:run', {});
      await refresh();
    } catch (error) {
      setBanner({ kind: 'error', text: errorMessage(t, error) });
    }
  };
  return (
    <PanelSection title={t('backups.title')} explain={t('backups.explain')} wide>
      {banner && <Banner kind={banner.kind}>{banner.text}</Banner>}
      {status && <BackupStatusView status={status} />}
      <div className="row">
        <button type="button" className="primary" disabled={running || !status?.configured} onClick={() => void runNow()}>
          {t('backups.runNow')}
        </button>
        {!status?.configured && <span className="muted">{t('backups.chooseFolderFirst')}</span>}
      </div>
      <BackupSettingsForm onSaved={() => void refresh()} />
      <BackupPassphraseForm />
    </PanelSection>
  );
}

function BackupSettingsForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  // Saved and warning banners keep their key, said again in the new language if it changes.
  const [banner, setBanner] = useState<{ kind: 'error' | 'success'; text?: string; key?: string } | null>(null);
  const form = useForm<Input, unknown, Output>({ resolver: zodResolver(backupSettingsInputSchema), defaultValues: { folder: '', keepDaily: 7, keepWeekly: 4, keepMonthly: 12, warnAfterDays: 2 } });
  const { reset } = form;
  const [loaded, setLoaded] = useState<Input | null>(null);
  useEffect(() => {
    call('backup:settings', {}).then(
      ({ folder, keepDaily, keepWeekly, keepMonthly, warnAfterDays }) => {
        const values = { folder, keepDaily, keepWeekly, keepMonthly, warnAfterDays };
        setLoaded(values);
        reset(values);
      },
      (error: unknown) => setBanner({ kind: 'error', text: errorMessage(t, error) }),
    );
  }, [reset, t]);
  const err = form.formState.errors;
  const submit = form.handleSubmit(
    async (fields) => {
      setBanner(null);
      try {
        // A cloud-looking folder is saved; the status above then says why it is a poor choice.
        await call('backup:saveSettings', fields);
        setLoaded(fields);
        setBanner({ kind: 'success', key: 'backups.saved' });
        onSaved();
      } catch (error) {
        setBanner({ kind: 'error', text: applyServerError(t, error, form.setError) });
      }
    },
    () => setBanner({ kind: 'error', text: t('common.formHasErrors') }),
  );
  const number = (name: 'keepDaily' | 'keepWeekly' | 'keepMonthly' | 'warnAfterDays', label: string) => (
    <TextField label={label} type="number" inputMode="numeric" min={1} error={err[name]?.message} {...form.register(name, { setValueAs: numberInput })} />
  );
  return (
    <form className="record-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('backups.settings')}</h3>
      {banner && <Banner kind={banner.kind}>{banner.key ? t(banner.key) : banner.text}</Banner>}
      <FormRules schema={backupSettingsInputSchema}>
        <TextField label={t('backups.folder')} hint={t('backups.folderHint')} dir="ltr" autoComplete="off" spellCheck={false} error={err.folder?.message} {...form.register('folder')} />
        <PathPicker kind="folder" onPick={(path) => form.setValue('folder', path, { shouldDirty: true, shouldValidate: true })} />
        <div className="form-grid">
          {number('keepDaily', t('backups.keepDaily'))}
          {number('keepWeekly', t('backups.keepWeekly'))}
          {number('keepMonthly', t('backups.keepMonthly'))}
          {number('warnAfterDays', t('backups.warnAfterDays'))}
        </div>
        <p className="hint">{t('backups.rotationHint')}</p>
        <FormActions label={t('common.save')} busy={form.formState.isSubmitting} onCancel={() => loaded && reset(loaded)} />
      </FormRules>
    </form>
  );
}
