// 通报 (notices): commendation, criticism or a situation report on a campaign, drafted from its
// figures, edited, printed as a 公文 and issued to every roster court. Plain data that crosses the
// process boundary.

/** 表扬通报 / 批评通报 / 情况通报. */
export const noticeKinds = ['praise', 'criticism', 'situation'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

export type NoticeStance = 'praise' | 'criticism';

/** A court a notice names, praised or criticised. */
export interface NamedCourt {
  code: string;
  name: string;
  stance: NoticeStance;
}

/** own: this court drafted or issued it; received: a superior issued it (read-only). */
export type NoticeRelation = 'own' | 'received';

export interface Notice {
  id: string;
  version: number;
  origin: string;
  originName: string;
  campaignId: string;
  campaignTitle: string;
  kind: NoticeKind;
  title: string;
  /** 主送. */
  addressees: string;
  body: string;
  /** 落款: the issuing court's name. */
  issuerName: string;
  namedCourts: NamedCourt[];
  periodFrom: string | null;
  periodTo: string | null;
  status: 'draft' | 'issued';
  /** 文号, given when issued ('' for a draft). */
  docNumber: string;
  /** 成文日期, YYYY-MM-DD. */
  signedDate: string | null;
  draftedBy: string;
  issuedBy: string | null;
  issuedAt: string | null;
  relation: NoticeRelation;
  createdAt: string;
  updatedAt: string;
  /**
   * For each court named critically: how many issued criticism notices of this campaign named it
   * up to and including this one (seed 000: repeated notices lead to accountability).
   */
  criticismCounts: Record<string, number>;
}
