// Drafting the written 活动总结 from the data: the fields (every figure the text may cite, by name)
// and the four parts as templates that cite them as 【字段名】. The figures come from the views the
// statistics report already reads (summaryReport: progress, board, ledger closure, items, the
// province board) plus the self-inspection counts by aspect and the 亮点 notes; nothing here
// counts what those views count.
//
// Three scopes: a court's own work (a basic court, or any court viewing a subordinate), an
// intermediate court's jurisdiction, and a high court's province. At a higher court the main
// figures (完成率, 事项总数 …) are those of its jurisdiction: the sums of each court's own views.
import { sql } from 'kysely';
import type {
  ClosureFigure,
  IndicatorRow,
  LedgerSource,
  ProgressFigures,
  SummaryField,
  SummaryPart,
} from '../../shared/model';
import { ledgerSources } from '../../shared/model';
import { LEDGER_SOURCE_LABELS } from '../../shared/statusLabels';
import { chineseNumeral, isDone } from '../../shared/checklistRules';
import { closureRate } from '../../shared/ledgerRules';
import { quotedTitle } from '../../shared/common/quotedTitle';
import type { ServiceContext } from '../api/context';
import { campaignProgress } from '../checklist/items';
import { ledgerClosure } from '../ledger/closure';
import { inspectionReport } from '../reports/inspectionReport';
import { UNIT_TEXT } from '../reports/reportText';
import type { SummaryReportData } from '../reports/summaryReport';
import { NO_DEPARTMENT_NAME } from '../boards/campaignBoard';

export type SummaryScope = 'court' | 'jurisdiction' | 'province';

export interface SummaryDraft {
  scope: SummaryScope;
  fields: SummaryField[];
  parts: Record<SummaryPart, string>;
  highlightCount: number;
}

/** How many names a sentence lists before "等". */
const LIST_MAX = 3;

const listNames = (names: string[]) => names.slice(0, LIST_MAX).join('、');

/** Whole percent rounded down, as the board prints it (99.6% never reads 100%). */
const wholePercent = (part: number, total: number) => (total ? `${Math.floor((part * 100) / total)}%` : '—');

const rate = (value: number | null) => (value === null ? '—' : `${value}%`);

/** A campaign as a sentence names it: “能力作风建设年”活动 (quoted once, 活动 written once). */
export function activityName(campaignTitle: string): string {
  return `${quotedTitle(campaignTitle.trim().replace(/活动$/, ''))}活动`;
}

/** An aspect as a sentence names it: 窗口作风方面 (its title may or may not end with 方面). */
const aspectName = (title: string) => `${title.replace(/方面$/, '')}方面`;

/** A section or aspect title without its printed number (一、 （一） 1.). */
const bareTitle = (title: string) =>
  title.replace(/^\s*(?:[一二三四五六七八九十百]+、|（[一二三四五六七八九十]+）|\d+[.、．])\s*/, '').trim();

function sumFigures(list: ProgressFigures[]): ProgressFigures {
  const total = list.reduce(
    (sum, f) => ({
      total: sum.total + f.total,
      done: sum.done + f.done,
      signedOff: sum.signedOff + f.signedOff,
      overdue: sum.overdue + f.overdue,
      yellow: sum.yellow + f.yellow,
    }),
    { total: 0, done: 0, signedOff: 0, overdue: 0, yellow: 0 },
  );
  return {
    ...total,
    percentDone: total.total ? Math.floor((total.done * 100) / total.total) : 0,
    percentSignedOff: total.total ? Math.floor((total.signedOff * 100) / total.total) : 0,
  };
}

interface ClosureSums {
  overall: ClosureFigure;
  bySource: Map<LedgerSource, ClosureFigure>;
  openTitles: string[];
  longTermMeasures: number;
}

function addClosure(sums: ClosureSums, closure: Awaited<ReturnType<typeof ledgerClosure>>, prefix: string): void {
  const add = (into: ClosureFigure, f: ClosureFigure) => {
    into.total += f.total;
    into.closed += f.closed;
    into.longTerm += f.longTerm;
    into.open += f.open;
  };
  add(sums.overall, closure.overall);
  for (const source of closure.bySource) {
    if (!sums.bySource.has(source.source))
      sums.bySource.set(source.source, { total: 0, closed: 0, longTerm: 0, open: 0, rate: null });
    add(sums.bySource.get(source.source)!, source);
  }
  for (const finding of closure.byFinding) {
    // Open: not closed, and not only long-term measures left (those count apart, as 长期坚持).
    const openMeasures = finding.measures - finding.closedMeasures;
    const longTermOnly = finding.longTermMeasures > 0 && openMeasures <= finding.longTermMeasures;
    if (!finding.closed && !longTermOnly) sums.openTitles.push(`${prefix}${quotedTitle(finding.title)}`);
    sums.longTermMeasures += finding.longTermMeasures;
  }
}

