import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../shared/contract/beneficiaries';
import { useFormats } from '../lib/format';
import { href } from '../lib/route';

/** One line about a registered person: what intake staff compare to tell two people apart. */
export function PersonFacts({ person }: { person: BeneficiarySummary }) {
  const { t } = useTranslation();
  const f = useFormats();
  const facts = [
    t(`enums.sex.${person.sex}`),
    person.birthYear !== null ? String(person.birthYear) : null,
    person.nationality ? f.country(person.nationality) : null,
    person.city || null,
    t(`enums.legalStatus.${person.legalStatus}`),
  ].filter((x): x is string => Boolean(x));
  return (
    <span className="facts">
      {facts.join(' · ')}
      {person.phone && (
        <>
          {' · '}
          <bdi dir="ltr">{person.phone}</bdi>
        </>
      )}
    </span>
  );
}

/** Both names, the Arabic one marked as Arabic so it is shaped and read correctly. */
export function PersonNames({ person }: { person: { latinName: string; arabicName: string } }) {
  const { t } = useTranslation();
  if (!person.latinName && !person.arabicName) return <>{t('beneficiaries.unnamed')}</>;
  return (
    <>
      {person.latinName && <bdi>{person.latinName}</bdi>}
      {person.latinName && person.arabicName && ' · '}
      {person.arabicName && (
        <bdi lang="ar" dir="rtl">
          {person.arabicName}
        </bdi>
      )}
    </>
  );
}

/** A person as a row of a list (people list, search results): names, then the facts line. */
export function PersonLink({ person }: { person: BeneficiarySummary }) {
  return (
    <a className="row-link" href={href('beneficiaries', person.id)}>
      <strong className="row-title">
        <PersonNames person={person} />
      </strong>
      <PersonFacts person={person} />
    </a>
  );
}
