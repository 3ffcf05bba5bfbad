// Supervision notes (督导意见) a higher court writes on a subordinate's work. Plain data that
// crosses the process boundary.

export interface SupervisionNote {
  id: string;
  origin: string;
  /** The writing court's name (its code when the name is not held). */
  originName: string;
  version: number;
  campaignId: string;
  courtCode: string;
  itemId: string | null;
  itemTitle: string | null;
  kind: 'comment' | 'supervision';
  author: string;
  text: string;
  createdAt: string;
  updatedAt: string;
}