interface Highlight {
  court: string;
  courtName: string;
  section: string;
  itemTitle: string;
  notes: Array<{ date: string; text: string }>;
}

/**
 * The 亮点 of the courts in scope: items marked (with their notes marked, else their latest
 * note) and notes marked on unmarked items, by court then section order.
 */
async function highlights(
  ctx: ServiceContext,
  campaignId: string,
  courts: Map<string, string>,
): Promise<{ list: Highlight[]; count: number }> {
  const codes = [...courts.keys()];
  const rows = await ctx.db
    .selectFrom('items')
    .leftJoin('sections', 'sections.id', 'items.sectionId')
    .leftJoin('progressNotes', (join) =>
      join.onRef('progressNotes.itemId', '=', 'items.id').on('progressNotes.deletedAt', 'is', null),
    )
    .select([
      'items.id as itemId',
      'items.origin as court',
      'items.title as itemTitle',
      'items.highlight as itemHighlight',
      'items.sortOrder as itemOrder',
      'sections.title as sectionTitle',
      'sections.sortOrder as sectionOrder',
      'progressNotes.id as noteId',
      'progressNotes.noteDate as noteDate',
      'progressNotes.text as noteText',
      'progressNotes.highlight as noteHighlight',
      'progressNotes.changeSeq as noteSeq',
    ])
    .where('items.campaignId', '=', campaignId)
    .where('items.origin', 'in', codes)
    .where('items.deletedAt', 'is', null)
    .where((eb) => eb.or([eb('items.highlight', '=', 1), eb('progressNotes.highlight', '=', 1)]))
    .orderBy('items.origin')
    .orderBy('sections.sortOrder')
    .orderBy('items.sortOrder')
    .orderBy('progressNotes.noteDate')
    .orderBy('progressNotes.changeSeq')
    .execute();
  // A marked item's notes: the marked ones, or else the latest (the lists are small: marks only).
  const latestOfMarked = new Map<string, { date: string; text: string }>();
  const markedItems = rows.filter((row) => row.itemHighlight === 1).map((row) => row.itemId);
  if (markedItems.length) {
    const notes = await ctx.db
      .selectFrom('progressNotes')
      .select(['itemId', 'noteDate', 'text', 'changeSeq'])
      .where('itemId', 'in', markedItems)
      .where('deletedAt', 'is', null)
      .orderBy('noteDate')
      .orderBy('changeSeq')
      .execute();
    for (const note of notes) latestOfMarked.set(note.itemId, { date: note.noteDate, text: note.text });
  }
  const byItem = new Map<string, Highlight>();
  let count = 0;
  const counted = new Set<string>();
  for (const row of rows) {
    let entry = byItem.get(row.itemId);
    if (!entry) {
      entry = {
        court: row.court,
        courtName: courts.get(row.court) ?? row.court,
        section: bareTitle(row.sectionTitle ?? ''),
        itemTitle: row.itemTitle,
        notes: [],
      };
      byItem.set(row.itemId, entry);
      if (row.itemHighlight === 1) count += 1;
    }
    if (row.noteId && row.noteHighlight === 1 && !counted.has(row.noteId)) {
      counted.add(row.noteId);
      count += 1;
      entry.notes.push({ date: row.noteDate!, text: row.noteText! });
    }
  }
  for (const [itemId, entry] of byItem) {
    const latest = latestOfMarked.get(itemId);
    if (entry.notes.length === 0 && latest) entry.notes.push(latest);
  }
  return { list: [...byItem.values()], count };
}

/** A note as quoted in a sentence: its own words without the closing stop. */
const quoted = (text: string) =>
  text
    .replace(/\s+/g, '')
    .replace(/[。；;，,]+$/, '')
    .trim();

/** A summary quotes a few highlights per section; the rest are counted for the clerk to pick from. */
const QUOTES_PER_SECTION = 5;

