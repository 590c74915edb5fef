import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { Banner } from '../../components/Banner';
import { PersonLink } from '../../components/PersonSummary';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { isolate } from '../../lib/format';
import { CaseLink } from '../cases/CaseLink';

type Results = ChannelOutput<'search:global'>;

/** People (by name in either script, phone, document) and cases (reference, summary words). */
export function SearchPage({ query }: { query: string }) {
  const { t } = useTranslation();
  const [results, setResults] = useState<{ for: string; value: Results } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const q = query.trim();

  useEffect(() => {
    if (!q) return;
    let stale = false;
    setError(null);
    call('search:global', { query: q }).then(
      (value) => !stale && setResults({ for: q, value }),
      (e: unknown) => !stale && setError(e),
    );
    return () => {
      stale = true;
    };
  }, [q]);

  if (!q) return <p className="empty">{t('search.typeSomething')}</p>;
  const value = results?.for === q ? results.value : null;
  return (
    <>
      <p className="lead">{t('search.resultsFor', { q: isolate(q) })}</p>
      {error ? <Banner kind="error">{errorMessage(t, error)}</Banner> : null}
      {!value && !error && <p className="loading">{t('common.loading')}</p>}
      {value && (
        <>
          <section className="panel wide" aria-labelledby="found-people">
            <h2 id="found-people">{t('search.people')}</h2>
            {value.beneficiaries.length === 0 ? (
              <p className="empty">{t('search.noPeople')}</p>
            ) : (
              <ul className="result-list" aria-labelledby="found-people">
                {value.beneficiaries.map(({ beneficiary: p, reasons }) => (
                  <li key={p.id}>
                    <PersonLink person={p} />
                    {reasons.length > 0 && (
                      <p className="reasons">
                        {reasons.map((r) => (
                          <span key={r} className="badge badge-reason">
                            {t(`enums.matchReason.${r}`, { defaultValue: r })}
                          </span>
                        ))}
                      </p>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel wide" aria-labelledby="found-cases">
            <h2 id="found-cases">{t('search.cases')}</h2>
            {value.cases.length === 0 ? (
              <p className="empty">{t('search.noCases')}</p>
            ) : (
              <ul className="result-list" aria-labelledby="found-cases">
                {value.cases.map((c) => (
                  <li key={c.id}>
                    <CaseLink c={c} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
