// The matrix of subordinate courts × the campaign's sections (placeholder until built).
import type { Campaign } from '../../shared/model';

export function ProvinceBoardTab(_props: { campaign: Campaign }) {
  return null;
}
