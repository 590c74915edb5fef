import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '../../../../shared/contract/cases';
import { useFormats } from '../../lib/format';
import { href } from '../../lib/route';
import { StatusBadge, UrgencyBadge } from './badges';

/**
 * A case as a row of a list (case list, search results): reference and person, then date,
 * status, urgency, the sensitive mark, the domains when the list knows their names, the lawyer.
 */
export function CaseLink({ c, domains }: { c: CaseSummary; domains?: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <a className="row-link" href={href('cases', c.id)}>
      <span className="row-title">
        <bdi dir="ltr" className="reference">
          {c.reference}
        </bdi>{' '}
        · <bdi>{c.beneficiaryName}</bdi>
      </span>
      <span className="facts">
        {f.date(c.intakeDate)} · <StatusBadge status={c.status} /> <UrgencyBadge urgency={c.urgency} />
        {c.sensitive && <span className="badge badge-sensitive">{t('cases.sensitiveBadge')}</span>} ·{' '}
        {domains !== undefined && <>{domains} · </>}
        {c.assignedLawyer ?? t('cases.noLawyer')}
      </span>
    </a>
  );
}
