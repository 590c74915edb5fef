import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_SORTS, type CaseListInput, type CaseSummary } from '../../../../shared/contract/cases';
import { CASE_STATUSES, URGENCIES } from '../../../../shared/domain/case';
import type { Role } from '../../../../shared/domain/roles';
import { Banner } from '../../components/Banner';
import { CountryField } from '../../components/CountryField';
import { DateField } from '../../components/DateField';
import { SelectField } from '../../components/Field';
import { VirtualList } from '../../components/VirtualList';
import { call } from '../../lib/api';
import { useDomains } from '../../lib/domains';
import { errorMessage } from '../../lib/errors';
import { useFormats } from '../../lib/format';
import { usePaged } from '../../lib/hooks';
import { useLawyers } from '../../lib/lawyers';
import { mayCall } from '../../lib/roles';
import { CaseLink } from './CaseLink';

interface Filters {
  status: string;
  domainId: string;
  lawyerId: string;
  urgency: string;
  from: string;
  to: string;
  nationality: string;
  sort: (typeof CASE_SORTS)[number];
}
const NO_FILTERS: Filters = { status: '', domainId: '', lawyerId: '', urgency: '', from: '', to: '', nationality: '', sort: 'intake_desc' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters as the channel wants them: empty and half-typed values are left out. */
function toInput(v: Filters): Omit<CaseListInput, 'cursor'> {
  return {
    status: (v.status || undefined) as CaseListInput['status'],
    domainId: v.domainId ? Number(v.domainId) : undefined,
    lawyerId: v.lawyerId ? Number(v.lawyerId) : undefined,
    urgency: (v.urgency || undefined) as CaseListInput['urgency'],
    from: ISO_DATE.test(v.from) ? v.from : undefined,
    to: ISO_DATE.test(v.to) ? v.to : undefined,
    nationality: /^[A-Z]{2}$/.test(v.nationality) ? v.nationality : undefined,
    sort: v.sort,
    limit: 50,
  };
}

/** Case files: filtered and sorted by the core, fetched a page at a time as the list scrolls. */
export function CasesPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { domains } = useDomains();
  const showLawyer = mayCall(role, 'cases:assign');
  const lawyers = useLawyers(showLawyer);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const set = (key: keyof Filters) => (e: { target: { value: string } }) => setFilters((v) => ({ ...v, [key]: e.target.value }));
  const input = useMemo(() => toInput(filters), [filters]);
  const fetchPage = useCallback((cursor: string | undefined) => call('cases:list', { ...input, cursor }), [input]);
  const fetchCount = useCallback(
    () => call('cases:count', { status: input.status, domainId: input.domainId, lawyerId: input.lawyerId, urgency: input.urgency, from: input.from, to: input.to, nationality: input.nationality }),
    [input],
  );
  const paged = usePaged<CaseSummary>(fetchPage, fetchCount);
  const domainName = (id: number) => {
    const d = domains.find((x) => x.id === id);
    return d ? f.domain(d) : '';
  };
  const all = { value: '', label: t('cases.all') };

  return (
    <>
      <section className="panel wide" aria-label={t('cases.listLabel')}>
        <div className="filters" role="group" aria-label={t('cases.filters')}>
          <SelectField label={t('cases.status')} value={filters.status} onChange={set('status')} options={[all, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`enums.caseStatus.${s}`) }))]} />
          <SelectField label={t('cases.domains')} value={filters.domainId} onChange={set('domainId')} options={[all, ...domains.map((d) => ({ value: String(d.id), label: f.domain(d) }))]} />
          {showLawyer && (
            <SelectField
              label={t('cases.lawyer')}
              value={filters.lawyerId}
              onChange={set('lawyerId')}
              options={[all, ...(lawyers ?? []).map((l) => ({ value: String(l.id), label: l.fullName }))]}
            />
          )}
          <SelectField label={t('cases.urgency')} value={filters.urgency} onChange={set('urgency')} options={[all, ...URGENCIES.map((u) => ({ value: u, label: t(`enums.urgency.${u}`) }))]} />
          <DateField label={t('cases.from')} value={filters.from} onChange={(from) => setFilters((v) => ({ ...v, from }))} />
          <DateField label={t('cases.to')} value={filters.to} onChange={(to) => setFilters((v) => ({ ...v, to }))} />
          <CountryField label={t('cases.nationality')} value={filters.nationality} onChange={(code) => setFilters((v) => ({ ...v, nationality: code }))} name="filter-nationality" />
          <SelectField label={t('cases.sort')} value={filters.sort} onChange={set('sort')} options={CASE_SORTS.map((s) => ({ value: s, label: t(`enums.caseSort.${s}`) }))} />
        </div>
        <div className="row">
          <button type="button" onClick={() => setFilters(NO_FILTERS)}>
            {t('cases.reset')}
          </button>
        </div>
        <p role="status" className="count">
          {paged.total === null ? '' : t('cases.count', { total: f.number(paged.total) })}
        </p>
        {paged.error ? <Banner kind="error">{errorMessage(t, paged.error)}</Banner> : null}
        <VirtualList
          label={t('cases.listLabel')}
          paged={paged}
          rowHeight={72}
          getKey={(c) => c.id}
          empty={t('cases.empty')}
          renderRow={(c) => <CaseLink c={c} domains={f.list(c.domainIds.map(domainName).filter(Boolean))} />}
        />
      </section>
    </>
  );
}
