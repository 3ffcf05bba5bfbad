// Where each piece of work is done: the record itself, by its address (the item's drawer on the
// right tab, the measure, the 查摆报告, the look-back). Rows that lead there are real links: the
// title is an <a href> (Tab reaches it, a screen reader says "link"), and a click anywhere on the
// row follows the same address.
import type { ComponentProps, MouseEvent } from 'react';
import { Table } from '@mantine/core';
import type { WorkEntry } from '../../shared/model';
import { prefetchItems } from '../campaign/itemsPrefetch';
import { campaignRoute, itemRoute, routeHref, type ItemTab, type Route } from '../lib/router';

/** The tab an item opens on for this work: 记录进展 to fill in or revise, 佐证材料 to review. */
export function itemTabFor(action: WorkEntry['action']): ItemTab {
  return action === 'sign_off' || action === 'review' ? 'evidence' : 'progress';
}

export function workRoute(entry: Pick<WorkEntry, 'kind' | 'id' | 'campaignId' | 'action'>): Route {
  switch (entry.kind) {
    case 'item':
      return itemRoute(entry.campaignId, entry.id, itemTabFor(entry.action));
    case 'report':
      return { ...campaignRoute(entry.campaignId, 'inspection'), report: entry.id } as Route;
    case 'measure':
      return { ...campaignRoute(entry.campaignId, 'ledger'), measure: entry.id } as Route;
    case 'lookback':
      return { name: 'lookbacks', lookback: entry.id };
  }
}

export const workHref = (entry: Pick<WorkEntry, 'kind' | 'id' | 'campaignId' | 'action'>) =>
  routeHref(workRoute(entry));

/** Starts loading an item's checklist as soon as the link is followed. */
export function onFollow(entry: Pick<WorkEntry, 'kind' | 'campaignId'>): void {
  if (entry.kind === 'item') prefetchItems(entry.campaignId);
}

type RowProps = Omit<ComponentProps<typeof Table.Tr>, 'onClick'> & { href: string; onFollow?(): void };

/**
 * A table row whose title cell holds the link (an <a href={href}>): a click elsewhere on the row
 * follows it too. Not itself focusable, so the link is the one stop for Tab.
 */
export function HrefRow({ href, onFollow: follow, style, ...rest }: RowProps) {
  const onClick = (event: MouseEvent<HTMLTableRowElement>) => {
    follow?.();
    // The link handles its own click (and a middle click or a modifier key as the browser does).
    if ((event.target as HTMLElement).closest('a, button, input, [role="button"]')) return;
    window.location.hash = href;
  };
  return <Table.Tr {...rest} onClick={onClick} style={{ cursor: 'pointer', ...style }} />;
}
