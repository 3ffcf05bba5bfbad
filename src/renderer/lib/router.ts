// A tiny hash router: #/board, #/work, #/campaigns, #/campaign/<id>[/inspection|/ledger|/indicators|/board|
// /courts|/reports], #/lookbacks, #/audit, #/users, #/settings, #/sync[/<tab>], #/subordinates.
import { useEffect, useState } from 'react';

export const campaignTabs = ['checklist', 'inspection', 'ledger', 'indicators', 'board', 'courts', 'reports'] as const;
export type CampaignTab = (typeof campaignTabs)[number];
export const syncTabs = ['export', 'publish', 'import', 'trusted', 'history'] as const;
export type SyncTab = (typeof syncTabs)[number];

export type Route =
  | { name: 'board' }
  | { name: 'work' }
  | { name: 'campaigns' }
  | { name: 'campaign'; id: string; tab: CampaignTab }
  | { name: 'lookbacks' }
  | { name: 'audit' }
  | { name: 'users' }
  | { name: 'settings' }
  /** tab null: the page picks its first tab (上报, or 下发 for a court without a parent). */
  | { name: 'sync'; tab: SyncTab | null }
  | { name: 'subordinates' };

const SIMPLE = ['board', 'work', 'campaigns', 'lookbacks', 'audit', 'users', 'settings', 'subordinates'] as const;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '');
  const [head, id, tab] = path.split('/');
  if (head === 'campaign' && id) {
    return { name: 'campaign', id: decodeURIComponent(id), tab: campaignTabs.find((name) => name === tab) ?? 'checklist' };
  }
  if (head === 'sync') return { name: 'sync', tab: syncTabs.find((name) => name === id) ?? null };
  const simple = SIMPLE.find((name) => name === head);
  return simple ? { name: simple } : { name: 'campaigns' };
}

export function routeHref(route: Route): string {
  if (route.name === 'campaign') {
    const base = `#/campaign/${encodeURIComponent(route.id)}`;
    return route.tab === 'checklist' ? base : `${base}/${route.tab}`;
  }
  if (route.name === 'sync') return route.tab ? `#/sync/${route.tab}` : '#/sync';
  return `#/${route.name}`;
}

/** The checklist of a campaign, or one of its other tabs. */
export function campaignRoute(id: string, tab: CampaignTab = 'checklist'): Route {
  return { name: 'campaign', id, tab };
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
