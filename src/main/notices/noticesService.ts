// 通报 (notices): a higher court drafts one from a campaign's figures (noticeDraft.ts), edits it,
// and issues it with a 文号 from its per-year counter; issued notices travel down to every roster
// court, read-only. Only the issuing court changes its notices (ChangeWriter enforces it, and
// audits every write); a notice names only courts on the issuer's roster and below it. Each court
// named critically carries its running count of criticisms in the campaign (seed 000).
import dayjs from 'dayjs';
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import type { NamedCourt, Notice, NoticeRelation } from '../../shared/notices/noticesModel';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { requireUser } from '../access/access';
import { loadCampaignRow } from '../campaigns/campaigns';
import {
  currentActor,
  ownCourtCode,
  requireProfile,
  superiorCourtCodes,
  timestamp,
  today,
} from '../court/courtProfile';
import { withChanges, type ChangeWriter } from '../data/ownedRows';
import type { NoticesTable } from '../data/schema';
import { provinceBoard } from '../province/provinceBoard';
import { completeness } from '../province/reporting';
import { rosterCourts } from '../province/roster';
import { defaultDocPrefix, formatDocNumber, nextDocSeq, rememberDocPrefix } from '../orders/docNumbers';
import { orderLedger } from '../orders/ordersLedger';
import { noticeAddressees, noticeBody, noticeTitle } from './noticeDraft';
import { criticismCounts } from './criticisms';

type NoticeRow = Selectable<NoticesTable>;

export const NOTICE_ISSUED_MESSAGE = '通报已发布，不能修改。';
const OUTSIDE = '不在本院管辖范围内';

export function parseNamedCourts(value: string): NamedCourt[] {
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? (parsed as NamedCourt[]) : [];
  } catch {
    return [];
  }
}

/** Court names this database holds: each court's own profile row first, else any copy. */
async function courtNames(ctx: ServiceContext, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await ctx.db
    .selectFrom('courts')
    .select(['code', 'name', 'origin'])
    .where('code', 'in', [...new Set(codes)])
    .where('deletedAt', 'is', null)
    .execute();
  const names = new Map<string, string>();
  for (const row of rows) if (row.origin === row.code || !names.has(row.code)) names.set(row.code, row.name);
  return names;
}

/**
 * For each court named critically in `row`: how many issued criticism notices of its campaign
 * name it critically, up to and including this one (a draft counts as the next one).
 */
async function countsFor(ctx: ServiceContext, rows: NoticeRow[]): Promise<Map<string, Record<string, number>>> {
  const campaigns = [...new Set(rows.map((row) => row.campaignId))];
  const result = new Map<string, Record<string, number>>();
  if (campaigns.length === 0) return result;
  const issued = await ctx.db
    .selectFrom('notices')
    .select(['id', 'campaignId', 'namedCourts', 'issuedAt'])
    .where('campaignId', 'in', campaigns)
    .where('kind', '=', 'criticism')
    .where('status', '=', 'issued')
    .where('deletedAt', 'is', null)
    .execute();
  const criticised = issued.map((n) => ({
    ...n,
    codes: new Set(
      parseNamedCourts(n.namedCourts)
        .filter((c) => c.stance === 'criticism')
        .map((c) => c.code),
    ),
  }));
  for (const row of rows) {
    const counts: Record<string, number> = {};
    for (const court of parseNamedCourts(row.namedCourts)) {
      if (court.stance !== 'criticism') continue;
      const earlier = criticised.filter(
        (n) =>
          n.campaignId === row.campaignId &&
          n.codes.has(court.code) &&
          n.id !== row.id &&
          (row.status === 'draft' ||
            (n.issuedAt ?? '') < (row.issuedAt ?? '') ||
            (n.issuedAt === row.issuedAt && n.id < row.id)),
      ).length;
      // An issued criticism notice counts itself; a draft (or another kind) would be the next one.
      counts[court.code] = earlier + 1;
    }
    result.set(row.id, counts);
  }
  return result;
}

async function toNotices(ctx: ServiceContext, rows: NoticeRow[], own: string): Promise<Notice[]> {
  const [names, campaigns, counts] = await Promise.all([
    courtNames(
      ctx,
      rows.map((row) => row.origin),
    ),
    rows.length
      ? ctx.db
          .selectFrom('campaigns')
          .select(['id', 'title'])
          .where('id', 'in', [...new Set(rows.map((row) => row.campaignId))])
          .execute()
      : Promise.resolve([]),
    countsFor(ctx, rows),
  ]);
  const titles = new Map(campaigns.map((c) => [c.id, c.title]));
  return rows.map((row) => {
    const relation: NoticeRelation = row.origin === own ? 'own' : 'received';
    return {
      id: row.id,
      version: row.version,
      origin: row.origin,
      originName: names.get(row.origin) ?? row.issuerName ?? row.origin,
      campaignId: row.campaignId,
      campaignTitle: titles.get(row.campaignId) ?? '',
      kind: row.kind,
      title: row.title,
      addressees: row.addressees,
      body: row.body,
      issuerName: row.issuerName,
      namedCourts: parseNamedCourts(row.namedCourts),
      periodFrom: row.periodFrom,
      periodTo: row.periodTo,
      status: row.status,
      docNumber: row.docNumber,
      signedDate: row.signedDate,
      draftedBy: row.draftedBy,
      issuedBy: row.issuedBy,
      issuedAt: row.issuedAt,
      relation,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      criticismCounts: counts.get(row.id) ?? {},
    };
  });
}

