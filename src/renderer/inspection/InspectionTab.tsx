// Placeholder: being built.
import type { Campaign } from '../../shared/model';

export function InspectionTab({ campaign }: { campaign: Campaign }) {
  return <div>{campaign.title}</div>;
}
