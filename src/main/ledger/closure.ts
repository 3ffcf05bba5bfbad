// Closure figures (办结率) of one campaign's ledger, as rectification reports state them:
// "451 件信访件，已办结 450 件，办结率 99.8%". Overall, per source and per finding. Findings whose
// only open measures are long-term (长期整改) are counted apart, neither closed nor open. One
// court's ledger: this court's by default, a subordinate's on request.
import { ledgerSources } from '../../shared/api';
import { closureRate, findingClosure, isMeasureClosed, type FindingClosure } from '../../shared/ledgerRules';
import type { ClosureFigure, LedgerClosure, LedgerSource } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { loadCampaignRow } from '../campaigns/campaigns';
import { viewedCourtCode } from '../court/courtProfile';
import { numberedFindings } from './ledgerViews';

function emptyFigure(): ClosureFigure {
  return { total: 0, closed: 0, longTerm: 0, open: 0, rate: null };
}

function count(figure: ClosureFigure, closure: FindingClosure): void {
  figure.total += 1;
  if (closure === 'closed') figure.closed += 1;
  else if (closure === 'longTerm') figure.longTerm += 1;
  else figure.open += 1;
}

function finish(figure: ClosureFigure): ClosureFigure {
  figure.rate = closureRate(figure.closed, figure.total);
  return figure;
}

/** Sources appear in the contract's order, and only those the ledger has findings from. */
export async function ledgerClosure(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<LedgerClosure> {
  await loadCampaignRow(ctx, campaignId);
  const court = await viewedCourtCode(ctx, courtCode);
  const [findings, measures] = await Promise.all([
    numberedFindings(ctx, campaignId, court),
    ctx.db
      .selectFrom('ledgerMeasures')
      .select(['findingId', 'status', 'longTerm'])
      .where('campaignId', '=', campaignId)
      .where('origin', '=', court)
      .where('deletedAt', 'is', null)
      .execute(),
  ]);
  const byFinding = new Map<string, Array<{ status: (typeof measures)[number]['status']; longTerm: boolean }>>();
  for (const m of measures) {
    const entry = { status: m.status, longTerm: m.longTerm === 1 };
    const list = byFinding.get(m.findingId);
    if (list) list.push(entry);
    else byFinding.set(m.findingId, [entry]);
  }
  const overall = emptyFigure();
  const bySource = new Map<LedgerSource, ClosureFigure>();
  const perFinding: LedgerClosure['byFinding'] = [];
  findings.forEach((finding, index) => {
    const own = byFinding.get(finding.id) ?? [];
    const closure = findingClosure(own);
    count(overall, closure);
    if (!bySource.has(finding.source)) bySource.set(finding.source, emptyFigure());
    count(bySource.get(finding.source)!, closure);
    perFinding.push({
      findingId: finding.id,
      number: index + 1,
      title: finding.title,
      source: finding.source,
      measures: own.length,
      closedMeasures: own.filter((m) => isMeasureClosed(m.status)).length,
      longTermMeasures: own.filter((m) => m.longTerm).length,
      closed: closure === 'closed',
    });
  });
  return {
    campaignId,
    overall: finish(overall),
    bySource: ledgerSources
      .filter((source) => bySource.has(source))
      .map((source) => ({ ...finish(bySource.get(source)!), source })),
    byFinding: perFinding,
  };
}