function practicesText(list: Highlight[], higher: boolean, scopeName: string): string {
  if (list.length === 0) {
    return [
      `（本部分由承办人撰写。可在推进清单中把有代表性的事项或进展标为“亮点”，系统将据此起草本部分；也可直接在此填写${scopeName}的主要做法和成效。）`,
    ].join('\n');
  }
  const sections: Array<{ title: string; entries: Highlight[] }> = [];
  for (const entry of list) {
    const title = entry.section || '其他工作';
    let group = sections.find((s) => s.title === title);
    if (!group) sections.push((group = { title, entries: [] }));
    group.entries.push(entry);
  }
  const lines: string[] = [];
  sections.forEach((group, index) => {
    lines.push(`（${chineseNumeral(index + 1)}）${group.title}`);
    for (const entry of group.entries.slice(0, QUOTES_PER_SECTION)) {
      const who = higher ? entry.courtName : '';
      const said = entry.notes.map((n) => quoted(n.text)).filter(Boolean);
      const body = said.length ? `，${said.join('；')}` : '，扎实推进，取得阶段性成效';
      lines.push(`${who}${higher ? '' : '我院'}围绕${quotedTitle(entry.itemTitle)}${body}。`);
    }
    const more = group.entries.length - QUOTES_PER_SECTION;
    if (more > 0) lines.push(`（本栏目另有${more}项亮点未列出，可根据需要补充。）`);
  });
  return lines.join('\n');
}

/** A value in prose: 96.3%, 12件 (no space between figure and unit, as a text writes it). */
function proseValue(value: number, unit: IndicatorRow['unit']): string {
  return unit === 'percent' ? `${value}%` : `${value}${UNIT_TEXT[unit]}`;
}

/** The indicator's latest value and its change from last year: 当场立案率96%，同比上升3个百分点. */
function yearOnYear(indicator: IndicatorRow): string | null {
  const latest = indicator.latest;
  if (!latest || latest.changeFromLastYear === null) return null;
  const change = latest.changeFromLastYear;
  const amount = Math.round(Math.abs(change) * 100) / 100;
  const moved =
    change === 0
      ? '与去年同期持平'
      : `同比${change > 0 ? '上升' : '下降'}${indicator.unit === 'percent' ? `${amount}个百分点` : `${amount}${UNIT_TEXT[indicator.unit]}`}`;
  return `${indicator.name}${proseValue(latest.value, indicator.unit)}，${moved}`;
}

const better = (indicator: IndicatorRow) => {
  const change = indicator.latest?.changeFromLastYear ?? null;
  if (change === null || change === 0) return false;
  return indicator.direction === 'up' ? change > 0 : change < 0;
};

