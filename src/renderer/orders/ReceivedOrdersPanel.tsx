// Placeholder until H5 builds the list of 督办单 addressed to this court.
export function ReceivedOrdersPanel(_props: { campaignId: string }): null {
  return null;
}
