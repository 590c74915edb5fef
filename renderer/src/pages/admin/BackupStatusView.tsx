import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../../shared/contract/backup';
import { Banner } from '../../components/Banner';
import { useFormats, type Formats } from '../../lib/format';
import type { TFunction } from 'i18next';

/** "12,4 Mo": backup and clinic sizes, to a tenth of a megabyte. */
export function megabytesText(f: Formats, t: TFunction, bytes: number): string {
  return `${f.number(Math.max(0.1, Math.round(bytes / 100_000) / 10))} ${t('backups.megabytes')}`;
}

/**
 * Whether the clinic is protected: the last backup, where and how big, a backup running, and
 * what needs doing (none yet or too old, the drive unplugged, a cloud-synchronised folder).
 * Shown in Administration and on the administrator's home page.
 */
export function BackupStatusView({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const f = useFormats();
  const megabytes = (bytes: number) => megabytesText(f, t, bytes);
  return (
    <div className="backup-status">
      {status.stale && <Banner kind="warning">{status.last ? t('backups.stale', { date: f.clinicDateTime(status.last.at) }) : t('backups.never')}</Banner>}
      {status.folderMissing && <Banner kind="warning">{t('backups.folderMissing')}</Banner>}
      {status.cloudWarning && <Banner kind="warning">{t('backups.cloudWarning')}</Banner>}
      {status.lastFailure && <Banner kind="error">{`${t('backups.failedAt', { date: f.clinicDateTime(status.lastFailure.at) })} ${t(`backups.failures.${status.lastFailure.code}`)}`}</Banner>}
      {status.running && (
        <div className="field">
          <label htmlFor="backup-progress">{t('backups.running', { phase: t(`backups.phases.${status.running.phase}`) })}</label>
          <progress id="backup-progress" max={100} value={status.running.percent}>
            {f.number(status.running.percent)} %
          </progress>
        </div>
      )}
      {status.last && (
        <dl className="facts-grid">
          <div>
            <dt>{t('backups.lastAt')}</dt>
            <dd>{f.clinicDateTime(status.last.at)}</dd>
          </div>
          <div className="span-all">
            <dt>{t('backups.where')}</dt>
            <dd>
              <bdi dir="ltr">{`${status.last.folder}/${status.last.file}`}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('backups.size')}</dt>
            <dd>{megabytes(status.last.bytes)}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
