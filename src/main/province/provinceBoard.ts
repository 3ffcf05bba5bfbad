// The higher court's matrix (下级法院进度): every court it expects reports from (the roster, or the
// courts known from sync before a roster exists) × the campaign's top-level sections, with
// completion and overdue counts; subtotals per intermediate jurisdiction and a total; a ranking in
// which rank 1 is the best current court; stale courts (last bundle older than the campaign's
// stale threshold) and courts with nothing received are marked and not ranked; 后进 by the
// campaign's one rule; and each court's figures at the end of the previous reporting period.
// A province's high court holds ~250,000 items of 165 courts (~730,000 of 500), so the counting is
// one GROUP BY over items (origin, section) in SQL, read from an index that holds every column it
// needs (items_campaign_matrix, migrations/0012); only the groups are folded in JS.
import dayjs from 'dayjs';
import { sql, type Expression, type SqlBool } from 'kysely';
import type {
  ProvinceBoard,
  ProvinceCell,
  ProvinceCourtRow,
  ProvinceGroup,
  ProvincePrevious,
  ProvinceRules,
} from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ownCourtCode, requireProfile, superiorCourtCodes, today } from '../court/courtProfile';
import { listSections, loadCampaignRow } from '../campaigns/campaigns';
import { bundleLight } from '../../shared/bundleAge';
import { reportingRules, rosterBelow } from './roster';
import { recentPeriods } from './reportingPeriods';
import { criticismCounts } from '../notices/criticisms';
import { orderCountsByCourt } from '../orders/ordersLedger';

/** The column for items in sections the issuer did not define (a court's own sections). */
export const OWN_SECTIONS_TITLE = '自行增加';

interface GroupRow {
  origin: string;
  sectionId: string | null;
  total: number;
  completed: number;
  overdue: number;
  yellow: number;
  green: number;
  prevTotal: number;
  prevCompleted: number;
  prevOverdue: number;
}

interface CourtRow {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  lastBundleAt: string | null;
  onRoster: boolean;
}

/** The first day of the reporting period that holds `day`, and the one before it (reporting's own periods). */
export function reportingPeriods(
  day: string,
  period: ProvinceRules['period'],
): { currentStart: string; previous: { start: string; end: string } } {
  const [current, previous] = recentPeriods(period, 0, day, 2);
  return { currentStart: current.start, previous: { start: previous.start, end: previous.end } };
}

/**
 * Completed and overdue as the checklist counts them (isDone, deadlineRule's red), per court and
 * section; and the same as they stood at the end of the previous period (`cutoff` is the current
 * period's first day): items created before it, completed before it, overdue on its eve. Its
 * WHERE (deleted_at IS NULL) matches items_campaign_matrix's, which covers every column named
 * here in group order: SQLite scans that index alone, with no table lookups and no sort.
 */
export function groupCountsQuery(
  ctx: Pick<ServiceContext, 'db'>,
  campaignId: string,
  day: string,
  cutoff: string,
  yellowDays: number,
) {
  // Written into the SQL as literals, not bound: SQLite then tests each of the ~150,000 rows
  // against two constants, measurably faster than against two parameters.
  const done = (['completed', 'signed_off'] as const).map((status) => sql.lit(status));
  const eve = dayjs(cutoff).subtract(1, 'day').format('YYYY-MM-DD');
  const yellowUntil = dayjs(day).add(yellowDays, 'day').format('YYYY-MM-DD');
  return ctx.db
    .selectFrom('items')
    .select((eb) => {
      const count = (condition: Expression<SqlBool>) =>
        eb.fn.sum<number>(eb.case().when(condition).then(1).else(0).end());
      const existed = eb('createdAt', '<', cutoff);
      const doneBefore = eb.and([eb('completedAt', 'is not', null), eb('completedAt', '<', cutoff)]);
      return [
        'origin',
        'sectionId',
        eb.fn.countAll<number>().as('total'),
        count(eb('status', 'in', done)).as('completed'),
        count(eb.and([eb('status', 'not in', done), eb('deadline', 'is not', null), eb('deadline', '<', day)])).as(
          'overdue',
        ),
        count(
          eb.and([
            eb('status', 'not in', done),
            eb('deadline', 'is not', null),
            eb('deadline', '>=', day),
            eb('deadline', '<=', yellowUntil),
          ]),
        ).as('yellow'),
        count(
          eb.and([eb('status', 'not in', done), eb('deadline', 'is not', null), eb('deadline', '>', yellowUntil)]),
        ).as('green'),
        count(existed).as('prevTotal'),
        count(eb.and([existed, doneBefore])).as('prevCompleted'),
        count(
          eb.and([existed, eb('deadline', 'is not', null), eb('deadline', '<', eve), eb.not(eb.parens(doneBefore))]),
        ).as('prevOverdue'),
      ];
    })
    .where('campaignId', '=', campaignId)
    .where('deletedAt', 'is', null)
    .groupBy(['origin', 'sectionId']);
}

