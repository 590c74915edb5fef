import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryDetail } from '../../../../shared/contract/beneficiaries';
import { expiryState, localIsoDate } from '../../../../shared/domain/dates';
import { isolate, useFormats } from '../../lib/format';
import { FactsGrid } from '../../components/FactsGrid';
import { TableHead } from '../../components/TableHead';

/** The record, read-only: identity, situation, documents and consents. */
export function BeneficiaryDetails({ detail }: { detail: BeneficiaryDetail }) {
  const { t } = useTranslation();
  const f = useFormats();
  const v = detail.fields;
  const none = t('person.none');
  const today = localIsoDate(new Date());
  const age = v.birthDate
    ? t('person.born', { date: f.date(v.birthDate) })
    : v.estimatedAge !== ''
      ? t('person.ageEstimated', { age: v.estimatedAge })
      : none;
  const rows: [string, ReactNode][] = [
    [t('person.otherSpellings'), v.otherSpellings || none],
    [t('person.sex'), t(`enums.sex.${v.sex}`)],
    [t('person.birthDate'), age],
    [t('person.nationality'), f.country(v.nationality) || none],
    [t('person.birthCountry'), f.country(v.birthCountry) || none],
    [t('person.languages'), f.list(v.languages.map(f.spokenLanguage)) || none],
    [t('person.interpreterNeeded'), v.interpreterNeeded ? t('common.yes') : t('common.no')],
    [t('person.phone'), v.phone ? <bdi dir="ltr">{v.phone}</bdi> : none],
    [t('person.city'), v.city || none],
    [t('person.arrivalDate'), f.date(v.arrivalDate) || none],
    [t('person.legalStatus'), t(`enums.legalStatus.${v.legalStatus}`)],
    [t('person.specificNeeds'), f.list(v.specificNeeds.map((n) => t(`enums.specificNeed.${n}`))) || none],
    [t('person.referralSource'), v.referralSource ? t(`enums.referralSource.${v.referralSource}`) : none],
  ];
  return (
    <>
      <FactsGrid rows={rows} />
      <h3>{t('person.documents')}</h3>
      {v.documents.length === 0 ? (
        <p className="empty">{t('person.noDocuments')}</p>
      ) : (
        <table>
          <TableHead columns={[t('person.documentType'), t('person.documentNumber'), t('person.documentExpiry')]} />
          <tbody>
            {v.documents.map((d, i) => (
              <tr key={`${d.type}-${d.number}-${i}`}>
                <td>{t(`enums.documentType.${d.type}`)}</td>
                <td dir="ltr" className="cell-ltr">
                  {d.number}
                </td>
                <td>
                  {f.date(d.expiry) || none} <ExpiryBadge state={expiryState(d.expiry, today)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('beneficiaries.consents')}</h3>
      <table>
        <TableHead columns={[t('person.consent'), t('admin.status'), t('beneficiaries.consentWhen'), t('beneficiaries.consentBy')]} />
        <tbody>
          {detail.consents.map((c, i) => (
            <tr key={`${c.scope}-${c.recordedAt}-${i}`}>
              <td>
                {t(`enums.consentScope.${c.scope}`)}
                {(c.partner || c.service) && (
                  <>
                    {' '}
                    ({[c.partner ? isolate(c.partner) : '', c.service ? f.domain(c.service) : ''].filter(Boolean).join(' — ')})
                  </>
                )}
              </td>
              <td>{c.given ? t('beneficiaries.consentGiven') : t('beneficiaries.consentRefused')}</td>
              <td>{f.dateTime(c.recordedAt)}</td>
              <td>{c.recordedBy}</td>
            </tr>
          ))}
          {!detail.consents.some((c) => c.scope === 'referral_sharing') && (
            <tr>
              <td>{t('enums.consentScope.referral_sharing')}</td>
              <td>{t('beneficiaries.consentNotAsked')}</td>
              <td />
              <td />
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}

/** An expired or soon-expiring identity paper, in words (never colour alone). */
function ExpiryBadge({ state }: { state: ReturnType<typeof expiryState> }) {
  const { t } = useTranslation();
  if (state !== 'expired' && state !== 'soon') return null;
  return <span className={`badge badge-expiry-${state}`}>{t(`person.expiry.${state}`)}</span>;
}
