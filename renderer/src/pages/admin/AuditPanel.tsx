import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract/audit';
import { Banner } from '../../components/Banner';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { TableHead } from '../../components/TableHead';

export function AuditPanel() {
  const { t, i18n } = useTranslation();
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [banner, setBanner] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  useEffect(() => {
    call('audit:list', { limit: 20 }).then(setEntries, (error: unknown) => setBanner({ kind: 'error', text: errorMessage(t, error) }));
  }, [t]);
  const verify = async () => {
    try {
      const r = await call('audit:verify', {});
      setBanner(
        r.ok
          ? { kind: 'success', text: t('admin.verifyOk', { count: r.checked }) }
          : { kind: 'error', text: t('admin.verifyBroken', { id: r.firstBrokenId }) },
      );
    } catch (error) {
      setBanner({ kind: 'error', text: errorMessage(t, error) });
    }
  };
  // Western digits in all three languages (the clinics' convention), dates in the interface language.
  const format = new Intl.DateTimeFormat(`${i18n.language}-u-nu-latn`, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <section className="panel" aria-labelledby="audit-title">
      <div className="panel-top">
        <h2 id="audit-title">{t('admin.audit')}</h2>
        <button type="button" onClick={() => void verify()}>
          {t('admin.verify')}
        </button>
      </div>
      {banner && <Banner kind={banner.kind}>{banner.text}</Banner>}
      <table>
        <TableHead columns={[t('admin.auditWhen'), t('admin.auditWho'), t('admin.auditAction'), t('admin.auditRecord'), t('admin.auditOutcome')]} />
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{format.format(new Date(e.at))}</td>
              <td>{e.accountName ?? '—'}</td>
              <td dir="ltr" className="cell-ltr">{e.action}</td>
              <td dir="ltr" className="cell-ltr">{e.entity ? `${e.entity} ${e.entityId ?? ''}` : '—'}</td>
              <td>{t(`admin.outcome.${e.outcome}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
