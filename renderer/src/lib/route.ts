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
  'audit',
  'account',
  'search',
] as const;
export type Page = (typeof PAGES)[number];

/**
 * `#/page`, `#/page/id` (a number, or a word such as `new`) and `?key=value` after either:
 * `#/cases/42`, `#/beneficiaries/new`, `#/search?q=diallo`.
 */
export interface Route {
  page: Page;
  /** The second path segment, as typed ('42', 'new', 'enquiry'), or null. */
  sub: string | null;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [name = '', sub] = path.split('/');
  const page = (PAGES as readonly string[]).includes(name) ? (name as Page) : 'dashboard';
  return { page, sub: sub ? decodeURIComponent(sub) : null, params: new URLSearchParams(query) };
}

/** The numeric id of `#/page/42`, or null for `new`, words and nothing. */
export function routeId(route: Route): number | null {
  return route.sub && /^\d{1,15}$/.test(route.sub) ? Number(route.sub) : null;
}

/** Builds `#/page/sub?params`, leaving out empty parameters. */
export function href(page: Page, sub?: string | number | null, params?: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params ?? {})) if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
  const q = query.toString();
  return `#/${page}${sub !== undefined && sub !== null ? `/${encodeURIComponent(String(sub))}` : ''}${q ? `?${q}` : ''}`;
}

export function navigate(to: string): void {
  window.location.hash = to;
}

/** Hash routing: enough for a desktop app with one window and no server. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
