import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Hearing } from '../../../../shared/contract/hearings';
import { Banner } from '../../components/Banner';
import { TypedText } from '../../components/TypedText';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useLoaded } from '../../lib/hooks';
import { useFormats } from '../../lib/format';
import { RecordHearingDialog, ScheduleHearingDialog } from './HearingDialogs';

type Open = { kind: 'schedule' } | { kind: 'record'; hearing: Hearing } | null;

/** The case's hearings and appointments in date order, with what came of each (issue #12). */
export function HearingsPanel({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const f = useFormats();
  const titleId = useId();
  const { value: hearings, error, reload } = useLoaded(
    useCallback(() => call('hearings:list', { caseId }), [caseId]),
    useCallback((e: unknown) => errorMessage(t, e), [t]),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const done = (text: string) => {
    setOpen(null);
    setNotice(text);
    reload();
  };
  const byId = new Map((hearings ?? []).map((h) => [h.id, h]));
  return (
    <section className="panel wide" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{t('hearings.title')}</h2>
        <button type="button" onClick={() => setOpen({ kind: 'schedule' })}>
          {t('hearings.schedule')}
        </button>
      </div>
      <Banner kind="success">{notice}</Banner>
      <Banner kind="error">{error}</Banner>
      {hearings === null ? (
        <p className="loading">{t('common.loading')}</p>
      ) : hearings.length === 0 ? (
        <p className="muted">{t('hearings.empty')}</p>
      ) : (
        <ol className="timeline">
          {hearings.map((h) => {
            const next = h.nextId ? byId.get(h.nextId) : undefined;
            const previous = h.previousId ? byId.get(h.previousId) : undefined;
            return (
              <li key={h.id}>
                <div className="activity-head">
                  <h3>{t(`enums.hearingKind.${h.kind}`)}</h3>
                  <span className="muted">
                    <time dateTime={h.at}>{f.clinicDateTime(h.at)}</time>
                  </span>
                  <span className={`badge badge-hearing-${h.status}`}>{t(`enums.hearingStatus.${h.status}`)}</span>
                </div>
                <p>
                  <bdi>{h.place}</bdi>
                  {h.room ? (
                    <>
                      {' · '}
                      <bdi>{h.room}</bdi>
                    </>
                  ) : null}
                </p>
                {h.purpose && (
                  <div className="activity-notes">
                    <TypedText text={h.purpose} />
                  </div>
                )}
                {previous && <p className="muted">{t('hearings.adjournedFrom', { date: f.clinicDateTime(previous.at) })}</p>}
                {h.result && (
                  <div className="activity-notes">
                    <TypedText text={h.result} />
                  </div>
                )}
                {next && <p className="next-action">{t('hearings.adjournedTo', { date: f.clinicDateTime(next.at) })}</p>}
                {h.status === 'scheduled' && (
                  <button type="button" onClick={() => setOpen({ kind: 'record', hearing: h })}>
                    {t('hearings.record')}
                    <span className="visually-hidden"> — {f.clinicDateTime(h.at)}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {open?.kind === 'schedule' && <ScheduleHearingDialog caseId={caseId} onClose={() => setOpen(null)} onDone={() => done(t('hearings.scheduled'))} />}
      {open?.kind === 'record' && <RecordHearingDialog hearing={open.hearing} onClose={() => setOpen(null)} onDone={() => done(t('hearings.recorded'))} />}
    </section>
  );
}
