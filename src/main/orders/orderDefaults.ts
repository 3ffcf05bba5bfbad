// What the 督办单 dialog starts from: the 文号 (代字 and next number) and a suggested colour per
// court, from the province matrix's figures: 红 when the court has overdue items (red lights), 黄
// when its completion rate is below the expected pace (the elapsed share of the campaign) or it is
// 后进, otherwise 蓝.
import dayjs from 'dayjs';
import type { ParsedInput } from '../../shared/api';
import type { OrderDefaults, OrderSuggestion } from '../../shared/orders/ordersModel';
import type { ServiceContext } from '../api/context';
import { loadCampaignRow } from '../campaigns/campaigns';
import { ownCourtCode, today } from '../court/courtProfile';
import { provinceBoard } from '../province/provinceBoard';
import { rosterCourts } from '../province/roster';
import { defaultDocPrefix, formatDocNumber, nextDocSeq } from './docNumbers';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The share of the campaign's duration elapsed on `day` (0..1), or null without both dates. */
export function expectedPace(start: string | null, end: string | null, day: string): number | null {
  if (!start || !end || end <= start) return null;
  const span = dayjs(end).diff(dayjs(start), 'day');
  const gone = dayjs(day).diff(dayjs(start), 'day');
  return Math.min(1, Math.max(0, gone / span));
}

export async function orderDefaults(
  ctx: ServiceContext,
  input: ParsedInput<'orders.defaults'>,
): Promise<OrderDefaults> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  const day = today(ctx);
  const year = Number(day.slice(0, 4));
  const [own, docPrefix] = await Promise.all([ownCourtCode(ctx), defaultDocPrefix(ctx)]);
  const seq = await nextDocSeq(ctx.db, 'supervisionOrders', own, year);
  const codes = [...new Set(input.courtCodes)];
  const suggestions: OrderSuggestion[] = [];
  if (codes.length) {
    const [board, roster] = await Promise.all([provinceBoard(ctx, campaign.id), rosterCourts(ctx)]);
    const rows = new Map(board.courts.map((row) => [row.code, row]));
    const entries = new Map(roster.map((entry) => [entry.code, entry]));
    const pace = expectedPace(campaign.startDate, campaign.endDate, day);
    for (const code of codes) {
      const row = rows.get(code);
      const entry = entries.get(code);
      const onRoster = !!entry && entry.mergedAt === null && code !== own;
      const courtName = row?.name ?? entry?.name ?? code;
      let suggestion: Pick<OrderSuggestion, 'colour' | 'reason'>;
      if (!row || row.totals.total === 0) {
        suggestion = { colour: 'blue', reason: '尚未收到该院本活动的事项数据' };
      } else {
        const rate = row.totals.completionRate ?? 0;
        if (row.totals.overdue > 0) {
          suggestion = { colour: 'red', reason: `${row.totals.overdue} 项逾期（红灯），完成率 ${percent(rate)}` };
        } else if (pace !== null && rate < pace) {
          suggestion = { colour: 'yellow', reason: `完成率 ${percent(rate)}，低于进度要求 ${percent(pace)}` };
        } else if (row.laggard) {
          suggestion = { colour: 'yellow', reason: `完成率 ${percent(rate)}，列为后进` };
        } else {
          suggestion = { colour: 'blue', reason: `完成率 ${percent(rate)}，无逾期事项` };
        }
      }
      suggestions.push({ courtCode: code, courtName, onRoster, ...suggestion });
    }
  }
  return {
    docPrefix,
    year,
    nextDocNumber: formatDocNumber(docPrefix, year, seq, 'order'),
    campaignStart: campaign.startDate,
    campaignEnd: campaign.endDate,
    suggestions,
  };
}
