// Campaigns (专项活动) and their section tree (栏目, numbered 一、（一）1.). A court sees the
// campaigns it issued and those received from a superior, never those a subordinate made for
// itself; a campaign's sections are the issuer's (and superiors') plus this court's additions.
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import { addToFigures, emptyFigures, finishFigures, lightRule, sectionNumber } from '../../shared/checklistRules';
import type { Campaign, CampaignDetail, ProgressFigures, Section } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { ownedFields, withChanges } from '../data/ownedRows';
import type { CampaignsTable, SectionsTable } from '../data/schema';
import {
  currentActor,
  ownCourtCode,
  requireProfile,
  superiorCourtCodes,
  timestamp,
  today,
} from '../court/courtProfile';

function toCampaign(row: Selectable<CampaignsTable>, figures: ProgressFigures): Campaign {
  return {
    ...ownedFields(row),
    title: row.title,
    issuingCourtCode: row.issuingCourtCode,
    issuingCourtName: row.issuingCourtName,
    year: row.year,
    startDate: row.startDate,
    endDate: row.endDate,
    description: row.description,
    status: row.status,
    yellowDays: row.yellowDays,
    escalateGreen: row.escalateGreen,
    escalateYellow: row.escalateYellow,
    escalateRed: row.escalateRed,
    lookbackMonths: row.lookbackMonths,
    figures,
  };
}

/** Figures per campaign in one pass over the lean columns of one court's live items. */
async function figuresByCampaign(
  ctx: ServiceContext,
  campaigns: Array<Selectable<CampaignsTable>>,
  court: string,
): Promise<Map<string, ProgressFigures>> {
  const result = new Map<string, ProgressFigures>(campaigns.map((c) => [c.id, emptyFigures()]));
  if (campaigns.length === 0) return result;
  const day = today(ctx);
  const rules = new Map(campaigns.map((c) => [c.id, lightRule(day, c.yellowDays)]));
  const rows = await ctx.db
    .selectFrom('items')
    .select(['campaignId', 'status', 'deadline'])
    .where(
      'campaignId',
      'in',
      campaigns.map((c) => c.id),
    )
    .where('origin', '=', court)
    .where('deletedAt', 'is', null)
    .execute();
  for (const row of rows) {
    const figures = result.get(row.campaignId);
    if (figures) addToFigures(figures, row.status, rules.get(row.campaignId)!(row.status, row.deadline));
  }
  result.forEach(finishFigures);
  return result;
}

/** Campaigns this court issued and those received from a superior; figures count this court's items. */
export async function listCampaigns(ctx: ServiceContext, input: ParsedInput<'campaigns.list'>): Promise<Campaign[]> {
  const [own, superiors] = await Promise.all([ownCourtCode(ctx), superiorCourtCodes(ctx)]);
  let query = ctx.db
    .selectFrom('campaigns')
    .selectAll()
    .where('deletedAt', 'is', null)
    .where('origin', 'in', [own, ...superiors]);
  if (!input.includeClosed) query = query.where('status', '!=', 'closed');
  const rows = await query.orderBy('year', 'desc').orderBy('createdAt', 'desc').execute();
  const figures = await figuresByCampaign(ctx, rows, own);
  return rows.map((row) => toCampaign(row, figures.get(row.id) ?? emptyFigures()));
}

export async function loadCampaignRow(ctx: ServiceContext, id: string): Promise<Selectable<CampaignsTable>> {
  const row = await ctx.db
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这个专项活动，可能已被删除。');
  return row;
}

/** Depth-first display order with official numbering. */
export function orderSections(rows: Array<Selectable<SectionsTable>>): Section[] {
  const children = new Map<string | null, Array<Selectable<SectionsTable>>>();
  for (const row of rows) {
    const list = children.get(row.parentId) ?? [];
    list.push(row);
    children.set(row.parentId, list);
  }
  const ordered: Section[] = [];
  const walk = (parentId: string | null, depth: number) => {
    const list = (children.get(parentId) ?? []).sort((a, b) => a.sortOrder - b.sortOrder);
    list.forEach((row, index) => {
      ordered.push({
        ...ownedFields(row),
        campaignId: row.campaignId,
        parentId: row.parentId,
        title: row.title,
        sortOrder: row.sortOrder,
        number: sectionNumber(depth, index + 1),
        depth,
      });
      walk(row.id, depth + 1);
    });
  };
  walk(null, 0);
  return ordered;
}

