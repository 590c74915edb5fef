import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PdfDocument } from '../../../shared/contract/documents';
import { LANGUAGES, type Language } from '../../../shared/domain/languages';
import { errorMessage } from '../lib/errors';
import { Banner } from './Banner';
import { PdfPreview } from './PdfPreview';

/** A document button with its language: automatic (the person's, else the interface's) or chosen. */
export function DocumentActions({ label, generate }: { label: string; generate: (language: Language | '') => Promise<PdfDocument> }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pdf, setPdf] = useState<PdfDocument | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setPdf(await generate(language));
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="document-actions">
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language | '')} aria-label={t('documents.language', { document: label })}>
        <option value="">{t('documents.automatic')}</option>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`lang.${l}`)}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? t('documents.generating') : label}
      </button>
      <Banner kind="error">{error}</Banner>
      <PdfPreview pdf={pdf} title={label} onClose={() => setPdf(null)} />
    </div>
  );
}
