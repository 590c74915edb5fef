import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PartnerSummary } from '../../../../shared/contract/partners';
import { SPOKEN_LANGUAGES } from '../../../../shared/domain/beneficiary';
import type { Role } from '../../../../shared/domain/roles';
import { Banner } from '../../components/Banner';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { TableHead } from '../../components/TableHead';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { takeFlash } from '../../lib/flash';
import { isolate, useFormats } from '../../lib/format';
import { useDebounced } from '../../lib/hooks';
import { mayCall } from '../../lib/roles';
import { href } from '../../lib/route';
import { useServices } from '../../lib/services';
import { DirectoryExport } from './DirectoryExport';

interface Filters {
  query: string;
  serviceId: string;
  place: string;
  language: string;
  includeInactive: boolean;
}
const NO_FILTERS: Filters = { query: '', serviceId: '', place: '', language: '', includeInactive: false };

/** The partner directory: everyone searches it; supervisors add and edit partners. */
export function PartnersPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { services, error: servicesError } = useServices();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const settled = useDebounced(filters, 200);
  const [result, setResult] = useState<{ items: PartnerSummary[]; truncated: boolean } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [flash] = useState(takeFlash);

  useEffect(() => {
    let stale = false;
    call('partners:list', {
      query: settled.query,
      serviceId: settled.serviceId ? Number(settled.serviceId) : null,
      place: settled.place,
      language: (settled.language || null) as (typeof SPOKEN_LANGUAGES)[number] | null,
      includeInactive: settled.includeInactive,
    }).then(
      (r) => {
        if (stale) return;
        setResult(r);
        setError(null);
      },
      (e: unknown) => !stale && setError(e),
    );
    return () => {
      stale = true;
    };
  }, [settled]);

  const serviceName = (id: number) => {
    const s = services.find((x) => x.id === id);
    return s ? f.domain(s) : '';
  };
  const set = (key: 'query' | 'serviceId' | 'place' | 'language') => (e: { target: { value: string } }) => setFilters((v) => ({ ...v, [key]: e.target.value }));
  const all = { value: '', label: t('partners.all') };

  return (
    <>
      {mayCall(role, 'partners:save') && (
        <div className="row page-actions">
          <a className="button primary" href={href('partners', 'new')}>
            {t('partners.add')}
          </a>
          <DirectoryExport />
        </div>
      )}
    <section className="panel wide" aria-labelledby="partners-title">
      <h2 id="partners-title">{t('partners.title')}</h2>
      <div className="filters" role="group" aria-label={t('partners.filters')}>
        <TextField label={t('partners.search')} type="search" value={filters.query} onChange={set('query')} autoComplete="off" />
        <SelectField label={t('partners.service')} value={filters.serviceId} onChange={set('serviceId')} options={[all, ...services.filter((s) => s.active).map((s) => ({ value: String(s.id), label: f.domain(s) }))]} />
        <TextField label={t('partners.place')} value={filters.place} onChange={set('place')} autoComplete="off" />
        <SelectField label={t('partners.language')} value={filters.language} onChange={set('language')} options={[all, ...SPOKEN_LANGUAGES.map((l) => ({ value: l, label: f.spokenLanguage(l) }))]} />
        <CheckboxField label={t('partners.includeInactive')} checked={filters.includeInactive} onChange={(e) => setFilters((v) => ({ ...v, includeInactive: e.target.checked }))} />
      </div>
      {flash && <Banner kind="success">{flash}</Banner>}
      {servicesError ? <Banner kind="error">{errorMessage(t, servicesError)}</Banner> : null}
      {error ? <Banner kind="error">{errorMessage(t, error)}</Banner> : null}
      <p role="status" className="count">
        {result === null ? '' : result.truncated ? t('partners.countTruncated', { total: f.number(result.items.length) }) : t('partners.count', { total: f.number(result.items.length) })}
      </p>
      {result && result.items.length === 0 ? (
        <p className="empty">{t('partners.none')}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <TableHead columns={[t('partners.name'), t('partners.kind'), t('partners.services'), t('partners.places'), t('partners.languages'), t('partners.answerDays')]} />
            <tbody>
              {(result?.items ?? []).map((p) => (
                <tr key={p.id}>
                  <td>
                    <a href={href('partners', p.id)}>
                      <bdi>{p.name}</bdi>
                    </a>
                    {!p.active && <span className="badge badge-closed">{t('partners.inactive')}</span>}
                  </td>
                  <td>{t(`enums.partnerKind.${p.kind}`)}</td>
                  <td>{f.list(p.serviceIds.map(serviceName).filter(Boolean))}</td>
                  <td>{f.list(p.places.map(isolate))}</td>
                  <td>{f.list(p.languages.map(f.spokenLanguage))}</td>
                  <td>{p.answerDays === null ? '—' : f.amount(p.answerDays, 'days')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
    </>
  );
}
