// A tiny hash router: #/board, #/work, #/campaigns, #/campaign/<id>[/inspection|/ledger|/indicators|/board|
// /courts|/reporting|/reports][?court=<code>], #/lookbacks, #/audit, #/users, #/settings[/backup], #/sync[/<tab>], #/subordinates.
// ?court= opens a campaign tab already switched to that subordinate court's read-only view.
// Every record has an address of its own, so a link, a reload or the back button lands on it:
//   an item        #/campaign/<id>?item=<itemId>&tab=progress   (the drawer open on that tab)
//   a measure      #/campaign/<id>/ledger?measure=<measureId>
//   a 查摆报告     #/campaign/<id>/inspection?report=<reportId>
//   a look-back    #/lookbacks?lookback=<lookbackId>
//   a 督办单       #/campaign/<id>/orders?order=<orderId>
//   a 通报         #/campaign/<id>/orders?notice=<noticeId>
//   a new 通报     #/campaign/<id>/orders?draft=<praise|criticism|situation>&courts=<code>,<code>
//   the 督办台账 of every campaign  #/orders
import { useEffect, useState } from 'react';

export const campaignTabs = [
  'checklist',
  'inspection',
  'ledger',
  'indicators',
  'board',
  'courts',
  'reporting',
  'orders',
  'reports',
] as const;
export type CampaignTab = (typeof campaignTabs)[number];
export const syncTabs = ['export', 'publish', 'import', 'trusted', 'history'] as const;
export type SyncTab = (typeof syncTabs)[number];
/** The item drawer's tabs: 记录进展 first for whoever works on the item. */
export const itemTabs = ['progress', 'info', 'evidence', 'signoffs', 'supervision', 'audit'] as const;
export type ItemTab = (typeof itemTabs)[number];

/** The record a campaign address opens on top of its tab. */
export interface CampaignRecord {
  item?: string;
  itemTab?: ItemTab;
  measure?: string;
  report?: string;
  /** A 督办单 (the orders tab's drawer). */
  order?: string;
  /** A 通报 (the orders tab's notice view or editor). */
  notice?: string;
  /** A new 通报 to draft, of this kind, naming `draftCourts` (from the matrix's selection). */
  draft?: 'praise' | 'criticism' | 'situation';
  draftCourts?: string[];
}

export type Route =
  | { name: 'board' }
  | { name: 'work' }
  | { name: 'campaigns' }
  /** court: a subordinate court to view read-only (the drill-down from 下级法院进度). */
  | ({ name: 'campaign'; id: string; tab: CampaignTab; court?: string } & CampaignRecord)
  | { name: 'lookbacks'; lookback?: string }
  | { name: 'audit' }
  | { name: 'users' }
  /** tab: 设置 opened on 备份与恢复 (the link from 本院挂图's backup line). */
  | { name: 'settings'; tab?: 'backup' }
  /** tab null: the page picks its first tab (上报, or 下发 for a court without a parent). */
  | { name: 'sync'; tab: SyncTab | null }
  | { name: 'subordinates' }
  /** The 督办台账 across every campaign. */
  | { name: 'orders' };

export type CampaignRoute = Extract<Route, { name: 'campaign' }>;

const SIMPLE = [
  'board',
  'work',
  'campaigns',
  'lookbacks',
  'audit',
  'users',
  'settings',
  'subordinates',
  'orders',
] as const;
const DRAFT_KINDS = ['praise', 'criticism', 'situation'] as const;

export function parseRoute(hash: string): Route {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [head, id, tab] = path.split('/');
  const params = new URLSearchParams(query);
  if (head === 'campaign' && id) {
    const route: CampaignRoute = {
      name: 'campaign',
      id: decodeURIComponent(id),
      tab: campaignTabs.find((name) => name === tab) ?? 'checklist',
    };
    const court = params.get('court');
    if (court) route.court = court;
    const item = params.get('item');
    if (item) {
      route.item = item;
      const itemTab = itemTabs.find((name) => name === params.get('tab'));
      if (itemTab) route.itemTab = itemTab;
    }
    const measure = params.get('measure');
    if (measure) route.measure = measure;
    const report = params.get('report');
    if (report) route.report = report;
    const order = params.get('order');
    if (order) route.order = order;
    const notice = params.get('notice');
    if (notice) route.notice = notice;
    const draft = DRAFT_KINDS.find((kind) => kind === params.get('draft'));
    if (draft) {
      route.draft = draft;
      const courts = (params.get('courts') ?? '').split(',').filter(Boolean);
      if (courts.length > 0) route.draftCourts = courts;
    }
    return route;
  }
  if (head === 'lookbacks') {
    const lookback = params.get('lookback');
    return lookback ? { name: 'lookbacks', lookback } : { name: 'lookbacks' };
  }
  if (head === 'sync') return { name: 'sync', tab: syncTabs.find((name) => name === id) ?? null };
  if (head === 'settings' && id === 'backup') return { name: 'settings', tab: 'backup' };
  const simple = SIMPLE.find((name) => name === head);
  return simple ? { name: simple } : { name: 'campaigns' };
}

