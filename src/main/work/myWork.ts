// "My work" (我的待办): checklist items, self-inspection reports, ledger measures and look-backs
// waiting on the logged-in person, soonest deadline first. A 填报人 sees their department's open
// work to fill in or revise; a 审核人 sees what others handed in for review or sign-off, and the
// look-backs that are due. Only this court's own records: subordinates' work held here after a
// sync waits on their people, not ours. Read-only: it queries the tables directly so it depends
// on no other area's service code.
import { deadlineJudge, isDone } from '../../shared/checklistRules';
import { isMeasureDone } from '../../shared/ledgerRules';
import type { ItemStatus, MeasureStatus, SessionUser, WorkAction, WorkEntry, WorkKind } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { hasRole, requireUser } from '../access/access';
import { ownCourtCode, today } from '../court/courtProfile';
import { ITEM_STATUS_ZH, LOOKBACK_STATUS_ZH, MEASURE_STATUS_ZH, REPORT_STATUS_ZH } from '../app/statusText';

const OPEN_ITEM: ItemStatus[] = ['not_started', 'in_progress', 'returned'];
/** Measures still to be worked on by their department (long-term ones included). */
const OPEN_MEASURE: MeasureStatus[] = ['identified', 'in_progress', 'returned', 'reopened'];

/** Ties on the deadline: checklist first, then reports, measures, look-backs. */
const KIND_ORDER: Record<WorkKind, number> = { item: 0, report: 1, measure: 2, lookback: 3 };
const collator = new Intl.Collator('zh-CN');

type Judge = ReturnType<typeof deadlineJudge>;

/** Campaigns still under way: not deleted and not ended (an ended campaign waits on nobody). */
function liveCampaigns(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('campaigns')
    .select(['id', 'title', 'yellowDays', 'endDate'])
    .where('deletedAt', 'is', null)
    .where('status', '!=', 'closed')
    .execute();
}
type CampaignInfo = Awaited<ReturnType<typeof liveCampaigns>>[number];

async function itemWork(
  ctx: ServiceContext,
  court: string,
  user: SessionUser,
  campaigns: Map<string, CampaignInfo>,
  judge: Judge,
): Promise<WorkEntry[]> {
  const base = ctx.db
    .selectFrom('items')
    .leftJoin('departments', 'departments.id', 'items.departmentId')
    .select([
      'items.id',
      'items.campaignId',
      'items.title',
      'items.status',
      'items.deadline',
      'items.completedBy',
      'departments.name as departmentName',
    ])
    .where('items.origin', '=', court)
    .where('items.deletedAt', 'is', null);
  const entries: WorkEntry[] = [];
  const add = (row: Awaited<ReturnType<typeof base.execute>>[number], action: WorkAction) => {
    const campaign = campaigns.get(row.campaignId);
    if (!campaign) return;
    entries.push({
      kind: 'item',
      id: row.id,
      campaignId: row.campaignId,
      campaignTitle: campaign.title,
      title: row.title,
      departmentName: row.departmentName ?? '',
      deadline: row.deadline,
      light: judge(campaign.yellowDays, isDone(row.status), row.deadline),
      action,
      statusText: ITEM_STATUS_ZH[row.status],
      returnReason: null,
    });
  };
  if (hasRole(user, 'filer') && user.departmentId) {
    const rows = await base
      .where('items.departmentId', '=', user.departmentId)
      .where('items.status', 'in', OPEN_ITEM)
      .execute();
    for (const row of rows) add(row, row.status === 'returned' ? 'revise' : 'fill');
    const reasons = await itemReturnReasons(
      ctx,
      rows.filter((row) => row.status === 'returned').map((row) => row.id),
    );
    for (const entry of entries) entry.returnReason = reasons.get(entry.id) ?? null;
  }
  if (hasRole(user, 'reviewer')) {
    const rows = await base.where('items.status', '=', 'completed').execute();
    for (const row of rows) if (row.completedBy !== user.id) add(row, 'sign_off');
  }
  return entries;
}

/**
 * The latest 退回理由 of each sent-back item: the opinion of its newest 'returned' sign-off.
 * Also read by the boards, whose rows show it as 我的待办 does.
 */
