// The checklist's rows, read a window at a time (items.window): the page asks for the windows the
// table shows, never the whole list, so the first screen costs one small read at any size.
// prefetchItems starts the first window on the click that opens a campaign, before the page has
// rendered; the answer lands in the query cache under the key the page reads, so the page takes it
// over, whether it is still on its way or already there.
import type { MouseEvent } from 'react';
import { keepPreviousData, useQueries } from '@tanstack/react-query';
import type { Input } from '../../shared/api';
import type { ItemRow, ItemSortKey } from '../../shared/model';
import { operationKey, queryClient, readOperation, useRead } from '../api/queries';

/**
 * How long a window just read counts as fresh: long enough that the page opening right after the
 * click does not ask for it a second time. Any write refreshes it regardless.
 */
export const ITEMS_FRESH_MS = 5000;
/** Rows per window: a few screens, so scrolling asks seldom and the first answer stays small. */
export const WINDOW_ROWS = 100;

export type ItemFilters = NonNullable<Input<'items.window'>['filters']>;
export interface ItemScope {
  campaignId: string;
  courtCode?: string;
}
export interface ItemSort {
  key: ItemSortKey;
  desc: boolean;
}

/** The input of one window; filters and sort are left out when unused, so equal views share a key. */
export function windowInput(
  scope: ItemScope,
  filters: ItemFilters,
  sort: ItemSort | null,
  block: number,
): Input<'items.window'> {
  return {
    ...scope,
    ...(Object.keys(filters).length ? { filters } : {}),
    ...(sort ? { sort } : {}),
    offset: block * WINDOW_ROWS,
    limit: WINDOW_ROWS,
  };
}

/** Starts reading a checklist's first window; resolves when it is in the cache (or failed). */
export function prefetchItems(campaignId: string): Promise<void> {
  const input = windowInput({ campaignId }, {}, null, 0);
  return queryClient.prefetchQuery({
    queryKey: operationKey('items.window', input),
    queryFn: () => readOperation('items.window', input),
    staleTime: ITEMS_FRESH_MS,
  });
}

/** The longest a click on a checklist link waits for the first window before the page opens anyway. */
export const OPEN_WAIT_MS = 250;

/**
 * The click on a link to a campaign's checklist (an <a href>): the first window is read first and
 * the address changes once it is in, at most OPEN_WAIT_MS later. The page then renders once, rows
 * and all, instead of drawing its placeholders and then drawing again (the window takes a few tens
 * of milliseconds; the second drawing cost more). A click with a modifier key or another button
 * is left to the browser, and a newer navigation meanwhile wins.
 */
export function followChecklistLink(event: MouseEvent<HTMLElement>, campaignId: string, href: string): void {
  const ready = prefetchItems(campaignId);
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  const from = window.location.hash;
  let followed = false;
  const follow = () => {
    if (followed) return;
    followed = true;
    if (window.location.hash === from) window.location.hash = href;
  };
  void ready.finally(follow);
  setTimeout(follow, OPEN_WAIT_MS);
}

/**
 * The rows of the visible range (`first`…`last`, row indexes), read a window at a time. The first
 * window keeps the previous answer while new filters are read (no flash); the others show
 * placeholder rows until they arrive. `rowAt(index)` is undefined while its window loads.
 */
export function useItemWindows(
  scope: ItemScope,
  filters: ItemFilters,
  sort: ItemSort | null,
  range: { first: number; last: number },
) {
  const firstRead = useRead('items.window', windowInput(scope, filters, sort, 0), {
    staleTime: ITEMS_FRESH_MS,
    placeholderData: keepPreviousData,
  });
  const total = firstRead.data?.total ?? 0;
  const lastBlock = Math.min(Math.floor(range.last / WINDOW_ROWS), Math.max(0, Math.ceil(total / WINDOW_ROWS) - 1));
  const blocks: number[] = [];
  for (let block = Math.max(1, Math.floor(range.first / WINDOW_ROWS)); block <= lastBlock; block += 1)
    blocks.push(block);
  const moreReads = useQueries({
    queries: blocks.map((block) => {
      const input = windowInput(scope, filters, sort, block);
      return {
        queryKey: operationKey('items.window', input),
        queryFn: () => readOperation('items.window', input),
        staleTime: ITEMS_FRESH_MS,
      };
    }),
  });
  // A handful of windows at most: rebuilt each render, the rows themselves keep their identity.
  const byBlock = new Map<number, ItemRow[]>();
  if (firstRead.data) byBlock.set(0, firstRead.data.rows);
  moreReads.forEach((read, i) => {
    if (read.data) byBlock.set(blocks[i], read.data.rows);
  });
  const rowAt = (index: number): ItemRow | undefined =>
    byBlock.get(Math.floor(index / WINDOW_ROWS))?.[index % WINDOW_ROWS];
  const moreError = moreReads.find((read) => read.error)?.error ?? null;
  return { firstRead, total, rowAt, moreError };
}
