// The checklist's rows, read a window at a time (items.window): the page asks for the windows the
// table shows, never the whole list, so the first screen costs one small read at any size.
// prefetchItems starts the first window on the click that opens a campaign, before the page has
// rendered; the answer lands in the query cache under the key the page reads, so the page takes it
// over, whether it is still on its way or already there.
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

export function prefetchItems(campaignId: string): void {
  const input = windowInput({ campaignId }, {}, null, 0);
  void queryClient.prefetchQuery({
    queryKey: operationKey('items.window', input),
    queryFn: () => readOperation('items.window', input),
    staleTime: ITEMS_FRESH_MS,
  });
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