function groupCounts(
  ctx: ServiceContext,
  campaignId: string,
  day: string,
  cutoff: string,
  yellowDays: number,
): Promise<GroupRow[]> {
  return groupCountsQuery(ctx, campaignId, day, cutoff, yellowDays).execute();
}

const emptyCell = (): ProvinceCell => ({
  total: 0,
  completed: 0,
  overdue: 0,
  completionRate: null,
  yellow: 0,
  green: 0,
});

function addTo(
  cell: ProvinceCell | ProvincePrevious,
  group: Pick<ProvinceCell, 'total' | 'completed' | 'overdue'> & Partial<Pick<ProvinceCell, 'yellow' | 'green'>>,
): void {
  cell.total += group.total;
  cell.completed += group.completed;
  cell.overdue += group.overdue;
  if ('yellow' in cell) {
    cell.yellow += group.yellow ?? 0;
    cell.green += group.green ?? 0;
  }
}

function finish<T extends ProvinceCell | ProvincePrevious>(cell: T): T {
  cell.completionRate = cell.total === 0 ? null : cell.completed / cell.total;
  return cell;
}

/** Best first: highest completion rate, then fewest overdue, then code. */
export function compareBest(a: ProvinceCourtRow, b: ProvinceCourtRow): number {
  const ra = a.totals.completionRate ?? -1;
  const rb = b.totals.completionRate ?? -1;
  return rb - ra || a.totals.overdue - b.totals.overdue || a.code.localeCompare(b.code);
}

const STANDING_ORDER = { ranked: 0, stale: 1, empty: 2, missing: 3 } as const;

/** The 后进 of the ranked courts (sorted best first) by the campaign's one rule. */
export function laggardsOf(ranked: ProvinceCourtRow[], rules: ProvinceRules): Set<string> {
  if (rules.laggardRule === 'below')
    return new Set(ranked.filter((c) => (c.totals.completionRate ?? 0) * 100 < rules.laggardBelow).map((c) => c.code));
  // Bottom N, but never more than half the ranked courts (in a small jurisdiction "the last 10"
  // would be everyone, the best court too), and never a court that has finished everything.
  const count = Math.min(rules.laggardCount, Math.floor(ranked.length / 2));
  return new Set(
    ranked
      .slice(ranked.length - count)
      .filter((c) => (c.totals.completionRate ?? 0) < 1)
      .map((c) => c.code),
  );
}

function group(code: string, name: string, columns: number): ProvinceGroup {
  return {
    code,
    name,
    courtCount: 0,
    currentCount: 0,
    reportingRate: null,
    totals: emptyCell(),
    cells: Array.from({ length: columns }, emptyCell),
    previous: { total: 0, completed: 0, overdue: 0, completionRate: null },
  };
}

function addRow(target: ProvinceGroup, row: Pick<ProvinceCourtRow, 'totals' | 'cells' | 'previous'>): void {
  addTo(target.totals, row.totals);
  row.cells.forEach((cell, index) => addTo(target.cells[index], cell));
  addTo(target.previous, row.previous);
}

function finishGroup(target: ProvinceGroup): ProvinceGroup {
  finish(target.totals);
  target.cells.forEach(finish);
  finish(target.previous);
  target.reportingRate = target.courtCount === 0 ? null : target.currentCount / target.courtCount;
  return target;
}

