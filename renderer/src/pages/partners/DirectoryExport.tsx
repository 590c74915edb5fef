import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedFile } from '../../../../shared/contract/partners';
import type { Language } from '../../../../shared/domain/languages';
import { Banner } from '../../components/Banner';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';

/**
 * Exports the directory (supervisors): the core makes the file, headed in the interface
 * language; it is saved only when the person clicks "Save" (a download: Electron asks where).
 * Until then the bytes live only in a blob: URL of this page, released when it goes.
 */
export function DirectoryExport() {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!file) return;
    const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
    const next = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [file]);
  const run = async (format: 'csv' | 'xlsx') => {
    setBusy(true);
    setError(null);
    try {
      setFile(await call('partners:export', { format, language: i18n.language as Language }));
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy} onClick={() => void run('csv')}>
        {t('partners.exportCsv')}
      </button>
      <button type="button" disabled={busy} onClick={() => void run('xlsx')}>
        {t('partners.exportXlsx')}
      </button>
      <Banner kind="error">{error}</Banner>
      {file && url && (
        <div className="banner banner-warning" role="status">
          {t('partners.exported', { rows: file.rows })}{' '}
          <a className="button" href={url} download={file.fileName}>
            {t('partners.save', { name: file.fileName })}
          </a>
        </div>
      )}
    </>
  );
}
