// The higher court's matrix (下级法院进度): every subordinate court × the campaign's top-level
// sections, with completion and overdue counts, a ranking with the laggards (后进) first and each
// court's bundle age. A province's high court holds ~250,000 items of 165 courts, so the counting
// is one GROUP BY over items (origin, section) in SQL; only the few groups are folded in JS.
import dayjs from 'dayjs';
import type { ProvinceBoard, ProvinceCell, ProvinceCourtRow } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ownCourtCode, requireProfile, superiorCourtCodes, today } from '../court/courtProfile';
import { listSections, loadCampaignRow } from '../campaigns/campaigns';
import { bundleLight } from '../../shared/bundleAge';

/** The column for items in sections the issuer did not define (a court's own sections). */
export const OWN_SECTIONS_TITLE = '自行增加';

interface GroupRow {
  origin: string;
  sectionId: string | null;
  total: number;
  completed: number;
  overdue: number;
}

interface CourtRow {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  lastBundleAt: string | null;
}

/** Completed and overdue as the checklist counts them (isDone, deadlineRule's red), per court and
 * section. On the bench province (~50,000 items per campaign at the high court) it runs in ~30 ms on
 * items_campaign_origin; a covering index (campaign_id, deleted_at, origin, section_id, status,
 * deadline) would halve that, not needed for the 100 ms target. */
function groupCounts(ctx: ServiceContext, campaignId: string, day: string): Promise<GroupRow[]> {
  const done = ['completed', 'signed_off'] as const;
  return ctx.db
    .selectFrom('items')
    .select((eb) => [
      'origin',
      'sectionId',
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>(eb.case().when('status', 'in', done).then(1).else(0).end()).as('completed'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('status', 'not in', done), eb('deadline', 'is not', null), eb('deadline', '<', day)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('overdue'),
    ])
    .where('campaignId', '=', campaignId)
    .where('deletedAt', 'is', null)
    .groupBy(['origin', 'sectionId'])
    .execute();
}

const emptyCell = (): ProvinceCell => ({ total: 0, completed: 0, overdue: 0, completionRate: null });

function addTo(cell: ProvinceCell, group: GroupRow): void {
  cell.total += group.total;
  cell.completed += group.completed;
  cell.overdue += group.overdue;
}

function finish(cell: ProvinceCell): ProvinceCell {
  cell.completionRate = cell.total === 0 ? null : cell.completed / cell.total;
  return cell;
}

/** 后进 first: lowest completion rate, then most overdue, then code; courts without items last. */
export function compareLaggards(a: ProvinceCourtRow, b: ProvinceCourtRow): number {
  const ra = a.totals.completionRate;
  const rb = b.totals.completionRate;
  if (ra === null || rb === null) return ra === rb ? a.code.localeCompare(b.code) : ra === null ? 1 : -1;
  return ra - rb || b.totals.overdue - a.totals.overdue || a.code.localeCompare(b.code);
}

export async function provinceBoard(ctx: ServiceContext, campaignId: string): Promise<ProvinceBoard> {
  const campaign = await loadCampaignRow(ctx, campaignId);
  const [profile, own, superiors, sections] = await Promise.all([
    requireProfile(ctx),
    ownCourtCode(ctx),
    superiorCourtCodes(ctx),
    listSections(ctx, campaign),
  ]);
  const day = today(ctx);

  // Columns: the top-level sections of the definition as this court sees (and hands down) it.
  const parentOf = new Map(sections.map((s) => [s.id, s.parentId]));
  const topOf = (sectionId: string | null): string | null => {
    let id = sectionId;
    while (id && parentOf.get(id)) id = parentOf.get(id)!;
    return id && parentOf.has(id) ? id : null;
  };
  const columns: ProvinceBoard['sections'] = sections
    .filter((s) => s.depth === 0)
    .map((s) => ({ id: s.id, title: `${s.number}${s.title}` }));
  const board: ProvinceBoard = { campaignId, campaignTitle: campaign.title, today: day, sections: columns, courts: [] };
  if (profile.level === 'basic') return board;

  const groups = await groupCounts(ctx, campaignId, day);
  // Not subordinates: this court, its superiors and the issuer (their rows are the definition).
  const notSubordinate = new Set([own, campaign.origin, ...superiors]);
  const known: CourtRow[] = await ctx.db
    .selectFrom('syncCourts')
    .select(['code', 'name', 'level', 'parentCode', 'lastBundleAt'])
    .where('relation', 'in', ['subordinate', 'relayed'])
    .execute();
  const courts = new Map<string, CourtRow>(known.filter((c) => !notSubordinate.has(c.code)).map((c) => [c.code, c]));
  const strangers = [...new Set(groups.map((g) => g.origin))].filter(
    (code) => !notSubordinate.has(code) && !courts.has(code),
  );
  if (strangers.length) {
    // Rows of a court this one has no key for (e.g. copied in by hand): its own profile row names it.
    const profiles = await ctx.db
      .selectFrom('courts')
      .select((eb) => ['code', 'name', 'level', eb.fn.coalesce('parentCode', eb.val('')).as('parentCode')])
      .whereRef('code', '=', 'origin')
      .where('code', 'in', strangers)
      .execute();
    const named = new Map(profiles.map((p) => [p.code, p]));
    for (const code of strangers)
      courts.set(code, {
        code,
        name: named.get(code)?.name ?? code,
        level: named.get(code)?.level ?? '',
        parentCode: named.get(code)?.parentCode ?? '',
        lastBundleAt: null,
      });
  }

  const columnIndex = new Map(columns.map((c, index) => [c.id, index]));
  const cells = new Map<string, ProvinceCell[]>([...courts.keys()].map((code) => [code, columns.map(emptyCell)]));
  const ownSections = new Map<string, ProvinceCell>();
  const totals = new Map<string, ProvinceCell>();
  for (const group of groups) {
    const row = cells.get(group.origin);
    if (!row) continue;
    const index = columnIndex.get(topOf(group.sectionId));
    if (index === undefined) {
      if (!ownSections.has(group.origin)) ownSections.set(group.origin, emptyCell());
      addTo(ownSections.get(group.origin)!, group);
    } else {
      addTo(row[index], group);
    }
    if (!totals.has(group.origin)) totals.set(group.origin, emptyCell());
    addTo(totals.get(group.origin)!, group);
  }
  if (ownSections.size > 0) {
    board.sections.push({ id: null, title: OWN_SECTIONS_TITLE });
    for (const [code, row] of cells) row.push(ownSections.get(code) ?? emptyCell());
  }

  const now = dayjs(ctx.now());
  const rows: ProvinceCourtRow[] = [...courts.values()].map((court) => {
    const ageDays = court.lastBundleAt ? Math.max(0, now.diff(dayjs(court.lastBundleAt), 'day')) : null;
    return {
      code: court.code,
      name: court.name,
      level: court.level,
      parentCode: court.parentCode,
      rank: 0,
      totals: finish(totals.get(court.code) ?? emptyCell()),
      cells: cells.get(court.code)!.map(finish),
      lastBundleAt: court.lastBundleAt,
      bundleAgeDays: ageDays,
      bundleLight: bundleLight(ageDays),
    };
  });
  rows.sort(compareLaggards).forEach((row, index) => (row.rank = index + 1));
  board.courts = rows;
  return board;
}
