// Placeholder until H4 builds the campaign's 督办通报 tab.
import type { Campaign } from '../../shared/model';
import type { CampaignRoute } from '../lib/router';

export function OrdersTab(_props: { campaign: Campaign; route: CampaignRoute }): null {
  return null;
}
