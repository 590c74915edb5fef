import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DocumentActions } from '../components/DocumentActions';
import { TextField } from '../components/Field';
import { call } from '../lib/api';

/**
 * Shows the recovery key once. Going on requires typing its first group back and ticking
 * the box: proof the person has it in front of them, not just a click through.
 */
export function RecoveryKeyStep({ recoveryKey, onConfirmed }: { recoveryKey: string; onConfirmed: () => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [stored, setStored] = useState(false);
  const [copied, setCopied] = useState(false);
  const firstGroup = recoveryKey.split('-')[0] ?? '';
  const matches = typed.trim().toUpperCase() === firstGroup;
  const showMismatch = typed.trim().length >= firstGroup.length && !matches;

  return (
    <main className="card-page" id="main">
      <div className="card wide recovery-sheet">
        <h1>{t('recovery.title')}</h1>
        <p>{t('recovery.explain')}</p>
        <p className="recovery-key" dir="ltr" translate="no" aria-label={t('recovery.title')}>
          {recoveryKey}
        </p>
        <div className="row no-print">
          <button
            type="button"
            onClick={() => {
              void navigator.clipboard?.writeText(recoveryKey).then(() => setCopied(true), () => setCopied(false));
            }}
          >
            {t('recovery.copy')}
          </button>
          <DocumentActions label={t('documents.recoverySheet')} generate={(language) => call('documents:recoverySheet', { recoveryKey, language })} />
          {copied && <span role="status">{t('recovery.copied')}</span>}
        </div>
        <form
          className="no-print"
          onSubmit={(e) => {
            e.preventDefault();
            if (matches && stored) onConfirmed();
          }}
        >
          <TextField
            label={t('recovery.confirmLabel')}
            dir="ltr"
            autoComplete="off"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            error={showMismatch ? 'recovery.confirmMismatch' : undefined}
          />
          <label className="checkbox">
            <input type="checkbox" checked={stored} onChange={(e) => setStored(e.target.checked)} />
            {t('recovery.confirmCheckbox')}
          </label>
          <button type="submit" className="primary" disabled={!matches || !stored}>
            {t('recovery.continue')}
          </button>
        </form>
      </div>
    </main>
  );
}
