import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BeneficiarySummary } from '../../../../shared/contract/beneficiaries';
import { LEGAL_STATUSES } from '../../../../shared/domain/beneficiary';
import type { Role } from '../../../../shared/domain/roles';
import { Banner } from '../../components/Banner';
import { CountryField } from '../../components/CountryField';
import { SelectField, TextField } from '../../components/Field';
import { PersonLink } from '../../components/PersonSummary';
import { VirtualList } from '../../components/VirtualList';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';
import { useDebounced, usePaged } from '../../lib/hooks';
import { mayCall } from '../../lib/roles';
import { href } from '../../lib/route';
import { MergesPanel } from './MergesPanel';

const SORTS = ['created_desc', 'name_asc'] as const;

/** The registry: everyone registered, newest first, filtered by nationality or legal status. */
export function BeneficiariesPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const f = useFormats();
  const [name, setName] = useState('');
  // What is typed is searched once typing pauses, not at each key.
  const typedName = useDebounced(name.trim(), 300);
  const [nationality, setNationality] = useState('');
  const [legalStatus, setLegalStatus] = useState<(typeof LEGAL_STATUSES)[number] | ''>('');
  const [sort, setSort] = useState<(typeof SORTS)[number]>('created_desc');
  // Bumped when an unmerge brings a record back, to read the list again.
  const [generation, setGeneration] = useState(0);
  const country = /^[A-Z]{2}$/.test(nationality) ? nationality : '';
  const filters = useMemo(
    () => ({ name: typedName || undefined, nationality: country || undefined, legalStatus: legalStatus || undefined }),
    [typedName, country, legalStatus],
  );
  const fetchPage = useCallback(
    (cursor: string | undefined) => call('beneficiaries:list', { ...filters, sort, cursor, limit: 50 }),
    // `generation` is not read: a new value only restarts the list.
    [filters, sort, generation],
  );
  const fetchCount = useCallback(() => call('beneficiaries:count', filters), [filters]);
  const paged = usePaged<BeneficiarySummary>(fetchPage, fetchCount);

  return (
    <>
      <div className="row page-actions">
        {mayCall(role, 'beneficiaries:create') && (
          <a className="button primary" href={href('beneficiaries', 'new')}>
            {t('beneficiaries.new')}
          </a>
        )}
        <a className="button" href={href('beneficiaries', 'enquiries')}>
          {t('beneficiaries.enquiries')}
        </a>
      </div>
      <section className="panel wide" aria-labelledby="registry-title">
        <h2 id="registry-title">{t('beneficiaries.listLabel')}</h2>
        <div className="filters" role="group" aria-label={t('beneficiaries.filters')}>
          <TextField label={t('beneficiaries.nameFilter')} hint={t('beneficiaries.nameFilterHint')} type="search" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
          <CountryField label={t('person.nationality')} value={nationality} onChange={setNationality} name="filter-nationality" />
          <SelectField
            label={t('person.legalStatus')}
            value={legalStatus}
            onChange={(e) => setLegalStatus(e.target.value as typeof legalStatus)}
            options={[{ value: '', label: t('beneficiaries.all') }, ...LEGAL_STATUSES.map((s) => ({ value: s, label: t(`enums.legalStatus.${s}`) }))]}
          />
          <SelectField
            label={t('beneficiaries.sort')}
            value={sort}
            onChange={(e) => setSort(e.target.value as typeof sort)}
            options={SORTS.map((s) => ({ value: s, label: t(`enums.beneficiarySort.${s}`) }))}
          />
        </div>
        <p role="status" className="count">
          {paged.total === null ? '' : t('beneficiaries.count', { total: f.number(paged.total) })}
        </p>
        {paged.error ? <Banner kind="error">{errorMessage(t, paged.error)}</Banner> : null}
        <VirtualList
          label={t('beneficiaries.listLabel')}
          paged={paged}
          rowHeight={68}
          getKey={(p) => p.id}
          empty={t('beneficiaries.empty')}
          renderRow={(p) => <PersonLink person={p} />}
        />
      </section>
      {mayCall(role, 'beneficiaries:merges') && <MergesPanel onUnmerged={() => setGeneration((g) => g + 1)} />}
    </>
  );
}
