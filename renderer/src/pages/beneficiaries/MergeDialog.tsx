import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiaryDetail } from '../../../../shared/contract/beneficiaries';
import { Banner } from '../../components/Banner';
import { Dialog } from '../../components/Dialog';
import { PersonPicker } from '../../components/PersonPicker';
import { PersonNames } from '../../components/PersonSummary';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';

/**
 * Supervisor: fold a duplicate record into this one. The two records are shown side by side
 * before anything changes; which one is kept can be swapped. Reversible for 30 days.
 */
export function MergeDialog({ current, onClose, onMerged }: { current: BeneficiaryDetail; onClose: () => void; onMerged: (kept: BeneficiaryDetail) => void }) {
  const { t } = useTranslation();
  const [other, setOther] = useState<BeneficiaryDetail | null>(null);
  const [swapped, setSwapped] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kept = swapped && other ? other : current;
  const merged = swapped ? current : other;

  const pick = async (id: number) => {
    setBanner(null);
    try {
      setOther(await call('beneficiaries:get', { id }));
    } catch (error) {
      setBanner(errorMessage(t, error));
    }
  };
  const confirm = async () => {
    if (!merged) return;
    setBusy(true);
    setBanner(null);
    try {
      const result = await call('beneficiaries:merge', { keepId: kept.id, mergeId: merged.id });
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
          <MergeReview kept={kept} merged={merged} />
          <p className="banner banner-info">{t('merge.whatHappens')}</p>
          <div className="row">
            <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
              {t('merge.confirm')}
            </button>
            <button type="button" onClick={() => setSwapped((s) => !s)}>
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

function MergeReview({ kept, merged }: { kept: BeneficiaryDetail; merged: BeneficiaryDetail }) {
  const { t } = useTranslation();
  const f = useFormats();
  const none = t('person.none');
  const row = (d: BeneficiaryDetail): Record<string, ReactNode> => ({
    [t('merge.recordId')]: <bdi dir="ltr">{d.id}</bdi>,
    [t('person.latinName')]: d.fields.latinName || none,
    [t('person.arabicName')]: d.fields.arabicName ? <bdi lang="ar" dir="rtl">{d.fields.arabicName}</bdi> : none,
    [t('person.sex')]: t(`enums.sex.${d.fields.sex}`),
    [t('person.birthDate')]: f.date(d.fields.birthDate) || (d.fields.estimatedAge !== '' ? t('person.ageEstimated', { age: d.fields.estimatedAge }) : none),
    [t('person.nationality')]: f.country(d.fields.nationality) || none,
    [t('person.phone')]: d.fields.phone ? <bdi dir="ltr">{d.fields.phone}</bdi> : none,
    [t('person.legalStatus')]: t(`enums.legalStatus.${d.fields.legalStatus}`),
    [t('merge.documents')]: d.fields.documents.length ? <bdi dir="ltr">{d.fields.documents.map((x) => x.number).join(', ')}</bdi> : none,
    [t('merge.casesCount')]: d.cases.length ? <bdi dir="ltr">{d.cases.map((c) => c.reference).join(', ')}</bdi> : none,
    [t('beneficiaries.household')]: String(d.household.length),
  });
  const a = row(kept);
  const b = row(merged);
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
          {Object.keys(a).map((label) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{a[label]}</td>
              <td>{b[label]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
