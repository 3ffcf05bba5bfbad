// Self-inspection (问题查摆): the problem catalogue, reports and their review, the evasion checks,
// and turning an accepted claim into a ledger finding (ledger.createFromClaim, named for what it makes).
import * as z from 'zod';
import { defineOperation, MANAGERS, REVIEWER, WORKERS } from '../contract';
import {
  byId,
  byVersionedId,
  courtCode,
  optionalDate,
  optionalText,
  requiredText,
  rowId,
  version,
} from '../common/schemas';
import type { FindingDetail } from '../ledger/ledgerModel';
import {
  type EvasionChecks,
  type InspectionReportDetail,
  type InspectionReportSummary,
  inspectionScopes,
  type ProblemCatalogue,
} from './inspectionModel';

export const inspectionOperations = {
  'problems.catalogue': defineOperation<ProblemCatalogue>()(z.object({ campaignId: rowId }), 'user'),
  'problems.createAspect': defineOperation<ProblemCatalogue>()(
    z.object({ campaignId: rowId, title: requiredText(100, '方面名称') }),
    MANAGERS,
  ),
  'problems.updateAspect': defineOperation<ProblemCatalogue>()(
    z.object({ id: rowId, version, title: requiredText(100, '方面名称') }),
    MANAGERS,
  ),
  'problems.deleteAspect': defineOperation<ProblemCatalogue>()(byVersionedId, MANAGERS),
  'problems.create': defineOperation<ProblemCatalogue>()(
    z.object({
      aspectId: rowId,
      title: requiredText(200, '问题'),
      description: optionalText(2000, '问题表现', 'paragraphs'),
    }),
    MANAGERS,
  ),
  'problems.update': defineOperation<ProblemCatalogue>()(
    z.object({
      id: rowId,
      version,
      title: requiredText(200, '问题'),
      description: optionalText(2000, '问题表现', 'paragraphs'),
    }),
    MANAGERS,
  ),
  'problems.delete': defineOperation<ProblemCatalogue>()(byVersionedId, MANAGERS),
  'inspection.list': defineOperation<InspectionReportSummary[]>()(
    z.object({ campaignId: rowId, courtCode: courtCode.optional() }),
    'user',
  ),
  'inspection.get': defineOperation<InspectionReportDetail>()(byId, 'user'),
  'inspection.create': defineOperation<InspectionReportDetail>()(
    z
      .object({
        campaignId: rowId,
        scope: z.enum(inspectionScopes, { error: '请选择按个人还是按部门填报' }),
        personId: z.union([rowId, z.null()]).optional().default(null),
        departmentId: z.union([rowId, z.null()]).optional().default(null),
      })
      .superRefine((v, ctx) => {
        if (v.scope === 'person' && !v.personId)
          ctx.addIssue({ code: 'custom', path: ['personId'], message: '请选择填报人' });
        if (v.scope === 'department' && !v.departmentId)
          ctx.addIssue({ code: 'custom', path: ['departmentId'], message: '请选择填报部门' });
      }),
    WORKERS,
  ),
  /** Saves the whole draft at once: claims without an id are added, missing ones removed. */
  'inspection.saveDraft': defineOperation<InspectionReportDetail>()(
    z.object({
      id: rowId,
      version,
      noProblem: z.boolean().optional().default(false),
      noProblemReason: optionalText(2000, '未查摆出问题的理由', 'paragraphs'),
      claims: z
        .array(
          z.object({
            id: rowId.optional(),
            problemId: z.union([rowId, z.null()]).optional().default(null),
            ownProblem: optionalText(200, '自查发现的问题'),
            facts: optionalText(4000, '具体事实', 'paragraphs'),
            cause: optionalText(4000, '原因分析', 'paragraphs'),
            measures: optionalText(4000, '整改措施', 'paragraphs'),
            deadline: optionalDate,
          }),
        )
        .max(200, '一份报告最多认领 200 个问题'),
    }),
    WORKERS,
  ),
  'inspection.submit': defineOperation<InspectionReportDetail>()(byVersionedId, WORKERS),
  'inspection.return': defineOperation<InspectionReportDetail>()(
    z.object({ id: rowId, version, reason: requiredText(2000, '退回理由', 'paragraphs') }),
    REVIEWER,
  ),
  /** 重新打开 an accepted report with the reason: back to the filer to edit and submit again. */
  'inspection.reopen': defineOperation<InspectionReportDetail>()(
    z.object({ id: rowId, version, reason: requiredText(1000, '重新打开的理由', 'paragraphs') }),
    REVIEWER,
  ),
  'inspection.accept': defineOperation<InspectionReportDetail>()(
    z.object({ id: rowId, version, opinion: optionalText(2000, '审核意见', 'paragraphs') }),
    REVIEWER,
  ),
  'inspection.delete': defineOperation<{ id: string }>()(byVersionedId, WORKERS),
  'inspection.checks': defineOperation<EvasionChecks>()(z.object({ campaignId: rowId }), MANAGERS),
  'ledger.createFromClaim': defineOperation<FindingDetail>()(z.object({ claimId: rowId }), WORKERS),
};