/**
 * Whose definition rows (sections, problem catalogue) belong to a campaign as one court sees it:
 * the issuer's, any superior's additions (relayed down with the package), and the viewed court's
 * own additions — never another subordinate's.
 */
export async function definitionOrigins(
  ctx: Pick<ServiceContext, 'db'>,
  campaign: { origin: string },
  viewed?: string,
): Promise<string[]> {
  const [own, superiors] = await Promise.all([ownCourtCode(ctx), superiorCourtCodes(ctx)]);
  return [...new Set([campaign.origin, own, viewed ?? own, ...superiors])];
}

/** The section tree of a campaign as `viewed` (this court by default) sees it. */
export async function listSections(
  ctx: ServiceContext,
  campaign: Selectable<CampaignsTable>,
  viewed?: string,
): Promise<Section[]> {
  const origins = await definitionOrigins(ctx, campaign, viewed);
  const rows = await ctx.db
    .selectFrom('sections')
    .selectAll()
    .where('campaignId', '=', campaign.id)
    .where('origin', 'in', origins)
    .where('deletedAt', 'is', null)
    .execute();
  return orderSections(rows);
}

export async function getCampaign(ctx: ServiceContext, id: string): Promise<CampaignDetail> {
  const row = await loadCampaignRow(ctx, id);
  const figures = await figuresByCampaign(ctx, [row], await ownCourtCode(ctx));
  return { campaign: toCampaign(row, figures.get(row.id) ?? emptyFigures()), sections: await listSections(ctx, row) };
}

export async function createCampaign(ctx: ServiceContext, input: ParsedInput<'campaigns.create'>): Promise<Campaign> {
  const profile = await requireProfile(ctx);
  const actor = await currentActor(ctx);
  const row = await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.insert('campaigns', {
      ...input,
      issuingCourtCode: profile.code,
      issuingCourtName: input.issuingCourtName || profile.name,
      status: 'active',
    }),
  );
  return toCampaign(row, finishFigures(emptyFigures()));
}

export async function updateCampaign(ctx: ServiceContext, input: ParsedInput<'campaigns.update'>): Promise<Campaign> {
  const actor = await currentActor(ctx);
  const { id, version, ...fields } = input;
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) => writer.update('campaigns', id, version, fields));
  return (await getCampaign(ctx, id)).campaign;
}

export async function setCampaignStatus(
  ctx: ServiceContext,
  input: ParsedInput<'campaigns.setStatus'>,
): Promise<Campaign> {
  const actor = await currentActor(ctx);
  const operation = input.status === 'closed' ? 'close' : input.status === 'active' ? 'activate' : 'draft';
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.update('campaigns', input.id, input.version, { status: input.status }, operation),
  );
  return (await getCampaign(ctx, input.id)).campaign;
}

/** Traffic-light thresholds and escalation targets, and the look-back interval. */
export async function setLightRules(
  ctx: ServiceContext,
  input: ParsedInput<'campaigns.setLightRules'>,
): Promise<Campaign> {
  const actor = await currentActor(ctx);
  const { id, version, ...rules } = input;
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.update('campaigns', id, version, rules, 'light-rules'),
  );
  return (await getCampaign(ctx, id)).campaign;
}

export async function deleteCampaign(
  ctx: ServiceContext,
  input: ParsedInput<'campaigns.delete'>,
): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) => writer.softDelete('campaigns', input.id, input.version));
  return { id: input.id };
}

export async function createSection(
  ctx: ServiceContext,
  input: ParsedInput<'sections.create'>,
): Promise<CampaignDetail> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  if (input.parentId) {
    const parent = (await listSections(ctx, campaign)).find((s) => s.id === input.parentId);
    if (!parent) throw new ApiError('E_NOT_FOUND', '找不到上级栏目，可能已被删除。');
    if (parent.depth >= 3) throw new ApiError('E_TOO_DEEP', '栏目最多分四级。', { parentId: '栏目最多分四级' });
  }
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    let siblings = writer.trx
      .selectFrom('sections')
      .select((eb) => eb.fn.max('sortOrder').as('max'))
      .where('campaignId', '=', campaign.id);
    siblings = input.parentId
      ? siblings.where('parentId', '=', input.parentId)
      : siblings.where('parentId', 'is', null);
    const last = await siblings.executeTakeFirst();
    await writer.insert('sections', {
      campaignId: campaign.id,
      parentId: input.parentId,
      title: input.title,
      sortOrder: (last?.max ?? 0) + 1,
    });
  });
  return getCampaign(ctx, campaign.id);
}

