// Reports of a campaign: preview, print, save as PDF/XLSX (placeholder until built).
import type { Campaign } from '../../shared/model';

export function ReportsTab(_props: { campaign: Campaign; courtCode: string | null; courtName?: string; onBackToOwn(): void }) {
  return null;
}
