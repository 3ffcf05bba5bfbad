// 本院挂图: every active campaign of this court at a glance — its own items' completion, overdue
// and lights, items due this week, the rectification ledger's closure, self-inspection reports by
// state, indicator attainment — plus the items due this week across campaigns and "my work".
// Only this court's own rows count (origin = own court): other courts' copies are theirs.
import { sql, type Selectable } from 'kysely';
import { addDays, lightRule } from '../../shared/checklistRules';
import type { CourtBoard, CourtBoardCampaign, DueItem } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { listSections } from '../campaigns/campaigns';
import { ownCourtCode, superiorCourtCodes, today } from '../court/courtProfile';
import type { CampaignsTable } from '../data/schema';
import { attainmentCounts, listIndicators } from '../indicators/indicators';
import { ledgerClosure } from '../ledger/closure';
import { itemReturnReasons, myWork } from '../work/myWork';
import { countItems, sumCounts } from './boardCounts';

/** "This week": today and the next seven days. */
const DUE_WINDOW_DAYS = 7;
const DUE_LIST_LIMIT = 50;
const OPEN_STATUSES = ['not_started', 'in_progress', 'returned'] as const;

type CampaignRow = Selectable<CampaignsTable>;

/** Campaigns under way that this court carries out: its own and those received from a superior. */
async function activeCampaigns(ctx: ServiceContext, own: string): Promise<CampaignRow[]> {
  const superiors = await superiorCourtCodes(ctx);
  return ctx.db
    .selectFrom('campaigns')
    .selectAll()
    .where('deletedAt', 'is', null)
    .where('status', '=', 'active')
    .where('origin', 'in', [own, ...superiors])
    .orderBy('year', 'desc')
    .orderBy('createdAt', 'desc')
    .execute();
}

/**
 * The checklist numbers of some items: their place in their court's list of the campaign, in the
 * checklist's display order (sections depth-first, then sort order; items without a section last).
 */
async function checklistNumbers(
  ctx: ServiceContext,
  campaign: CampaignRow,
  court: string,
  ids: Set<string>,
): Promise<Map<string, number>> {
  const [sections, items] = await Promise.all([
    listSections(ctx, campaign, court),
    ctx.db
      .selectFrom('items')
      .select(['id', 'sectionId', 'sortOrder'])
      .where('campaignId', '=', campaign.id)
      .where('origin', '=', court)
      .where('deletedAt', 'is', null)
      .execute(),
  ]);
  const rank = new Map<string | null, number>(sections.map((s, index) => [s.id, index]));
  const rankOf = (sectionId: string | null) => rank.get(sectionId) ?? sections.length;
  items.sort(
    (a, b) => rankOf(a.sectionId) - rankOf(b.sectionId) || a.sortOrder - b.sortOrder || (a.id < b.id ? -1 : 1),
  );
  const numbers = new Map<string, number>();
  items.forEach((item, index) => {
    if (ids.has(item.id)) numbers.set(item.id, index + 1);
  });
  return numbers;
}

