import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { backupPassphraseInputSchema } from '../../../../shared/contract/backup';
import { Banner } from '../../components/Banner';
import { TextField } from '../../components/Field';
import { call } from '../../lib/api';
import { applyServerError, serverErrorText } from '../../lib/errors';
import { FormRules } from '../../lib/form-rules';
import { useFormats } from '../../lib/format';

/** The passphrase twice: a typing mistake here would make backups open with a phrase nobody knows. */
const schema = backupPassphraseInputSchema
  .extend({ repeat: z.string() })
  .refine((v) => v.passphrase !== '', { path: ['passphrase'], message: 'validation.required' })
  .refine((v) => v.repeat === v.passphrase, { path: ['repeat'], message: 'validation.passphrasesDiffer' });
type Input = z.input<typeof schema>;

/**
 * Administrators: an optional passphrase that also opens the backups made from now on, for a
 * clinic that keeps its recovery key sheet locked away and wants a second way in. Only its
 * derived key is kept (docs/BACKUP.md); removing it changes future backups only.
 */
export function BackupPassphraseForm() {
  const { t } = useTranslation();
  const f = useFormats();
  const [setAt, setSetAt] = useState<string | null | undefined>(undefined);
  const [banner, setBanner] = useState<{ kind: 'success'; key: string } | { kind: 'error'; error: unknown } | null>(null);
  const form = useForm<Input>({ resolver: zodResolver(schema), defaultValues: { passphrase: '', repeat: '' } });
  useEffect(() => void call('backup:settings', {}).then((s) => setSetAt(s.passphraseSetAt), (error: unknown) => setBanner({ kind: 'error', error })), []);
  const save = async (passphrase: string) => {
    setBanner(null);
    try {
      const next = await call('backup:setPassphrase', { passphrase });
      setSetAt(next.passphraseSetAt);
      form.reset({ passphrase: '', repeat: '' });
      setBanner({ kind: 'success', key: passphrase === '' ? 'backups.passphraseRemoved' : 'backups.passphraseSaved' });
    } catch (error) {
      applyServerError(t, error, form.setError);
      setBanner({ kind: 'error', error });
    }
  };
  const submit = form.handleSubmit(
    (values) => save(values.passphrase),
    () => setBanner({ kind: 'error', error: null }),
  );
  const err = form.formState.errors;
  if (setAt === undefined && !banner) return null;
  return (
    <form className="record-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('backups.passphraseTitle')}</h3>
      <p>{setAt ? t('backups.passphraseSet', { date: f.clinicDateTime(setAt) }) : t('backups.passphraseNone')}</p>
      {banner && <Banner kind={banner.kind}>{banner.kind === 'success' ? t(banner.key) : banner.error === null ? t('common.formHasErrors') : serverErrorText(t, banner.error)}</Banner>}
      <FormRules schema={schema}>
        <div className="form-grid">
          <TextField label={t('backups.passphraseNew')} hint={t('setup.passwordHint')} type="password" dir="ltr" autoComplete="new-password" required error={err.passphrase?.message} {...form.register('passphrase')} />
          <TextField label={t('backups.passphraseRepeat')} type="password" dir="ltr" autoComplete="new-password" required error={err.repeat?.message} {...form.register('repeat')} />
        </div>
        <p className="hint">{t('backups.passphraseHint')}</p>
        <div className="row">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('backups.passphraseSubmit')}
          </button>
          {setAt && (
            <button type="button" onClick={() => void save('')}>
              {t('backups.passphraseRemove')}
            </button>
          )}
        </div>
      </FormRules>
    </form>
  );
}