export async function itemReturnReasons(ctx: ServiceContext, itemIds: string[]): Promise<Map<string, string>> {
  const reasons = new Map<string, string>();
  if (itemIds.length === 0) return reasons;
  const rows = await ctx.db
    .selectFrom('signoffs')
    .select(['itemId', 'opinion'])
    .where('itemId', 'in', itemIds)
    .where('decision', '=', 'returned')
    .where('deletedAt', 'is', null)
    .orderBy('decidedAt', 'desc')
    .orderBy('changeSeq', 'desc')
    .execute();
  for (const row of rows) if (!reasons.has(row.itemId)) reasons.set(row.itemId, row.opinion);
  return reasons;
}

async function reportWork(
  ctx: ServiceContext,
  court: string,
  user: SessionUser,
  campaigns: Map<string, CampaignInfo>,
  judge: Judge,
): Promise<WorkEntry[]> {
  const base = ctx.db
    .selectFrom('inspectionReports as r')
    .leftJoin('people as p', 'p.id', 'r.personId')
    .leftJoin('departments as d', (join) =>
      join.on((eb) => eb('d.id', '=', eb.fn.coalesce('r.departmentId', 'p.departmentId'))),
    )
    .select(['r.id', 'r.campaignId', 'r.subjectName', 'r.status', 'r.submittedBy', 'd.name as departmentName'])
    .where('r.origin', '=', court)
    .where('r.deletedAt', 'is', null);
  const entries: WorkEntry[] = [];
  const seen = new Set<string>();
  const add = (row: Awaited<ReturnType<typeof base.execute>>[number], action: WorkAction) => {
    const campaign = campaigns.get(row.campaignId);
    if (!campaign || seen.has(row.id)) return;
    seen.add(row.id);
    entries.push({
      kind: 'report',
      id: row.id,
      campaignId: row.campaignId,
      campaignTitle: campaign.title,
      title: `${row.subjectName}的查摆报告表`,
      departmentName: row.departmentName ?? '',
      deadline: campaign.endDate,
      light: judge(campaign.yellowDays, false, campaign.endDate),
      action,
      statusText: REPORT_STATUS_ZH[row.status],
      returnReason: null,
    });
  };
  // A filer fills in their department's reports; anyone fills in their own person report.
  const departmentId = hasRole(user, 'filer') ? user.departmentId : null;
  if (departmentId || user.personId) {
    const rows = await base
      .where('r.status', 'in', ['draft', 'returned'])
      .where((eb) => {
        const mine = [];
        if (departmentId) mine.push(eb('r.departmentId', '=', departmentId));
        if (user.personId) mine.push(eb('r.personId', '=', user.personId));
        return eb.or(mine);
      })
      .execute();
    for (const row of rows) add(row, row.status === 'returned' ? 'revise' : 'fill');
  }
  if (hasRole(user, 'reviewer')) {
    const rows = await base.where('r.status', '=', 'submitted').execute();
    for (const row of rows) if (row.submittedBy !== user.id) add(row, 'review');
  }
  return entries;
}

function measureQuery(ctx: ServiceContext, court: string) {
  return ctx.db
    .selectFrom('ledgerMeasures as m')
    .innerJoin('ledgerFindings as f', 'f.id', 'm.findingId')
    .leftJoin('departments as d', 'd.id', 'm.departmentId')
    .where('m.origin', '=', court)
    .where('m.deletedAt', 'is', null)
    .where('f.deletedAt', 'is', null);
}

/** "Finding: measure", so the list says both what was wrong and what is being done. */
function measureTitle(findingTitle: string, measureText: string): string {
  return `${findingTitle}：${measureText}`;
}

