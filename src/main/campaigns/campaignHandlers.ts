// The campaigns' part of the operation table (专项活动): list, details, status and light rules.
// The service is in campaigns.ts.
import type { campaignOperations } from '../../shared/campaigns/campaignsContract';
import type { AreaHandlers } from '../api/handlerTypes';
import * as campaigns from './campaigns';

/** Exactly the operations of src/shared/campaigns/campaignsContract.ts. */
export type CampaignOperation = keyof typeof campaignOperations;

export const campaignHandlers: AreaHandlers<CampaignOperation> = {
  'campaigns.list': (ctx, input) => campaigns.listCampaigns(ctx, input),
  'campaigns.get': (ctx, input) => campaigns.getCampaign(ctx, input.id),
  'campaigns.create': (ctx, input) => campaigns.createCampaign(ctx, input),
  'campaigns.update': (ctx, input) => campaigns.updateCampaign(ctx, input),
  'campaigns.setStatus': (ctx, input) => campaigns.setCampaignStatus(ctx, input),
  'campaigns.delete': (ctx, input) => campaigns.deleteCampaign(ctx, input),
  'campaigns.setLightRules': (ctx, input) => campaigns.setLightRules(ctx, input),
};
