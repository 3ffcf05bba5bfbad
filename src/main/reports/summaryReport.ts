// The data of the campaign summary (活动总结): the figures of 基本情况 (items, lights, ledger
// closure, self-inspection filing, indicators), the board's sections and burn-down for the charts,
// the overdue items and the indicator table. Reads through the existing views: campaignProgress,
// the campaign board (which carries the indicators), ledgerClosure and the item list.
import type { BoardCounts, CampaignBoard, CampaignProgress, IndicatorRow } from '../../shared/model';
import { ITEM_STATUS_ZH } from '../app/statusText';
import type { ServiceContext } from '../api/context';
import { campaignBoard, daysBetween } from '../boards/campaignBoard';
import { attainmentCounts } from '../indicators/indicators';
import { campaignProgress, listItems } from '../checklist/items';
import { ledgerClosure } from '../ledger/closure';
import { inspectionCounts, type InspectionCounts } from './inspectionReport';
import { reportHead, viewedCode } from './reportScope';
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
}

export async function summaryReport(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<SummaryReportData> {
  const head = await reportHead(ctx, campaignId, courtCode, '活动总结');
  const viewed = viewedCode(head);
  const [progress, board, closure, inspection, items] = await Promise.all([
    campaignProgress(ctx, campaignId, viewed),
    campaignBoard(ctx, { campaignId, courtCode: viewed }),
    ledgerClosure(ctx, campaignId, viewed),
    inspectionCounts(ctx, campaignId, head.court),
    listItems(ctx, campaignId, viewed),
  ]);
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
    F.items({ total: o.total, done: o.done, signedOff: o.signedOff, percent: o.percentDone, overdue: o.overdue }),
    F.lights(lights),
    closure.overall.total ? F.ledger(TEXT.ledger.closureLine(ledgerFigures)) : F.noLedger,
    F.inspection(inspection),
    F.indicators(indicatorCounts),
  ];
  const facts: Array<[string, string | number]> = [
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
  };
}
