import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitingReferral } from '../../../../shared/contract/referrals';
import { call } from '../../lib/api';
import { isolate, useFormats } from '../../lib/format';
import { href } from '../../lib/route';

/**
 * The home page's reminder (issue #14): this person's referrals past their follow-up day
 * without an answer; for those who oversee, how many the whole clinic has.
 */
export function WaitingReferralsCard({ oversees }: { oversees: boolean }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [waiting, setWaiting] = useState<WaitingReferral[] | null>(null);
  useEffect(() => {
    let stale = false;
    call('referrals:waiting', {}).then(
      (r) => !stale && setWaiting(r.items),
      () => !stale && setWaiting(null),
    );
    return () => {
      stale = true;
    };
  }, []);
  const mine = (waiting ?? []).filter((r) => r.mine);
  if (!waiting || (mine.length === 0 && !(oversees && waiting.length > 0))) return null;
  return (
    <section className="panel wide" aria-labelledby="waiting-referrals-title">
      <h2 id="waiting-referrals-title">{t('referrals.mineWaiting', { count: mine.length })}</h2>
      {mine.length > 0 && (
        <ul className="result-list" aria-labelledby="waiting-referrals-title">
          {mine.map((r) => (
            <li key={r.id}>
              <a href={href('cases', r.caseId)}>
                <bdi dir="ltr">{r.reference}</bdi>
              </a>{' '}
              · {isolate(r.partner?.name ?? r.internalTo)} · {t('referrals.lateBy', { days: f.amount(r.daysLate, 'days') })}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={href('referrals')}>{oversees ? t('referrals.allWaiting', { total: f.number(waiting.length) }) : t('referrals.seeWaiting')}</a>
      </p>
    </section>
  );
}
