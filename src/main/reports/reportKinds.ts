// Every report a campaign can print, behind one function: the app's preview and export, and the
// command line, build reports only through buildReport() so they print the same thing.
import type { ServiceContext } from '../api/context';
import type { ReportFormat, ReportKind } from '../../shared/model';
import { checklistReport } from './checklistReport';
import { inspectionReportDocx } from './inspectionDocx';
import { inspectionReportHtml } from './inspectionHtml';
import { inspectionReport } from './inspectionReport';
import { inspectionReportXlsx } from './inspectionXlsx';
import { ledgerReportHtml } from './ledgerHtml';
import { ledgerReport } from './ledgerReport';
import { ledgerReportXlsx } from './ledgerXlsx';
import { checklistReportHtml } from './reportHtml';
import { checklistReportXlsx } from './reportXlsx';
import { summaryDocumentHtml } from './summaryDocument';
import { summaryDocx } from './summaryDocx';
import { summaryReport } from './summaryReport';
import { summaryReportXlsx } from './summaryXlsx';
import { summaryTitle } from './reportText';
import { reportHead } from './reportScope';
import { checkProvinceScope, PROVINCE_REPORT_TITLE, provinceReport } from './provinceReport';
import { provinceReportHtml } from './provinceHtml';
import { provinceReportXlsx } from './provinceXlsx';
import { checkOrdersScope, ORDERS_REPORT_TITLE, ordersReport } from './ordersReport';
import { ordersReportHtml } from './ordersHtml';
import { ordersReportXlsx } from './ordersXlsx';
import { NOTICE_REPORT_TITLE, noticeBaseName, noticeDocx, noticeForReport, noticeHtml } from './noticeReport';
import { ApiError } from '../api/errors';
import { writtenSummaryOf } from '../writtenSummary/writtenSummary';

/** What each kind is called on paper and in file names. */
export const REPORT_TITLES: Record<ReportKind, string> = {
  checklist: '推进清单',
  inspection: '查摆报告表',
  ledger: '整改台账',
  summary: '活动总结',
  province: PROVINCE_REPORT_TITLE,
  orders: ORDERS_REPORT_TITLE,
  notice: NOTICE_REPORT_TITLE,
};

/** The formats each kind can be saved as (html and pdf always; Word for the forms and the written documents). */
export const REPORT_FORMATS: Record<ReportKind, ReportFormat[]> = {
  checklist: ['pdf', 'xlsx', 'html'],
  inspection: ['pdf', 'xlsx', 'docx', 'html'],
  ledger: ['pdf', 'xlsx', 'html'],
  summary: ['pdf', 'docx', 'xlsx', 'html'],
  province: ['pdf', 'xlsx', 'html'],
  orders: ['pdf', 'xlsx', 'html'],
  notice: ['pdf', 'docx', 'html'],
};

export interface BuiltReport {
  kind: ReportKind;
  title: string;
  /** Court name + campaign title + report title: the suggested file name without extension. */
  baseName: string;
  courtCode: string;
  courtName: string;
  campaignTitle: string;
  /** The self-contained A4 document as printed. */
  html: string;
  /** Wide tables print on landscape pages. */
  landscape: boolean;
  /** The formats this kind can be saved as (html and pdf always). */
  formats: ReportFormat[];
  /** How many records the report lists (items, reports, findings), for messages. */
  recordCount: number;
  workbook(): Promise<Buffer>;
  /** Only kinds whose formats include docx. */
  document?(): Promise<Buffer>;
}

export interface ReportScope {
  campaignId: string;
  kind: ReportKind;
  courtCode?: string;
  /** Kind 'notice': the 通报 to print. */
  noticeId?: string;
}

async function buildChecklist(ctx: ServiceContext, scope: ReportScope): Promise<BuiltReport> {
  const report = await checklistReport(ctx, scope.campaignId, scope.courtCode);
  return {
    ...heading('checklist', report),
    html: checklistReportHtml(report),
    landscape: true,
    formats: REPORT_FORMATS.checklist,
    recordCount: report.itemCount,
    workbook: () => checklistReportXlsx(report),
  };
}

/** The parts every kind states the same way. */
function heading(kind: ReportKind, data: { courtCode: string; courtName: string; campaignTitle: string }) {
  return {
    kind,
    title: REPORT_TITLES[kind],
    baseName: `${data.courtName}${kind === 'summary' ? summaryTitle(data.campaignTitle) : `${data.campaignTitle}${REPORT_TITLES[kind]}`}`,
    courtCode: data.courtCode,
    courtName: data.courtName,
    campaignTitle: data.campaignTitle,
  };
}

