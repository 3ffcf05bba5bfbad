// The data of the campaign summary (活动总结): the figures of 基本情况 (items, lights, ledger
// closure, self-inspection filing, indicators), the board's sections and burn-down for the charts,
// the overdue items and the indicator table. Reads through the existing views: campaignProgress,
// the campaign board (which carries the indicators), ledgerClosure and the item list.
import type {
  BoardCounts,
  CampaignBoard,
  CampaignProgress,
  IndicatorRow,
  ItemRow,
  LedgerClosure,
  ProvinceBoard,
} from '../../shared/model';
import { ITEM_STATUS_ZH } from '../app/statusText';
import type { ServiceContext } from '../api/context';
import { campaignBoard, daysBetween } from '../boards/campaignBoard';
import { attainmentCounts } from '../indicators/indicators';
import { campaignProgress, listItems } from '../checklist/items';
import { ledgerClosure } from '../ledger/closure';
import { inspectionCounts, type InspectionCounts } from './inspectionReport';
import { reportHead, viewedCode } from './reportScope';
import { requireProfile } from '../court/courtProfile';
import { provinceBoard } from '../province/provinceBoard';
import { provinceLines, rateText, type ProvinceReportLine } from './provinceReport';
import { percentText, TEXT } from './reportText';

export interface OverdueLine {
  number: number;
  title: string;
  leadLeader: string;
  department: string;
  deadline: string;
  daysOverdue: number;
  status: string;
}

export interface SummaryReportData {
  courtCode: string;
  courtName: string;
  campaignTitle: string;
  reportDate: string;
  today: string;
  progress: CampaignProgress['overall'];
  lights: Pick<BoardCounts, 'red' | 'yellow' | 'green' | 'completed' | 'total'>;
  /** The sentences of 基本情况, in order. */
  figures: string[];
  /** Label / value pairs of the same figures, for the workbook. */
  facts: Array<[string, string | number]>;
  inspection: InspectionCounts;
  indicatorCounts: { total: number; met: number; close: number; missed: number; noValue: number };
  sections: CampaignBoard['bySection'];
  burnDown: CampaignBoard['burnDown'];
  overdue: OverdueLine[];
  indicators: IndicatorRow[];
  /**
   * At a higher court (its own summary): the province or jurisdiction first — the sentence of its
   * figures and the table by jurisdiction with this court's own items and the total; null elsewhere.
   */
  province: { heading: string; figure: string; lines: ProvinceReportLine[] } | null;
  /** The views the figures come from, for the written summary's drafting (src/main/writtenSummary). */
  views: {
    campaignId: string;
    /** The court code a read takes: undefined for this court's own rows. */
    viewed: string | undefined;
    campaignStart: string | null;
    progress: CampaignProgress;
    byDepartment: CampaignBoard['byDepartment'];
    closure: LedgerClosure;
    items: ItemRow[];
    /** At a higher court's own summary: its board of subordinate courts. */
    board: ProvinceBoard | null;
  };
}

/** The province's figures for a higher court's own summary; null at a basic court or without subordinates. */
async function provincePart(
  ctx: ServiceContext,
  campaignId: string,
  ownName: string,
): Promise<{ part: SummaryReportData['province']; board: ProvinceBoard } | null> {
  const profile = await requireProfile(ctx);
  if (profile.level === 'basic') return null;
  const board = await provinceBoard(ctx, campaignId);
  if (board.courts.length === 0) return null;
  const t = board.total;
  const scope = board.level === 'high' ? '全省' : '全辖区';
  const figure =
    `${scope}应报法院 ${t.courtCount} 个，数据为当期的 ${t.currentCount} 个（报送率 ${rateText(t.reportingRate)}）；` +
    `${scope}（含本院）事项 ${t.totals.total} 项，已完成 ${t.totals.completed} 项，完成率 ${rateText(t.totals.completionRate)}，` +
    `逾期未完成 ${t.totals.overdue} 项（红灯 ${t.totals.overdue} 项、黄灯 ${t.totals.yellow} 项、绿灯 ${t.totals.green} 项）；` +
    `后进法院 ${board.laggardCount} 个。`;
  const lines = provinceLines(board, ownName).filter((line) => line.kind !== 'court');
  return { part: { heading: `${scope}推进情况`, figure, lines }, board };
}

