import { useTranslation } from 'react-i18next';
import { SelectField } from './Field';

export type BackupSecretKind = 'recoveryKey' | 'passphrase';

/**
 * How a backup is to be opened: with the recovery key of its time (always possible), or with
 * the backup passphrase if the administrator had set one when it was made.
 */
export function BackupSecretSelect({ value, onChange }: { value: BackupSecretKind; onChange: (kind: BackupSecretKind) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('restore.openWith')}
      value={value}
      onChange={(e) => onChange(e.target.value as BackupSecretKind)}
      options={[
        { value: 'recoveryKey', label: t('setup.restoreKey') },
        { value: 'passphrase', label: t('restore.passphrase') },
      ]}
    />
  );
}