export async function updateSection(
  ctx: ServiceContext,
  input: ParsedInput<'sections.update'>,
): Promise<CampaignDetail> {
  const actor = await currentActor(ctx);
  const row = await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.update('sections', input.id, input.version, { title: input.title }),
  );
  return getCampaign(ctx, row.campaignId);
}

export async function moveSection(ctx: ServiceContext, input: ParsedInput<'sections.move'>): Promise<CampaignDetail> {
  const actor = await currentActor(ctx);
  const campaignId = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const section = await writer.loadOwned('sections', input.id);
    const campaign = await writer.trx
      .selectFrom('campaigns')
      .select('origin')
      .where('id', '=', section.campaignId)
      .executeTakeFirstOrThrow();
    // Inside the transaction: its connection is the only one.
    const origins = await definitionOrigins({ db: writer.trx }, campaign);
    const siblings = (
      await writer.trx
        .selectFrom('sections')
        .selectAll()
        .where('campaignId', '=', section.campaignId)
        .where('origin', 'in', origins)
        .where('deletedAt', 'is', null)
        .execute()
    )
      .filter((row) => row.parentId === section.parentId)
      .sort((a, b) => a.sortOrder - b.sortOrder);
    const index = siblings.findIndex((row) => row.id === section.id);
    const swapWith = siblings[input.direction === 'up' ? index - 1 : index + 1];
    if (!swapWith) return section.campaignId;
    if (siblings.some((row) => row.origin !== writer.actor.court)) {
      // Beside a superior's sections only our own rows may change: two of ours trade places.
      if (swapWith.origin !== writer.actor.court) {
        throw new ApiError('E_READ_ONLY', `栏目“${swapWith.title}”由上级法院下发，顺序由上级法院确定，本院不能调整。`);
      }
      const step = input.direction === 'up' ? -1 : 1;
      const target = swapWith.sortOrder === section.sortOrder ? section.sortOrder + step : swapWith.sortOrder;
      await writer.update('sections', section.id, undefined, { sortOrder: target }, 'reorder');
      if (swapWith.sortOrder !== section.sortOrder)
        await writer.update('sections', swapWith.id, undefined, { sortOrder: section.sortOrder }, 'reorder');
      return section.campaignId;
    }
    // Renumber the siblings 1..n with the two swapped, so equal or gapped orders settle too.
    const other = siblings.indexOf(swapWith);
    [siblings[index], siblings[other]] = [swapWith, siblings[index]];
    for (const [position, row] of siblings.entries()) {
      if (row.sortOrder !== position + 1)
        await writer.update('sections', row.id, undefined, { sortOrder: position + 1 }, 'reorder');
    }
    return section.campaignId;
  });
  return getCampaign(ctx, campaignId);
}

export async function deleteSection(
  ctx: ServiceContext,
  input: ParsedInput<'sections.delete'>,
): Promise<CampaignDetail> {
  const actor = await currentActor(ctx);
  const campaignId = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const section = await writer.loadOwned('sections', input.id, input.version);
    // This court's items: other courts' copies of the checklist are theirs to rearrange.
    const items = await writer.trx
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sectionId', '=', section.id)
      .where('origin', '=', writer.actor.court)
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    const children = await writer.trx
      .selectFrom('sections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parentId', '=', section.id)
      .where('origin', '=', writer.actor.court)
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    if (items.n > 0 || children.n > 0) {
      const parts = [items.n > 0 ? `${items.n} 项事项` : '', children.n > 0 ? `${children.n} 个下级栏目` : '']
        .filter(Boolean)
        .join('和');
      throw new ApiError('E_NOT_EMPTY', `栏目“${section.title}”下还有${parts}，请先移走或删除后再删除栏目。`);
    }
    await writer.softDelete('sections', section.id, input.version);
    return section.campaignId;
  });
  return getCampaign(ctx, campaignId);
}
