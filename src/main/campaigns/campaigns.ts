// Campaigns (专项活动) and their section tree (栏目, numbered 一、（一）1.).
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import { addToFigures, emptyFigures, finishFigures, lightRule, sectionNumber } from '../../shared/checklistRules';
import type { Campaign, CampaignDetail, ProgressFigures, Section } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { ownedFields, withChanges } from '../data/ownedRows';
import type { CampaignsTable, SectionsTable } from '../data/schema';
import { currentActor, requireProfile, timestamp, today } from '../court/courtProfile';

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

/** Figures per campaign in one pass over the lean columns of every live item. */
async function figuresByCampaign(ctx: ServiceContext, campaigns: Array<Selectable<CampaignsTable>>): Promise<Map<string, ProgressFigures>> {
  const result = new Map<string, ProgressFigures>(campaigns.map((c) => [c.id, emptyFigures()]));
  if (campaigns.length === 0) return result;
  const day = today(ctx);
  const rules = new Map(campaigns.map((c) => [c.id, lightRule(day, c.yellowDays)]));
  const rows = await ctx.db
    .selectFrom('items')
    .select(['campaignId', 'status', 'deadline'])
    .where('deletedAt', 'is', null)
    .where('campaignId', 'in', campaigns.map((c) => c.id))
    .execute();
  for (const row of rows) {
    const figures = result.get(row.campaignId);
    if (figures) addToFigures(figures, row.status, rules.get(row.campaignId)!(row.status, row.deadline));
  }
  result.forEach(finishFigures);
  return result;
}

export async function listCampaigns(ctx: ServiceContext, input: ParsedInput<'campaigns.list'>): Promise<Campaign[]> {
  let query = ctx.db.selectFrom('campaigns').selectAll().where('deletedAt', 'is', null);
  if (!input.includeClosed) query = query.where('status', '!=', 'closed');
  const rows = await query.orderBy('year', 'desc').orderBy('createdAt', 'desc').execute();
  const figures = await figuresByCampaign(ctx, rows);
  return rows.map((row) => toCampaign(row, figures.get(row.id) ?? emptyFigures()));
}

export async function loadCampaignRow(ctx: ServiceContext, id: string): Promise<Selectable<CampaignsTable>> {
  const row = await ctx.db.selectFrom('campaigns').selectAll().where('id', '=', id).where('deletedAt', 'is', null).executeTakeFirst();
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

export async function listSections(ctx: ServiceContext, campaignId: string): Promise<Section[]> {
  const rows = await ctx.db.selectFrom('sections').selectAll().where('campaignId', '=', campaignId).where('deletedAt', 'is', null).execute();
  return orderSections(rows);
}

export async function getCampaign(ctx: ServiceContext, id: string): Promise<CampaignDetail> {
  const row = await loadCampaignRow(ctx, id);
  const figures = await figuresByCampaign(ctx, [row]);
  return { campaign: toCampaign(row, figures.get(row.id) ?? emptyFigures()), sections: await listSections(ctx, id) };
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

export async function setCampaignStatus(ctx: ServiceContext, input: ParsedInput<'campaigns.setStatus'>): Promise<Campaign> {
  const actor = await currentActor(ctx);
  const operation = input.status === 'closed' ? 'close' : input.status === 'active' ? 'activate' : 'draft';
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) =>
    writer.update('campaigns', input.id, input.version, { status: input.status }, operation),
  );
  return (await getCampaign(ctx, input.id)).campaign;
}

/** Traffic-light thresholds and escalation targets, and the look-back interval. */
export async function setLightRules(ctx: ServiceContext, input: ParsedInput<'campaigns.setLightRules'>): Promise<Campaign> {
  const actor = await currentActor(ctx);
  const { id, version, ...rules } = input;
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) => writer.update('campaigns', id, version, rules, 'light-rules'));
  return (await getCampaign(ctx, id)).campaign;
}

export async function deleteCampaign(ctx: ServiceContext, input: ParsedInput<'campaigns.delete'>): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), (writer) => writer.softDelete('campaigns', input.id, input.version));
  return { id: input.id };
}

export async function createSection(ctx: ServiceContext, input: ParsedInput<'sections.create'>): Promise<CampaignDetail> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  if (input.parentId) {
    const parent = (await listSections(ctx, campaign.id)).find((s) => s.id === input.parentId);
    if (!parent) throw new ApiError('E_NOT_FOUND', '找不到上级栏目，可能已被删除。');
    if (parent.depth >= 3) throw new ApiError('E_TOO_DEEP', '栏目最多分四级。', { parentId: '栏目最多分四级' });
  }
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    let siblings = writer.trx.selectFrom('sections').select((eb) => eb.fn.max('sortOrder').as('max')).where('campaignId', '=', campaign.id);
    siblings = input.parentId ? siblings.where('parentId', '=', input.parentId) : siblings.where('parentId', 'is', null);
    const last = await siblings.executeTakeFirst();
    await writer.insert('sections', { campaignId: campaign.id, parentId: input.parentId, title: input.title, sortOrder: (last?.max ?? 0) + 1 });
  });
  return getCampaign(ctx, campaign.id);
}

export async function updateSection(ctx: ServiceContext, input: ParsedInput<'sections.update'>): Promise<CampaignDetail> {
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
    const siblings = (await writer.trx.selectFrom('sections').selectAll().where('campaignId', '=', section.campaignId).where('deletedAt', 'is', null).execute())
      .filter((row) => row.parentId === section.parentId)
      .sort((a, b) => a.sortOrder - b.sortOrder);
    const index = siblings.findIndex((row) => row.id === section.id);
    const swapWith = siblings[input.direction === 'up' ? index - 1 : index + 1];
    if (!swapWith) return section.campaignId;
    // Renumber the siblings 1..n with the two swapped, so equal or gapped orders settle too.
    const other = siblings.indexOf(swapWith);
    [siblings[index], siblings[other]] = [swapWith, siblings[index]];
    for (const [position, row] of siblings.entries()) {
      if (row.sortOrder !== position + 1) await writer.update('sections', row.id, undefined, { sortOrder: position + 1 }, 'reorder');
    }
    return section.campaignId;
  });
  return getCampaign(ctx, campaignId);
}

export async function deleteSection(ctx: ServiceContext, input: ParsedInput<'sections.delete'>): Promise<CampaignDetail> {
  const actor = await currentActor(ctx);
  const campaignId = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const section = await writer.loadOwned('sections', input.id, input.version);
    const items = await writer.trx
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('sectionId', '=', section.id)
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    const children = await writer.trx
      .selectFrom('sections')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parentId', '=', section.id)
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    if (items.n > 0 || children.n > 0) {
      const parts = [items.n > 0 ? `${items.n} 项事项` : '', children.n > 0 ? `${children.n} 个下级栏目` : ''].filter(Boolean).join('和');
      throw new ApiError('E_NOT_EMPTY', `栏目“${section.title}”下还有${parts}，请先移走或删除后再删除栏目。`);
    }
    await writer.softDelete('sections', section.id, input.version);
    return section.campaignId;
  });
  return getCampaign(ctx, campaignId);
}