/** Notices this court may read: its own (any state) and its superiors' issued ones. */
async function visibleRows(ctx: ServiceContext, filter: { campaignId?: string; id?: string }): Promise<NoticeRow[]> {
  const own = await ownCourtCode(ctx);
  const superiors = await superiorCourtCodes(ctx);
  let query = ctx.db
    .selectFrom('notices')
    .selectAll()
    .where('deletedAt', 'is', null)
    .where((eb) =>
      eb.or([
        eb('origin', '=', own),
        ...(superiors.length ? [eb.and([eb('origin', 'in', superiors), eb('status', '=', 'issued')])] : []),
      ]),
    );
  if (filter.campaignId) query = query.where('campaignId', '=', filter.campaignId);
  if (filter.id) query = query.where('id', '=', filter.id);
  // uuid v7 ids rise with time: newest first, also within one second.
  return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').execute();
}

/** A notice this court may read, or E_NOT_FOUND. */
export async function loadNotice(ctx: ServiceContext, id: string): Promise<Notice> {
  const rows = await visibleRows(ctx, { id });
  if (rows.length === 0) throw new ApiError('E_NOT_FOUND', '找不到这份通报，可能已被删除，请刷新后再试。');
  return (await toNotices(ctx, rows, await ownCourtCode(ctx)))[0];
}

/** Only a court with courts below it drafts and issues notices. */
async function requireIssuer(ctx: ServiceContext) {
  const profile = await requireProfile(ctx);
  if (profile.level === 'basic') throw new ApiError('E_FORBIDDEN', '本院是基层法院，没有下级法院，不能起草通报。');
  return profile;
}

/**
 * The courts named, with their names, each on this court's roster, below it and not merged away;
 * anything else is refused with a field error naming the court.
 */
async function checkNamedCourts(
  ctx: ServiceContext,
  named: ReadonlyArray<{ code: string; stance: 'praise' | 'criticism' }>,
): Promise<NamedCourt[]> {
  const roster = await rosterCourts(ctx, { includeMerged: true });
  const byCode = new Map(roster.map((entry) => [entry.code, entry]));
  const seen = new Set<string>();
  const result: NamedCourt[] = [];
  for (const [index, court] of named.entries()) {
    const entry = byCode.get(court.code);
    if (seen.has(court.code)) {
      const message = `${entry?.name ?? court.code}被重复点名，请只保留一次。`;
      throw new ApiError('E_INVALID', message, { [`namedCourts.${index}.code`]: message, namedCourts: message });
    }
    seen.add(court.code);
    if (!entry || entry.mergedAt !== null) {
      const name = entry?.name ?? (await courtNames(ctx, [court.code])).get(court.code) ?? court.code;
      const why = entry
        ? `${name}已撤并，${OUTSIDE}，不能在通报中点名。`
        : `${name}（${court.code}）${OUTSIDE}，不能在通报中点名。`;
      throw new ApiError('E_INVALID', why, { [`namedCourts.${index}.code`]: why, namedCourts: why });
    }
    result.push({ code: entry.code, name: entry.name, stance: court.stance });
  }
  return result;
}

export async function draftNotice(ctx: ServiceContext, input: ParsedInput<'notices.draft'>): Promise<Notice> {
  const profile = await requireIssuer(ctx);
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  const named = await checkNamedCourts(ctx, input.namedCourts);
  const day = today(ctx);
  const [board, reporting, ledger, counts] = await Promise.all([
    provinceBoard(ctx, campaign.id),
    completeness(ctx, { campaignId: campaign.id }).catch(() => null),
    orderLedger(ctx, campaign.id).catch(() => null),
    criticismCounts(ctx, campaign.id),
  ]);
  const soFar: Record<string, number> = {};
  for (const court of named) soFar[court.code] = counts.get(court.code) ?? 0;
  const body = noticeBody({
    kind: input.kind,
    campaignTitle: campaign.title,
    issuerName: profile.name,
    issuerLevel: profile.level,
    today: day,
    periodFrom: campaign.startDate,
    board,
    reporting,
    ledger,
    named,
    criticismsSoFar: soFar,
  });
  const actor = await currentActor(ctx);
  const row = await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.insert('notices', {
      campaignId: campaign.id,
      kind: input.kind,
      title: noticeTitle(input.kind, campaign.title, named),
      addressees: noticeAddressees(profile.level),
      body,
      issuerName: profile.name,
      namedCourts: JSON.stringify(named),
      periodFrom: campaign.startDate,
      periodTo: day,
      signedDate: day,
      draftedBy: actor.displayName,
      issuedBy: null,
      issuedAt: null,
      docYear: null,
      docSeq: null,
    }),
  );
  return loadNotice(ctx, row.id);
}

