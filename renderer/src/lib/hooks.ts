import { useCallback, useEffect, useRef, useState } from 'react';

/** The value, once it has stopped changing for `ms` milliseconds. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface Paged<T> {
  items: T[];
  loading: boolean;
  done: boolean;
  error: unknown;
  /** How many the whole list holds, when the core counted it (with the first page). */
  total: number | null;
  loadMore: () => void;
}

/**
 * Keyset pagination: `fetchPage(cursor)` returns a page and the cursor of the next one.
 * Changing `fetchPage` (new filters) starts over; answers to an older query are ignored.
 */
export function usePaged<T>(
  fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  /** How many the list holds with the same filters: asked beside the first page, never before it. */
  fetchCount?: () => Promise<{ total: number }>,
): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const generation = useRef(0);
  const busy = useRef(false);

  const load = useCallback(
    async (from: string | undefined, gen: number) => {
      busy.current = true;
      setLoading(true);
      try {
        const page = await fetchPage(from);
        if (gen !== generation.current) return;
        setItems((previous) => (from === undefined ? page.items : [...previous, ...page.items]));
        setCursor(page.nextCursor);
        setError(null);
      } catch (e) {
        if (gen === generation.current) setError(e);
      } finally {
        if (gen === generation.current) {
          busy.current = false;
          setLoading(false);
        }
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    generation.current += 1;
    setItems([]);
    setTotal(null);
    setCursor(undefined);
    const gen = generation.current;
    void load(undefined, gen);
    void fetchCount?.().then(
      (r) => gen === generation.current && setTotal(r.total),
      () => undefined, // a count that fails leaves the list as it is, without a number
    );
    // fetchCount changes with the same filters as fetchPage (load).
  }, [load]);

  const loadMore = useCallback(() => {
    if (busy.current || !cursor) return;
    void load(cursor, generation.current);
  }, [cursor, load]);

  return { items, loading, done: cursor === null, error, total, loadMore };
}

/**
 * What `fetch` answers (null while it is asked), the translated error if it failed, and
 * `reload` after a change. Changing `fetch` (another record) asks again.
 */
export function useLoaded<T>(fetch: () => Promise<T>, describe: (error: unknown) => string): { value: T | null; error: string | null; reload: () => void } {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    fetch().then(
      (v) => {
        setValue(v);
        setError(null);
      },
      (e: unknown) => setError(describe(e)),
    );
  }, [fetch, describe]);
  useEffect(reload, [reload]);
  return { value, error, reload };
}