/** Forms per person or department, portrait; also a Word document. */
async function buildInspection(ctx: ServiceContext, scope: ReportScope): Promise<BuiltReport> {
  const report = await inspectionReport(ctx, scope.campaignId, scope.courtCode);
  return {
    ...heading('inspection', report),
    html: inspectionReportHtml(report),
    landscape: false,
    formats: REPORT_FORMATS.inspection,
    recordCount: report.forms.length,
    workbook: () => inspectionReportXlsx(report),
    document: () => inspectionReportDocx(report),
  };
}

async function buildLedger(ctx: ServiceContext, scope: ReportScope): Promise<BuiltReport> {
  const report = await ledgerReport(ctx, scope.campaignId, scope.courtCode);
  return {
    ...heading('ledger', report),
    html: ledgerReportHtml(report),
    landscape: true,
    formats: REPORT_FORMATS.ledger,
    recordCount: report.findingCount,
    workbook: () => ledgerReportXlsx(report),
  };
}

/**
 * The written 活动总结 (the clerk's saved wording, else the draft, with today's figures) as a 公文
 * with the statistics as its 附件; Word the same; the workbook stays the statistics.
 */
async function buildSummary(ctx: ServiceContext, scope: ReportScope): Promise<BuiltReport> {
  const report = await summaryReport(ctx, scope.campaignId, scope.courtCode);
  const written = await writtenSummaryOf(ctx, report);
  return {
    ...heading('summary', report),
    html: summaryDocumentHtml(written, report),
    landscape: false,
    formats: REPORT_FORMATS.summary,
    recordCount: report.progress.total,
    workbook: () => summaryReportXlsx(report),
    document: () => summaryDocx(written, report),
  };
}

/** The higher court's matrix of the courts it expects reports from, with subtotals; landscape. */
async function buildProvince(ctx: ServiceContext, scope: ReportScope): Promise<BuiltReport> {
  const report = await provinceReport(ctx, scope.campaignId, scope.courtCode);
  return {
    ...heading('province', report),
    html: provinceReportHtml(report),
    landscape: true,
    formats: REPORT_FORMATS.province,
    recordCount: report.courtCount,
    workbook: () => provinceReportXlsx(report),
  };
}

/** The 督办台账 of the courts below this one; landscape. */
async function buildOrders(ctx: ServiceContext, scope: ReportScope): Promise<BuiltReport> {
  const report = await ordersReport(ctx, scope.campaignId, scope.courtCode);
  return {
    ...heading('orders', report),
    html: ordersReportHtml(report),
    landscape: true,
    formats: REPORT_FORMATS.orders,
    recordCount: report.orders.length,
    workbook: () => ordersReportXlsx(report),
  };
}

/** A 通报 as a 公文 (GB/T 9704), portrait, with its own pages and page numbers; also Word. */
async function buildNotice(ctx: ServiceContext, scope: ReportScope): Promise<BuiltReport> {
  const notice = await noticeForReport(ctx, scope.campaignId, scope.noticeId);
  return {
    kind: 'notice',
    title: NOTICE_REPORT_TITLE,
    baseName: noticeBaseName(notice),
    courtCode: notice.origin,
    courtName: notice.originName,
    campaignTitle: notice.campaignTitle,
    html: noticeHtml(notice),
    landscape: false,
    formats: REPORT_FORMATS.notice,
    recordCount: 1,
    workbook: () => Promise.reject(new ApiError('E_INVALID', '通报不能保存为 Excel 文件。')),
    document: () => noticeDocx(notice),
  };
}

const BUILDERS: Record<ReportKind, (ctx: ServiceContext, scope: ReportScope) => Promise<BuiltReport>> = {
  checklist: buildChecklist,
  inspection: buildInspection,
  ledger: buildLedger,
  summary: buildSummary,
  province: buildProvince,
  orders: buildOrders,
  notice: buildNotice,
};

export async function buildReport(ctx: ServiceContext, scope: ReportScope): Promise<BuiltReport> {
  return BUILDERS[scope.kind](ctx, scope);
}

/**
 * The refusals buildReport() would give for the campaign and the court, without gathering the
 * report: what an export refuses at once, before its job (which builds the report in a worker).
 */
export async function checkReportScope(ctx: ServiceContext, scope: ReportScope): Promise<void> {
  if (scope.kind === 'province') await checkProvinceScope(ctx, scope.campaignId, scope.courtCode);
  else if (scope.kind === 'orders') await checkOrdersScope(ctx, scope.campaignId, scope.courtCode);
  else if (scope.kind === 'notice') await noticeForReport(ctx, scope.campaignId, scope.noticeId);
  else await reportHead(ctx, scope.campaignId, scope.courtCode, REPORT_TITLES[scope.kind]);
}
