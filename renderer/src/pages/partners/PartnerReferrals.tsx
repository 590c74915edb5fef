import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '../../components/Banner';
import { FactsGrid } from '../../components/FactsGrid';
import { TableHead } from '../../components/TableHead';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';
import { useLoaded } from '../../lib/hooks';
import { href } from '../../lib/route';
import { useServices } from '../../lib/services';
import { ReferralStateBadge } from '../referrals/ReferralsPanel';

/** A partner's referrals and how it answers (issue #14): on the partner's page. */
export function PartnerReferrals({ partnerId }: { partnerId: number }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { services } = useServices();
  const describe = useCallback((e: unknown) => errorMessage(t, e), [t]);
  const { value, error } = useLoaded(
    useCallback(() => call('partners:referrals', { partnerId }), [partnerId]),
    describe,
  );
  const percent = (n: number | null) => (n === null ? '—' : `${f.number(n)} %`);
  const serviceName = (id: number) => {
    const s = services.find((x) => x.id === id);
    return s ? f.domain(s) : '';
  };
  return (
    <section className="panel wide" aria-labelledby="partner-referrals-title">
      <h2 id="partner-referrals-title">{t('partners.referralsTitle')}</h2>
      <Banner kind="error">{error}</Banner>
      {value && (
        <>
          <FactsGrid
            rows={[
              [t('partners.figures.sent'), f.number(value.figures.sent)],
              [t('partners.figures.accepted'), percent(value.figures.acceptedPercent)],
              [t('partners.figures.medianDays'), value.figures.medianDaysToAnswer === null ? '—' : f.amount(value.figures.medianDaysToAnswer, 'days')],
              [t('partners.figures.noAnswer'), percent(value.figures.noAnswerPercent)],
            ]}
          />
          {value.items.length === 0 ? (
            <p className="muted">{t('partners.noReferrals')}</p>
          ) : (
            <div className="table-scroll">
              <table>
                <TableHead columns={[t('referrals.case'), t('referrals.service'), t('referrals.referredOn'), t('partners.referralState')]} />
                <tbody>
                  {value.items.map((r) => (
                    <tr key={r.id}>
                      <td>
                        <a href={href('cases', r.caseId)}>
                          <bdi dir="ltr">{r.reference}</bdi>
                        </a>
                      </td>
                      <td>{serviceName(r.serviceId)}</td>
                      <td>{f.date(r.referredOn)}</td>
                      <td>
                        <ReferralStateBadge state={r.state} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {value.truncated && <p className="muted">{t('partners.referralsTruncated')}</p>}
        </>
      )}
    </section>
  );
}
