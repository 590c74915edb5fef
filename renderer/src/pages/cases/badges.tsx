import { useTranslation } from 'react-i18next';
import type { CaseStatus, Urgency } from '../../../../shared/domain/case';

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-status badge-${status}`}>
      <span className="visually-hidden">{t('cases.statusLabel')} </span>
      {t(`enums.caseStatus.${status}`)}
    </span>
  );
}

/** Urgency in words (never colour alone). */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge-urgency-${urgency}`}>
      <span className="visually-hidden">{t('cases.urgencyLabel')} </span>
      {t(`enums.urgency.${urgency}`)}
    </span>
  );
}
