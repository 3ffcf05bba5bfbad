// Starts loading a campaign's items as early as possible (on the click that opens it, or while
// the campaign page first renders) instead of after the page has mounted. Each request is
// used once; nothing is cached.
import type { ItemRow } from '../../shared/model';
import { send, type Result } from '../api/client';

const pending = new Map<string, Promise<Result<ItemRow[]>>>();

export function prefetchItems(campaignId: string): void {
  if (!pending.has(campaignId)) pending.set(campaignId, send('items.list', { campaignId }));
}

export function takeItems(campaignId: string): Promise<Result<ItemRow[]>> {
  const request = pending.get(campaignId) ?? send('items.list', { campaignId });
  pending.delete(campaignId);
  return request;
}
