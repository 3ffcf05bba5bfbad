// The words of a new 通报, written from the figures so the clerk never retypes them: the title by
// kind, the 主送 by the issuer's level, and a body of numbered parts in the manner of a court's
// notice — overall completion and overdue items across the jurisdiction (the province board), the
// reporting rate of the current period, the courts ahead and behind, the 督办单 replies by court,
// the courts named (each critically named court with its running count of criticisms in this
// campaign), and the closing requirements. Pure: the service gathers the figures.
import dayjs from 'dayjs';
import type { NamedCourt, NoticeKind } from '../../shared/notices/noticesModel';
import type { OrderLedger, OrderLedgerRow } from '../../shared/orders/ordersModel';
import type { ProvinceBoard, ProvinceCourtRow } from '../../shared/province/provinceModel';
import type { ReportingReport } from '../../shared/province/rosterModel';
import { quotedTitle } from '../../shared/common/quotedTitle';

export interface NoticeFigures {
  kind: NoticeKind;
  campaignTitle: string;
  issuerName: string;
  issuerLevel: string;
  /** YYYY-MM-DD. */
  today: string;
  periodFrom: string | null;
  board: ProvinceBoard;
  reporting: ReportingReport | null;
  /** The 督办 ledger of the campaign; null when it cannot be read. */
  ledger: OrderLedger | null;
  named: NamedCourt[];
  /** Issued criticism notices of the campaign naming each court so far (this one not counted). */
  criticismsSoFar: Record<string, number>;
}

const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A rate 0–1 as printed in a sentence: 62.5%. */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  return `${Math.round(rate * 1000) / 10}%`;
}

/** 2026-11-24 → 2026年11月24日. */
export const dayText = (iso: string) => dayjs(iso).format('YYYY年M月D日');

/** The campaign's name in quotation marks, without a doubled 活动: “能力作风建设年”专项活动. */
export function campaignPhrase(title: string): string {
  const quoted = quotedTitle(title);
  return quoted.endsWith('活动”') ? quoted : `${quoted}专项活动`;
}

/** Where the figures come from, in the issuer's words: 全省法院 / 全市法院. */
const scopeText = (level: string) => (level === 'high' ? '全省法院' : '辖区法院');

export function noticeTitle(kind: NoticeKind, campaignTitle: string, named: NamedCourt[]): string {
  const quoted = quotedTitle(campaignTitle);
  const list = (stance: 'praise' | 'criticism') => named.filter((c) => c.stance === stance);
  const who = (courts: NamedCourt[]) =>
    courts.length === 1 ? courts[0].name : `${courts[0].name}等${courts.length}个法院`;
  if (kind === 'criticism') {
    const criticised = list('criticism');
    return criticised.length
      ? `关于对${who(criticised)}${quoted}工作进展滞后情况的通报`
      : `关于${quoted}工作进展滞后法院的通报`;
  }
  if (kind === 'praise') {
    const praised = list('praise');
    return praised.length
      ? `关于表扬${who(praised)}${quoted}工作成效突出的通报`
      : `关于表扬${quoted}工作先进法院的通报`;
  }
  return `关于${quoted}推进情况的通报`;
}

/** 主送: a high court's notice goes to the intermediate courts and its own departments. */
export function noticeAddressees(level: string): string {
  return level === 'high' ? '各中级人民法院，本院各部门' : '辖区各基层人民法院';
}

function courtFigures(row: ProvinceCourtRow): string {
  const parts = [`完成率${percent(row.totals.completionRate)}`];
  parts.push(`已完成${row.totals.completed}项/共${row.totals.total}项`);
  if (row.totals.overdue > 0) parts.push(`逾期未完成${row.totals.overdue}项`);
  return parts.join('，');
}

const joinNames = (names: string[]) => names.join('、');

