// Placeholder until H6 builds the 通报 panel (this court's notices, and those received).
export function NoticesPanel(_props: { campaignId: string }): null {
  return null;
}
