// The data of the rectification ledger report (整改台账): the closure figures line as published
// rectification reports state it (问题 N 个，已整改销号 N 个，整改率 N%…), and the ledger's findings
// grouped by source, each with its measures and their latest progress. Reads through the ledger's
// own views (listLedger, ledgerClosure) so the report matches the screen; writes nothing.
import { ledgerSources } from '../../shared/api';
import type { LedgerSource } from '../../shared/model';
import { MEASURE_STATUS_LABELS } from '../../shared/statusLabels';
import type { ServiceContext } from '../api/context';
import { ledgerClosure } from '../ledger/closure';
import { listLedger } from '../ledger/ledgerViews';
import { latestNoteEach, reportHead, viewedCode } from './reportScope';
import { LEDGER_SOURCE_TEXT, percentText, TEXT } from './reportText';

export interface LedgerMeasureLine {
  text: string;
  /** 责任部门/责任人 */
  responsible: string;
  leadLeader: string;
  deadline: string;
  /** Latest progress note (date and text); '' when none. */
  progress: string;
  /** Status text, with （逾期） when past the deadline and open, （逾期完成） when finished late. */
  status: string;
  overdue: boolean;
  /** Finished after its deadline (kept once signed off). */
  completedLate: boolean;
}

export interface LedgerFindingBlock {
  number: number;
  title: string;
  reference: string;
  source: string;
  measures: LedgerMeasureLine[];
}

export interface LedgerReportData {
  courtCode: string;
  courtName: string;
  campaignTitle: string;
  reportDate: string;
  /** The figures line under the title. */
  closureLine: string;
  /** One line per source the ledger has findings from. */
  sourceLines: string[];
  groups: Array<{ source: LedgerSource; heading: string; findings: LedgerFindingBlock[] }>;
  findingCount: number;
  measureCount: number;
}

/** Each measure's latest progress note (by event date, then the order written). */
async function latestProgress(ctx: ServiceContext, campaignId: string, court: string): Promise<Map<string, string>> {
  const events = await ctx.db
    .selectFrom('ledgerEvents')
    .innerJoin('ledgerMeasures', 'ledgerMeasures.id', 'ledgerEvents.measureId')
    .select([
      'ledgerEvents.measureId as ownerId',
      'ledgerEvents.eventDate as date',
      'ledgerEvents.text',
      'ledgerEvents.changeSeq as seq',
    ])
    .where('ledgerMeasures.campaignId', '=', campaignId)
    .where('ledgerMeasures.origin', '=', court)
    .where('ledgerMeasures.deletedAt', 'is', null)
    .where('ledgerEvents.deletedAt', 'is', null)
    .where('ledgerEvents.kind', 'in', ['progress', 'submit'])
    .execute();
  return new Map([...latestNoteEach(events)].map(([id, note]) => [id, `${note.date}\n${note.text}`]));
}

export async function ledgerReport(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<LedgerReportData> {
  const head = await reportHead(ctx, campaignId, courtCode, '整改台账');
  const viewed = viewedCode(head);
  const [rows, closure, progress] = await Promise.all([
    listLedger(ctx, { campaignId, courtCode: viewed }),
    ledgerClosure(ctx, campaignId, viewed),
    latestProgress(ctx, campaignId, head.court),
  ]);

  const blocks = new Map<string, LedgerFindingBlock & { sourceKey: LedgerSource }>();
  for (const { finding, measure } of rows) {
    let block = blocks.get(finding.id);
    if (!block) {
      block = {
        number: finding.number,
        title: finding.title,
        reference: finding.reference,
        source: LEDGER_SOURCE_TEXT[finding.source],
        sourceKey: finding.source,
        measures: [],
      };
      blocks.set(finding.id, block);
    }
    if (!measure) continue;
    const overdue = measure.light === 'red';
    const completedLate = measure.completedLate && !overdue;
    const status = measure.longTerm
      ? `${MEASURE_STATUS_LABELS[measure.status]}（${TEXT.ledger.longTerm}）`
      : MEASURE_STATUS_LABELS[measure.status];
    block.measures.push({
      text: measure.text,
      responsible: [measure.departmentName, measure.owner].filter(Boolean).join('\n'),
      leadLeader: measure.leadLeader,
      deadline: measure.longTerm ? TEXT.ledger.longTerm : (measure.deadline ?? ''),
      progress: progress.get(measure.id) ?? '',
      status: overdue ? `${status}（逾期）` : completedLate ? `${status}（逾期完成）` : status,
      overdue,
      completedLate,
    });
  }
  const groups = ledgerSources
    .map((source) => ({
      source,
      heading: LEDGER_SOURCE_TEXT[source],
      findings: [...blocks.values()].filter((b) => b.sourceKey === source),
    }))
    .filter((group) => group.findings.length > 0);

  const measures = closure.byFinding.reduce((sum, f) => sum + f.measures, 0);
  const closedMeasures = closure.byFinding.reduce((sum, f) => sum + f.closedMeasures, 0);
  const longTerm = closure.byFinding.reduce((sum, f) => sum + f.longTermMeasures, 0);
  return {
    courtCode: head.court,
    courtName: head.courtName,
    campaignTitle: head.campaign.title,
    reportDate: head.reportDate,
    closureLine: TEXT.ledger.closureLine({
      findings: closure.overall.total,
      closed: closure.overall.closed,
      rate: percentText(closure.overall.rate),
      measures,
      closedMeasures,
      longTerm,
    }),
    sourceLines: closure.bySource.map((figure) =>
      TEXT.ledger.sourceLine(figure.source, {
        total: figure.total,
        closed: figure.closed,
        rate: percentText(figure.rate),
      }),
    ),
    groups,
    findingCount: closure.overall.total,
    measureCount: measures,
  };
}
