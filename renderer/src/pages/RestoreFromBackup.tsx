import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { setupChannels } from '../../../shared/contract/setup';
import { Banner } from '../components/Banner';
import { BackupSecretSelect, type BackupSecretKind } from '../components/BackupSecretSelect';
import { TextField } from '../components/Field';
import { PathPicker } from '../components/PathPicker';
import { call } from '../lib/api';
import { applyServerError, serverErrorText } from '../lib/errors';
import { FormRules } from '../lib/form-rules';

const schema = setupChannels['setup:restore'].input;
type Input = z.input<typeof schema>;

/**
 * The first-run screen's other way in (issue #13): a clinic put back from its backup on a new
 * computer, opened with the recovery key of the time of the backup, or with the backup
 * passphrase if one was set then.
 */
export function RestoreFromBackup({ onRestored, onNewClinic }: { onRestored: (backupCreatedAt: string) => void; onNewClinic: () => void }) {
  const { t } = useTranslation();
  // The error itself, said in the language of the moment (this page has a language switch).
  const [failure, setFailure] = useState<unknown>(null);
  const [using, setUsing] = useState<BackupSecretKind>('recoveryKey');
  // Only the shown secret field is sent: the core wants exactly one.
  const form = useForm<Input>({ resolver: zodResolver(schema), defaultValues: { file: '' }, shouldUnregister: true });
  const err = form.formState.errors;
  const submit = form.handleSubmit(
    async (values) => {
      setFailure(null);
      try {
        onRestored((await call('setup:restore', values)).backupCreatedAt);
      } catch (error) {
        applyServerError(t, error, form.setError);
        setFailure(error);
      }
    },
    () => setFailure('formHasErrors'),
  );
  return (
    <>
      {/* The card's title names the page; this says what it takes. */}
      <p>{t('setup.restoreIntro')}</p>
      <Banner kind="error">{failure === null ? null : failure === 'formHasErrors' ? t('common.formHasErrors') : serverErrorText(t, failure)}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={schema}>
          <TextField label={t('setup.restoreFile')} dir="ltr" autoComplete="off" spellCheck={false} error={err.file?.message} {...form.register('file')} />
          <PathPicker kind="backupFile" onPick={(path) => form.setValue('file', path, { shouldDirty: true, shouldValidate: true })} />
          <BackupSecretSelect value={using} onChange={setUsing} />
          {using === 'recoveryKey' ? (
            <TextField label={t('setup.restoreKey')} dir="ltr" autoComplete="off" spellCheck={false} required error={err.recoveryKey?.message} {...form.register('recoveryKey')} />
          ) : (
            <TextField label={t('restore.passphrase')} type="password" dir="ltr" autoComplete="off" required error={err.passphrase?.message} {...form.register('passphrase')} />
          )}
          <div className="row">
            <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? t('setup.working') : t('setup.restoreSubmit')}
            </button>
            <button type="button" className="link inline" onClick={onNewClinic}>
              {t('setup.newClinic')}
            </button>
          </div>
        </FormRules>
      </form>
    </>
  );
}