export async function provinceBoard(ctx: ServiceContext, campaignId: string): Promise<ProvinceBoard> {
  const campaign = await loadCampaignRow(ctx, campaignId);
  const [profile, own, superiors, sections, rulesRow] = await Promise.all([
    requireProfile(ctx),
    ownCourtCode(ctx),
    superiorCourtCodes(ctx),
    listSections(ctx, campaign),
    reportingRules(ctx, campaignId),
  ]);
  const rules: ProvinceRules = {
    period: rulesRow.period,
    staleDays: rulesRow.staleDays,
    laggardRule: rulesRow.laggardRule,
    laggardCount: rulesRow.laggardCount,
    laggardBelow: rulesRow.laggardBelow,
  };
  const day = today(ctx);
  const periods = reportingPeriods(day, rules.period);

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
  const board: ProvinceBoard = {
    campaignId,
    campaignTitle: campaign.title,
    today: day,
    level: profile.level,
    sections: columns,
    courts: [],
    fromRoster: false,
    own: group(own, profile.name, columns.length),
    jurisdictions: [],
    total: group('*', '', columns.length),
    rules,
    previousPeriod: periods.previous,
    laggardCount: 0,
  };
  if (profile.level === 'basic') return board;

  const [groups, roster, known, orderCounts, criticisms] = await Promise.all([
    groupCounts(ctx, campaignId, day, periods.currentStart, campaign.yellowDays),
    // Own code and superiors are at hand: the roster without looking them up again.
    rosterBelow(ctx.db, own, superiors, true),
    ctx.db
      .selectFrom('syncCourts')
      .select(['code', 'name', 'level', 'parentCode', 'lastBundleAt'])
      .where('relation', 'in', ['subordinate', 'relayed'])
      .execute(),
    // 督办单 this court issued per court, and 批评 in issued 通报: one grouped query each.
    orderCountsByCourt(ctx, campaignId),
    criticismCounts(ctx, campaignId),
  ]);
  // Not subordinates: this court, its superiors, the issuer (their rows are the definition) and
  // courts merged away (已撤并: their history stays, they are no longer expected).
  const merged = roster.filter((entry) => entry.mergedAt !== null).map((entry) => entry.code);
  const notSubordinate = new Set([own, campaign.origin, ...superiors, ...merged]);
  const synced = new Map(known.map((c) => [c.code, c]));
  const courts = new Map<string, CourtRow>();
  board.fromRoster = roster.some((entry) => entry.mergedAt === null);
  for (const entry of roster) {
    if (notSubordinate.has(entry.code)) continue;
    courts.set(entry.code, {
      code: entry.code,
      name: entry.name,
      level: entry.level,
      parentCode: entry.parentCode,
      lastBundleAt: synced.get(entry.code)?.lastBundleAt ?? null,
      onRoster: true,
    });
  }
  for (const c of known) {
    if (notSubordinate.has(c.code) || courts.has(c.code)) continue;
    courts.set(c.code, { ...c, onRoster: !board.fromRoster });
  }
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
        onRoster: !board.fromRoster,
      });
  }

  // Fold the groups into each court's cells (and this court's own row). At a high court of 500
  // courts there are ~17,000 groups (court × sub-section): each section's column is found once,
  // and each court's figures sit in one record, so a group costs one lookup.
  const emptyPrevious = (): ProvincePrevious => ({ total: 0, completed: 0, overdue: 0, completionRate: null });
  const columnIndex = new Map(columns.map((c, index) => [c.id, index]));
  /** Column of a section; -1 for the court's own sections (not the issuer's). */
  const columnOfSection = new Map<string | null, number>();
  const columnOf = (sectionId: string | null): number => {
    let index = columnOfSection.get(sectionId);
    if (index === undefined) {
      index = columnIndex.get(topOf(sectionId)) ?? -1;
      columnOfSection.set(sectionId, index);
    }
    return index;
  };
  interface Folded {
    cells: ProvinceCell[];
    /** Items in sections of its own; null: none. */
    ownSections: ProvinceCell | null;
    /** null: nothing received from the court. */
    totals: ProvinceCell | null;
    previous: ProvincePrevious | null;
  }
  const folded = new Map<string, Folded>(
    [...courts.keys(), own].map((code) => [
      code,
      { cells: columns.map(emptyCell), ownSections: null, totals: null, previous: null },
    ]),
  );
  for (const g of groups) {
    const court = folded.get(g.origin);
    if (!court) continue;
    const index = columnOf(g.sectionId);
    addTo(index < 0 ? (court.ownSections ??= emptyCell()) : court.cells[index], g);
    addTo((court.totals ??= emptyCell()), g);
    const previous = (court.previous ??= emptyPrevious());
    previous.total += g.prevTotal;
    previous.completed += g.prevCompleted;
    previous.overdue += g.prevOverdue;
  }
  if ([...folded.values()].some((court) => court.ownSections !== null)) {
    board.sections.push({ id: null, title: OWN_SECTIONS_TITLE });
    for (const court of folded.values()) court.cells.push(court.ownSections ?? emptyCell());
    board.own.cells.push(emptyCell());
    board.total.cells.push(emptyCell());
  }

  // Each court's row: its standing, then the ranking among the current ones (1 = best).
  const now = dayjs(ctx.now());
  const rows: ProvinceCourtRow[] = [...courts.values()].map((court) => {
    const ageDays = court.lastBundleAt ? Math.max(0, now.diff(dayjs(court.lastBundleAt), 'day')) : null;
    const figures = folded.get(court.code)!;
    const courtTotals = finish(figures.totals ?? emptyCell());
    const hasData = figures.totals !== null;
    const standing =
      ageDays !== null && ageDays > rules.staleDays
        ? 'stale'
        : !hasData && ageDays === null
          ? 'missing'
          : courtTotals.total === 0
            ? 'empty'
            : 'ranked';
    // An intermediate court counts in its own jurisdiction; a court directly under this one in ''.
    const jurisdiction =
      court.level === 'intermediate'
        ? court.code
        : court.parentCode && court.parentCode !== own
          ? court.parentCode
          : '';
    return {
      code: court.code,
      name: court.name,
      level: court.level,
      parentCode: court.parentCode,
      jurisdiction,
      rank: null,
      standing,
      onRoster: court.onRoster,
      laggard: false,
      totals: courtTotals,
      cells: figures.cells.map(finish),
      previous: finish(figures.previous ?? emptyPrevious()),
      lastBundleAt: court.lastBundleAt,
      bundleAgeDays: ageDays,
      bundleLight: bundleLight(ageDays),
      orderCount: orderCounts.get(court.code)?.orders ?? 0,
      overdueOrderCount: orderCounts.get(court.code)?.overdue ?? 0,
      criticismCount: criticisms.get(court.code) ?? 0,
    };
  });
  rows.sort((a, b) => STANDING_ORDER[a.standing] - STANDING_ORDER[b.standing] || compareBest(a, b));
  const ranked = rows.filter((row) => row.standing === 'ranked');
  ranked.forEach((row, index) => (row.rank = index + 1));
  const laggards = laggardsOf(ranked, rules);
  for (const row of rows) row.laggard = laggards.has(row.code);
  board.courts = rows;
  board.laggardCount = laggards.size;

  // This court's own items, the subtotals per jurisdiction and the total.
  const ownFigures = folded.get(own)!;
  addRow(board.own, {
    totals: ownFigures.totals ?? emptyCell(),
    cells: ownFigures.cells,
    previous: ownFigures.previous ?? emptyPrevious(),
  });
  finishGroup(board.own);
  const byJurisdiction = new Map<string, ProvinceGroup>();
  const nameOf = new Map(rows.map((row) => [row.code, row.name]));
  for (const row of rows) {
    let target = byJurisdiction.get(row.jurisdiction);
    if (!target) {
      target = group(row.jurisdiction, nameOf.get(row.jurisdiction) ?? row.jurisdiction, board.sections.length);
      byJurisdiction.set(row.jurisdiction, target);
    }
    const expected = row.onRoster;
    const current = row.standing !== 'stale' && row.bundleAgeDays !== null;
    for (const t of [target, board.total]) {
      addRow(t, row);
      if (expected) {
        t.courtCount += 1;
        if (current) t.currentCount += 1;
      }
    }
  }
  addRow(board.total, board.own);
  board.jurisdictions = [...byJurisdiction.values()]
    .sort((a, b) => (a.code === '' ? 1 : b.code === '' ? -1 : a.code.localeCompare(b.code)))
    .map(finishGroup);
  finishGroup(board.total);
  return board;
}
