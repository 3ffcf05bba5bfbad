// One click from an accepted claim to the rectification ledger (no retyping): the claimed problem
// becomes a finding (source 自查) and the claim's measures become its first measure, with the
// claim's deadline, the report's department and, for a person's report, that person as owner.
import type { FindingDetail } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { assertCanWorkFor } from '../access/access';
import { currentActor, timestamp, today } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import { settleMeasureLight } from '../ledger/ledgerLights';
import { loadFindingDetail } from '../ledger/ledgerViews';
import { insertFinding, insertMeasure } from '../ledger/ledgerWrites';
import { REPORT_STATUS_ZH } from '../app/statusText';

export async function createFromClaim(ctx: ServiceContext, claimId: string): Promise<FindingDetail> {
  const actor = await currentActor(ctx);
  const day = today(ctx);
  const findingId = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const claim = await writer.loadOwned('inspectionClaims', claimId);
    const report = await writer.loadOwned('inspectionReports', claim.reportId);
    const department = report.departmentId
      ? await writer.trx
          .selectFrom('departments')
          .select('name')
          .where('id', '=', report.departmentId)
          .executeTakeFirst()
      : undefined;
    assertCanWorkFor(ctx, report.departmentId, '整改台账', department?.name);
    if (report.status !== 'accepted') {
      throw new ApiError(
        'E_BAD_STATE',
        `这份查摆报告当前为“${REPORT_STATUS_ZH[report.status]}”。只有审核通过的查摆报告中的问题才能生成整改台账，请等审核通过后再生成。`,
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
    const finding = await insertFinding(writer, {
      campaignId: report.campaignId,
      source: 'self_inspection',
      reference: `${report.subjectName}查摆`.slice(0, 100),
      title,
      detail: [`具体事实：${claim.facts}`, `原因分析：${claim.cause}`].join('\n'),
      receivedDate: day,
      departmentId: report.departmentId,
      claimId: claim.id,
    });
    const measure = await insertMeasure(writer, finding, {
      text: claim.measures,
      owner: report.scope === 'person' ? report.subjectName : '',
      leadLeader: '',
      departmentId: report.departmentId,
      deadline: claim.deadline,
      longTerm: 0,
    });
    await settleMeasureLight(writer.trx, measure.id, day);
    return finding.id;
  });
  return loadFindingDetail(ctx, findingId);
}
