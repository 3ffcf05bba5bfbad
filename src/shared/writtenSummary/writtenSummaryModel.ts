// The written 活动总结: the four parts a court leader signs (一、基本情况 二、主要做法和成效
// 三、存在的问题 四、下一步工作打算), drafted from the campaign's data and edited by the clerk.
//
// A part's text is a template: a figure is written as its field name in 【】, e.g. “完成率【完成率】”,
// and is filled with the current value every time the summary is shown or printed. The clerk's
// edits are kept with the campaign (per court) and reused the next time, so a figure is never
// retyped: only the words around it are the clerk's.

export const summaryParts = ['situation', 'practices', 'problems', 'nextSteps'] as const;
export type SummaryPart = (typeof summaryParts)[number];

/** One figure a template can cite: its name (as written inside 【】) and its current value. */
export interface SummaryField {
  name: string;
  value: string;
  /** What it counts, for the editor's list of fields, e.g. 本院已完成事项占全部事项的比例. */
  hint: string;
}

export interface WrittenSummaryPart {
  part: SummaryPart;
  /** 一、基本情况 … 四、下一步工作打算. */
  heading: string;
  /** The template drafted from the data now. */
  drafted: string;
  /** The clerk's saved template, or null while the drafted one is used. */
  saved: string | null;
  savedAt: string | null;
  savedBy: string | null;
  /** saved ?? drafted: the template printed. */
  template: string;
  /** The template with every known 【field】 filled: what prints. */
  text: string;
  /** Names inside 【】 that are not fields (printed as written, shown as a warning). */
  unknownFields: string[];
}

export interface WrittenSummary {
  campaignId: string;
  courtCode: string;
  courtName: string;
  /** e.g. 某某法院关于“能力作风建设年”活动开展情况的总结. */
  title: string;
  /** YYYY-MM-DD, the date printed under the signature. */
  reportDate: string;
  /** court: the court's own work; jurisdiction: an intermediate court with its basic courts; province: a high court. */
  scope: 'court' | 'jurisdiction' | 'province';
  parts: WrittenSummaryPart[];
  fields: SummaryField[];
  /** Items and progress notes marked 亮点 that the drafted 主要做法和成效 draws on. */
  highlightCount: number;
  /** False when viewing a subordinate's summary (read-only) or without the right to edit. */
  editable: boolean;
}
