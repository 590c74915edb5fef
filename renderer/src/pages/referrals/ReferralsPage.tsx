import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingReferral } from '../../../../shared/contract/referrals';
import { Banner } from '../../components/Banner';
import { CheckboxField } from '../../components/Field';
import { TableHead } from '../../components/TableHead';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';
import { useLoaded } from '../../lib/hooks';
import { href } from '../../lib/route';
import { useServices } from '../../lib/services';

/**
 * Waiting on partners (issue #14): referrals past their follow-up day with no answer, grouped
 * by partner, so whoever chases a partner chases all its referrals in one call.
 */
export function ReferralsPage() {
  const { t } = useTranslation();
  const f = useFormats();
  const { services } = useServices();
  const describe = useCallback((e: unknown) => errorMessage(t, e), [t]);
  const { value, error } = useLoaded(
    useCallback(() => call('referrals:waiting', {}), []),
    describe,
  );
  const [mineOnly, setMineOnly] = useState(false);
  const items = (value?.items ?? []).filter((r) => !mineOnly || r.mine);
  const groups = new Map<string, { title: string; partnerId: number | null; items: WaitingReferral[] }>();
  for (const r of items) {
    const key = r.partner ? `p${r.partner.id}` : `c${r.internalTo}`;
    const group = groups.get(key) ?? { title: r.partner?.name ?? r.internalTo, partnerId: r.partner?.id ?? null, items: [] };
    group.items.push(r);
    groups.set(key, group);
  }
  const serviceName = (id: number) => {
    const s = services.find((x) => x.id === id);
    return s ? f.domain(s) : '';
  };

  return (
    <section className="panel wide" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('referrals.waitingTitle')}</h2>
      <p className="explain">{t('referrals.waitingExplain')}</p>
      <Banner kind="error">{error}</Banner>
      <CheckboxField label={t('referrals.mineOnly')} checked={mineOnly} onChange={(e) => setMineOnly(e.target.checked)} />
      <p role="status" className="count">
        {value === null ? '' : t('referrals.waitingCount', { total: f.number(items.length) })}
      </p>
      {value && items.length === 0 && <p className="empty">{t('referrals.noneWaiting')}</p>}
      {[...groups.values()].map((g) => (
        <section key={g.title} aria-label={g.title} className="group">
          <h3>
            {g.partnerId === null ? (
              <bdi>{g.title}</bdi>
            ) : (
              <a href={href('partners', g.partnerId)}>
                <bdi>{g.title}</bdi>
              </a>
            )}{' '}
            <span className="muted">({f.number(g.items.length)})</span>
          </h3>
          <div className="table-scroll">
            <table>
              <TableHead columns={[t('referrals.case'), t('referrals.service'), t('referrals.referredOn'), t('referrals.followUp'), t('referrals.late'), t('referrals.owner')]} />
              <tbody>
                {g.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <a href={href('cases', r.caseId)}>
                        <bdi dir="ltr">{r.reference}</bdi>
                      </a>
                    </td>
                    <td>{serviceName(r.serviceId)}</td>
                    <td>{f.date(r.referredOn)}</td>
                    <td>{f.date(r.followUpDate)}</td>
                    <td>{f.amount(r.daysLate, 'days')}</td>
                    <td>{r.owner}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  );
}
