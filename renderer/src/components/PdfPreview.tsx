import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfDocument } from '../../../shared/contract/documents';
import { Dialog } from './Dialog';

/**
 * Shows a generated PDF: preview in Chromium's viewer (which also prints), and save (a
 * download: Electron asks where). The bytes live only in a blob: URL of this page, released
 * when the dialog closes.
 */
export function PdfPreview({ pdf, title, onClose }: { pdf: PdfDocument | null; title: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!pdf) return undefined;
    const bytes = Uint8Array.from(atob(pdf.base64), (c) => c.charCodeAt(0));
    const next = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [pdf]);
  return (
    <Dialog open={pdf !== null && url !== null} title={title} onClose={onClose} wide>
      {pdf && url && (
        <>
          <iframe className="pdf-preview" src={url} title={title} />
          <div className="row">
            <a className="button primary" href={url} download={pdf.fileName}>
              {t('documents.save')}
            </a>
            <button type="button" onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
