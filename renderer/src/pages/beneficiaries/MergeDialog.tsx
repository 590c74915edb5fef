import { useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryDetail, MergeField } from '../../../../shared/contract/beneficiaries';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { PersonPicker } from '../../components/PersonPicker';
import { PersonNames } from '../../components/PersonSummary';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';

/**
 * Supervisor: fold a duplicate record into this one. The two records are shown side by side
 * before anything changes, and for each field that differs the supervisor chooses which
 * value is kept (an empty field takes the other record's value by default); every name
 * spelling of both is kept. Which record is kept can be swapped. Reversible for 30 days.
 */
export function MergeDialog({ current, onClose, onMerged }: { current: BeneficiaryDetail; onClose: () => void; onMerged: (kept: BeneficiaryDetail) => void }) {
  const { t } = useTranslation();
  const [other, setOther] = useState<BeneficiaryDetail | null>(null);
  const [swapped, setSwapped] = useState(false);
  const [take, setTake] = useState<Set<MergeField>>(new Set());
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kept = swapped && other ? other : current;
  const merged = swapped ? current : other;

  const pick = async (id: number) => {
    setBanner(null);
    try {
      const found = await call('beneficiaries:get', { id });
      setOther(found);
      setTake(defaultTake(current, found));
    } catch (error) {
      setBanner(errorMessage(t, error));
    }
  };
  const confirm = async () => {
    if (!merged) return;
    setBusy(true);
    setBanner(null);
    try {
      const result = await call('beneficiaries:merge', { keepId: kept.id, mergeId: merged.id, take: [...take] });
      onMerged(result.kept);
    } catch (error) {
      setBanner(errorMessage(t, error));
      setBusy(false);
    }
  };

  return (
    <Dialog open title={t('merge.title')} onClose={onClose} wide>
      <Banner kind="error">{banner}</Banner>
      {!merged ? (
        <>
          <p className="explain">{t('merge.explain')}</p>
          <PersonPicker exclude={current.id} onPick={(p) => void pick(p.id)} />
          <div className="row">
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      ) : (
        <>
          <h3>{t('merge.review')}</h3>
          <p className="explain">{t('merge.choose')}</p>
          <MergeReview kept={kept} merged={merged} take={take} onTake={setTake} />
          <p className="banner banner-info">{t('merge.whatHappens')}</p>
          <div className="row">
            <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
              {t('merge.confirm')}
            </button>
            <button
              type="button"
              onClick={() => {
                const next = !swapped;
                setSwapped(next);
                if (other) setTake(next ? defaultTake(other, current) : defaultTake(current, other));
              }}
            >
              {t('merge.keepOther')}
            </button>
            <button type="button" onClick={() => {
                setOther(null);
                setSwapped(false);
              }}>
              {t('common.back')}
            </button>
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

/** Each choosable field as compared: empty when not known. */
function rawValues(d: BeneficiaryDetail): Record<MergeField, string> {
  const x = d.fields;
  return {
    latinName: x.latinName,
    arabicName: x.arabicName,
    sex: x.sex === 'unknown' ? '' : x.sex,
    birth: x.birthDate || (x.estimatedAge === '' ? '' : `~${x.estimatedAge}`),
    nationality: x.nationality,
    birthCountry: x.birthCountry,
    languages: x.languages.join(','),
    interpreterNeeded: x.interpreterNeeded ? 'yes' : '',
    phone: x.phone,
    city: x.city,
    arrivalDate: x.arrivalDate,
    legalStatus: x.legalStatus === 'unknown' ? '' : x.legalStatus,
    specificNeeds: x.specificNeeds.join(','),
    referralSource: x.referralSource,
  };
}

/** Each choosable field as a person reads it. */
function shownValues(d: BeneficiaryDetail, t: TFunction, f: ReturnType<typeof useFormats>): Record<MergeField, ReactNode> {
  const x = d.fields;
  return {
    latinName: x.latinName,
    arabicName: <bdi lang="ar" dir="rtl">{x.arabicName}</bdi>,
    sex: t(`enums.sex.${x.sex}`),
    birth: x.birthDate ? f.date(x.birthDate) : t('person.ageEstimated', { age: x.estimatedAge }),
    nationality: f.country(x.nationality),
    birthCountry: f.country(x.birthCountry),
    languages: f.list(x.languages.map(f.spokenLanguage)),
    interpreterNeeded: t('common.yes'),
    phone: <bdi dir="ltr">{x.phone}</bdi>,
    city: <bdi>{x.city}</bdi>,
    arrivalDate: f.date(x.arrivalDate),
    legalStatus: t(`enums.legalStatus.${x.legalStatus}`),
    specificNeeds: f.list(x.specificNeeds.map((n) => t(`enums.specificNeed.${n}`))),
    referralSource: t(`enums.referralSource.${x.referralSource}`),
  };
}

const LABELS: Record<MergeField, string> = {
  latinName: 'person.latinName',
  arabicName: 'person.arabicName',
  sex: 'person.sex',
  birth: 'person.birthDate',
  nationality: 'person.nationality',
  birthCountry: 'person.birthCountry',
  languages: 'person.languages',
  interpreterNeeded: 'person.interpreterNeeded',
  phone: 'person.phone',
  city: 'person.city',
  arrivalDate: 'person.arrivalDate',
  legalStatus: 'person.legalStatus',
  specificNeeds: 'person.specificNeeds',
  referralSource: 'person.referralSource',
};

/** By default an empty field of the kept record takes the other record's value. */
function defaultTake(kept: BeneficiaryDetail, merged: BeneficiaryDetail): Set<MergeField> {
  const a = rawValues(kept);
  const b = rawValues(merged);
  return new Set((Object.keys(LABELS) as MergeField[]).filter((k) => a[k] === '' && b[k] !== ''));
}

function MergeReview({ kept, merged, take, onTake }: { kept: BeneficiaryDetail; merged: BeneficiaryDetail; take: Set<MergeField>; onTake: (t: Set<MergeField>) => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const none = t('person.none');
  const a = rawValues(kept);
  const b = rawValues(merged);
  const shownA = shownValues(kept, t, f);
  const shownB = shownValues(merged, t, f);
  const choose = (field: MergeField, fromMerged: boolean) => {
    const next = new Set(take);
    if (fromMerged) next.add(field);
    else next.delete(field);
    onTake(next);
  };
  const cell = (field: MergeField, fromMerged: boolean, shown: ReactNode, differs: boolean) =>
    differs ? (
      <label className="merge-choice">
        <input type="radio" name={`merge-${field}`} checked={take.has(field) === fromMerged} onChange={() => choose(field, fromMerged)} />
        <span>{shown}</span>
      </label>
    ) : (
      shown
    );
  const info = (d: BeneficiaryDetail): [string, ReactNode][] => [
    [t('merge.recordId'), <bdi dir="ltr">{d.id}</bdi>],
    [t('person.otherSpellings'), d.fields.otherSpellings || none],
    [t('merge.documents'), d.fields.documents.length ? <bdi dir="ltr">{d.fields.documents.map((x) => x.number).join(', ')}</bdi> : none],
    [t('merge.casesCount'), d.cases.length ? <bdi dir="ltr">{d.cases.map((c) => c.reference).join(', ')}</bdi> : none],
    [t('beneficiaries.household'), String(d.household.length)],
  ];
  const keptInfo = info(kept);
  const mergedInfo = info(merged);
  return (
    <div className="table-scroll">
      <table className="merge-review">
        <thead>
          <tr>
            <th scope="col">{t('merge.field')}</th>
            <th scope="col">
              {t('merge.kept')}
              <br />
              <PersonNames person={kept.fields} />
            </th>
            <th scope="col">
              {t('merge.merged')}
              <br />
              <PersonNames person={merged.fields} />
            </th>
          </tr>
        </thead>
        <tbody>
          {(Object.keys(LABELS) as MergeField[]).map((field) => {
            const differs = a[field] !== b[field];
            return (
              <tr key={field} className={differs ? 'differs' : undefined}>
                <th scope="row">{t(LABELS[field])}</th>
                <td>{cell(field, false, a[field] === '' ? none : shownA[field], differs)}</td>
                <td>{cell(field, true, b[field] === '' ? none : shownB[field], differs)}</td>
              </tr>
            );
          })}
          {keptInfo.map(([label, value], i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
              <td>{mergedInfo[i]![1]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