export function routeHref(route: Route): string {
  if (route.name === 'campaign') {
    const base = `#/campaign/${encodeURIComponent(route.id)}`;
    const href = route.tab === 'checklist' ? base : `${base}/${route.tab}`;
    const params = new URLSearchParams();
    if (route.court) params.set('court', route.court);
    if (route.item) {
      params.set('item', route.item);
      if (route.itemTab) params.set('tab', route.itemTab);
    }
    if (route.measure) params.set('measure', route.measure);
    if (route.report) params.set('report', route.report);
    if (route.order) params.set('order', route.order);
    if (route.notice) params.set('notice', route.notice);
    if (route.draft) {
      params.set('draft', route.draft);
      if (route.draftCourts?.length) params.set('courts', route.draftCourts.join(','));
    }
    const query = params.toString();
    return query ? `${href}?${query}` : href;
  }
  if (route.name === 'lookbacks')
    return route.lookback ? `#/lookbacks?lookback=${encodeURIComponent(route.lookback)}` : '#/lookbacks';
  if (route.name === 'sync') return route.tab ? `#/sync/${route.tab}` : '#/sync';
  if (route.name === 'settings') return route.tab ? `#/settings/${route.tab}` : '#/settings';
  return `#/${route.name}`;
}

/** The checklist of a campaign, or one of its other tabs; with `court`, that subordinate's view. */
export function campaignRoute(id: string, tab: CampaignTab = 'checklist', court?: string): Route {
  return court ? { name: 'campaign', id, tab, court } : { name: 'campaign', id, tab };
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

/** An item's address: its campaign's checklist with the drawer open on `tab`. */
export function itemRoute(campaignId: string, itemId: string, tab?: ItemTab, court?: string): CampaignRoute {
  return {
    ...(campaignRoute(campaignId, 'checklist', court) as CampaignRoute),
    item: itemId,
    ...(tab ? { itemTab: tab } : {}),
  };
}

/** The same address without the record it opens (what closing a drawer returns to). */
export function withoutRecord(route: CampaignRoute): CampaignRoute {
  const {
    item: _item,
    itemTab: _itemTab,
    measure: _measure,
    report: _report,
    order: _order,
    notice: _notice,
    draft: _draft,
    draftCourts: _draftCourts,
    ...rest
  } = route;
  void [_item, _itemTab, _measure, _report, _order, _notice, _draft, _draftCourts];
  return rest;
}

/** Marks a history entry pushed by openRecord: closing that record goes back instead of forward. */
const OPENED_FROM = 'openedFrom';

/**
 * Opens a record from the page it belongs to (a checklist row, a tab switch inside the drawer):
 * a new history entry, so the back button closes it again.
 */
export function openRecord(route: Route, replace = false): void {
  const href = routeHref(route);
  if (href === window.location.hash) return;
  const from = replace ? (window.history.state as Record<string, unknown> | null)?.[OPENED_FROM] : window.location.hash;
  const state = from ? { [OPENED_FROM]: from } : null;
  if (replace) window.history.replaceState(state, '', href);
  else window.history.pushState(state, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/**
 * Leaves a record for `to` (the same page without it): back when the record was opened from
 * there (the entry openRecord pushed), else in place of the record's address (arrived by a link,
 * a reload), so the back button then returns to where the person came from.
 */
export function closeRecord(to: Route): void {
  const href = routeHref(to);
  const from = (window.history.state as Record<string, unknown> | null)?.[OPENED_FROM];
  if (from === href) {
    window.history.back();
    return;
  }
  window.history.replaceState(null, '', href);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
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
