// The problem catalogue of a campaign (问题清单): aspects (方面, numbered 一、二、…) holding
// problems (问题, numbered 1..N across the whole catalogue, as in "8 个方面 38 个问题").
// Rows are owned by whoever wrote them: the issuing court's are read-only here (ChangeWriter).
// The catalogue a court sees is the issuer's (and superiors') plus its own additions.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import { sectionNumber } from '../../shared/checklistRules';
import type { ProblemCatalogue } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { definitionOrigins, loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, timestamp } from '../court/courtProfile';
import { ownedFields, withChanges, type ChangeWriter } from '../data/ownedRows';
import type { CampaignsTable, Database } from '../data/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Reports and the catalogue of a finished campaign stay as they were. */
export function assertCampaignOpen(campaign: Selectable<CampaignsTable>, action: string): void {
  if (campaign.status === 'closed') {
    throw new ApiError(
      'E_CLOSED',
      `专项活动“${campaign.title}”已结束，不能再${action}。如确需${action}，请先重新启用活动。`,
    );
  }
}

/** The live rows of one catalogue table in the campaign from these origins, in their order. */
function catalogueRows<T extends 'problemAspects' | 'problems'>(
  db: Db,
  table: T,
  campaignId: string,
  origins: string[],
): Promise<Selectable<Database[T]>[]> {
  return db
    .selectFrom(table as 'problemAspects' | 'problems')
    .selectAll()
    .where('campaignId', '=', campaignId)
    .where('origin', 'in', origins)
    .where('deletedAt', 'is', null)
    .orderBy('sortOrder')
    .orderBy('createdAt')
    .execute() as Promise<Selectable<Database[T]>[]>;
}

/** The catalogue made of the rows of these origins (see definitionOrigins). */
export async function loadCatalogue(db: Db, campaignId: string, origins: string[]): Promise<ProblemCatalogue> {
  const [aspects, problems] = await Promise.all([
    catalogueRows(db, 'problemAspects', campaignId, origins),
    catalogueRows(db, 'problems', campaignId, origins),
  ]);
  let number = 0;
  const result = aspects.map((aspect, index) => ({
    ...ownedFields(aspect),
    campaignId: aspect.campaignId,
    title: aspect.title,
    sortOrder: aspect.sortOrder,
    number: sectionNumber(0, index + 1),
    problems: problems
      .filter((problem) => problem.aspectId === aspect.id)
      .map((problem) => ({
        ...ownedFields(problem),
        campaignId: problem.campaignId,
        aspectId: problem.aspectId,
        title: problem.title,
        description: problem.description,
        sortOrder: problem.sortOrder,
        number: (number += 1),
      })),
  }));
  return { campaignId, aspects: result, problemCount: number };
}

export async function getCatalogue(ctx: ServiceContext, campaignId: string): Promise<ProblemCatalogue> {
  const campaign = await loadCampaignRow(ctx, campaignId);
  return loadCatalogue(ctx.db, campaignId, await definitionOrigins(ctx, campaign));
}

/** Runs one catalogue change and answers with the whole catalogue, renumbered. */
async function changeCatalogue(
  ctx: ServiceContext,
  work: (writer: ChangeWriter) => Promise<string>,
): Promise<ProblemCatalogue> {
  const actor = await currentActor(ctx);
  const campaignId = await withChanges(ctx.db, actor, timestamp(ctx), work);
  return getCatalogue(ctx, campaignId);
}

async function openCampaign(writer: ChangeWriter, campaignId: string): Promise<Selectable<CampaignsTable>> {
  const campaign = await writer.trx
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', campaignId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!campaign) throw new ApiError('E_NOT_FOUND', '找不到这个专项活动，可能已被删除。');
  assertCampaignOpen(campaign, '修改问题清单');
  return campaign;
}

export function createAspect(
  ctx: ServiceContext,
  input: ParsedInput<'problems.createAspect'>,
): Promise<ProblemCatalogue> {
  return changeCatalogue(ctx, async (writer) => {
    await openCampaign(writer, input.campaignId);
    const last = await writer.trx
      .selectFrom('problemAspects')
      .select((eb) => eb.fn.max('sortOrder').as('max'))
      .where('campaignId', '=', input.campaignId)
      .executeTakeFirst();
    await writer.insert('problemAspects', {
      campaignId: input.campaignId,
      title: input.title,
      sortOrder: (last?.max ?? 0) + 1,
    });
    return input.campaignId;
  });
}

