import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Procedure, ProcedureStep } from '../../../../shared/contract/procedures';
import { Banner } from '../../components/Banner';
import { call } from '../../lib/api';
import { explainDeadline } from '../../lib/deadline-text';
import { errorMessage } from '../../lib/errors';
import { useLoaded } from '../../lib/hooks';
import { isolate, useFormats } from '../../lib/format';
import { StartProcedureDialog } from './StartProcedureDialog';
import { OverrideDueDialog, StepDoneDialog } from './StepDialogs';

type Open = { kind: 'start' } | { kind: 'done'; step: ProcedureStep } | { kind: 'override'; step: ProcedureStep } | null;

/** The case's procedures (issue #12): each step with its due date, how it was computed, and its state. */
export function ProceduresPanel({ caseId }: { caseId: number }) {
  const { t } = useTranslation();
  const titleId = useId();
  const { value: procedures, error, reload } = useLoaded(
    useCallback(() => call('procedures:list', { caseId }), [caseId]),
    useCallback((e: unknown) => errorMessage(t, e), [t]),
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const changed = (text: string) => {
    setOpen(null);
    setNotice(text);
    reload();
  };
  const [failure, setFailure] = useState<string | null>(null);
  const acknowledge = async (step: ProcedureStep) => {
    setFailure(null);
    try {
      await call('procedures:acknowledge', { stepId: step.id });
      changed(t('procedures.acknowledged'));
    } catch (e) {
      setFailure(errorMessage(t, e));
    }
  };
  return (
    <section className="panel wide" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId}>{t('procedures.title')}</h2>
        <button type="button" onClick={() => setOpen({ kind: 'start' })}>
          {t('procedures.start')}
        </button>
      </div>
      <Banner kind="success">{notice}</Banner>
      <Banner kind="error">{error ?? failure}</Banner>
      {procedures === null ? (
        <p className="loading">{t('common.loading')}</p>
      ) : procedures.length === 0 ? (
        <p className="muted">{t('procedures.empty')}</p>
      ) : (
        procedures.map((p) => (
          <ProcedureCard
            key={p.id}
            procedure={p}
            onDone={(step) => setOpen({ kind: 'done', step })}
            onOverride={(step) => setOpen({ kind: 'override', step })}
            onAcknowledge={(step) => void acknowledge(step)}
          />
        ))
      )}
      {open?.kind === 'start' && <StartProcedureDialog caseId={caseId} onClose={() => setOpen(null)} onStarted={() => changed(t('procedures.started'))} />}
      {open?.kind === 'done' && <StepDoneDialog step={open.step} onClose={() => setOpen(null)} onDone={() => changed(t('procedures.stepDone'))} />}
      {open?.kind === 'override' && <OverrideDueDialog step={open.step} onClose={() => setOpen(null)} onDone={() => changed(t('procedures.dueSet'))} />}
    </section>
  );
}

interface CardProps {
  procedure: Procedure;
  onDone: (s: ProcedureStep) => void;
  onOverride: (s: ProcedureStep) => void;
  onAcknowledge: (s: ProcedureStep) => void;
}

function ProcedureCard({ procedure: p, onDone, onOverride, onAcknowledge }: CardProps) {
  const { t } = useTranslation();
  const f = useFormats();
  const headingId = useId();
  return (
    <article className="procedure" aria-labelledby={headingId}>
      <div className="activity-head">
        <h3 id={headingId}>{p.template.name[f.language]}</h3>
        {p.template.example && <span className="badge badge-pending">{t('procedures.exampleBadge')}</span>}
      </div>
      <p className="muted">
        {[p.authority, p.authorityRefs].filter(Boolean).map((x) => isolate(x)).join(' · ')}
        {p.decision ? ` · ${isolate(p.decision)}` : ''}
      </p>
      <p>{t('procedures.notifiedLine', { trigger: p.template.triggerName[f.language], date: f.clinicDateTime(p.notifiedAt), mode: t(`enums.notificationMode.${p.notificationMode}`) })}</p>
      <div className="table-scroll">
        <table className="steps">
          <thead>
            <tr>
              <th scope="col">{t('procedures.step')}</th>
              <th scope="col">{t('procedures.due')}</th>
              <th scope="col">{t('procedures.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('procedures.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.steps.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name[f.language]}</th>
                <td>
                  <DueCell procedure={p} step={s} />
                  {s.needsReview && !s.doneAt && (
                    <div className="review-flag" role="note">
                      <span>{t('procedures.needsReview')}</span>
                      <button type="button" className="link inline" onClick={() => onAcknowledge(s)}>
                        {t('procedures.acknowledge')}
                        <span className="visually-hidden"> — {s.name[f.language]}</span>
                      </button>
                    </div>
                  )}
                </td>
                <td>
                  <span className={`badge badge-step-${s.state}`}>{t(`enums.stepState.${s.state}`)}</span>
                </td>
                <td>
                  {!s.doneAt && (
                    <div className="row compact">
                      <button type="button" onClick={() => onDone(s)}>
                        {t('procedures.markDone')}
                        <span className="visually-hidden"> — {s.name[f.language]}</span>
                      </button>
                      <button type="button" className="link inline" onClick={() => onOverride(s)}>
                        {t('procedures.setDue')}
                        <span className="visually-hidden"> — {s.name[f.language]}</span>
                      </button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

function DueCell({ procedure: p, step: s }: { procedure: Procedure; step: ProcedureStep }) {
  const { t } = useTranslation();
  const f = useFormats();
  if (s.doneAt) return <span className="muted">{t('procedures.doneLine', { date: f.clinicDateTime(s.doneAt), name: isolate(s.doneBy ?? '') })}{s.doneNote ? ` — ${isolate(s.doneNote)}` : ''}</span>;
  if (!s.dueAt) {
    return <span className="muted">{s.triggerStep ? t('procedures.waitsFor', { step: s.triggerStep[f.language] }) : t('procedures.noDeadline')}</span>;
  }
  const lines = s.computation ? explainDeadline(t, f, s.computation, { step: s.triggerStep, triggerName: p.template.triggerName }) : [];
  return (
    <>
      <strong className="due">{s.computation?.atTime === false && !s.override ? f.clinicDay(s.dueDay!) : f.clinicDateTime(s.dueAt)}</strong>
      {s.override && <div>{t('procedures.overridden', { reason: isolate(s.override.reason) })}</div>}
      {lines.map((line, i) => (
        <div key={line} className="muted small">
          {i === 0 && s.override ? t('procedures.computedWas', { date: line }) : line}
        </div>
      ))}
      {s.rule?.basis && <div className="muted small">{t('procedures.basis', { basis: isolate(s.rule.basis) })}</div>}
    </>
  );
}
