// The checklist as the page reads it at province scale: one window of the filtered, sorted list
// (items.window), the ids matching the filters (items.ids: 全选, and which selected rows still
// exist) and the section tree's counts (items.overview). Filtering, sorting and the 序号 (the
// position in the whole checklist's display order) are worked out in SQL over a lean projection;
// counts, lights and escalation are computed for the window's rows only. Same semantics as the
// page's former client-side filter and sort: a section filter takes its sub-sections, 'none' is
// no section or one the tree lacks, ties sort by 序号, text sorts by the zh-CN collation, lights
// red → yellow → green → none, empty deadlines last.
import type BetterSqlite3 from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import { addDays } from '../../shared/checklistRules';
import { type ItemOverview, type ItemRow, type ItemWindow, NO_DEPARTMENT_FILTER } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { listSections, loadCampaignRow } from '../campaigns/campaigns';
import type { CampaignsTable } from '../data/schema';
import { ownCourtCode, today, viewedCourtCode } from '../court/courtProfile';
import { everRed, sweepLights } from '../lights/lightHistory';
import { itemQuery, type ItemRecord, rowRules, searchItems, toItemRow } from './items';

type Filters = NonNullable<ParsedInput<'items.window'>['filters']>;
type Sort = ParsedInput<'items.window'>['sort'];
type Scope = { campaignId: string; courtCode?: string };

/** Columns sorted by the zh-CN collation, which SQLite lacks: ordered in JS over (id, 序号, text). */
const TEXT_COLUMNS: Partial<Record<NonNullable<Sort>['key'], string>> = {
  title: 'n.title',
  kind: 'n.kind',
  leadLeader: 'n.lead_leader',
  owner: 'n.owner',
  departmentName: "coalesce((SELECT d.name FROM departments d WHERE d.id = n.department_id), '')",
};
const collator = new Intl.Collator('zh-CN');

/** One campaign's checklist as one court sees it, with what its SQL needs. */
interface Checklist {
  campaign: Selectable<CampaignsTable>;
  court: string;
  /** Section ids in display order (depth-first). */
  sectionIds: string[];
  /** Section id → display rank (sections depth-first), as JSON for json_each. */
  ranksJson: string;
  sectionCount: number;
  /** Section id → parent id, of the sections the page's tree shows. */
  treeParents: Map<string, string | null>;
  today: string;
  yellowUntil: string;
}

async function openChecklist(ctx: ServiceContext, scope: Scope): Promise<Checklist> {
  const campaign = await loadCampaignRow(ctx, scope.campaignId);
  const court = await viewedCourtCode(ctx, scope.courtCode);
  const [sections, own] = await Promise.all([listSections(ctx, campaign, court), ownCourtCode(ctx)]);
  // The tree shows the sections as this court sees them (campaigns.get), even on another court's list.
  const treeSections = court === own ? sections : await listSections(ctx, campaign);
  const day = today(ctx);
  return {
    campaign,
    court,
    sectionIds: sections.map((section) => section.id),
    ranksJson: JSON.stringify(Object.fromEntries(sections.map((section, index) => [section.id, index]))),
    sectionCount: sections.length,
    treeParents: new Map(treeSections.map((section) => [section.id, section.parentId])),
    today: day,
    yellowUntil: addDays(day, campaign.yellowDays),
  };
}

/**
 * Every item of the checklist with its 序号, as a CTE named `n`. Sections rank depth-first; items
 * without a section come after them, items of a section the court does not see after those (as
 * items.list numbers them). The ranks are materialized so SQLite indexes them once instead of
 * parsing the JSON again for every item.
 */
const NUMBERED = `
  WITH ranks(section_id, rank) AS MATERIALIZED (SELECT key, value FROM json_each(@ranks)),
  n AS (
    SELECT i.id, i.section_id, i.status, i.deadline, i.department_id, i.kind, i.percent, i.title,
           i.lead_leader, i.owner,
           ROW_NUMBER() OVER (
             ORDER BY coalesce(r.rank, CASE WHEN i.section_id IS NULL THEN @sectionCount ELSE @sectionCount + 1 END),
                      i.sort_order, i.id
           ) AS number
    FROM items i LEFT JOIN ranks r ON r.section_id = i.section_id
    WHERE i.campaign_id = @campaignId AND i.origin = @court AND i.deleted_at IS NULL
  )`;

