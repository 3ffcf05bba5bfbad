// Reporting completeness (报送情况), as DHIS2's reporting-rate report: for one campaign and one
// reporting period, every roster court that was expected (not merged away by the period's end)
// is 按时报 (a report up written between the period's first day and its due date), 逾期报 (the
// first one written after the due date), 未报 (none), or 未到期 (none yet, and not yet due); and
// 数据陈旧 when its last bundle is older than the stale threshold. A relayed court's bundles count:
// the relay records each nested report up with its own manifest time.
import dayjs from 'dayjs';
import type { ParsedInput } from '../../shared/api';
import type {
  ReportingCounts,
  ReportingCourt,
  ReportingGroup,
  ReportingPeriod,
  ReportingReport,
  ReportingRulesView,
  ReportingState,
} from '../../shared/province/rosterModel';
import type { ServiceContext } from '../api/context';
import { hasRole } from '../access/access';
import { loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, requireProfile, timestamp, today } from '../court/courtProfile';
import { reportingRules, rosterCourts, type ReportingRules, type RosterEntry } from './roster';
import { currentPeriod, periodOfKey, recentPeriods } from './reportingPeriods';
import { laterTime, reportsUp, requireRosterKeeper } from './rosterService';

const DAY = 'YYYY-MM-DD';
/** How many periods the period selector offers, the current one included. */
export const PERIOD_CHOICES = 12;

export async function rulesView(ctx: ServiceContext, campaignId: string): Promise<ReportingRulesView> {
  await loadCampaignRow(ctx, campaignId);
  const profile = await requireProfile(ctx);
  const [rules, saved] = await Promise.all([
    reportingRules(ctx, campaignId),
    ctx.db.selectFrom('campaignReporting').select('campaignId').where('campaignId', '=', campaignId).executeTakeFirst(),
  ]);
  return {
    campaignId,
    ...rules,
    saved: !!saved,
    canEdit: profile.level !== 'basic' && (hasRole(ctx.user, 'admin') || hasRole(ctx.user, 'reviewer')),
  };
}

export async function setRules(
  ctx: ServiceContext,
  input: ParsedInput<'reporting.setRules'>,
): Promise<ReportingRulesView> {
  await requireRosterKeeper(ctx);
  await loadCampaignRow(ctx, input.campaignId);
  const actor = await currentActor(ctx);
  const values = {
    period: input.period,
    dueDays: input.dueDays,
    staleDays: input.staleDays,
    laggardRule: input.laggardRule,
    laggardCount: input.laggardCount,
    laggardBelow: input.laggardBelow,
    updatedAt: timestamp(ctx),
    updatedBy: actor.name,
  };
  // A local table (each court steers its own board): one statement, no change record.
  await ctx.db
    .insertInto('campaignReporting')
    .values({ campaignId: input.campaignId, ...values })
    .onConflict((oc) => oc.column('campaignId').doUpdateSet(values))
    .execute();
  return rulesView(ctx, input.campaignId);
}

/** One court's state for a period, from the times its reports up were written (sorted, oldest first). */
export function stateFor(
  reports: ReadonlyArray<{ at: string }>,
  period: ReportingPeriod,
  todayDay: string,
): { state: ReportingState; reportedAt: string | null } {
  const inWindow = reports.find((r) => {
    const day = dayjs(r.at).format(DAY);
    return day >= period.start && day <= period.dueDate;
  });
  if (inWindow) return { state: 'on_time', reportedAt: inWindow.at };
  const late = reports.find((r) => dayjs(r.at).format(DAY) > period.dueDate);
  if (late) return { state: 'late', reportedAt: late.at };
  return { state: todayDay <= period.dueDate ? 'pending' : 'missing', reportedAt: null };
}

