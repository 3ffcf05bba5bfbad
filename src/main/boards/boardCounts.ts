// Item counts for the boards (挂图作战), aggregated in SQL: a province's database holds hundreds of
// thousands of items, so counts are GROUP BY queries on the (campaign_id, origin, deleted_at)
// index, never rows loaded into JS. The rules are campaignProgress's: completed = completed or
// signed off; overdue = open with a deadline before today; lights (red/yellow/green) of open items
// judged live from the deadline and the campaign's warning window, as deadlineRule does.
import { sql, type RawBuilder } from 'kysely';
import type { BoardCounts } from '../../shared/model';
import type { ServiceContext } from '../api/context';

/** One grouped row of counts. `groupKey` is the grouping column's value (null: not set). */
export interface CountRow {
  campaignId: string;
  groupKey: string | null;
  total: number;
  completed: number;
  overdue: number;
  red: number;
  yellow: number;
  green: number;
}

export function emptyCounts(): BoardCounts {
  return { total: 0, completed: 0, open: 0, overdue: 0, red: 0, yellow: 0, green: 0, completionRate: null };
}

/** Adds grouped counts into a running total (open and the rate are settled by finishCounts). */
export function addCounts(into: BoardCounts, row: Omit<CountRow, 'campaignId' | 'groupKey'>): BoardCounts {
  into.total += row.total;
  into.completed += row.completed;
  into.overdue += row.overdue;
  into.red += row.red;
  into.yellow += row.yellow;
  into.green += row.green;
  return finishCounts(into);
}

export function finishCounts(counts: BoardCounts): BoardCounts {
  counts.open = counts.total - counts.completed;
  counts.completionRate = counts.total === 0 ? null : counts.completed / counts.total;
  return counts;
}

const DONE = sql`items.status IN ('completed', 'signed_off')`;

/**
 * Counts of `court`'s live items of these campaigns on `day`, grouped by campaign and optionally
 * by section or department. The yellow window is each campaign's own (yellow_days).
 */
export async function countItems(
  ctx: ServiceContext,
  options: { campaignIds: string[]; court: string; day: string; groupBy?: 'section' | 'department' },
): Promise<CountRow[]> {
  if (options.campaignIds.length === 0) return [];
  const { day, court } = options;
  const groupColumn: RawBuilder<string | null> =
    options.groupBy === 'section'
      ? sql`items.section_id`
      : options.groupBy === 'department'
        ? sql`items.department_id`
        : sql`NULL`;
  const open = sql`NOT (${DONE})`;
  const yellowUntil = sql`date(${day}, '+' || campaigns.yellow_days || ' days')`;
  const result = await sql<CountRow>`
    SELECT items.campaign_id AS "campaignId",
           ${groupColumn} AS "groupKey",
           count(*) AS "total",
           sum(CASE WHEN ${DONE} THEN 1 ELSE 0 END) AS "completed",
           sum(CASE WHEN ${open} AND items.deadline < ${day} THEN 1 ELSE 0 END) AS "overdue",
           sum(CASE WHEN ${open} AND items.deadline < ${day} THEN 1 ELSE 0 END) AS "red",
           sum(CASE WHEN ${open} AND items.deadline >= ${day} AND items.deadline <= ${yellowUntil} THEN 1 ELSE 0 END) AS "yellow",
           sum(CASE WHEN ${open} AND items.deadline > ${yellowUntil} THEN 1 ELSE 0 END) AS "green"
    FROM items JOIN campaigns ON campaigns.id = items.campaign_id
    WHERE items.campaign_id IN (${sql.join(options.campaignIds)})
      AND items.origin = ${court}
      AND items.deleted_at IS NULL
    GROUP BY items.campaign_id, "groupKey"`.execute(ctx.db);
  return result.rows;
}

/** Sums the grouped rows of one campaign (or all when no campaign is named). */
export function sumCounts(rows: CountRow[], campaignId?: string): BoardCounts {
  const counts = emptyCounts();
  for (const row of rows) if (!campaignId || row.campaignId === campaignId) addCounts(counts, row);
  return finishCounts(counts);
}
