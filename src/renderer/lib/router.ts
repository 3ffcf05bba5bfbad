// A tiny hash router: #/board, #/work, #/campaigns, #/campaign/<id>[/inspection|/ledger|/indicators|/board|
// /courts|/reporting|/reports][?court=<code>], #/lookbacks, #/audit, #/users, #/settings, #/sync[/<tab>], #/subordinates.
// ?court= opens a campaign tab already switched to that subordinate court's read-only view.
import { useEffect, useState } from 'react';

export const campaignTabs = [
  'checklist',
  'inspection',
  'ledger',
  'indicators',
  'board',
  'courts',
  'reporting',
  'reports',
] as const;
export type CampaignTab = (typeof campaignTabs)[number];
export const syncTabs = ['export', 'publish', 'import', 'trusted', 'history'] as const;
export type SyncTab = (typeof syncTabs)[number];

export type Route =
  | { name: 'board' }
  | { name: 'work' }
  | { name: 'campaigns' }
  /** court: a subordinate court to view read-only (the drill-down from 下级法院进度). */
  | { name: 'campaign'; id: string; tab: CampaignTab; court?: string }
  | { name: 'lookbacks' }
  | { name: 'audit' }
  | { name: 'users' }
  | { name: 'settings' }
  /** tab null: the page picks its first tab (上报, or 下发 for a court without a parent). */
  | { name: 'sync'; tab: SyncTab | null }
  | { name: 'subordinates' };

export type CampaignRoute = Extract<Route, { name: 'campaign' }>;

const SIMPLE = ['board', 'work', 'campaigns', 'lookbacks', 'audit', 'users', 'settings', 'subordinates'] as const;

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [head, id, tab] = path.split('/');
  if (head === 'campaign' && id) {
    const route: Route = {
      name: 'campaign',
      id: decodeURIComponent(id),
      tab: campaignTabs.find((name) => name === tab) ?? 'checklist',
    };
    const court = new URLSearchParams(query).get('court');
    return court ? { ...route, court } : route;
  }
  if (head === 'sync') return { name: 'sync', tab: syncTabs.find((name) => name === id) ?? null };
  const simple = SIMPLE.find((name) => name === head);
  return simple ? { name: simple } : { name: 'campaigns' };
}

export function routeHref(route: Route): string {
  if (route.name === 'campaign') {
    const base = `#/campaign/${encodeURIComponent(route.id)}`;
    const href = route.tab === 'checklist' ? base : `${base}/${route.tab}`;
    return route.court ? `${href}?court=${encodeURIComponent(route.court)}` : href;
  }
  if (route.name === 'sync') return route.tab ? `#/sync/${route.tab}` : '#/sync';
  return `#/${route.name}`;
}

/** The checklist of a campaign, or one of its other tabs; with `court`, that subordinate's view. */
export function campaignRoute(id: string, tab: CampaignTab = 'checklist', court?: string): Route {
  return court ? { name: 'campaign', id, tab, court } : { name: 'campaign', id, tab };
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
