// Starts loading a campaign's items on the click that opens it, before the campaign page has
// rendered: the item list is the page's biggest read. The answer lands in the query cache under
// the key the page reads (items.list with `{ campaignId }`), so the page takes it over, whether it
// is still on its way or already there.
import { operationKey, queryClient, readOperation } from '../api/queries';

/**
 * How long an item list just read counts as fresh: long enough that the page opening right after
 * the click does not ask for it a second time. Any write refreshes it regardless.
 */
export const ITEMS_FRESH_MS = 5000;

export function prefetchItems(campaignId: string): void {
  const input = { campaignId };
  void queryClient.prefetchQuery({
    queryKey: operationKey('items.list', input),
    queryFn: () => readOperation('items.list', input),
    staleTime: ITEMS_FRESH_MS,
  });
}