export function updateAspect(
  ctx: ServiceContext,
  input: ParsedInput<'problems.updateAspect'>,
): Promise<ProblemCatalogue> {
  return changeCatalogue(ctx, async (writer) => {
    const aspect = await writer.loadOwned('problemAspects', input.id, input.version);
    await openCampaign(writer, aspect.campaignId);
    await writer.update('problemAspects', aspect.id, input.version, { title: input.title });
    return aspect.campaignId;
  });
}

/** An aspect that still holds problems is refused (like a section with items): nothing vanishes unseen. */
export function deleteAspect(
  ctx: ServiceContext,
  input: ParsedInput<'problems.deleteAspect'>,
): Promise<ProblemCatalogue> {
  return changeCatalogue(ctx, async (writer) => {
    const aspect = await writer.loadOwned('problemAspects', input.id, input.version);
    await openCampaign(writer, aspect.campaignId);
    const held = await writer.trx
      .selectFrom('problems')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('aspectId', '=', aspect.id)
      .where('deletedAt', 'is', null)
      .executeTakeFirstOrThrow();
    if (held.n > 0) {
      throw new ApiError(
        'E_NOT_EMPTY',
        `方面“${aspect.title}”下还有 ${held.n} 个问题，请先删除这些问题，再删除这个方面。`,
      );
    }
    await writer.softDelete('problemAspects', aspect.id, input.version);
    return aspect.campaignId;
  });
}

export function createProblem(ctx: ServiceContext, input: ParsedInput<'problems.create'>): Promise<ProblemCatalogue> {
  return changeCatalogue(ctx, async (writer) => {
    const aspect = await writer.trx
      .selectFrom('problemAspects')
      .selectAll()
      .where('id', '=', input.aspectId)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (!aspect)
      throw new ApiError('E_NOT_FOUND', '找不到这个问题方面，可能已被删除，请刷新后再试。', {
        aspectId: '请重新选择问题方面',
      });
    await openCampaign(writer, aspect.campaignId);
    const last = await writer.trx
      .selectFrom('problems')
      .select((eb) => eb.fn.max('sortOrder').as('max'))
      .where('aspectId', '=', aspect.id)
      .executeTakeFirst();
    await writer.insert('problems', {
      campaignId: aspect.campaignId,
      aspectId: aspect.id,
      title: input.title,
      description: input.description,
      sortOrder: (last?.max ?? 0) + 1,
    });
    return aspect.campaignId;
  });
}

export function updateProblem(ctx: ServiceContext, input: ParsedInput<'problems.update'>): Promise<ProblemCatalogue> {
  return changeCatalogue(ctx, async (writer) => {
    const problem = await writer.loadOwned('problems', input.id, input.version);
    await openCampaign(writer, problem.campaignId);
    await writer.update('problems', problem.id, input.version, { title: input.title, description: input.description });
    return problem.campaignId;
  });
}

/** A problem someone has claimed stays: the claim (and any ledger entry) would lose its title. */
export function deleteProblem(ctx: ServiceContext, input: ParsedInput<'problems.delete'>): Promise<ProblemCatalogue> {
  return changeCatalogue(ctx, async (writer) => {
    const problem = await writer.loadOwned('problems', input.id, input.version);
    await openCampaign(writer, problem.campaignId);
    const claimants = await writer.trx
      .selectFrom('inspectionClaims')
      .innerJoin('inspectionReports', 'inspectionReports.id', 'inspectionClaims.reportId')
      .select('inspectionReports.subjectName')
      .distinct()
      .where('inspectionClaims.problemId', '=', problem.id)
      .where('inspectionClaims.deletedAt', 'is', null)
      .where('inspectionReports.deletedAt', 'is', null)
      .execute();
    if (claimants.length > 0) {
      const names = claimants
        .slice(0, 3)
        .map((c) => `“${c.subjectName}”`)
        .join('、');
      const more = claimants.length > 3 ? `等 ${claimants.length} 份` : '';
      throw new ApiError(
        'E_IN_USE',
        `问题“${problem.title}”已被${names}${more}查摆报告认领，不能删除。如需调整，可以修改问题的文字。`,
      );
    }
    await writer.softDelete('problems', problem.id, input.version);
    return problem.campaignId;
  });
}