/** Every roster court's reporting for a period (merged ones included, marked by mergedAt). */
export async function reportingCourts(
  ctx: ServiceContext,
  rules: Pick<ReportingRules, 'staleDays'>,
  period: ReportingPeriod,
  entries?: RosterEntry[],
): Promise<ReportingCourt[]> {
  const day = today(ctx);
  const [roster, reports, synced] = await Promise.all([
    entries ?? rosterCourts(ctx, { includeMerged: true }),
    reportsUp(ctx),
    ctx.db.selectFrom('syncCourts').select(['code', 'lastBundleAt', 'vouchedBy']).execute(),
  ]);
  const syncByCode = new Map(synced.map((row) => [row.code, row]));
  const now = dayjs(ctx.now());
  return roster.map((entry) => {
    const list = reports.get(entry.code) ?? [];
    const lastReport = list.at(-1)?.at ?? null;
    const syncLast = syncByCode.get(entry.code)?.lastBundleAt ?? null;
    const lastBundleAt = laterTime(syncLast, lastReport);
    const { state, reportedAt } = stateFor(list, period, day);
    return {
      code: entry.code,
      name: entry.name,
      level: entry.level,
      parentCode: entry.parentCode,
      jurisdiction: entry.jurisdiction,
      mergedAt: entry.mergedAt,
      mergedInto: entry.mergedInto,
      lastBundleAt,
      reportedAt,
      state,
      stale: lastBundleAt !== null && now.diff(dayjs(lastBundleAt), 'day') > rules.staleDays,
      never: lastBundleAt === null,
      relayedBy: list.at(-1)?.relayedBy ?? syncByCode.get(entry.code)?.vouchedBy ?? null,
    };
  });
}

export function countOf(courts: ReadonlyArray<ReportingCourt>): ReportingCounts {
  const n = (state: ReportingState) => courts.filter((court) => court.state === state).length;
  const expected = courts.length;
  const onTime = n('on_time');
  const late = n('late');
  const rate = (part: number) => (expected ? Math.round((part / expected) * 1000) / 10 : null);
  return {
    expected,
    reported: onTime + late,
    onTime,
    late,
    missing: n('missing'),
    pending: n('pending'),
    stale: courts.filter((court) => court.stale).length,
    rate: rate(onTime + late),
    onTimeRate: rate(onTime),
  };
}

/** Whether a court merged away was still expected in a period: merged after the period ended. */
const expectedIn = (court: ReportingCourt, period: ReportingPeriod) =>
  !court.mergedAt || dayjs(court.mergedAt).format(DAY) > period.end;

export async function completeness(
  ctx: ServiceContext,
  input: ParsedInput<'reporting.completeness'>,
): Promise<ReportingReport> {
  const profile = await requireRosterKeeper(ctx);
  const rules = await rulesView(ctx, input.campaignId);
  const day = today(ctx);
  const period = input.period
    ? periodOfKey(rules.period, input.period, rules.dueDays, day)
    : currentPeriod(rules.period, rules.dueDays, day);
  const courts = await reportingCourts(ctx, rules, period);
  const expected = courts.filter((court) => expectedIn(court, period));
  const merged = courts.filter((court) => !expectedIn(court, period));
  // Jurisdictions: each intermediate court heads its own and its basic courts; courts directly
  // under this court (basic ones at an intermediate court, or a high court's direct basic courts)
  // form this court's group.
  const heads = new Map<string, { name: string; courts: ReportingCourt[] }>();
  const headOf = (court: ReportingCourt) =>
    court.level === 'intermediate' ? court.code : court.parentCode === profile.code ? profile.code : court.parentCode;
  const nameOf = new Map(courts.map((court) => [court.code, court.name]));
  for (const court of expected) {
    const head = headOf(court);
    const group = heads.get(head) ?? {
      name: head === profile.code ? `${profile.name}直辖` : `${nameOf.get(head) ?? head}辖区`,
      courts: [],
    };
    group.courts.push(court);
    heads.set(head, group);
  }
  const groups: ReportingGroup[] = [...heads.entries()]
    .sort(([a], [b]) => (a === profile.code ? 1 : b === profile.code ? -1 : a.localeCompare(b)))
    .map(([code, group]) => ({
      code,
      name: group.name,
      courts: group.courts.sort((a, b) =>
        a.level === b.level ? a.code.localeCompare(b.code) : a.level === 'intermediate' ? -1 : 1,
      ),
      counts: countOf(group.courts),
    }));
  return {
    campaignId: input.campaignId,
    rules,
    period,
    periods: recentPeriods(rules.period, rules.dueDays, day, PERIOD_CHOICES),
    today: day,
    groups,
    merged,
    total: countOf(expected),
  };
}