function overallParagraph(f: NoticeFigures): string {
  const t = f.board.total;
  const ranked = f.board.courts.filter((c) => c.rank !== null).length;
  const scope = scopeText(f.issuerLevel);
  let text =
    `截至${dayText(f.today)}，${scope}共有推进事项${t.totals.total}项，已完成${t.totals.completed}项，` +
    `完成率${percent(t.totals.completionRate)}；逾期未完成${t.totals.overdue}项` +
    `${t.totals.total - t.totals.completed - t.totals.overdue > 0 ? `，尚在办理中${t.totals.total - t.totals.completed - t.totals.overdue}项` : ''}。`;
  text += `应报法院${t.courtCount}个，其中数据为当期的${t.currentCount}个，参加排名的${ranked}个。`;
  const r = f.reporting;
  if (r) {
    const c = r.total;
    const window = `${dayText(r.period.start)}至${dayText(r.period.end)}`;
    if (c.reported === 0 && c.pending === c.expected && c.expected > 0)
      return `${text}本期（${window}）进度应于${dayText(r.period.dueDate)}前报送，报送期限尚未截止，应报送的${c.expected}个法院目前均未报送。`;
    text +=
      `本期（${window}，应于${dayText(r.period.dueDate)}前报送）应报送进度的法院${c.expected}个，` +
      `已报送${c.reported}个（其中按时报送${c.onTime}个、逾期报送${c.late}个），报送率${c.rate === null ? '—' : `${c.rate}%`}` +
      `${c.missing ? `；逾期未报送${c.missing}个` : ''}${c.pending ? `；尚未到报送期限未报送的${c.pending}个` : ''}。`;
  }
  return text;
}

function rankingParagraphs(f: NoticeFigures): string[] {
  const ranked = f.board.courts.filter((c) => c.rank !== null).sort((a, b) => a.rank! - b.rank!);
  if (ranked.length === 0) return ['目前尚无可参加排名的下级法院数据。'];
  const count = ranked.length >= 6 ? 3 : Math.max(1, Math.floor(ranked.length / 2));
  const ahead = ranked.slice(0, count);
  const behind = ranked.slice(-count).filter((c) => !ahead.includes(c));
  const lines = [`推进较快的法院：${ahead.map((c) => `${c.name}（${courtFigures(c)}）`).join('；')}。`];
  if (behind.length)
    lines.push(
      `推进较慢的法院：${behind
        .reverse()
        .map((c) => `${c.name}（${courtFigures(c)}）`)
        .join('；')}。`,
    );
  const missing = f.board.courts.filter((c) => c.standing === 'missing').map((c) => c.name);
  const stale = f.board.courts.filter((c) => c.standing === 'stale').map((c) => c.name);
  if (missing.length) lines.push(`尚未报送进度数据的法院：${joinNames(missing)}。`);
  if (stale.length) lines.push(`数据超过${f.board.rules.staleDays}天未更新的法院：${joinNames(stale)}。`);
  return [lines.join('')];
}

function orderCourtText(row: OrderLedgerRow): string {
  const parts = [`收到督办单${row.issued}份`];
  if (row.repliedOnTime) parts.push(`按期回复${row.repliedOnTime}份`);
  if (row.repliedLate) parts.push(`逾期回复${row.repliedLate}份`);
  if (row.overdue) parts.push(`逾期未回复${row.overdue}份`);
  if (row.closed) parts.push(`已办结${row.closed}份`);
  return `${row.name}${parts.join('，')}`;
}

function ordersParagraph(f: NoticeFigures): string {
  const ledger = f.ledger;
  const total = ledger?.groups.find((g) => g.code === '*');
  if (!ledger || !total || total.issued === 0) return `本专项活动中，尚未向${scopeText(f.issuerLevel)}发出督办单。`;
  let text =
    `本专项活动中，${scopeText(f.issuerLevel)}共收到督办单${total.issued}份，已签收${total.signed}份，` +
    `按期回复${total.repliedOnTime}份，逾期回复${total.repliedLate}份，逾期未回复${total.overdue}份，` +
    `已办结${total.closed}份${total.returned ? `，退回重新办理${total.returned}份` : ''}。`;
  const rows = ledger.rows.filter((row) => row.issued > 0);
  if (rows.length) text += `其中，${rows.map(orderCourtText).join('；')}。`;
  return text;
}

