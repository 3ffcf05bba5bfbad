// What every report states at its head: which court's data (this court's, or a subordinate's
// whose data this database holds), which campaign, and the day it was printed; and the latest
// note of each row, which the checklist and the ledger both print.
import dayjs from 'dayjs';
import type { Selectable } from 'kysely';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { loadCampaignRow } from '../campaigns/campaigns';
import { ownCourtCode, viewedCourtCode } from '../court/courtProfile';
import type { CampaignsTable } from '../data/schema';

export interface ReportHead {
  campaign: Selectable<CampaignsTable>;
  /** The court whose rows the report shows. */
  court: string;
  courtName: string;
  /** This database's own court: reads of our own rows pass no court code. */
  own: string;
  /** Today as 2026年11月24日. */
  reportDate: string;
}

/** A court's own name as this database knows it: the row that court wrote itself, else any copy. */
export async function courtName(ctx: ServiceContext, code: string): Promise<string | null> {
  const rows = await ctx.db
    .selectFrom('courts')
    .select(['name', 'origin'])
    .where('code', '=', code)
    .where('deletedAt', 'is', null)
    .execute();
  return (rows.find((row) => row.origin === code) ?? rows[0])?.name ?? null;
}

/** Refuses a court this database holds nothing of, naming the report asked for. */
export async function reportHead(
  ctx: ServiceContext,
  campaignId: string,
  courtCode: string | undefined,
  reportTitle: string,
): Promise<ReportHead> {
  const campaign = await loadCampaignRow(ctx, campaignId);
  const court = await viewedCourtCode(ctx, courtCode);
  const name = await courtName(ctx, court);
  if (!name) throw new ApiError('E_NOT_FOUND', `本库没有法院代码为“${court}”的法院的数据，无法生成其${reportTitle}。`);
  return {
    campaign,
    court,
    courtName: name,
    own: await ownCourtCode(ctx),
    reportDate: dayjs(ctx.now()).format('YYYY年M月D日'),
  };
}

/** The court code a read takes: none for our own rows, the code for a subordinate's. */
export const viewedCode = (head: ReportHead) => (head.court === head.own ? undefined : head.court);

/** A note written against a row (an item's progress note, a measure's progress event). */
export interface DatedNote {
  ownerId: string;
  date: string;
  text: string;
  /** The order written, which decides between notes of one day. */
  seq: number;
}

/** Each row's latest note: by date, then the order written. */
export function latestNoteEach(notes: readonly DatedNote[]): Map<string, { date: string; text: string }> {
  const latest = new Map<string, DatedNote>();
  for (const note of notes) {
    const known = latest.get(note.ownerId);
    if (!known || note.date > known.date || (note.date === known.date && note.seq > known.seq))
      latest.set(note.ownerId, note);
  }
  return new Map([...latest].map(([id, { date, text }]) => [id, { date, text }]));
}
