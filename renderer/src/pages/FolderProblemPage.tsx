import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupStatus } from '../../../shared/contract/setup';
import type { Language } from '../../../shared/domain/languages';
import { Banner } from '../components/Banner';
import { Dialog } from '../components/Dialog';
import { FormActions } from '../components/FormActions';
import { CardPage } from '../components/CardPage';
import { call } from '../lib/api';
import { errorMessage } from '../lib/errors';

/**
 * Shown instead of setup or sign-in when the data folder holds a clinic's files that cannot
 * be opened: says what is missing or damaged and where, offers to look again once a file is
 * put back, and, as the last way out, to move the files aside (never delete them).
 */
export function FolderProblemPage({
  status,
  language,
  onLanguage,
  onStatus,
}: {
  status: SetupStatus;
  language: Language;
  onLanguage: (l: Language) => void;
  onStatus: (s: SetupStatus, notice?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const bytes = new Intl.NumberFormat(i18n.language);

  const retry = async () => {
    setBanner(null);
    setBusy(true);
    try {
      const next = await call('setup:status', {});
      if (next.state === 'damaged') setBanner(t('folder.stillDamaged'));
      onStatus(next);
    } catch (error) {
      setBanner(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  const setAside = async () => {
    setBusy(true);
    try {
      const { movedTo, status: next } = await call('setup:setAside', { confirm: true });
      setAsking(false);
      onStatus(next, t('folder.setAsideDone', { folder: movedTo }));
    } catch (error) {
      setAsking(false);
      setBanner(errorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <CardPage title={t('folder.title')} wide language={language} onLanguage={onLanguage}>
        <p>{t('folder.intro')}</p>
        <Banner kind="error">{banner}</Banner>
        <h2>{t('folder.problemsTitle')}</h2>
        <ul>
          {status.problems.map((problem) => (
            <li key={problem}>{t(`folder.${problem}`)}</li>
          ))}
        </ul>
        <dl>
          <dt>{t('folder.where')}</dt>
          <dd>
            <bdi dir="ltr">{status.folder}</bdi>
          </dd>
          <dt>{t('folder.filesTitle')}</dt>
          <dd>
            {status.files.length === 0 ? (
              t('folder.noFiles')
            ) : (
              <ul>
                {status.files.map((file) => (
                  <li key={file.name}>
                    <bdi dir="ltr">{file.name}</bdi> — {t('folder.bytes', { size: bytes.format(file.size) })}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        <h2>{t('folder.wayOutTitle')}</h2>
        <p>{t('folder.wayOut')}</p>
        <div className="row">
          <button type="button" className="primary" disabled={busy} onClick={() => void retry()}>
            {t('folder.retry')}
          </button>
          <button
            type="button"
            className="danger"
            disabled={busy}
            onClick={() => {
              setConfirmed(false);
              setAsking(true);
            }}
          >
            {t('folder.setAside')}
          </button>
        </div>
      <Dialog open={asking} title={t('folder.setAsideTitle')} onClose={() => setAsking(false)}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (confirmed) void setAside();
          }}
        >
          <p>{t('folder.setAsideExplain')}</p>
          <label className="checkbox">
            <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
            {t('folder.setAsideConfirm')}
          </label>
          <FormActions label={t('folder.setAsideSubmit')} busy={busy || !confirmed} onCancel={() => setAsking(false)} />
        </form>
      </Dialog>
    </CardPage>
  );
}
