import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Candidate } from '../../../shared/contract/beneficiaries';
import { PersonFacts, PersonNames } from './PersonSummary';

/** People who may be the one being looked for, each with why it matched and an action. */
export function CandidateList({ label, candidates, action }: { label: string; candidates: readonly Candidate[]; action: (c: Candidate) => ReactNode }) {
  const { t } = useTranslation();
  return (
    <ul className="candidates" aria-label={label}>
      {candidates.map((c) => (
        <li key={c.beneficiary.id} className="candidate">
          <div className="candidate-main">
            <strong className="candidate-name">
              <PersonNames person={c.beneficiary} />
            </strong>
            <PersonFacts person={c.beneficiary} />
            {c.reasons.length > 0 && (
              <p className="reasons">
                <span className="visually-hidden">{t('beneficiaries.why')}: </span>
                {c.reasons.map((r, i) => (
                  <span key={r} className="badge badge-reason">
                    {t(`enums.matchReason.${r}`)}
                    {i < c.reasons.length - 1 && <span className="visually-hidden">, </span>}
                  </span>
                ))}
              </p>
            )}
          </div>
          <div className="candidate-action">{action(c)}</div>
        </li>
      ))}
    </ul>
  );
}