/** items.list's light rule (deadlineRule) in SQL, for filtering and sorting by light. */
const LIGHT = `CASE WHEN n.status IN ('completed', 'signed_off') THEN 'green'
  WHEN n.deadline IS NULL OR n.deadline = '' THEN 'none'
  WHEN n.deadline < @today THEN 'red' WHEN n.deadline <= @yellowUntil THEN 'yellow' ELSE 'green' END`;

/** ORDER BY of the sorts SQLite can do itself; ties by 序号 either way. */
const SQL_ORDER: Record<string, string> = {
  number: 'n.number',
  percent: 'n.percent',
  deadline: "coalesce(n.deadline, '9999')",
  status: `CASE n.status WHEN 'not_started' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'returned' THEN 2
    WHEN 'completed' THEN 3 ELSE 4 END`,
  light: `CASE ${LIGHT} WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 WHEN 'green' THEN 2 ELSE 3 END`,
  evidenceCount: '(SELECT count(*) FROM evidence e WHERE e.item_id = n.id AND e.deleted_at IS NULL)',
};

interface Where {
  sql: string;
  params: Record<string, unknown>;
  searchCount: number | null;
}

/** The WHERE clause of the filters over `n`; null when the search words find nothing. */
async function whereOf(ctx: ServiceContext, list: Checklist, scope: Scope, filters: Filters = {}): Promise<Where> {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const section = filters.section ?? 'all';
  if (section === 'none') {
    if (filters.subSections === false) parts.push('n.section_id IS NULL');
    else {
      parts.push('(n.section_id IS NULL OR n.section_id NOT IN (SELECT value FROM json_each(@treeSections)))');
      params.treeSections = JSON.stringify([...list.treeParents.keys()]);
    }
  } else if (section !== 'all') {
    const ids = new Set([section]);
    // Sections come depth-first, parents before children: one pass collects the whole branch.
    if (filters.subSections !== false)
      for (const [id, parent] of list.treeParents) if (parent && ids.has(parent)) ids.add(id);
    parts.push('n.section_id IN (SELECT value FROM json_each(@sections))');
    params.sections = JSON.stringify([...ids]);
  }
  if (filters.status) {
    parts.push('n.status = @status');
    params.status = filters.status;
  }
  if (filters.light) {
    parts.push(`${LIGHT} = @light`);
    params.light = filters.light;
  }
  if (filters.department === NO_DEPARTMENT_FILTER) parts.push('n.department_id IS NULL');
  else if (filters.department) {
    parts.push('n.department_id = @department');
    params.department = filters.department;
  }
  if (filters.kind) {
    parts.push('n.kind = @kind');
    params.kind = filters.kind;
  }
  let searchCount: number | null = null;
  const query = filters.query?.trim();
  if (query) {
    const found = await searchItems(ctx, { campaignId: scope.campaignId, courtCode: scope.courtCode, query });
    searchCount = found.ids.length;
    parts.push('n.id IN (SELECT value FROM json_each(@found))');
    params.found = JSON.stringify(found.ids);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params, searchCount };
}

const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
/** Prepared once per connection and SQL text: the filters make only a few dozen shapes. */
function prepared(ctx: ServiceContext, text: string): BetterSqlite3.Statement {
  let cache = statements.get(ctx.sqlite);
  if (!cache) statements.set(ctx.sqlite, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = ctx.sqlite.prepare(text)));
  return statement;
}

function baseParams(list: Checklist, where: Where): Record<string, unknown> {
  return {
    ranks: list.ranksJson,
    sectionCount: list.sectionCount,
    campaignId: list.campaign.id,
    court: list.court,
    today: list.today,
    yellowUntil: list.yellowUntil,
    ...where.params,
  };
}

