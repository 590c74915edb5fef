import { useEffect, useState } from 'react';

export const PAGES = [
  'dashboard',
  'beneficiaries',
  'cases',
  'referrals',
  'calendar',
  'reports',
  'partners',
  'administration',
  'account',
] as const;
export type Page = (typeof PAGES)[number];

function current(): Page {
  const name = window.location.hash.replace(/^#\/?/, '');
  return (PAGES as readonly string[]).includes(name) ? (name as Page) : 'dashboard';
}

/** Hash routing: enough for a desktop app with one window and no server. */
export function useRoute(): Page {
  const [page, setPage] = useState<Page>(current);
  useEffect(() => {
    const update = () => setPage(current());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return page;
}