/** This court's own draft, or the refusal: issued (E_CLOSED), another court's (E_NOT_OWNER), stale. */
async function ownDraft(writer: ChangeWriter, id: string, version: number | undefined, verb: string) {
  const row = await writer.loadOwned('notices', id, version);
  if (row.status === 'issued')
    throw new ApiError('E_CLOSED', verb === '修改' ? NOTICE_ISSUED_MESSAGE : `通报已发布，不能${verb}。`);
  return row;
}

export async function saveNotice(ctx: ServiceContext, input: ParsedInput<'notices.save'>): Promise<Notice> {
  await requireIssuer(ctx);
  const actor = await currentActor(ctx);
  // Another court's notice (or an issued one) is refused as such before its named courts are looked at.
  const held = await ctx.db
    .selectFrom('notices')
    .select(['origin', 'status'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  const named =
    held && held.origin === actor.court && held.status === 'draft'
      ? await checkNamedCourts(ctx, input.namedCourts)
      : [];
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    await ownDraft(writer, input.id, input.version, '修改');
    await writer.update('notices', input.id, input.version, {
      kind: input.kind,
      title: input.title,
      addressees: input.addressees,
      body: input.body,
      issuerName: input.issuerName,
      signedDate: input.signedDate,
      namedCourts: JSON.stringify(named),
    });
  });
  return loadNotice(ctx, input.id);
}

export async function issueNotice(ctx: ServiceContext, input: ParsedInput<'notices.issue'>): Promise<Notice> {
  await requireIssuer(ctx);
  const actor = await currentActor(ctx);
  const user = requireUser(ctx);
  const prefix = await defaultDocPrefix(ctx);
  const now = timestamp(ctx);
  await withChanges(ctx.db, actor, now, async (writer) => {
    const row = await ownDraft(writer, input.id, input.version, '再次发布');
    const named = parseNamedCourts(row.namedCourts);
    if (row.kind === 'criticism' && !named.some((c) => c.stance === 'criticism')) {
      const message = '批评通报至少要点名一个被批评的法院。';
      throw new ApiError('E_INVALID', message, { namedCourts: message });
    }
    if (row.kind === 'praise' && !named.some((c) => c.stance === 'praise')) {
      const message = '表扬通报至少要点名一个受表扬的法院。';
      throw new ApiError('E_INVALID', message, { namedCourts: message });
    }
    const year = dayjs(ctx.now()).year();
    const seq = await nextDocSeq(writer.trx, 'notices', actor.court, year);
    await rememberDocPrefix(writer.trx, prefix);
    await writer.update(
      'notices',
      input.id,
      input.version,
      {
        status: 'issued',
        docYear: year,
        docSeq: seq,
        docNumber: formatDocNumber(prefix, year, seq, 'notice'),
        signedDate: row.signedDate ?? today(ctx),
        issuedBy: user.displayName,
        issuedAt: now,
      },
      'issue',
    );
  });
  return loadNotice(ctx, input.id);
}

export async function deleteNotice(ctx: ServiceContext, input: ParsedInput<'notices.delete'>): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    await ownDraft(writer, input.id, input.version, '删除');
    await writer.softDelete('notices', input.id, input.version);
  });
  return { id: input.id };
}

export async function listNotices(ctx: ServiceContext, input: ParsedInput<'notices.list'>): Promise<Notice[]> {
  if (input.campaignId) await loadCampaignRow(ctx, input.campaignId);
  const rows = await visibleRows(ctx, { campaignId: input.campaignId });
  return toNotices(ctx, rows, await ownCourtCode(ctx));
}

/** Superiors' issued notices that criticise this court, newest first. */
export async function noticesAboutUs(ctx: ServiceContext): Promise<Notice[]> {
  const own = await ownCourtCode(ctx);
  const rows = (await visibleRows(ctx, {})).filter(
    (row) =>
      row.origin !== own &&
      row.status === 'issued' &&
      parseNamedCourts(row.namedCourts).some((c) => c.code === own && c.stance === 'criticism'),
  );
  return toNotices(ctx, rows, own);
}
