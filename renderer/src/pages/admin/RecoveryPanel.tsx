import { useEffect, useState } from 'react';
import type { RecoveryCheck } from '../../../../shared/contract/recovery';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { DocumentActions } from '../../components/DocumentActions';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { RecoveryCheckForm } from './RecoveryCheck';

/**
 * A new recovery key, for when the printed sheet is lost or may have been seen: the old key
 * stops working at once. The new key is shown once, with its sheet to print.
 */
export function RecoveryPanel() {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<RecoveryCheck | null>(null);
  const readCheck = () => void call('recovery:status', {}).then(setCheck, () => undefined);
  useEffect(readCheck, []);
  const rotate = async () => {
    setConfirming(false);
    setError(null);
    try {
      setKey((await call('vault:rotateRecoveryKey', {})).recoveryKey);
      readCheck();
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };
  return (
    <section className="panel" aria-labelledby="recovery-title">
      <div className="panel-top">
        <h2 id="recovery-title">{t('recovery.title')}</h2>
        <button type="button" onClick={() => setConfirming(true)}>
          {t('recovery.rotate')}
        </button>
      </div>
      <p>{t('recovery.rotateExplain')}</p>
      <Banner kind="error">{error}</Banner>
      {key && (
        <>
          <p className="recovery-key" dir="ltr" translate="no" aria-label={t('recovery.newKey')}>
            {key}
          </p>
          <p>{t('recovery.explain')}</p>
          <DocumentActions label={t('documents.recoverySheet')} generate={(language) => call('documents:recoverySheet', { recoveryKey: key, language })} />
          <button type="button" onClick={() => setKey(null)}>
            {t('recovery.hide')}
          </button>
        </>
      )}
      {check && (
        <>
          <h3>{t('recoveryCheck.title')}</h3>
          <RecoveryCheckForm status={check} onProven={setCheck} />
        </>
      )}
      <Dialog open={confirming} title={t('recovery.rotate')} onClose={() => setConfirming(false)}>
        <p>{t('recovery.rotateConfirm')}</p>
        <div className="row">
          <button type="button" className="danger" onClick={() => void rotate()}>
            {t('recovery.rotate')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
