// A campaign's board (挂图作战) for this court or a viewed subordinate (placeholder until built).
import type { Campaign } from '../../shared/model';

export function CampaignBoardTab(_props: { campaign: Campaign; courtCode: string | null; courtName?: string; onBackToOwn(): void }) {
  return null;
}
