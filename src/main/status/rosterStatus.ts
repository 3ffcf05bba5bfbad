// The roster's reporting at a glance, for the command line's `status` at a higher court: every
// roster court (merged ones left out) with its last bundle, its reporting in the current period
// and whether its data is stale. The current period is the one that contains today, under the
// reporting rules of the newest campaign this court issued (the defaults when it issued none):
// on_time when a report up was written in it (or, once it has ended, by its due date), late when
// the first one came after the due date, missing when none has come yet — before the due date
// that means "not yet", and `reportingPeriod.due` is false.
import dayjs from 'dayjs';
import type { ServiceContext } from '../api/context';
import { requireProfile, today } from '../court/courtProfile';
import { reportingRules, rosterCourts, DEFAULT_REPORTING_RULES } from '../province/roster';
import { reportingCourts } from '../province/reporting';
import { currentPeriod } from '../province/reportingPeriods';
import type { ReportingPeriod } from '../../shared/province/rosterModel';

export interface RosterStatusCourt {
  code: string;
  name: string;
  level: 'intermediate' | 'basic';
  parent: string;
  /** When its last report up was written; null when never. */
  lastBundleAt: string | null;
  reporting: 'on_time' | 'late' | 'missing';
  stale: boolean;
}

export interface RosterStatus {
  /** The campaign whose reporting rules apply, or null for the defaults. */
  rulesCampaignId: string | null;
  period: ReportingPeriod['kind'];
  dueDays: number;
  staleDays: number;
  reportingPeriod: ReportingPeriod;
  courts: RosterStatusCourt[];
}

/** null at a basic court (it keeps no roster). */
export async function rosterStatus(ctx: ServiceContext): Promise<RosterStatus | null> {
  const profile = await requireProfile(ctx);
  if (profile.level === 'basic') return null;
  const campaign = await ctx.db
    .selectFrom('campaigns')
    .select('id')
    .where('origin', '=', profile.code)
    .where('deletedAt', 'is', null)
    .orderBy('year', 'desc')
    .orderBy('createdAt', 'desc')
    .executeTakeFirst();
  const rules = campaign ? await reportingRules(ctx, campaign.id) : { ...DEFAULT_REPORTING_RULES };
  const period = currentPeriod(rules.period, rules.dueDays, today(ctx));
  const entries = await rosterCourts(ctx, { includeMerged: false });
  const courts = await reportingCourts(ctx, rules, period, entries);
  return {
    rulesCampaignId: campaign?.id ?? null,
    period: rules.period,
    dueDays: rules.dueDays,
    staleDays: rules.staleDays,
    reportingPeriod: period,
    courts: courts.map((court) => ({
      code: court.code,
      name: court.name,
      level: court.level,
      parent: court.parentCode,
      lastBundleAt: court.lastBundleAt,
      reporting: court.state === 'pending' ? 'missing' : court.state,
      stale: court.stale,
    })),
  };
}

const LEVEL = { intermediate: '中级法院', basic: '基层法院' } as const;
const REPORTING = { on_time: '按时报', late: '逾期报', missing: '未报' } as const;
const PERIOD = { week: '周', month: '月', quarter: '季度' } as const;

/** Display width: a CJK character takes two columns. */
const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, to: number) => text + ' '.repeat(Math.max(0, to - width(text)));

/** The roster as a Chinese table, one line per court, for the plain-text status. */
export function rosterStatusLines(status: RosterStatus): string[] {
  const p = status.reportingPeriod;
  const lines = [
    `应报法院（${status.courts.length} 家）：报送周期为${PERIOD[status.period]}，本期 ${p.start} 至 ${p.end}，${p.due ? `已于 ${p.dueDate} 截止` : `${p.dueDate} 前报送为按时报（尚未截止，未报表示本期尚未收到）`}；最近同步包超过 ${status.staleDays} 天为数据陈旧`,
  ];
  if (status.courts.length === 0) {
    lines.push('  尚未建立应报法院名单');
    return lines;
  }
  const rows = [
    ['法院代码', '法院名称', '层级', '上级法院', '最近同步包', '本期报送', '数据陈旧'],
    ...status.courts.map((court) => [
      court.code,
      court.name,
      LEVEL[court.level],
      court.parent,
      court.lastBundleAt ? dayjs(court.lastBundleAt).format('YYYY-MM-DD') : '从未报送',
      REPORTING[court.reporting],
      court.stale ? '是' : '否',
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => width(row[i]))));
  for (const row of rows) lines.push(`  ${row.map((cell, i) => pad(cell, widths[i])).join('  ')}`.trimEnd());
  return lines;
}
