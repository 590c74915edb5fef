import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../shared/contract/backup';
import { PanelSection } from '../../components/PanelSection';
import { call } from '../../lib/api';
import { href } from '../../lib/route';
import { BackupStatusView } from './BackupStatusView';

/** The administrator's home: is the clinic protected? The settings are in Administration. */
export function BackupHomeCard() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  // A failure to read the status is not the home page's business: Administration says it.
  useEffect(() => void call('backup:status', {}).then(setStatus, () => undefined), []);
  if (!status) return null;
  return (
    <PanelSection title={t('backups.title')} wide>
      <BackupStatusView status={status} />
      <a href={href('administration')}>{t('backups.manage')}</a>
    </PanelSection>
  );
}