/** The matching rows' ids with their 序号, in the asked order, from `offset` on (all with limit null). */
function orderedIds(
  ctx: ServiceContext,
  list: Checklist,
  where: Where,
  sort: Sort,
  offset: number,
  limit: number | null,
): Array<{ id: string; number: number }> {
  const params = baseParams(list, where);
  const textColumn = sort && TEXT_COLUMNS[sort.key];
  if (textColumn) {
    const rows = prepared(
      ctx,
      `${NUMBERED} SELECT n.id AS id, n.number AS number, ${textColumn} AS value FROM n ${where.sql} ORDER BY n.number`,
    ).all(params) as Array<{ id: string; number: number; value: string }>;
    // Rank the distinct texts once (owners, departments and leaders repeat a lot), then sort numbers.
    const distinct = [...new Set(rows.map((row) => row.value))].sort(collator.compare);
    const rank = new Map(distinct.map((value, index) => [value, index]));
    const sign = sort.desc ? -1 : 1;
    rows.sort((a, b) => sign * (rank.get(a.value)! - rank.get(b.value)!) || a.number - b.number);
    return rows.slice(offset, limit === null ? undefined : offset + limit);
  }
  const order = sort ? `${SQL_ORDER[sort.key]} ${sort.desc ? 'DESC' : 'ASC'}, n.number` : 'n.number';
  return prepared(
    ctx,
    `${NUMBERED} SELECT n.id AS id, n.number AS number FROM n ${where.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: limit ?? -1, offset }) as Array<{ id: string; number: number }>;
}

function countOf(ctx: ServiceContext, list: Checklist, where: Where): number {
  // Unfiltered: the (campaign, origin) index counts it without reading a row.
  if (!where.sql)
    return (
      prepared(
        ctx,
        `SELECT count(*) AS total FROM items WHERE campaign_id = @campaignId AND origin = @court AND deleted_at IS NULL`,
      ).get({
        campaignId: list.campaign.id,
        court: list.court,
      }) as { total: number }
    ).total;
  const row = prepared(ctx, `${NUMBERED} SELECT count(*) AS total FROM n ${where.sql}`).get(
    baseParams(list, where),
  ) as {
    total: number;
  };
  return row.total;
}

/** Full rows (counts, light, 曾红灯, escalation) for the given ids only, in their order. */
async function rowsFor(
  ctx: ServiceContext,
  list: Checklist,
  window: Array<{ id: string; number: number }>,
): Promise<ItemRow[]> {
  if (window.length === 0) return [];
  const ids = window.map((entry) => entry.id);
  const [records, red] = await Promise.all([
    itemQuery(ctx).where('items.id', 'in', ids).execute() as Promise<ItemRecord[]>,
    everRed(ctx.db, 'item', { ids }),
  ]);
  const rules = await rowRules(ctx, list.campaign, red);
  const byId = new Map(records.map((record) => [record.id, record]));
  return window.flatMap((entry) => {
    const record = byId.get(entry.id);
    return record ? [toItemRow(record, entry.number, rules)] : [];
  });
}

// Without the index named, SQLite counts a section through (campaign, origin) and reads the whole
// campaign for each section (migrations/0001_foundation.sql defines items_campaign).
const IN_GROUP = `FROM items INDEXED BY items_campaign WHERE campaign_id = @campaignId AND deleted_at IS NULL AND origin = @court AND`;
/** The section groups of the display order: each section, then no section, then sections not seen. */
const GROUP_WHERE = {
  section: 'section_id = @section',
  none: 'section_id IS NULL',
  unknown: 'section_id IS NOT NULL AND section_id NOT IN (SELECT value FROM json_each(@known))',
};

/**
 * The unfiltered checklist in display order, the first screen's case: read section by section
 * through the (campaign, section, sort order) index, so a window costs its own rows and the
 * counts of the sections it skips, not a numbering of the whole checklist. Same order and 序号
 * as NUMBERED.
 */
function displayOrderWindow(
  ctx: ServiceContext,
  list: Checklist,
  offset: number,
  limit: number,
): Array<{ id: string; number: number }> {
  const groups: Array<{ where: string; params: Record<string, unknown> }> = [
    ...list.sectionIds.map((section) => ({ where: GROUP_WHERE.section, params: { section } })),
    { where: GROUP_WHERE.none, params: {} },
    { where: GROUP_WHERE.unknown, params: { known: JSON.stringify(list.sectionIds) } },
  ];
  const base = { campaignId: list.campaign.id, court: list.court };
  const window: Array<{ id: string; number: number }> = [];
  let skip = offset;
  let before = 0;
  for (const group of groups) {
    const params = { ...base, ...group.params };
    if (skip > 0) {
      const { count } = prepared(ctx, `SELECT count(*) AS count ${IN_GROUP} ${group.where}`).get(params) as {
        count: number;
      };
      if (count <= skip) {
        skip -= count;
        before += count;
        continue;
      }
    }
    const ids = prepared(
      ctx,
      `SELECT id ${IN_GROUP} ${group.where} ORDER BY sort_order, id LIMIT @limit OFFSET @skip`,
    ).all({ ...params, limit: limit - window.length, skip }) as Array<{ id: string }>;
    ids.forEach((row, index) => window.push({ id: row.id, number: before + skip + index + 1 }));
    if (window.length === limit) break;
    before += skip + ids.length;
    skip = 0;
  }
  return window;
}

const hasFilters = (filters: Filters | undefined) =>
  !!filters &&
  Object.entries(filters).some(([key, value]) => value !== undefined && key !== 'subSections' && value !== 'all');

export async function itemWindow(ctx: ServiceContext, input: ParsedInput<'items.window'>): Promise<ItemWindow> {
  const list = await openChecklist(ctx, input);
  await sweepLights(ctx);
  const where = await whereOf(ctx, list, input, input.filters);
  const displayOrder = !hasFilters(input.filters) && (!input.sort || (input.sort.key === 'number' && !input.sort.desc));
  const window = displayOrder
    ? displayOrderWindow(ctx, list, input.offset, input.limit)
    : orderedIds(ctx, list, where, input.sort, input.offset, input.limit);
  // A window short of its limit ends the list: its end is the total, no count needed.
  const total =
    window.length > 0 && window.length < input.limit ? input.offset + window.length : countOf(ctx, list, where);
  return { total, rows: await rowsFor(ctx, list, window), searchCount: where.searchCount };
}

export async function itemIds(ctx: ServiceContext, input: ParsedInput<'items.ids'>): Promise<{ ids: string[] }> {
  const list = await openChecklist(ctx, input);
  const where = await whereOf(ctx, list, input, input.filters);
  return { ids: orderedIds(ctx, list, where, undefined, 0, null).map((entry) => entry.id) };
}

export async function itemOverview(ctx: ServiceContext, input: ParsedInput<'items.overview'>): Promise<ItemOverview> {
  const list = await openChecklist(ctx, input);
  const params = { campaignId: list.campaign.id, court: list.court };
  const bySection = prepared(
    ctx,
    `SELECT section_id AS sectionId, count(*) AS count FROM items
     WHERE campaign_id = @campaignId AND origin = @court AND deleted_at IS NULL GROUP BY section_id`,
  ).all(params) as Array<{ sectionId: string | null; count: number }>;
  const departments = prepared(
    ctx,
    `SELECT d.id AS id, d.name AS name FROM departments d
     WHERE d.id IN (SELECT DISTINCT department_id FROM items
                    WHERE campaign_id = @campaignId AND origin = @court AND deleted_at IS NULL)
     ORDER BY d.sort_order, d.name`,
  ).all(params) as Array<{ id: string; name: string }>;
  // Each section counts its own items and its sub-sections'; unknown sections count as none.
  const counts = new Map<string | null, number>();
  let total = 0;
  for (const { sectionId, count } of bySection) {
    total += count;
    if (!sectionId || !list.treeParents.has(sectionId)) {
      counts.set(null, (counts.get(null) ?? 0) + count);
      continue;
    }
    for (let id: string | null = sectionId; id; id = list.treeParents.get(id) ?? null)
      counts.set(id, (counts.get(id) ?? 0) + count);
  }
  return {
    total,
    sectionCounts: [...counts].map(([sectionId, count]) => ({ sectionId, count })),
    departments,
  };
}
