// A campaign's board (挂图作战) for this court or a viewed subordinate (read-only): totals, top-level
// sections with everything below them rolled up, departments, a burn-down of open items and the
// indicators with their values. Also used by the campaign summary report.
//
// Burn-down facts: an item is open on a day from the day it was created (created_at) until the
// day it was completed (completed_at, kept when it is signed off; cleared when it is sent back or
// reopened, so such an item counts as open throughout) or deleted (deleted_at), whichever is first.
import { sql } from 'kysely';
import { addDays } from '../../shared/checklistRules';
import type { BoardCounts, CampaignBoard } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { listSections, loadCampaignRow } from '../campaigns/campaigns';
import { today, viewedCourtCode } from '../court/courtProfile';
import { listIndicators } from '../indicators/indicators';
import { addCounts, countItems, emptyCounts, finishCounts, sumCounts } from './boardCounts';

/** Spans longer than this are drawn with one point a week. */
const DAILY_SPAN_LIMIT = 120;
export const NO_SECTION_TITLE = '未分栏目';
export const NO_DEPARTMENT_NAME = '未指定部门';
const DELETED_DEPARTMENT_NAME = '（已删除的部门）';

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Open items at the end of each shown day, from `start` to `day`, and the ideal line to `endDate`. */
async function burnDown(
  ctx: ServiceContext,
  campaignId: string,
  court: string,
  startDate: string | null,
  endDate: string | null,
  day: string,
): Promise<CampaignBoard['burnDown']> {
  // Per item: the day it became open and the day it stopped being open (null: still open).
  const spans = await sql<{ opened: string; closed: string | null; n: number }>`
    SELECT opened, closed, count(*) AS n FROM (
      SELECT substr(created_at, 1, 10) AS opened,
             CASE
               WHEN done_on IS NULL THEN gone_on
               WHEN gone_on IS NULL THEN done_on
               ELSE min(done_on, gone_on)
             END AS closed
      FROM (
        SELECT created_at,
               CASE WHEN status IN ('completed', 'signed_off') AND completed_at IS NOT NULL THEN substr(completed_at, 1, 10) END AS done_on,
               substr(deleted_at, 1, 10) AS gone_on
        FROM items
        WHERE campaign_id = ${campaignId} AND origin = ${court}
      )
    )
    GROUP BY opened, closed`.execute(ctx.db);
  const rows = spans.rows.filter((row) => row.closed === null || row.closed > row.opened);
  const firstCreated = rows.reduce<string | null>(
    (first, row) => (first === null || row.opened < first ? row.opened : first),
    null,
  );
  const start = startDate ?? firstCreated;
  if (!start || start > day) return [];
  const openOn = (date: string) =>
    rows.reduce(
      (sum, row) => (row.opened <= date && (row.closed === null || row.closed > date) ? sum + row.n : sum),
      0,
    );
  const span = daysBetween(start, day);
  const step = span > DAILY_SPAN_LIMIT ? 7 : 1;
  const dates: string[] = [];
  for (let offset = 0; offset <= span; offset += step) dates.push(addDays(start, offset));
  if (dates.at(-1) !== day) dates.push(day);
  const first = openOn(start);
  const idealSpan = endDate ? daysBetween(start, endDate) : null;
  const ideal = (date: string): number | null => {
    if (idealSpan === null) return null;
    if (idealSpan <= 0) return 0;
    const left = 1 - daysBetween(start, date) / idealSpan;
    return Math.max(0, Math.round(first * left * 10) / 10);
  };
  return dates.map((date) => ({ date, open: openOn(date), ideal: ideal(date) }));
}

export async function campaignBoard(
  ctx: ServiceContext,
  input: { campaignId: string; courtCode?: string },
): Promise<CampaignBoard> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  const court = await viewedCourtCode(ctx, input.courtCode);
  const day = today(ctx);
  const [sections, bySectionRows, byDepartmentRows, departments, burn, indicators] = await Promise.all([
    listSections(ctx, campaign, court),
    countItems(ctx, { campaignIds: [campaign.id], court, day, groupBy: 'section' }),
    countItems(ctx, { campaignIds: [campaign.id], court, day, groupBy: 'department' }),
    // Names only: a subordinate's items name its own departments.
    ctx.db.selectFrom('departments').select(['id', 'name', 'sortOrder']).execute(),
    burnDown(ctx, campaign.id, court, campaign.startDate, campaign.endDate, day),
    listIndicators(ctx, { campaignId: campaign.id, courtCode: input.courtCode }),
  ]);

  // Every section rolls up into its top-level ancestor; items of unknown sections are 未分栏目.
  const parentOf = new Map(sections.map((s) => [s.id, s.parentId]));
  const topOf = (sectionId: string): string => {
    let id = sectionId;
    for (let parent = parentOf.get(id); parent; parent = parentOf.get(id)) id = parent;
    return id;
  };
  const topLevel = sections.filter((s) => s.parentId === null || !parentOf.has(s.parentId));
  const sectionCounts = new Map<string | null, BoardCounts>(topLevel.map((s) => [s.id, emptyCounts()]));
  for (const row of bySectionRows) {
    const key = row.groupKey && parentOf.has(row.groupKey) ? topOf(row.groupKey) : null;
    if (!sectionCounts.has(key)) sectionCounts.set(key, emptyCounts());
    addCounts(sectionCounts.get(key)!, row);
  }

  const department = new Map(departments.map((d) => [d.id, d]));
  const byDepartment = byDepartmentRows
    .map((row) => ({
      ...finishCounts(addCounts(emptyCounts(), row)),
      departmentId: row.groupKey,
      name: row.groupKey ? (department.get(row.groupKey)?.name ?? DELETED_DEPARTMENT_NAME) : NO_DEPARTMENT_NAME,
    }))
    .sort(
      (a, b) =>
        (department.get(a.departmentId ?? '')?.sortOrder ?? 1e9) -
        (department.get(b.departmentId ?? '')?.sortOrder ?? 1e9),
    );

  return {
    campaignId: campaign.id,
    courtCode: court,
    today: day,
    totals: sumCounts(bySectionRows),
    bySection: [
      ...topLevel.map((s) => ({ ...sectionCounts.get(s.id)!, sectionId: s.id, title: `${s.number}${s.title}` })),
      ...(sectionCounts.has(null) ? [{ ...sectionCounts.get(null)!, sectionId: null, title: NO_SECTION_TITLE }] : []),
    ],
    byDepartment,
    burnDown: burn,
    indicators,
  };
}
