// The province report (下级法院进度表): the higher court's matrix on paper and in a workbook — every
// court it expects reports from, grouped by intermediate jurisdiction with a subtotal after each,
// this court's own items and the total last. The figures are boards.province's, so the screen, the
// PDF and the workbook agree.
import type { ProvinceBoard, ProvinceCell, ProvinceCourtRow, ProvinceGroup } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { provinceBoard } from '../province/provinceBoard';
import { reportHead } from './reportScope';
import { requireProfile } from '../court/courtProfile';

export const PROVINCE_REPORT_TITLE = '下级法院进度表';

export interface ProvinceReportLine {
  kind: 'court' | 'subtotal' | 'own' | 'total';
  /** The rank (courts), or null (unranked courts and every subtotal). */
  rank: number | null;
  name: string;
  level: string;
  totals: ProvinceCell;
  cells: ProvinceCell[];
  /** Percentage points against the previous period; null when there is nothing to compare. */
  delta: number | null;
  /** 最近上报 as 2026-11-24 (courts), or the reporting rate line (subtotals). */
  reported: string;
  /** 数据陈旧 / 未报送 / 后进 / 名单外, joined; empty when none. */
  marks: string;
  /** Subtotals and the total: the courts expected and the share whose data is current. */
  courtCount: number | null;
  reportingRate: number | null;
}

export interface ProvinceReportData {
  courtCode: string;
  courtName: string;
  campaignTitle: string;
  reportDate: string;
  /** The line under the title: counts, the ranking rule, the previous period. */
  figuresLine: string;
  sections: Array<{ number: string; title: string }>;
  lines: ProvinceReportLine[];
  courtCount: number;
}

const LEVEL_TEXT: Record<string, string> = { intermediate: '中院', basic: '基层', high: '高院' };

export function deltaOf(row: { totals: ProvinceCell; previous: { completionRate: number | null } }): number | null {
  if (row.totals.completionRate === null || row.previous.completionRate === null) return null;
  return Math.round((row.totals.completionRate - row.previous.completionRate) * 100);
}

const rateText = (rate: number | null) => (rate === null ? '—' : `${Math.floor(rate * 1000) / 10}%`);

function courtLine(row: ProvinceCourtRow, staleDays: number): ProvinceReportLine {
  const marks = [
    row.standing === 'stale' ? `数据陈旧（超过${staleDays}天）` : '',
    row.standing === 'missing' ? '未报送' : '',
    row.standing === 'empty' ? '暂无事项' : '',
    row.laggard ? '后进' : '',
    row.onRoster ? '' : '不在应报名单',
  ].filter(Boolean);
  return {
    kind: 'court',
    rank: row.rank,
    name: row.name,
    level: LEVEL_TEXT[row.level] ?? '',
    totals: row.totals,
    cells: row.cells,
    delta: deltaOf(row),
    reported: row.lastBundleAt ? row.lastBundleAt.slice(0, 10) : '未收到',
    marks: marks.join('、'),
    courtCount: null,
    reportingRate: null,
  };
}

function groupLine(kind: ProvinceReportLine['kind'], name: string, group: ProvinceGroup): ProvinceReportLine {
  return {
    kind,
    rank: null,
    name,
    level: '',
    totals: group.totals,
    cells: group.cells,
    delta: deltaOf(group),
    reported:
      kind === 'own' ? '' : `报送率 ${rateText(group.reportingRate)}（${group.currentCount}/${group.courtCount}）`,
    marks: '',
    courtCount: kind === 'own' ? null : group.courtCount,
    reportingRate: kind === 'own' ? null : group.reportingRate,
  };
}

/** The lines in print order: each jurisdiction's courts (by rank, then the unranked) and its subtotal. */
export function provinceLines(board: ProvinceBoard, ownName: string): ProvinceReportLine[] {
  const lines: ProvinceReportLine[] = [];
  for (const jurisdiction of board.jurisdictions) {
    for (const row of board.courts.filter((c) => c.jurisdiction === jurisdiction.code))
      lines.push(courtLine(row, board.rules.staleDays));
    lines.push(
      groupLine(
        'subtotal',
        jurisdiction.code === '' ? '本院直辖法院小计' : `${jurisdiction.name}辖区小计`,
        jurisdiction,
      ),
    );
  }
  lines.push(groupLine('own', `${ownName}（本院事项）`, board.own));
  lines.push(groupLine('total', board.level === 'high' ? '全省合计' : '全辖区合计', board.total));
  return lines;
}

const SECTION_NUMBER = /^([一二三四五六七八九十百]+)、/;

/** The refusals provinceReport() gives, without counting: another court's, or at a basic court. */
export async function checkProvinceScope(ctx: ServiceContext, campaignId: string, courtCode?: string): Promise<void> {
  const head = await reportHead(ctx, campaignId, courtCode, PROVINCE_REPORT_TITLE);
  if (head.court !== head.own)
    throw new ApiError('E_INVALID', `${PROVINCE_REPORT_TITLE}只能按本院的数据生成，不能选择其他法院。`);
  const profile = await requireProfile(ctx);
  if (profile.level === 'basic')
    throw new ApiError('E_INVALID', `本院是基层法院，没有下级法院，无法生成${PROVINCE_REPORT_TITLE}。`);
}

export async function provinceReport(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<ProvinceReportData> {
  const head = await reportHead(ctx, campaignId, courtCode, PROVINCE_REPORT_TITLE);
  if (head.court !== head.own)
    throw new ApiError('E_INVALID', `${PROVINCE_REPORT_TITLE}只能按本院的数据生成，不能选择其他法院。`);
  const board = await provinceBoard(ctx, campaignId);
  if (board.level === 'basic')
    throw new ApiError('E_INVALID', `本院是基层法院，没有下级法院，无法生成${PROVINCE_REPORT_TITLE}。`);
  const ranked = board.courts.filter((c) => c.rank !== null).length;
  const rule =
    board.rules.laggardRule === 'bottom'
      ? `后进为参加排名法院中的后 ${board.rules.laggardCount} 名`
      : `后进为参加排名且完成率低于 ${board.rules.laggardBelow}% 的法院`;
  const figuresLine =
    `应报法院 ${board.total.courtCount} 个，数据为当期的 ${board.total.currentCount} 个（报送率 ${rateText(board.total.reportingRate)}），` +
    `参加排名 ${ranked} 个，排名第 1 为完成率最高；数据陈旧（最近上报超过 ${board.rules.staleDays} 天）、未报送和暂无事项的法院不排名；` +
    `${rule}，共 ${board.laggardCount} 个。“较上期”为与 ${board.previousPeriod.start} 至 ${board.previousPeriod.end} 期末相比的完成率变化（百分点）。`;
  return {
    courtCode: head.court,
    courtName: head.courtName,
    campaignTitle: board.campaignTitle,
    reportDate: head.reportDate,
    figuresLine,
    sections: board.sections.map((s, index) => {
      const match = SECTION_NUMBER.exec(s.title);
      return {
        number: match ? match[1] : String(index + 1),
        title: match ? s.title.slice(match[0].length) : s.title,
      };
    }),
    lines: provinceLines(board, head.courtName),
    courtCount: board.courts.length,
  };
}

export { rateText };
