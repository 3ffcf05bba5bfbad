// Placeholder: being built.
import type { Campaign } from '../../shared/model';

export function LedgerTab({ campaign }: { campaign: Campaign }) {
  return <div>{campaign.title}</div>;
}
