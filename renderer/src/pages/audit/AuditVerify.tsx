import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../components/Banner';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';

/** Administrators check that no entry was changed or removed since it was written (the hash chain). */
export function AuditVerify() {
  const { t } = useTranslation();
  const [banner, setBanner] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const verify = async () => {
    try {
      const r = await call('audit:verify', {});
      setBanner(r.ok ? { kind: 'success', text: t('admin.verifyOk', { count: r.checked }) } : { kind: 'error', text: t('admin.verifyBroken', { id: r.firstBrokenId }) });
    } catch (error) {
      setBanner({ kind: 'error', text: errorMessage(t, error) });
    }
  };
  return (
    <div>
      <button type="button" onClick={() => void verify()}>
        {t('admin.verify')}
      </button>
      {banner && <Banner kind={banner.kind}>{banner.text}</Banner>}
    </div>
  );
}