function namedParagraph(f: NoticeFigures, stance: 'praise' | 'criticism'): string | null {
  const courts = f.named.filter((c) => c.stance === stance);
  if (courts.length === 0) return null;
  const rows = new Map(f.board.courts.map((row) => [row.code, row]));
  const orders = new Map((f.ledger?.rows ?? []).map((row) => [row.code, row]));
  const sentences = courts.map((court) => {
    const row = rows.get(court.code);
    const figures = row ? courtFigures(row) : '未报送进度数据';
    const order = orders.get(court.code);
    const orderText = order && order.overdue > 0 ? `，督办单逾期未回复${order.overdue}份` : '';
    if (stance === 'praise') return `${court.name}${figures}`;
    const times = (f.criticismsSoFar[court.code] ?? 0) + 1;
    return `${court.name}${figures}${orderText}（本专项活动中第 ${times} 次被通报批评）`;
  });
  if (stance === 'praise')
    return `${sentences.join('；')}。上述法院领导重视、措施有力、推进扎实，工作成效明显，予以通报表扬。`;
  return `${sentences.join('；')}。上述法院对专项活动重视不够、推进不力，工作进展明显滞后，予以通报批评。`;
}

function requirementParagraph(f: NoticeFigures): string {
  const due = dayjs(f.today).add(15, 'day').format('M月D日');
  if (f.kind === 'criticism')
    return (
      `被通报批评的法院要高度重视，认真查找原因，逐项制定整改措施，限期整改到位，并于${due}前将整改情况书面报送${f.issuerName}。` +
      `对督办单要按期签收、按时回复。对在本专项活动中多次被通报批评的法院，将依照有关规定严肃追责问责。`
    );
  if (f.kind === 'praise')
    return '希望受到表扬的法院珍惜荣誉、再接再厉，充分发挥示范带动作用。各级法院要以先进为榜样，对照目标任务查漏补缺，确保专项活动各项任务按期高质量完成。';
  return `各级法院要对照本通报，对逾期未完成事项逐项分析原因、明确时限、压实责任，按时报送推进情况，按期签收、回复督办单，确保专项活动各项任务按期完成。`;
}

/** The body: an opening, then 一、二、… parts with the figures, then the requirements. */
export function noticeBody(f: NoticeFigures): string {
  const scope = scopeText(f.issuerLevel);
  const period = f.periodFrom ? `${dayText(f.periodFrom)}至${dayText(f.today)}` : `截至${dayText(f.today)}`;
  const purpose =
    f.kind === 'praise'
      ? '为表彰先进、激励担当'
      : f.kind === 'criticism'
        ? '为压实责任、传导压力'
        : '为及时掌握工作进展';
  const parts: Array<{ heading: string; paragraphs: string[] }> = [
    { heading: '总体推进情况', paragraphs: [overallParagraph(f)] },
    { heading: '各法院推进情况', paragraphs: rankingParagraphs(f) },
    { heading: '督办事项办理情况', paragraphs: [ordersParagraph(f)] },
  ];
  const praised = namedParagraph(f, 'praise');
  const criticised = namedParagraph(f, 'criticism');
  if (f.kind === 'praise' && praised) parts.push({ heading: '表扬情况', paragraphs: [praised] });
  if (criticised && f.kind !== 'praise') parts.push({ heading: '通报批评情况', paragraphs: [criticised] });
  if (praised && f.kind !== 'praise') parts.push({ heading: '表扬情况', paragraphs: [praised] });
  if (criticised && f.kind === 'praise') parts.push({ heading: '存在的问题', paragraphs: [criticised] });
  parts.push({ heading: '有关要求', paragraphs: [requirementParagraph(f)] });
  const opening =
    `${purpose}，推动${campaignPhrase(f.campaignTitle)}各项任务落到实处，${f.issuerName}对${period}${scope}专项活动推进情况、` +
    `进度报送情况和督办事项办理情况进行了调度。现将有关情况通报如下：`;
  return [
    opening,
    ...parts.flatMap((part, index) => [`${CHINESE_NUMBERS[index]}、${part.heading}`, ...part.paragraphs]),
  ].join('\n');
}
