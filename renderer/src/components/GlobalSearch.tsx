import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { href, navigate, type Route } from '../lib/route';

/** The top bar's search box: people and cases, results on #/search?q=… */
export function GlobalSearch({ route }: { route: Route }) {
  const { t } = useTranslation();
  const id = useId();
  const current = route.page === 'search' ? (route.params.get('q') ?? '') : '';
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  return (
    <form
      role="search"
      aria-label={t('search.label')}
      className="global-search"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) navigate(href('search', null, { q: text.trim() }));
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {t('search.label')}
      </label>
      <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('search.placeholder')} autoComplete="off" maxLength={160} />
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}
