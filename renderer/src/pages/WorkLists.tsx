import { useTranslation } from 'react-i18next';
import type { DeadlineItem, MyWork } from '../../../shared/contract/work';
import { isolate, useFormats } from '../lib/format';
import { href } from '../lib/route';
import { CaseLink } from './cases/CaseLink';

/** The work sections of the home page (issue #12): overdue, due within 7 days, cases with nothing ahead. */
export function WorkLists({ work }: { work: MyWork }) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <>
      {work.overdue.length > 0 && (
        <section className="panel wide" aria-labelledby="work-overdue">
          <h2 id="work-overdue">{t('work.overdue', { count: work.overdue.length })}</h2>
          <p className="explain">{t('work.overdueExplain')}</p>
          <DeadlineList items={work.overdue} labelledBy="work-overdue" />
        </section>
      )}
      {work.upcoming.length > 0 && (
        <section className="panel wide" aria-labelledby="work-upcoming">
          <h2 id="work-upcoming">{t('work.upcoming', { count: work.upcoming.length })}</h2>
          <DeadlineList items={work.upcoming} labelledBy="work-upcoming" />
        </section>
      )}
      {work.hearings.length > 0 && (
        <section className="panel wide" aria-labelledby="work-hearings">
          <h2 id="work-hearings">{t('work.hearings', { count: work.hearings.length })}</h2>
          <ul className="result-list" aria-labelledby="work-hearings">
            {work.hearings.map((h) => (
              <li key={h.hearingId}>
                <a className="row-link" href={href('cases', h.caseId)}>
                  <span className="row-title">
                    <strong>{f.clinicDateTime(h.at)}</strong> · {t(`enums.hearingKind.${h.kind}`)}
                  </span>
                  <span className="facts">
                    <bdi dir="ltr" className="reference">
                      {h.reference}
                    </bdi>{' '}
                    · <bdi>{h.person}</bdi> · <bdi>{[h.place, h.room].filter(Boolean).join(', ')}</bdi>
                    {h.lawyer ? ` · ${isolate(h.lawyer)}` : ''}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {work.overdue.length === 0 && work.upcoming.length === 0 && work.hearings.length === 0 && <p className="muted">{t('work.nothing')}</p>}
      {work.noNextStep.length > 0 && (
        <section className="panel wide" aria-labelledby="work-quiet">
          <h2 id="work-quiet">{t('work.noNextStep', { count: work.noNextStep.length })}</h2>
          <p className="explain">{t('work.noNextStepExplain')}</p>
          <ul className="result-list" aria-labelledby="work-quiet">
            {work.noNextStep.map((c) => (
              <li key={c.id}>
                <CaseLink c={c} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function DeadlineList({ items, labelledBy }: { items: DeadlineItem[]; labelledBy: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <ul className="result-list" aria-labelledby={labelledBy}>
      {items.map((d) => (
        <li key={d.stepId}>
          <a className="row-link" href={href('cases', d.caseId)}>
            <span className="row-title">
              <strong>{d.endOfDay ? t('work.dueEndOfDay', { date: f.clinicDay(d.dueDay) }) : f.clinicDateTime(d.dueAt)}</strong>
              {' · '}
              {d.step[f.language]}
            </span>
            <span className="facts">
              <bdi dir="ltr" className="reference">
                {d.reference}
              </bdi>{' '}
              · <bdi>{d.person}</bdi> · {d.procedure[f.language]}
              {d.lawyer ? ` · ${isolate(d.lawyer)}` : ''}
              {d.overridden ? ` · ${t('work.setByHand')}` : ''}
              {d.needsReview ? ` · ${t('work.moved')}` : ''} <span className={`badge badge-step-${d.state}`}>{t(`enums.stepState.${d.state}`)}</span>
            </span>
          </a>
        </li>
      ))}
    </ul>
  );
}