async function measureWork(
  ctx: ServiceContext,
  court: string,
  user: SessionUser,
  campaigns: Map<string, CampaignInfo>,
  judge: Judge,
): Promise<WorkEntry[]> {
  const base = measureQuery(ctx, court).select([
    'm.id',
    'm.campaignId',
    'm.text',
    'm.status',
    'm.deadline',
    'm.submittedBy',
    'f.title as findingTitle',
    'd.name as departmentName',
  ]);
  const entries: WorkEntry[] = [];
  const add = (row: Awaited<ReturnType<typeof base.execute>>[number], action: WorkAction) => {
    const campaign = campaigns.get(row.campaignId);
    if (!campaign) return;
    entries.push({
      kind: 'measure',
      id: row.id,
      campaignId: row.campaignId,
      campaignTitle: campaign.title,
      title: measureTitle(row.findingTitle, row.text),
      departmentName: row.departmentName ?? '',
      deadline: row.deadline,
      light: judge(campaign.yellowDays, isMeasureDone(row.status), row.deadline),
      action,
      statusText: MEASURE_STATUS_ZH[row.status],
      returnReason: null,
    });
  };
  if (hasRole(user, 'filer') && user.departmentId) {
    const rows = await base
      .where('m.departmentId', '=', user.departmentId)
      .where('m.status', 'in', OPEN_MEASURE)
      .execute();
    for (const row of rows) add(row, row.status === 'returned' || row.status === 'reopened' ? 'revise' : 'fill');
  }
  if (hasRole(user, 'reviewer')) {
    const rows = await base.where('m.status', '=', 'submitted').execute();
    for (const row of rows) if (row.submittedBy !== user.id) add(row, 'sign_off');
  }
  return entries;
}

async function lookbackWork(
  ctx: ServiceContext,
  court: string,
  user: SessionUser,
  campaigns: Map<string, CampaignInfo>,
  judge: Judge,
): Promise<WorkEntry[]> {
  if (!hasRole(user, 'reviewer')) return [];
  const rows = await measureQuery(ctx, court)
    .innerJoin('lookbacks as l', 'l.measureId', 'm.id')
    .select([
      'l.id',
      'l.dueDate',
      'l.status',
      'm.campaignId',
      'm.text',
      'm.submittedBy',
      'f.title as findingTitle',
      'd.name as departmentName',
    ])
    .where('l.origin', '=', court)
    .where('l.deletedAt', 'is', null)
    .where('l.status', '=', 'scheduled')
    .execute();
  const entries: WorkEntry[] = [];
  for (const row of rows) {
    const campaign = campaigns.get(row.campaignId);
    // Whoever handed the measure in may not re-check it either (two-person rule).
    if (!campaign || row.submittedBy === user.id) continue;
    entries.push({
      kind: 'lookback',
      id: row.id,
      campaignId: row.campaignId,
      campaignTitle: campaign.title,
      title: measureTitle(row.findingTitle, row.text),
      departmentName: row.departmentName ?? '',
      deadline: row.dueDate,
      // Red once overdue, yellow within the campaign's warning window.
      light: judge(campaign.yellowDays, false, row.dueDate),
      action: 'recheck',
      statusText: LOOKBACK_STATUS_ZH[row.status],
      returnReason: null,
    });
  }
  return entries;
}

/** Soonest deadline first, no deadline last; then by kind and title so the order is stable. */
function bySoonest(a: WorkEntry, b: WorkEntry): number {
  if (a.deadline !== b.deadline) {
    if (a.deadline === null) return 1;
    if (b.deadline === null) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    collator.compare(a.title, b.title) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export async function myWork(ctx: ServiceContext): Promise<WorkEntry[]> {
  const user = requireUser(ctx);
  // An account that only administers (no filer or reviewer role, no own report) waits on nothing.
  if (!hasRole(user, 'filer') && !hasRole(user, 'reviewer') && !user.personId) return [];
  const campaigns = new Map((await liveCampaigns(ctx)).map((c) => [c.id, c]));
  if (campaigns.size === 0) return [];
  const judge = deadlineJudge(today(ctx));
  const court = await ownCourtCode(ctx);
  const parts = await Promise.all([
    itemWork(ctx, court, user, campaigns, judge),
    reportWork(ctx, court, user, campaigns, judge),
    measureWork(ctx, court, user, campaigns, judge),
    lookbackWork(ctx, court, user, campaigns, judge),
  ]);
  return parts.flat().sort(bySoonest);
}
