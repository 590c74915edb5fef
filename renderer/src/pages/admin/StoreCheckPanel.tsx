import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreCheckKind, StoreCheckReport, StoreCheckStatus } from '../../../../shared/contract/store-check';
import { Banner } from '../../components/Banner';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';

/**
 * The store's integrity checks (issue #9): the last quick and full results, a running check,
 * and buttons to run one now. A check runs in the background: the panel asks again every
 * second while one runs.
 */
export function StoreCheckPanel({ onRestoreNewest }: { onRestoreNewest: () => void }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const [status, setStatus] = useState<StoreCheckStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await call('storeCheck:status', {}));
    } catch (e) {
      setError(errorMessage(t, e));
    }
  }, [t]);
  useEffect(() => void refresh(), [refresh]);
  useEffect(() => {
    if (!status?.running) return;
    const timer = setInterval(() => void refresh(), 1000);
    return () => clearInterval(timer);
  }, [status?.running, refresh]);

  const run = async (kind: StoreCheckKind) => {
    setError(null);
    try {
      setStatus(await call('storeCheck:run', { kind }));
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };

  const line = (kind: StoreCheckKind, report: StoreCheckReport | null) => (
    <div>
      <dt>{t(`storeCheck.last.${kind}`)}</dt>
      <dd>
        {report
          ? t(report.ok ? 'storeCheck.resultOk' : 'storeCheck.resultDamaged', {
              date: formats.dateTime(report.at),
              seconds: (report.durationMs / 1000).toFixed(1),
            })
          : t('storeCheck.never')}
      </dd>
    </div>
  );
  const damaged = [status?.lastFull, status?.lastQuick].find((r) => r && !r.ok);

  return (
    <section className="panel" aria-labelledby="store-check-title">
      <div className="panel-top">
        <h2 id="store-check-title">{t('storeCheck.title')}</h2>
      </div>
      <p>{t('storeCheck.explain')}</p>
      <Banner kind="error">{error}</Banner>
      {damaged && (
        <div className="banner banner-error" role="alert">
          <p>{t('storeCheck.damagedExplain')}</p>
          <ul dir="ltr" className="cell-ltr">
            {damaged.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
          <p>{t('storeCheck.restoreOffer')}</p>
          <button type="button" onClick={onRestoreNewest}>
            {t('storeCheck.restoreNewest')}
          </button>
        </div>
      )}
      {status && (
        <dl>
          {line('quick', status.lastQuick)}
          {line('full', status.lastFull)}
        </dl>
      )}
      {status?.running && (
        <p role="status">{t('storeCheck.running', { kind: t(`storeCheck.kind.${status.running}`) })}</p>
      )}
      <div className="row">
        <button type="button" disabled={!status || Boolean(status.running)} onClick={() => void run('quick')}>
          {t('storeCheck.runQuick')}
        </button>
        <button type="button" disabled={!status || Boolean(status.running)} onClick={() => void run('full')}>
          {t('storeCheck.runFull')}
        </button>
      </div>
    </section>
  );
}
