// One click from an accepted claim to the rectification ledger (no retyping): the claimed problem
// becomes a finding (source 自查) and the claim's measures become its first measure, with the
// claim's deadline, the report's department and, for a person's report, that person as owner.
import type { Selectable } from 'kysely';
import { findingClosure, measureLightRule } from '../../shared/ledgerRules';
import type { FindingDetail, LedgerMeasure } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { assertCanWorkFor } from '../access/access';
import { loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, timestamp, today } from '../court/courtProfile';
import { ownedFields, withChanges } from '../data/ownedRows';
import type { LedgerMeasuresTable } from '../data/schema';
import { settleMeasureLight } from '../ledger/ledgerLights';
import { escalationName, everRed } from '../lights/lightHistory';
import { STATUS_ZH } from './reports';

/** Findings and measures are spaced like checklist items, so a later move rewrites one row. */
const ORDER_GAP = 1024;

export async function createFromClaim(ctx: ServiceContext, claimId: string): Promise<FindingDetail> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  const findingId = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const claim = await writer.loadOwned('inspectionClaims', claimId);
    const report = await writer.loadOwned('inspectionReports', claim.reportId);
    const department = report.departmentId
      ? await writer.trx.selectFrom('departments').select('name').where('id', '=', report.departmentId).executeTakeFirst()
      : undefined;
    assertCanWorkFor(ctx, report.departmentId, '整改台账', department?.name);
    if (report.status !== 'accepted') {
      throw new ApiError(
        'E_BAD_STATE',
        `这份查摆报告当前为“${STATUS_ZH[report.status]}”。只有审核通过的查摆报告中的问题才能生成整改台账，请等审核通过后再生成。`,
      );
    }
    const existing = await writer.trx
      .selectFrom('ledgerFindings')
      .select('id')
      .where('claimId', '=', claim.id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (existing) {
      throw new ApiError('E_DUPLICATE', '这个问题已经生成过整改台账，不能重复生成。请到整改台账中查看或修改原记录。');
    }
    const problem = claim.problemId
      ? await writer.trx.selectFrom('problems').select('title').where('id', '=', claim.problemId).executeTakeFirst()
      : undefined;
    const title = problem?.title || claim.ownProblem;
    const lastFinding = await writer.trx.selectFrom('ledgerFindings').select((eb) => eb.fn.max('sortOrder').as('max')).where('campaignId', '=', report.campaignId).executeTakeFirst();
    const finding = await writer.insert(
      'ledgerFindings',
      {
        campaignId: report.campaignId,
        source: 'self_inspection',
        reference: `${report.subjectName}查摆`.slice(0, 100),
        title,
        detail: [`具体事实：${claim.facts}`, `原因分析：${claim.cause}`].join('\n'),
        receivedDate: day,
        departmentId: report.departmentId,
        claimId: claim.id,
        sortOrder: (lastFinding?.max ?? 0) + ORDER_GAP,
      },
      'create-from-claim',
    );
    const measure = await writer.insert(
      'ledgerMeasures',
      {
        findingId: finding.id,
        campaignId: report.campaignId,
        text: claim.measures,
        owner: report.scope === 'person' ? report.subjectName : '',
        leadLeader: '',
        departmentId: report.departmentId,
        deadline: claim.deadline,
        longTerm: 0,
        status: 'identified',
        completedAt: null,
        completedLate: 0,
        submittedBy: null,
        signedOffAt: null,
        signedOffBy: '',
        sortOrder: ORDER_GAP,
      },
      'create-from-claim',
    );
    await settleMeasureLight(writer.trx, measure.id, day);
    return finding.id;
  });
  return findingDetail(ctx, findingId);
}

/**
 * The finding as the ledger shows it. Kept small and local while the ledger service is being
 * written; the ledger's own loadFindingDetail (src/main/ledger/ledgerViews.ts) answers the same.
 */
async function findingDetail(ctx: ServiceContext, findingId: string): Promise<FindingDetail> {
  const finding = await ctx.db.selectFrom('ledgerFindings').selectAll().where('id', '=', findingId).executeTakeFirstOrThrow();
  const campaign = await loadCampaignRow(ctx, finding.campaignId);
  const [siblings, measures, departments, red] = await Promise.all([
    ctx.db.selectFrom('ledgerFindings').select(['id', 'sortOrder']).where('campaignId', '=', finding.campaignId).where('deletedAt', 'is', null).execute(),
    ctx.db.selectFrom('ledgerMeasures').selectAll().where('findingId', '=', findingId).where('deletedAt', 'is', null).orderBy('sortOrder').execute(),
    ctx.db.selectFrom('departments').select(['id', 'name', 'headName']).execute(),
    everRed(ctx.db, 'measure'),
  ]);
  const departmentOf = new Map(departments.map((d) => [d.id, d]));
  const lightOf = measureLightRule(today(ctx), campaign.yellowDays);
  const number = siblings.sort((a, b) => a.sortOrder - b.sortOrder || (a.id < b.id ? -1 : 1)).findIndex((f) => f.id === findingId) + 1;
  const toMeasure = (row: Selectable<LedgerMeasuresTable>): LedgerMeasure => {
    const light = lightOf(row.status, row.deadline);
    const department = row.departmentId ? departmentOf.get(row.departmentId) : undefined;
    return {
      ...ownedFields(row),
      findingId: row.findingId,
      campaignId: row.campaignId,
      text: row.text,
      owner: row.owner,
      leadLeader: row.leadLeader,
      departmentId: row.departmentId,
      departmentName: department?.name ?? '',
      deadline: row.deadline,
      longTerm: row.longTerm === 1,
      status: row.status,
      completedAt: row.completedAt,
      completedLate: row.completedLate === 1,
      signedOffAt: row.signedOffAt,
      signedOffBy: row.signedOffBy,
      sortOrder: row.sortOrder,
      light,
      wasRed: red.has(row.id),
      escalateTo: escalationName(campaign, light, { owner: row.owner, departmentHead: department?.headName ?? '', leadLeader: row.leadLeader }),
      // Just created from a claim: no evidence or look-back yet.
      evidenceCount: 0,
      nextLookback: null,
    };
  };
  return {
    ...ownedFields(finding),
    campaignId: finding.campaignId,
    source: finding.source,
    reference: finding.reference,
    title: finding.title,
    detail: finding.detail,
    receivedDate: finding.receivedDate,
    departmentId: finding.departmentId,
    departmentName: finding.departmentId ? departmentOf.get(finding.departmentId)?.name ?? '' : '',
    claimId: finding.claimId,
    sortOrder: finding.sortOrder,
    number,
    closed: findingClosure(measures.map((m) => ({ status: m.status, longTerm: m.longTerm === 1 }))) === 'closed',
    measureCount: measures.length,
    measures: measures.map(toMeasure),
  };
}