async function dueItems(ctx: ServiceContext, campaigns: CampaignRow[], court: string, day: string): Promise<DueItem[]> {
  if (campaigns.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('items')
    .leftJoin('departments', 'departments.id', 'items.departmentId')
    .select([
      'items.id',
      'items.campaignId',
      'items.title',
      'items.deadline',
      'items.owner',
      'items.status',
      'departments.name as departmentName',
    ])
    .where(
      'items.campaignId',
      'in',
      campaigns.map((c) => c.id),
    )
    .where('items.origin', '=', court)
    .where('items.deletedAt', 'is', null)
    .where('items.status', 'in', [...OPEN_STATUSES])
    .where('items.deadline', '>=', day)
    .where('items.deadline', '<=', addDays(day, DUE_WINDOW_DAYS))
    .orderBy('items.deadline')
    .orderBy('items.campaignId')
    .limit(DUE_LIST_LIMIT)
    .execute();
  const byId = new Map(campaigns.map((c) => [c.id, c]));
  const reasons = await itemReturnReasons(
    ctx,
    rows.filter((row) => row.status === 'returned').map((row) => row.id),
  );
  const numbers = new Map<string, number>();
  for (const campaign of campaigns) {
    const ids = new Set(rows.filter((row) => row.campaignId === campaign.id).map((row) => row.id));
    if (ids.size > 0) (await checklistNumbers(ctx, campaign, court, ids)).forEach((n, id) => numbers.set(id, n));
  }
  return rows
    .map((row) => {
      const campaign = byId.get(row.campaignId)!;
      return {
        id: row.id,
        campaignId: row.campaignId,
        campaignTitle: campaign.title,
        number: String(numbers.get(row.id) ?? ''),
        title: row.title,
        deadline: row.deadline!,
        owner: row.owner,
        departmentName: row.departmentName ?? '',
        light: lightRule(day, campaign.yellowDays)(row.status, row.deadline),
        returnReason: reasons.get(row.id) ?? null,
      };
    })
    .sort((a, b) => (a.deadline < b.deadline ? -1 : a.deadline > b.deadline ? 1 : Number(a.number) - Number(b.number)));
}

/** Open items due this week, per campaign, counted in SQL. */
async function dueCounts(
  ctx: ServiceContext,
  campaignIds: string[],
  court: string,
  day: string,
): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const result = await sql<{ campaignId: string; n: number }>`
    SELECT campaign_id AS "campaignId", count(*) AS n FROM items
    WHERE campaign_id IN (${sql.join(campaignIds)}) AND origin = ${court} AND deleted_at IS NULL
      AND status IN ('not_started', 'in_progress', 'returned')
      AND deadline >= ${day} AND deadline <= ${addDays(day, DUE_WINDOW_DAYS)}
    GROUP BY campaign_id`.execute(ctx.db);
  return new Map(result.rows.map((row) => [row.campaignId, row.n]));
}

/** Self-inspection reports by state, per campaign. */
async function inspectionCounts(
  ctx: ServiceContext,
  campaignIds: string[],
  court: string,
): Promise<Map<string, CourtBoardCampaign['inspection']>> {
  const counts = new Map<string, CourtBoardCampaign['inspection']>(
    campaignIds.map((id) => [id, { total: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 }]),
  );
  if (campaignIds.length === 0) return counts;
  const rows = await ctx.db
    .selectFrom('inspectionReports')
    .select(['campaignId', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('campaignId', 'in', campaignIds)
    .where('origin', '=', court)
    .where('deletedAt', 'is', null)
    .groupBy(['campaignId', 'status'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.campaignId)!;
    entry.total += row.n;
    entry[row.status] += row.n;
  }
  return counts;
}

async function ledgerFigures(ctx: ServiceContext, campaignId: string): Promise<CourtBoardCampaign['ledger']> {
  const closure = await ledgerClosure(ctx, campaignId);
  if (closure.overall.total === 0) return null;
  return {
    findings: closure.overall.total,
    closedFindings: closure.overall.closed,
    measures: closure.byFinding.reduce((sum, f) => sum + f.measures, 0),
    closedMeasures: closure.byFinding.reduce((sum, f) => sum + f.closedMeasures, 0),
    // 办结率 as the ledger states it: a percentage with one decimal.
    closureRate: closure.overall.rate,
  };
}

async function indicatorFigures(ctx: ServiceContext, campaignId: string): Promise<CourtBoardCampaign['indicators']> {
  return attainmentCounts(await listIndicators(ctx, { campaignId }));
}

export async function courtBoard(ctx: ServiceContext): Promise<CourtBoard> {
  const court = await ownCourtCode(ctx);
  const day = today(ctx);
  const campaigns = await activeCampaigns(ctx, court);
  const ids = campaigns.map((c) => c.id);
  const [counts, due, dueByCampaign, inspection, ledgers, indicators, work] = await Promise.all([
    countItems(ctx, { campaignIds: ids, court, day }),
    dueItems(ctx, campaigns, court, day),
    dueCounts(ctx, ids, court, day),
    inspectionCounts(ctx, ids, court),
    Promise.all(campaigns.map((c) => ledgerFigures(ctx, c.id))),
    Promise.all(campaigns.map((c) => indicatorFigures(ctx, c.id))),
    myWork(ctx),
  ]);
  return {
    today: day,
    campaigns: campaigns.map((campaign, index) => ({
      id: campaign.id,
      title: campaign.title,
      endDate: campaign.endDate,
      items: sumCounts(counts, campaign.id),
      dueThisWeek: dueByCampaign.get(campaign.id) ?? 0,
      ledger: ledgers[index],
      inspection: inspection.get(campaign.id)!,
      indicators: indicators[index],
    })),
    dueThisWeek: due,
    myWork: work,
  };
}
