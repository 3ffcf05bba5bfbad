// Shows the 督办单 named by the address (#/campaign/<id>/orders?order=<orderId>) in the order
// drawer; closing it returns to the same address without the order. The campaign's 督办通报 tab
// mounts it (passing its route); without one it follows the current address itself.
import { closeRecord, useRoute, withoutRecord, type CampaignRoute } from '../lib/router';
import { OrderDrawer } from './OrderDrawer';

export function OrderDrawerHost({ route: given }: { route?: CampaignRoute } = {}) {
  const current = useRoute();
  const route = given ?? (current.name === 'campaign' ? current : null);
  const orderId = route?.order ?? null;
  return <OrderDrawer orderId={orderId} onClose={() => route && closeRecord(withoutRecord(route))} />;
}

/** A 督办单's address: its campaign's 督办通报 tab with the drawer open. */
export function orderRoute(campaignId: string, orderId: string): CampaignRoute {
  return { name: 'campaign', id: campaignId, tab: 'orders', order: orderId };
}
