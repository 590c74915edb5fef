import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, type UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { BackupFile } from '../../../../shared/contract/restore';
import { Banner } from '../../components/Banner';
import { BackupSecretSelect, type BackupSecretKind } from '../../components/BackupSecretSelect';
import { SelectField, TextField } from '../../components/Field';
import { PanelSection } from '../../components/PanelSection';
import { PathPicker } from '../../components/PathPicker';
import { announceSessionLost, call } from '../../lib/api';
import { noteClinicReplaced } from '../../lib/clinic-replaced';
import { applyServerError, serverErrorText } from '../../lib/errors';
import { useFormats } from '../../lib/format';
import { megabytesText } from './BackupStatusView';

/** The choice that tries the folder's backups newest first, skipping damaged ones. */
const NEWEST = 'newest';
/** The choice that takes a path typed by hand (a backup on another drive). */
const OTHER = 'other';

interface Values {
  choice: string;
  path: string;
  recoveryKey: string;
  passphrase: string;
  confirmWord: string;
}

/**
 * Administrators: put the clinic back as a backup holds it (issue #13). The backup is opened
 * and checked first, while everyone keeps working; only then is everyone signed out and the
 * files swapped. The clinic in use is kept (SetAsidePanel) so the restore can be undone.
 * Typing the confirmation word, not a click, starts it: it ends every session.
 * `preferNewest` changes when the store check found damage: the newest backup that checks is
 * chosen and the form takes the focus.
 */
export function RestorePanel({ preferNewest }: { preferNewest: number }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [files, setFiles] = useState<BackupFile[] | null>(null);
  // The error itself, not its sentence: said again in the new language if the language changes.
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<Values>({ defaultValues: { choice: NEWEST, path: '', recoveryKey: '', passphrase: '', confirmWord: '' } });
  const [using, setUsing] = useState<BackupSecretKind>('recoveryKey');
  const { setValue, setFocus } = form;
  const load = useCallback(async () => {
    try {
      const found = await call('restore:candidates', {});
      setFiles(found.files);
      if (found.files.length === 0) setValue('choice', OTHER);
    } catch (error) {
      setFailure(error);
    }
  }, [setValue]);
  useEffect(() => void load(), [load]);
  const first = useRef(true);
  const hasFiles = files !== null && files.length > 0;
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    // Without a backup in the folder, the typed path is the only way.
    setValue('choice', hasFiles ? NEWEST : OTHER);
    setFocus('choice');
    // Only when the store check asks again (`hasFiles` is read, not watched: the list arriving must not reset a choice).
  }, [preferNewest, setValue, setFocus]);

  const choice = form.watch('choice');
  const err = form.formState.errors;
  const dated = (file: BackupFile) =>
    file.createdAt
      ? t('restore.backupOption', { date: f.clinicDateTime(file.createdAt), cases: f.number(file.counts?.cases ?? 0), size: megabytesText(f, t, file.bytes) })
      : t('restore.backupUnreadableOption', { name: file.name });
  const options = [
    ...(hasFiles ? [{ value: NEWEST, label: t('restore.newest') }] : []),
    ...(files ?? []).map((file) => ({ value: file.file, label: dated(file) })),
    { value: OTHER, label: t('restore.other') },
  ];

  const submit = form.handleSubmit(
    async (values) => {
      setFailure(null);
      const chosen = values.choice === NEWEST ? (files ?? []).map((file) => file.file) : [values.choice === OTHER ? values.path.trim() : values.choice];
      try {
        const secret = using === 'passphrase' ? { passphrase: values.passphrase } : { recoveryKey: values.recoveryKey.trim() };
        const done = await call('restore:run', { files: chosen, ...secret, confirm: true });
        noteClinicReplaced({ kind: 'restored', at: done.backupCreatedAt });
        announceSessionLost();
      } catch (error) {
        // The core names the backup `files` or `files.N`: here that is the chooser or the typed path.
        const fileField = values.choice === OTHER ? 'path' : 'choice';
        const setError: UseFormSetError<Values> = (name, e, o) => form.setError(String(name).startsWith('files') ? fileField : name, e, o);
        applyServerError(t, error, setError);
        setFailure(error);
      }
    },
    () => setFailure('formHasErrors'),
  );
  const word = t('restore.confirmWord');
  return (
    <PanelSection title={t('restore.title')} explain={t('restore.explain')} wide>
      <Banner kind="error">{failure === null ? null : failure === 'formHasErrors' ? t('common.formHasErrors') : serverErrorText(t, failure)}</Banner>
      <form className="record-form" onSubmit={(e) => void submit(e)} noValidate>
        <SelectField label={t('restore.backup')} options={options} required error={err.choice?.message} {...form.register('choice')} />
        {choice === OTHER && (
          <TextField
            label={t('setup.restoreFile')}
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            required
            error={err.path?.message}
            {...form.register('path', { validate: (v) => (form.getValues('choice') !== OTHER || v.trim() !== '' ? true : 'validation.required') })}
          />
        )}
        {choice === OTHER && <PathPicker kind="backupFile" onPick={(path) => form.setValue('path', path, { shouldDirty: true, shouldValidate: true })} />}
        <BackupSecretSelect value={using} onChange={setUsing} />
        {using === 'recoveryKey' ? (
          <TextField
            label={t('setup.restoreKey')}
            hint={t('restore.keyHint')}
            dir="ltr"
            autoComplete="off"
            spellCheck={false}
            required
            error={err.recoveryKey?.message}
            {...form.register('recoveryKey', { validate: (v) => (using !== 'recoveryKey' || v.trim() !== '' ? true : 'validation.required') })}
          />
        ) : (
          <TextField
            label={t('restore.passphrase')}
            hint={t('restore.passphraseHint')}
            type="password"
            dir="ltr"
            autoComplete="off"
            required
            error={err.passphrase?.message}
            {...form.register('passphrase', { validate: (v) => (using !== 'passphrase' || v !== '' ? true : 'validation.required') })}
          />
        )}
        <TextField
          label={t('restore.confirmLabel', { word })}
          hint={t('restore.confirmHint')}
          autoComplete="off"
          spellCheck={false}
          required
          error={err.confirmWord?.message}
          {...form.register('confirmWord', { validate: (v) => (v.trim().toLocaleLowerCase() === word.toLocaleLowerCase() ? true : 'validation.confirmWordMismatch') })}
        />
        <div className="row">
          <button type="submit" className="danger" disabled={form.formState.isSubmitting}>
            {form.formState.isSubmitting ? t('restore.working') : t('restore.submit')}
          </button>
        </div>
      </form>
    </PanelSection>
  );
}
