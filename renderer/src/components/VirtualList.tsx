import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paged } from '../lib/hooks';

interface Props<T> {
  label: string;
  paged: Paged<T>;
  /** A first guess of a row's height in pixels; rows are measured once drawn. */
  rowHeight: number;
  getKey: (item: T) => string | number;
  renderRow: (item: T) => ReactNode;
  empty: string;
}

/**
 * A long list drawn a screenful at a time (only the visible rows are in the DOM) inside a
 * fixed-height scroll box; the next page is fetched when the end comes near. Each row is a
 * listitem holding a link, so Tab walks the rows and the box scrolls to follow the focus,
 * which draws the rows after it. aria-setsize/posinset tell screen readers where they are.
 */
export function VirtualList<T>({ label, paged, rowHeight, getKey, renderRow, empty }: Props<T>) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const { items, loading, done, loadMore } = paged;
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    getItemKey: (index) => getKey(items[index] as T),
  });
  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems[virtualItems.length - 1];

  useEffect(() => {
    if (!done && !loading && last && last.index >= items.length - 10) loadMore();
  }, [last, items.length, done, loading, loadMore]);

  // New filters start a new list: back to its top.
  useEffect(() => {
    if (items.length === 0) scroller.current?.scrollTo({ top: 0 });
  }, [items.length]);

  // Tab from a row whose neighbour is not drawn yet (fast typing outruns the scroll): draw it, then focus it.
  const pendingFocus = useRef<number | null>(null);
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const link = scroller.current?.querySelector<HTMLElement>(`[data-index="${pendingFocus.current}"] a`);
    if (link) {
      pendingFocus.current = null;
      link.focus();
    }
  });
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Tab' || e.altKey || e.ctrlKey || e.metaKey) return;
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!row) return;
    // Keys typed while a row is still being drawn count from that row, so none is lost.
    const from = pendingFocus.current ?? Number(row.dataset.index);
    const next = from + (e.shiftKey ? -1 : 1);
    if (next < 0 || next >= items.length) return;
    const link = scroller.current?.querySelector<HTMLElement>(`[data-index="${next}"] a`);
    if (link && pendingFocus.current === null) return; // drawn already: the browser moves the focus
    e.preventDefault();
    if (link) {
      pendingFocus.current = null;
      link.focus();
    } else {
      pendingFocus.current = next;
      virtualizer.scrollToIndex(next);
    }
  };

  if (!loading && done && items.length === 0) return <p className="empty">{empty}</p>;
  return (
    <div className="virtual-box" ref={scroller}>
      <div role="list" aria-label={label} aria-busy={loading} onKeyDown={onKeyDown} style={{ blockSize: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualItems.map((row) => (
          <div
            key={row.key}
            role="listitem"
            data-index={row.index}
            ref={virtualizer.measureElement}
            aria-setsize={done ? items.length : -1}
            aria-posinset={row.index + 1}
            className="virtual-row"
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {renderRow(items[row.index] as T)}
          </div>
        ))}
      </div>
      {loading && (
        <p className="virtual-loading" role="status">
          {t('common.loading')}
        </p>
      )}
    </div>
  );
}