/** The drafted summary of the report's court and scope. */
export async function draftSummary(ctx: ServiceContext, report: SummaryReportData): Promise<SummaryDraft> {
  const { views } = report;
  const board = views.board;
  const scope: SummaryScope = board ? (board.level === 'high' ? 'province' : 'jurisdiction') : 'court';
  const higher = scope !== 'court';
  const scopeName = scope === 'province' ? '全省法院' : scope === 'jurisdiction' ? '全辖区法院' : '我院';

  // The courts in scope with data held: this court, and at a higher court those that reported.
  const courts = new Map<string, string>([[report.courtCode, report.courtName]]);
  if (board) for (const row of board.courts) if (row.standing !== 'missing') courts.set(row.code, row.name);
  const others = [...courts.keys()].filter((code) => code !== report.courtCode);

  const [otherProgress, otherClosures, lateCounts, inspection, marked] = await Promise.all([
    Promise.all(others.map((code) => campaignProgress(ctx, views.campaignId, code))),
    Promise.all(others.map((code) => ledgerClosure(ctx, views.campaignId, code))),
    others.length
      ? sql<{ n: number }>`SELECT count(*) AS n FROM items WHERE campaign_id = ${views.campaignId}
          AND origin IN (${sql.join(others)}) AND deleted_at IS NULL AND completed_late = 1`.execute(ctx.db)
      : Promise.resolve({ rows: [{ n: 0 }] }),
    inspectionReport(ctx, views.campaignId, views.viewed),
    highlights(ctx, views.campaignId, courts),
  ]);

  const own = views.progress.overall;
  const overall = higher ? sumFigures([own, ...otherProgress.map((p) => p.overall)]) : own;
  const ownLate = views.items.filter((item) => item.completedLate).length;
  const late = ownLate + Number(lateCounts.rows[0]?.n ?? 0);

  const closure: ClosureSums = {
    overall: { total: 0, closed: 0, longTerm: 0, open: 0, rate: null },
    bySource: new Map(),
    openTitles: [],
    longTermMeasures: 0,
  };
  addClosure(closure, views.closure, higher ? `${report.courtName}` : '');
  otherClosures.forEach((c, index) => addClosure(closure, c, higher ? (courts.get(others[index]) ?? '') : ''));
  closure.overall.rate = closureRate(closure.overall.closed, closure.overall.total);
  for (const figure of closure.bySource.values()) figure.rate = closureRate(figure.closed, figure.total);

  // 查摆: problems claimed in filed reports, by aspect.
  const aspects = inspection.claimed
    .map((aspect) => ({
      title: bareTitle(aspect.heading),
      count: aspect.problems.reduce((sum, p) => sum + p.reports, 0),
    }))
    .filter((aspect) => aspect.count > 0);
  const claimedTotal = aspects.reduce((sum, a) => sum + a.count, 0);

  // Ahead and behind: departments at a court, courts at a higher court.
  let ahead: string[] = [];
  let behind: string[] = [];
  if (board) {
    // Ahead: the best third at most (never a 后进 court); behind: the 后进 courts, else the last.
    const ranked = board.courts.filter((row) => row.rank !== null).sort((a, b) => a.rank! - b.rank!);
    const aheadCount = Math.min(LIST_MAX, Math.max(1, Math.floor(ranked.length / 3)));
    const aheadRows = ranked.filter((row) => !row.laggard).slice(0, aheadCount);
    const laggards = ranked.filter((row) => row.laggard).reverse();
    const behindRows = (laggards.length ? laggards : ranked.filter((row) => !aheadRows.includes(row)).reverse()).slice(
      0,
      ranked.length > 1 ? LIST_MAX : 0,
    );
    ahead = ranked.length > 1 ? aheadRows.map((row) => row.name) : [];
    behind = behindRows.map((row) => row.name);
  } else {
    const departments = views.byDepartment
      .filter((d) => d.departmentId !== null && d.total > 0 && d.name !== NO_DEPARTMENT_NAME)
      .map((d) => ({ name: d.name, rate: d.completionRate ?? 0, overdue: d.overdue }))
      .sort((a, b) => b.rate - a.rate || a.overdue - b.overdue || a.name.localeCompare(b.name, 'zh-Hans-CN'));
    if (departments.length >= 2) {
      const top = departments[0].rate;
      const aheadRows = departments.filter((d) => d.rate === top && d.rate > 0).slice(0, LIST_MAX);
      const behindRows = departments
        .filter((d) => !aheadRows.includes(d) && (d.rate < top || d.overdue > 0))
        .reverse()
        .slice(0, LIST_MAX);
      ahead = aheadRows.map((d) => d.name);
      behind = behindRows.map((d) => d.name);
    }
  }

  // Indicators: attainment and the change from last year.
  const indicators = report.indicators;
  const counts = report.indicatorCounts;
  const missedNames = indicators.filter((i) => i.latest?.attainment === 'missed').map((i) => i.name);
  const compared = indicators.map(yearOnYear).filter((t): t is string => t !== null);
  const betterCount = indicators.filter(better).length;

  // Overdue: the worst items of this court; at a higher court the courts with most overdue.
  const worst = [...report.overdue].sort((a, b) => b.daysOverdue - a.daysOverdue).slice(0, LIST_MAX);
  const overdueCourts = board
    ? board.courts
        .filter((row) => row.totals.overdue > 0)
        .sort((a, b) => b.totals.overdue - a.totals.overdue)
        .slice(0, LIST_MAX)
        .map((row) => `${row.name}（${row.totals.overdue}项）`)
    : [];

  // Next steps: open items with deadlines, soonest first; recurring items; long-term measures.
  const open = views.items.filter((item) => !isDone(item.status));
  const upcoming = open
    .filter((item) => item.deadline !== null && item.deadline >= report.today)
    .sort((a, b) => (a.deadline! < b.deadline! ? -1 : a.deadline! > b.deadline! ? 1 : 0))
    .slice(0, LIST_MAX);
  const recurring = views.items.filter((item) => item.frequency !== 'once').length;

  const fields: SummaryField[] = [];
  const field = (name: string, value: string | number, hint: string) =>
    fields.push({ name, value: String(value), hint });
  const where = higher ? (scope === 'province' ? '全省' : '全辖区') : '本院';
  field('法院名称', report.courtName, '本院名称');
  field('活动名称', activityName(report.campaignTitle), '专项活动名称，如“能力作风建设年”活动');
  field('统计日期', report.reportDate, '数据截至的日期（今天）');
  field('事项总数', overall.total, `${where}推进事项的数量`);
  field('已完成', overall.done, `${where}已完成的事项（含已销号）`);
  field('已销号', overall.signedOff, `${where}已销号的事项`);
  field('完成率', `${overall.percentDone}%`, `${where}已完成事项占全部事项的比例`);
  field('未完成', overall.total - overall.done, `${where}尚未完成的事项`);
  field('逾期未完成', overall.overdue, `${where}超过完成时限仍未完成的事项（红灯）`);
  field('逾期完成', late, `${where}超过完成时限后才完成的事项`);
  field('临近到期', overall.yellow, `${where}临近完成时限的事项（黄灯）`);
  if (higher) {
    field('本院事项总数', own.total, '本院自身的推进事项');
    field('本院已完成', own.done, '本院自身已完成的事项');
    field('本院完成率', `${own.percentDone}%`, '本院自身事项的完成率');
    field('应报法院数', board!.total.courtCount, '应当报送数据的下级法院');
    field('已报送法院数', board!.total.currentCount, '数据为当期的下级法院');
    field(
      '报送率',
      rate(board!.total.reportingRate === null ? null : Math.floor(board!.total.reportingRate * 1000) / 10),
      '数据为当期的法院占应报法院的比例',
    );
    field('后进法院数', board!.laggardCount, '按活动的后进规则认定的法院');
  }
  field('整改问题数', closure.overall.total, `${where}整改台账中的问题`);
  field('整改销号数', closure.overall.closed, `${where}已整改销号的问题`);
  field('整改未销号数', closure.overall.open, `${where}尚未整改销号的问题`);
  field('整改销号率', rate(closure.overall.rate), `${where}已整改销号问题占全部问题的比例`);
  field('长期坚持措施数', closure.longTermMeasures, '需长期坚持的整改措施');
  for (const source of ledgerSources) {
    const figure = closure.bySource.get(source);
    if (!figure) continue;
    const label = LEDGER_SOURCE_LABELS[source];
    field(`整改问题数（${label}）`, figure.total, `来源为${label}的整改问题`);
    field(`整改销号数（${label}）`, figure.closed, `来源为${label}、已整改销号的问题`);
    field(`整改销号率（${label}）`, rate(figure.rate), `来源为${label}的问题的整改销号率`);
  }
  field('查摆报告应报', report.inspection.expected, '本院应报查摆报告的部门和人员');
  field('查摆报告已报', report.inspection.filed, '已提交（含已审核）的查摆报告');
  field(
    '查摆报告报送率',
    wholePercent(report.inspection.filed, report.inspection.expected),
    '已报查摆报告占应报的比例',
  );
  field('查摆问题数', claimedTotal, '已报查摆报告中认领和自查的问题（人次）');
  for (const aspect of aspects)
    field(`查摆问题数（${aspect.title}）`, aspect.count, `${aspectName(aspect.title)}查摆出的问题`);
  field('指标总数', counts.total, '本院设置的工作指标');
  field('指标达标数', counts.met, '最新一期达到目标值的指标');
  field('指标未达标数', counts.missed, '最新一期未达到目标值的指标');
  field('指标未填报数', counts.noValue, '尚未填报数值的指标');
  field('指标同比向好数', betterCount, '与去年同期相比向好的指标');
  field('指标同比', compared.join('；') || '暂无去年同期数据', '各指标最新值及与去年同期的比较');
  field('未达标指标', listNames(missedNames) || '无', '最新一期未达标的指标');
  field(
    higher ? '进度靠前法院' : '进度靠前部门',
    listNames(ahead) || '暂无',
    higher ? '完成率排名靠前的法院' : '完成率最高的部门',
  );
  field(
    higher ? '进度靠后法院' : '进度靠后部门',
    listNames(behind) || '暂无',
    higher ? '后进或排名靠后的法院' : '完成率较低或有逾期事项的部门',
  );
  field(
    '逾期事项列举',
    higher
      ? listNames(overdueCourts) || '无'
      : worst.map((item) => `${quotedTitle(item.title)}（逾期${item.daysOverdue}天）`).join('、') || '无',
    higher ? '逾期事项较多的法院' : '逾期时间最长的几项事项',
  );
  field('未销号问题列举', listNames(closure.openTitles) || '无', '尚未整改销号的问题');
  field(
    '近期到期事项',
    upcoming.map((item) => `${quotedTitle(item.title)}（${periodDate(item.deadline!)}前）`).join('、') || '无',
    '尚未完成、完成时限最近的几项事项',
  );
  field('常态化事项数', recurring, '按月、按季推进的事项');
  field('亮点数', marked.count, '标为亮点的事项和进展');

  const aheadField = higher ? '进度靠前法院' : '进度靠前部门';
  const behindField = higher ? '进度靠后法院' : '进度靠后部门';

  // 一、基本情况
  const situation: string[] = [];
  situation.push(
    higher
      ? `【活动名称】开展以来，${scope === 'province' ? '全省' : '全辖区'}法院按照部署要求，制定推进清单，明确责任部门和完成时限，挂图作战、逐项推进，活动总体进展顺利。`
      : '【活动名称】开展以来，我院按照上级部署，结合工作实际制定推进清单，逐项明确牵头院领导、责任部门和完成时限，挂图作战、逐项推进，活动总体进展顺利。',
  );
  if (higher) {
    situation.push(
      `截至【统计日期】，${where}应报法院【应报法院数】个，按期报送【已报送法院数】个，报送率【报送率】。${where}共有推进事项【事项总数】项，已完成【已完成】项（其中已销号【已销号】项），完成率【完成率】；逾期未完成【逾期未完成】项，逾期完成【逾期完成】项。其中，本院事项【本院事项总数】项，已完成【本院已完成】项，完成率【本院完成率】。`,
    );
  } else {
    situation.push(
      '截至【统计日期】，我院推进清单共有事项【事项总数】项，已完成【已完成】项（其中已销号【已销号】项），完成率【完成率】；逾期未完成【逾期未完成】项，逾期完成【逾期完成】项。',
    );
  }
  if (ahead.length) {
    situation.push(
      higher
        ? `从各法院推进情况看，【${aheadField}】等法院进度靠前${behind.length ? `，【${behindField}】等法院进度相对滞后` : ''}。`
        : `从各部门推进情况看，【${aheadField}】进度靠前${behind.length ? `，【${behindField}】进度相对滞后` : ''}。`,
    );
  }
  if (closure.overall.total) {
    const sources = ledgerSources
      .filter((s) => closure.bySource.has(s))
      .map((s) => {
        const label = LEDGER_SOURCE_LABELS[s];
        return `${label}问题【整改问题数（${label}）】个，已整改销号【整改销号数（${label}）】个，整改销号率【整改销号率（${label}）】`;
      });
    situation.push(
      `整改台账共有问题【整改问题数】个，已整改销号【整改销号数】个，整改销号率【整改销号率】${sources.length > 1 ? `。其中，${sources.join('；')}` : ''}。`,
    );
  }
  if (report.inspection.expected || claimedTotal) {
    const own = higher ? '本院' : '';
    const byAspect = aspects.map((a) => `${aspectName(a.title)}【查摆问题数（${a.title}）】个`);
    situation.push(
      report.inspection.filed || claimedTotal
        ? `对照查摆方面，${own}应报查摆报告【查摆报告应报】份，已报【查摆报告已报】份，报送率【查摆报告报送率】；共查摆问题【查摆问题数】个${byAspect.length ? `，其中${byAspect.join('，')}` : ''}。`
        : `对照查摆方面，${own}应报查摆报告【查摆报告应报】份，目前尚未报送，需抓紧组织填报。`,
    );
  }
  if (counts.total) {
    const own = higher ? '本院' : '';
    situation.push(
      counts.noValue === counts.total
        ? `工作指标方面，${own}设置指标【指标总数】项，尚未填报数值。`
        : `工作指标方面，${own}设置指标【指标总数】项，最新一期达标【指标达标数】项，未达标【指标未达标数】项${counts.noValue ? '，尚未填报【指标未填报数】项' : ''}${compared.length ? '；与去年同期相比，【指标同比】' : ''}。`,
    );
  }

  // 三、存在的问题
  const problemLines: string[] = [];
  if (overall.overdue > 0)
    problemLines.push(
      higher
        ? `推进不够平衡。${where}尚有【逾期未完成】项事项逾期未完成，主要集中在【逾期事项列举】等法院。`
        : '推进不够平衡。尚有【逾期未完成】项事项超过完成时限仍未完成，如【逾期事项列举】，需督促责任部门加快进度。',
    );
  if (closure.overall.open > 0)
    problemLines.push(
      '整改仍需持续用力。整改台账尚有【整改未销号数】个问题未整改销号，如【未销号问题列举】，整改成效有待巩固。',
    );
  if (counts.missed > 0)
    problemLines.push(
      '部分指标未达预期。【未达标指标】最新一期未达到目标值（共【指标未达标数】项），需要分析原因、精准施策。',
    );
  if (claimedTotal > 0) {
    const most = [...aspects].sort((a, b) => b.count - a.count)[0];
    problemLines.push(
      `作风建设仍有短板。对照查摆出问题【查摆问题数】个，其中${aspectName(most.title)}问题较为集中（【查摆问题数（${most.title}）】个），需要举一反三、建章立制。`,
    );
  }
  if (behind.length)
    problemLines.push(
      higher
        ? `工作进展不够均衡。【${behindField}】等法院推进相对滞后，需加强督导。`
        : `部门之间进展不够均衡。【${behindField}】推进相对滞后，需进一步压实责任。`,
    );
  const ordinals = ['一是', '二是', '三是', '四是', '五是', '六是'];
  const problems = problemLines.length
    ? [
        '活动开展以来，虽然取得了一定成效，但对照上级要求和人民群众期待，仍存在一些不足：',
        ...problemLines.map((line, i) => `${ordinals[i]}${line}`),
      ]
    : [
        '活动开展以来，各项任务均按时限推进，没有逾期未完成的事项和未销号的整改问题。但对照上级要求和人民群众期待，在常态长效方面仍需持续用力。（可在此补充查找出的其他不足。）',
      ];

  // 四、下一步工作打算
  const next: string[] = [];
  let step = 0;
  const heading = (title: string) => next.push(`（${chineseNumeral(++step)}）${title}`);
  if (overall.total - overall.done > 0) {
    heading('抓紧推进未完成事项');
    next.push(
      `对尚未完成的【未完成】项事项，逐项明确时间节点和责任人，挂图作战、对账销号${upcoming.length ? '，重点抓好【近期到期事项】等事项' : ''}${overall.overdue ? '；对逾期未完成的【逾期未完成】项事项，由牵头院领导督促限期完成' : ''}，确保按期完成各项任务。`,
    );
  }
  if (closure.overall.total || recurring) {
    heading('巩固整改成果');
    next.push(
      `${closure.overall.open ? '对尚未销号的【整改未销号数】个问题盯住不放、一抓到底；' : ''}${closure.longTermMeasures ? '对【长期坚持措施数】项需长期坚持的整改措施，' : ''}${recurring ? '对【常态化事项数】项按月、按季推进的事项，' : ''}定期开展回头看，防止问题反弹回潮。`.replace(
        /^，/,
        '',
      ),
    );
  }
  if (counts.total) {
    heading('补齐指标短板');
    next.push(
      counts.noValue === counts.total
        ? '按期填报各项指标数值，对照目标值跟踪分析指标运行情况，及时发现和解决短板弱项。'
        : counts.missed
          ? '针对【未达标指标】等未达标指标，深入分析原因，制定针对性措施，推动各项指标稳中向好。'
          : '保持各项指标稳中向好，对接近目标值的指标加强跟踪分析，防止下滑。',
    );
  }
  heading('建立长效机制');
  next.push(
    higher
      ? `加强对下指导和督导问效，对【${behindField}】等推进滞后的法院适时督办；及时总结推广好经验好做法，推动活动成果制度化、常态化。`
      : '及时总结活动中形成的好经验好做法，把行之有效的措施固化为制度规范，推动活动成果转化为长效机制。',
  );

  return {
    scope,
    fields,
    parts: {
      situation: situation.join('\n'),
      practices: practicesText(marked.list, higher, scopeName),
      problems: problems.join('\n'),
      nextSteps: next.join('\n'),
    },
    highlightCount: marked.count,
  };
}

/** 2026-12-05 → 12月5日. */
function periodDate(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}