export async function summaryReport(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<SummaryReportData> {
  const head = await reportHead(ctx, campaignId, courtCode, '活动总结');
  const viewed = viewedCode(head);
  const [progress, board, closure, inspection, items, higher] = await Promise.all([
    campaignProgress(ctx, campaignId, viewed),
    campaignBoard(ctx, { campaignId, courtCode: viewed }),
    ledgerClosure(ctx, campaignId, viewed),
    inspectionCounts(ctx, campaignId, head.court),
    listItems(ctx, campaignId, viewed),
    viewed === undefined ? provincePart(ctx, campaignId, head.courtName) : Promise.resolve(null),
  ]);
  const province = higher?.part ?? null;
  const today = board.today;
  const overdue = items
    .filter((item) => item.light === 'red')
    .map((item) => ({
      number: item.number,
      title: item.title,
      leadLeader: item.leadLeader,
      department: item.departmentName,
      deadline: item.deadline ?? '',
      daysOverdue: item.deadline ? daysBetween(item.deadline, today) : 0,
      status: ITEM_STATUS_ZH[item.status],
    }));
  const indicatorCounts = attainmentCounts(board.indicators);
  const o = progress.overall;
  const lights = {
    red: board.totals.red,
    yellow: board.totals.yellow,
    green: board.totals.green,
    completed: board.totals.completed,
    total: board.totals.total,
  };
  const ledgerFigures = {
    findings: closure.overall.total,
    closed: closure.overall.closed,
    rate: percentText(closure.overall.rate),
    measures: closure.byFinding.reduce((sum, f) => sum + f.measures, 0),
    closedMeasures: closure.byFinding.reduce((sum, f) => sum + f.closedMeasures, 0),
    longTerm: closure.byFinding.reduce((sum, f) => sum + f.longTermMeasures, 0),
  };
  const F = TEXT.summary.figures;
  const figures = [
    ...(province ? [province.figure] : []),
    (province ? '本院自身：' : '') +
      F.items({ total: o.total, done: o.done, signedOff: o.signedOff, percent: o.percentDone, overdue: o.overdue }),
    F.lights(lights),
    closure.overall.total ? F.ledger(TEXT.ledger.closureLine(ledgerFigures)) : F.noLedger,
    F.inspection(inspection),
    F.indicators(indicatorCounts),
  ];
  const total = province ? province.lines[province.lines.length - 1] : null;
  const facts: Array<[string, string | number]> = [
    ...(total
      ? ([
          [`${province!.heading}：事项总数`, total.totals.total],
          [`${province!.heading}：已完成`, total.totals.completed],
          [`${province!.heading}：完成率`, rateText(total.totals.completionRate)],
          [`${province!.heading}：逾期未完成`, total.totals.overdue],
        ] as Array<[string, string | number]>)
      : []),
    ['事项总数', o.total],
    ['已完成', o.done],
    ['已销号', o.signedOff],
    ['完成率', `${o.percentDone}%`],
    ['逾期未完成', o.overdue],
    ['红灯', lights.red],
    ['黄灯', lights.yellow],
    ['绿灯', lights.green],
    ['整改问题', ledgerFigures.findings],
    ['已整改销号', ledgerFigures.closed],
    ['整改率', ledgerFigures.rate],
    ['整改措施', ledgerFigures.measures],
    ['已完成措施', ledgerFigures.closedMeasures],
    ['长期坚持措施', ledgerFigures.longTerm],
    ['查摆报告应报', inspection.expected],
    ['查摆报告已报', inspection.filed],
    ['查摆报告已审核', inspection.accepted],
    ['查摆报告退回重填', inspection.returned],
    ['指标总数', indicatorCounts.total],
    ['指标达标', indicatorCounts.met],
    ['指标接近', indicatorCounts.close],
    ['指标未达标', indicatorCounts.missed],
  ];
  return {
    courtCode: head.court,
    courtName: head.courtName,
    campaignTitle: head.campaign.title,
    reportDate: head.reportDate,
    today,
    progress: o,
    lights,
    figures,
    facts,
    inspection,
    indicatorCounts,
    sections: board.bySection,
    burnDown: board.burnDown,
    overdue,
    indicators: board.indicators,
    province,
    views: {
      campaignId,
      viewed,
      campaignStart: head.campaign.startDate,
      progress,
      byDepartment: board.byDepartment,
      closure,
      items,
      board: higher?.board ?? null,
    },
  };
}
