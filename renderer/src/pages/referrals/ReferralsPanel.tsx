import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Referral } from '../../../../shared/contract/referrals';
import { REFERRAL_MOVES } from '../../../../shared/domain/referral';
import { Banner } from '../../components/Banner';
import { TypedText } from '../../components/TypedText';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { isolate, useFormats } from '../../lib/format';
import { useLoaded } from '../../lib/hooks';
import { href } from '../../lib/route';
import { useServices } from '../../lib/services';
import { ReferralDialog } from './ReferralDialog';
import { ReferralMoveDialog } from './ReferralMoveDialog';
import { SlipActions } from './SlipActions';

/** A case's referrals (issue #14): to whom, for what, on what ground, and where each stands. */
export function ReferralsPanel({ caseId, city }: { caseId: number; city: string }) {
  const { t } = useTranslation();
  const titleId = useId();
  const describe = useCallback((e: unknown) => errorMessage(t, e), [t]);
  const { value: referrals, error, reload } = useLoaded(
    useCallback(() => call('referrals:forCase', { caseId }), [caseId]),
    describe,
  );
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="panel wide" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{t('referrals.title')}</h2>
        <button type="button" onClick={() => setAdding(true)}>
          {t('referrals.add')}
        </button>
      </div>
      <Banner kind="success">{notice}</Banner>
      <Banner kind="error">{error}</Banner>
      {referrals === null ? (
        <p className="loading">{t('common.loading')}</p>
      ) : referrals.length === 0 ? (
        <p className="muted">{t('referrals.empty')}</p>
      ) : (
        <ol className="timeline">
          {referrals.map((r) => (
            <ReferralItem
              key={r.id}
              referral={r}
              onMoved={(text) => {
                setNotice(text);
                reload();
              }}
            />
          ))}
        </ol>
      )}
      {adding && (
        <ReferralDialog
          caseId={caseId}
          city={city}
          onClose={() => setAdding(false)}
          onDone={(sent) => {
            setAdding(false);
            setNotice(t(sent ? 'referrals.sent' : 'referrals.drafted'));
            reload();
          }}
        />
      )}
    </section>
  );
}

export function ReferralStateBadge({ state }: { state: Referral['state'] }) {
  const { t } = useTranslation();
  return <span className={`badge badge-referral-${state}`}>{t(`enums.referralState.${state}`)}</span>;
}

function ReferralItem({ referral: r, onMoved }: { referral: Referral; onMoved: (notice: string) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { services } = useServices();
  const [moving, setMoving] = useState<Referral['status'] | null>(null);
  const service = services.find((s) => s.id === r.serviceId);
  const target = r.partner ? (
    <a href={href('partners', r.partner.id)}>
      <bdi>{r.partner.name}</bdi>
    </a>
  ) : (
    <bdi>{r.internalTo?.name}</bdi>
  );
  return (
    <li>
      <p>
        <strong>{service ? f.domain(service) : ''}</strong> · {target} <ReferralStateBadge state={r.state} />
      </p>
      <p className="muted">
        {t('referrals.line', { date: f.date(r.referredOn), name: isolate(r.createdBy), followUp: f.date(r.followUpDate) })} · {t(`enums.referralSharing.${r.sharing}`)}
      </p>
      <TypedText text={r.reason} />
      {r.request && (
        <p>
          <strong>{t('referrals.request')} : </strong>
          <TypedText text={r.request} inline />
        </p>
      )}
      {r.sharing === 'override' && (
        <p>
          <strong>{t('referrals.overrideReason')} : </strong>
          <TypedText text={r.overrideReason} inline />
        </p>
      )}
      {r.declineReason && (
        <p>
          <strong>{t('referrals.declineReason')} : </strong>
          <TypedText text={r.declineReason} inline />
        </p>
      )}
      {r.outcome && (
        <p>
          <strong>{t('referrals.outcome')} : </strong>
          {t(`enums.referralOutcome.${r.outcome}`)} {r.outcomeNote && <TypedText text={r.outcomeNote} inline />}
        </p>
      )}
      <details>
        <summary>{t('referrals.history')}</summary>
        <ol>
          {r.history.map((e, i) => (
            <li key={i}>
              {f.dateTime(e.at)} · {isolate(e.by)} · {t(`enums.referralState.${e.status}`)} {e.note && <TypedText text={e.note} inline />}
            </li>
          ))}
        </ol>
      </details>
      {r.partner && <SlipActions referral={r} />}
      {r.canUpdate && REFERRAL_MOVES[r.status].length > 0 && (
        <div className="row">
          {REFERRAL_MOVES[r.status].map((to) => (
            <button key={to} type="button" onClick={() => setMoving(to)}>
              {t(`referrals.move.${to}`)}
            </button>
          ))}
        </div>
      )}
      {moving && (
        <ReferralMoveDialog
          referral={r}
          to={moving}
          onClose={() => setMoving(null)}
          onDone={() => {
            setMoving(null);
            onMoved(t('referrals.moved', { state: t(`enums.referralState.${moving}`) }));
          }}
        />
      )}
    </li>
  );
}
