import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { setupChannels } from '../../../shared/contract/setup';
import { Banner } from '../components/Banner';
import { TextField } from '../components/Field';
import { call } from '../lib/api';
import { applyServerError } from '../lib/errors';
import { FormRules } from '../lib/form-rules';

const schema = setupChannels['setup:restore'].input;
type Input = z.input<typeof schema>;

/**
 * The first-run screen's other way in (issue #13): a clinic put back from its backup on a new
 * computer, opened with the recovery key of the time of the backup.
 */
export function RestoreFromBackup({ onRestored, onNewClinic }: { onRestored: (backupCreatedAt: string) => void; onNewClinic: () => void }) {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const form = useForm<Input>({ resolver: zodResolver(schema), defaultValues: { file: '', recoveryKey: '' } });
  const err = form.formState.errors;
  const submit = form.handleSubmit(
    async (values) => {
      setBanner(null);
      try {
        onRestored((await call('setup:restore', values)).backupCreatedAt);
      } catch (error) {
        setBanner(applyServerError(t, error, form.setError));
      }
    },
    () => setBanner(t('common.formHasErrors')),
  );
  return (
    <>
      {/* The card's title names the page; this says what it takes. */}
      <p>{t('setup.restoreIntro')}</p>
      <Banner kind="error">{banner}</Banner>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <FormRules schema={schema}>
          <TextField label={t('setup.restoreFile')} dir="ltr" autoComplete="off" spellCheck={false} error={err.file?.message} {...form.register('file')} />
          <TextField label={t('setup.restoreKey')} dir="ltr" autoComplete="off" spellCheck={false} error={err.recoveryKey?.message} {...form.register('recoveryKey')} />
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
