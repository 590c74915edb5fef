import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../shared/contract/cases';
import type { Domain } from '../../../../shared/contract/registry';
import { Banner } from '../../components/Banner';
import { PersonFacts, PersonNames } from '../../components/PersonSummary';
import { isolate, useFormats } from '../../lib/format';
import { href } from '../../lib/route';
import { StatusBadge, UrgencyBadge } from './badges';
import { TableHead } from '../../components/TableHead';
import { TypedText } from '../../components/TypedText';

/** The case read-only: reference first (it is what people say on the phone), then the rest. */
export function CaseSummaryView({ detail, domains, note, children }: { detail: CaseDetail; domains: readonly Domain[]; note: { kind: 'error' | 'success'; text: string } | null; children: ReactNode }) {
  const { t } = useTranslation();
  const f = useFormats();
  const v = detail.fields;
  const domainNames = v.domainIds.map((id) => {
    const d = domains.find((x) => x.id === id);
    return d ? f.domain(d) : `#${id}`;
  });
  const none = t('person.none');
  return (
    <>
      <section className="panel wide record-head" aria-labelledby="case-title">
        <div className="record-title-row">
          <h2 id="case-title" className="record-title">
            <span className="visually-hidden">{t('cases.reference')} </span>
            <bdi dir="ltr" className="reference">
              {detail.reference}
            </bdi>
          </h2>
          <StatusBadge status={detail.status} />
          <UrgencyBadge urgency={v.urgency} />
          {v.sensitive && <span className="badge badge-sensitive">{t('cases.sensitiveBadge')}</span>}
        </div>
        <p className="muted">{t('cases.createdBy', { date: f.dateTime(detail.createdAt), name: isolate(detail.createdBy) })}</p>
        {note && <Banner kind={note.kind}>{note.text}</Banner>}
        <div className="row">{children}</div>
        <dl className="facts-grid">
          <div className="span-all">
            <dt>{t('cases.person')}</dt>
            <dd>
              <a href={href('beneficiaries', detail.beneficiary.id)}>
                <PersonNames person={detail.beneficiary} />
              </a>
              <br />
              <PersonFacts person={detail.beneficiary} />
            </dd>
          </div>
          <div>
            <dt>{t('cases.intakeDate')}</dt>
            <dd>{f.date(v.intakeDate)}</dd>
          </div>
          <div>
            <dt>{t('cases.channel')}</dt>
            <dd>{t(`enums.channel.${v.channel}`)}</dd>
          </div>
          <div>
            <dt>{t('cases.lawyer')}</dt>
            <dd>{detail.assignedLawyer ?? t('cases.noLawyer')}</dd>
          </div>
          <div>
            <dt>{t('cases.domains')}</dt>
            <dd>{f.list(domainNames) || none}</dd>
          </div>
          <div>
            <dt>{t('cases.urgencyReasons')}</dt>
            <dd>{f.list(v.urgencyReasons.map((r) => t(`enums.urgencyReason.${r}`))) || none}</dd>
          </div>
          {detail.status === 'closed' && (
            <div>
              <dt>{t('cases.historyClosure')}</dt>
              <dd>
                {t(`enums.closureReason.${detail.closureReason ?? 'other'}`)} — {t(`enums.outcome.${detail.outcome ?? 'not_applicable'}`)}
              </dd>
            </div>
          )}
          <div className="span-all">
            <dt>{t('cases.summary')}</dt>
            <dd className="summary-text">
              <TypedText text={v.summary} />
            </dd>
          </div>
        </dl>
      </section>
      <section className="panel wide" aria-labelledby="history-title">
        <h2 id="history-title">{t('cases.history')}</h2>
        <div className="table-scroll">
          <table>
            <TableHead columns={[t('cases.historyFrom'), t('cases.historyTo'), t('cases.historyAt'), t('cases.historyBy'), t('cases.historyNote'), t('cases.historyClosure')]} />
            <tbody>
              {detail.history.map((h, i) => (
                <tr key={`${h.at}-${i}`}>
                  <td>{h.from ? t(`enums.caseStatus.${h.from}`) : '—'}</td>
                  <td>{t(`enums.caseStatus.${h.to}`)}</td>
                  <td>{f.dateTime(h.at)}</td>
                  <td>{h.by}</td>
                  <td className="text-cell">{h.note ? <TypedText text={h.note} /> : '—'}</td>
                  <td>
                    {h.closureReason ? t(`enums.closureReason.${h.closureReason}`, { defaultValue: h.closureReason }) : '—'}
                    {h.outcome ? ` — ${t(`enums.outcome.${h.outcome}`, { defaultValue: h.outcome })}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {detail.assignments.length > 0 && (
          <>
            <h3>{t('cases.assignments')}</h3>
            <ul className="assignment-history">
              {detail.assignments.map((a, i) => (
                <li key={`${a.at}-${i}`}>
                  {f.dateTime(a.at)} —{' '}
                  {a.to === null
                    ? t('cases.unassignedBy', { from: isolate(a.from ?? ''), by: isolate(a.by) })
                    : a.from === null
                      ? t('cases.assignedBy', { to: isolate(a.to), by: isolate(a.by) })
                      : t('cases.reassignedBy', { from: isolate(a.from), to: isolate(a.to), by: isolate(a.by) })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
