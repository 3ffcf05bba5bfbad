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
import { summaryReportHtml } from './summaryHtml';
import { summaryReport } from './summaryReport';
import { summaryReportXlsx } from './summaryXlsx';
import { summaryTitle } from './reportText';
import { reportHead } from './reportScope';
import { checkProvinceScope, PROVINCE_REPORT_TITLE, provinceReport } from './provinceReport';
import { provinceReportHtml } from './provinceHtml';
import { provinceReportXlsx } from './provinceXlsx';

/** What each kind is called on paper and in file names. */
export const REPORT_TITLES: Record<ReportKind, string> = {
  checklist: '推进清单',
  inspection: '查摆报告表',
  ledger: '整改台账',
  summary: '活动总结',
  province: PROVINCE_REPORT_TITLE,
};

/** The formats each kind can be saved as (html and pdf always; Word only for the forms). */
export const REPORT_FORMATS: Record<ReportKind, ReportFormat[]> = {
  checklist: ['pdf', 'xlsx', 'html'],
  inspection: ['pdf', 'xlsx', 'docx', 'html'],
  ledger: ['pdf', 'xlsx', 'html'],
  summary: ['pdf', 'xlsx', 'html'],
  province: ['pdf', 'xlsx', 'html'],
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

async function buildSummary(ctx: ServiceContext, scope: ReportScope): Promise<BuiltReport> {
  const report = await summaryReport(ctx, scope.campaignId, scope.courtCode);
  return {
    ...heading('summary', report),
    html: summaryReportHtml(report),
    landscape: false,
    formats: REPORT_FORMATS.summary,
    recordCount: report.progress.total,
    workbook: () => summaryReportXlsx(report),
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

const BUILDERS: Record<ReportKind, (ctx: ServiceContext, scope: ReportScope) => Promise<BuiltReport>> = {
  checklist: buildChecklist,
  inspection: buildInspection,
  ledger: buildLedger,
  summary: buildSummary,
  province: buildProvince,
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
  else await reportHead(ctx, scope.campaignId, scope.courtCode, REPORT_TITLES[scope.kind]);
}
