// Reports (报表): a preview and a saved file. Plain data that crosses the process boundary.

/**
 * notice: a 通报 printed as a 公文 (from the notice itself, not offered in 报表打印); orders: the
 * 督办 ledger of the courts below this one.
 */
export const reportKinds = ['checklist', 'inspection', 'ledger', 'summary', 'province', 'orders', 'notice'] as const;
export type ReportKind = (typeof reportKinds)[number];

export const reportFormats = ['pdf', 'xlsx', 'html', 'docx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface ReportPreview {
  kind: ReportKind;
  title: string;
  /** Suggested file name without extension, e.g. 某某法院能力作风建设年推进清单. */
  baseName: string;
  /** A self-contained A4 document, as printed. */
  html: string;
  /** Printed on landscape A4 (the preview draws the paper the same way round). */
  landscape: boolean;
  /** Formats this kind can be saved as. */
  formats: ReportFormat[];
}

export interface ReportFile {
  kind: ReportKind;
  format: ReportFormat;
  path: string;
  bytes: number;
  /** For PDF. */
  pages: number | null;
}
