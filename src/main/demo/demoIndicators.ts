// Demo indicators (指标) for the 能力作风建设年 campaign, after the seeds: the case-quality figures
// the high court tracks (当场立案率, 综合结案率, 当事人满意率 up; 上诉率, 申请再审率, 发改率 down), the
// enforcement and source-governance figures of seed 004 (自动履行率 40.98%, 诉前纠纷化解率 27.9%)
// and 长期未结案件数. Values run from January of last year to the last finished month or quarter
// before `today`, improving with a monthly wobble, so boards show met, close and missed values
// and a year-on-year change. Deterministic: the same `today` gives the same figures.
import { periodOf, previousPeriod, shiftPeriod } from '../../shared/indicatorRules';
import type { IndicatorDirection, IndicatorLine, IndicatorPeriodKind, IndicatorUnit } from '../../shared/model';
import { ORDER_GAP, type ChangeWriter } from '../data/ownedRows';
import { PEOPLE } from './demoOrg';

interface DemoIndicator {
  name: string;
  line: IndicatorLine;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  target: number;
  period: IndicatorPeriodKind;
  rankingGoal?: string;
  /** The first value (January last year) and the latest; those between drift from one to the other. */
  first: number;
  latest: number;
  /** Size of the month-to-month wobble around the drift. */
  wobble: number;
  /** Note on the latest value. */
  note?: string;
}

const INDICATORS: readonly DemoIndicator[] = [
  {
    name: '当场立案率',
    line: 'filing',
    unit: 'percent',
    direction: 'up',
    target: 95,
    period: 'monthly',
    rankingGoal: '全国法院争第一',
    first: 91.2,
    latest: 97.3,
    wobble: 1.2,
    note: '诉讼服务中心落实登记立案，网上立案当日审核。',
  },
  {
    name: '综合结案率',
    line: 'general',
    unit: 'percent',
    direction: 'up',
    target: 90,
    period: 'monthly',
    first: 85.6,
    latest: 89.1,
    wobble: 1.5,
    note: '年底结案攻坚推进中，长期未结案件逐案挂牌督办。',
  },
  {
    name: '当事人满意率',
    line: 'general',
    unit: 'percent',
    direction: 'up',
    target: 95,
    period: 'quarterly',
    first: 92.4,
    latest: 95.6,
    wobble: 0.8,
    note: '按季度回访当事人统计。',
  },
  {
    name: '上诉率',
    line: 'general',
    unit: 'percent',
    direction: 'down',
    target: 8,
    period: 'monthly',
    first: 10.4,
    latest: 7.6,
    wobble: 0.6,
  },
  {
    name: '申请再审率',
    line: 'general',
    unit: 'percent',
    direction: 'down',
    target: 2,
    period: 'monthly',
    first: 2.9,
    latest: 2.3,
    wobble: 0.2,
  },
  {
    name: '发改率',
    line: 'general',
    unit: 'percent',
    direction: 'down',
    target: 1.5,
    period: 'quarterly',
    first: 2.1,
    latest: 1.38,
    wobble: 0.15,
  },
  {
    name: '自动履行率',
    line: 'civil_commercial',
    unit: 'percent',
    direction: 'up',
    target: 40,
    period: 'monthly',
    first: 33.5,
    latest: 40.98,
    wobble: 1,
    note: '判前督促、判后答疑，当事人自动履行率 40.98%。',
  },
  {
    name: '诉前纠纷化解率',
    line: 'general',
    unit: 'percent',
    direction: 'up',
    target: 30,
    period: 'monthly',
    first: 22.4,
    latest: 27.9,
    wobble: 1,
    note: '诉前调解成功率 27.9%，较目标尚有差距，正加强特邀调解员队伍。',
  },
  {
    name: '长期未结案件数',
    line: 'enforcement',
    unit: 'cases',
    direction: 'down',
    target: 0,
    period: 'monthly',
    first: 14,
    latest: 1,
    wobble: 1,
  },
];

/** A fixed up-and-down pattern, so the months do not all move the same way. */
const WOBBLE = [0, 0.6, -0.4, 0.9, -0.8, 0.3, -0.2, 0.7, -0.6, 0.1, 0.5, -0.9];

function valueAt(indicator: DemoIndicator, index: number, count: number): number {
  if (index === count - 1) return indicator.latest;
  const drift = indicator.first + ((indicator.latest - indicator.first) * index) / Math.max(1, count - 1);
  const raw = drift + WOBBLE[(index + indicator.name.length) % WOBBLE.length] * indicator.wobble;
  if (indicator.unit === 'cases') return Math.max(0, Math.round(raw));
  return Math.min(100, Math.max(0, Math.round(raw * 100) / 100));
}

export async function writeDemoIndicators(
  writer: ChangeWriter,
  place: { campaignId: string; today: string },
): Promise<void> {
  const startYear = Number(place.today.slice(0, 4)) - 1;
  for (const [position, indicator] of INDICATORS.entries()) {
    const row = await writer.insert('indicators', {
      campaignId: place.campaignId,
      name: indicator.name,
      line: indicator.line,
      unit: indicator.unit,
      direction: indicator.direction,
      target: indicator.target,
      period: indicator.period,
      rankingGoal: indicator.rankingGoal ?? '',
      sortOrder: (position + 1) * ORDER_GAP,
    });
    // The last finished period: the current one is still being counted.
    const last = previousPeriod(periodOf(place.today, indicator.period));
    const periods: string[] = [];
    for (let period = periodOf(`${startYear}-01-01`, indicator.period); period <= last; period = shiftPeriod(period, 1))
      periods.push(period);
    for (const [index, period] of periods.entries()) {
      const latest = index === periods.length - 1;
      await writer.insert('indicatorValues', {
        indicatorId: row.id,
        period,
        value: valueAt(indicator, index, periods.length),
        note: latest ? (indicator.note ?? '') : '',
        evidenceSha256: null,
        evidenceName: null,
        // The figures come from the 审判管理办公室's statistics, entered by its head.
        enteredBy: PEOPLE.shenguanHead.name,
      });
    }
  }
}
