// Self-inspection reports (查摆报告表): one per person or department per campaign, listing the
// problems it claims with concrete facts, cause, measures and deadline (or "no problem found"
// with a reason). Workflow: draft → submitted → accepted, or → returned (退回重填) → submitted
// again. Every submission is frozen in inspection_rounds with the reviewer's decision on it.
// Lists show one court's reports: this court's by default, a subordinate's (read-only) on request.
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import type {
  InspectionClaim,
  InspectionReportDetail,
  InspectionReportSummary,
  InspectionRound,
  InspectionStatus,
} from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { assertCanWorkFor, assertNotOwnWork } from '../access/access';
import { definitionOrigins, loadCampaignRow } from '../campaigns/campaigns';
import { currentActor, timestamp, viewedCourtCode } from '../court/courtProfile';
import { ownedFields, withChanges, type ChangeWriter } from '../data/ownedRows';
import type { InspectionReportsTable, InspectionRoundsTable } from '../data/schema';
import { assertCampaignOpen } from './catalogue';
import { REPORT_STATUS_ZH } from '../app/statusText';
import { assertReportOpen } from '../checklist/closedWork';

const WHAT = '查摆报告';

type ReportRecord = Selectable<InspectionReportsTable> & { departmentName: string | null; claimCount: number };

function reportQuery(ctx: ServiceContext) {
  return ctx.db
    .selectFrom('inspectionReports')
    .leftJoin('departments', 'departments.id', 'inspectionReports.departmentId')
    .selectAll('inspectionReports')
    .select([
      'departments.name as departmentName',
      (eb) =>
        eb
          .selectFrom('inspectionClaims')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('inspectionClaims.reportId', '=', 'inspectionReports.id')
          .where('inspectionClaims.deletedAt', 'is', null)
          .as('claimCount'),
    ])
    .where('inspectionReports.deletedAt', 'is', null);
}

function toSummary(row: ReportRecord): InspectionReportSummary {
  return {
    ...ownedFields(row),
    campaignId: row.campaignId,
    scope: row.scope,
    personId: row.personId,
    departmentId: row.departmentId,
    departmentName: row.departmentName ?? '',
    subjectName: row.subjectName,
    status: row.status,
    round: row.round,
    noProblem: row.noProblem === 1,
    noProblemReason: row.noProblemReason,
    claimCount: row.claimCount ?? 0,
    submittedAt: row.submittedAt,
    submittedByName: row.submittedByName,
    decidedAt: row.decidedAt,
    reviewer: row.reviewer,
    reviewNote: row.reviewNote,
  };
}

/** What a submission froze: the report's answer and its claims with the problem titles of the day. */
export interface RoundSnapshot {
  noProblem: boolean;
  noProblemReason: string;
  claims: InspectionRound['claims'];
}

function toRound(row: Selectable<InspectionRoundsTable>): InspectionRound {
  const snapshot = JSON.parse(row.snapshotJson) as RoundSnapshot;
  return {
    ...ownedFields(row),
    reportId: row.reportId,
    round: row.round,
    submittedAt: row.submittedAt,
    submittedByName: row.submittedByName,
    noProblem: snapshot.noProblem,
    noProblemReason: snapshot.noProblemReason,
    claims: snapshot.claims,
    decision: row.decision,
    decidedAt: row.decidedAt,
    reviewer: row.reviewer,
    reason: row.reason,
  };
}

/** Departments in their configured order, each department's own report before its people's. */
export async function listReports(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<InspectionReportSummary[]> {
  await loadCampaignRow(ctx, campaignId);
  const court = await viewedCourtCode(ctx, courtCode);
  const [rows, departments] = await Promise.all([
    reportQuery(ctx)
      .where('inspectionReports.campaignId', '=', campaignId)
      .where('inspectionReports.origin', '=', court)
      .execute() as Promise<ReportRecord[]>,
    ctx.db.selectFrom('departments').select(['id', 'sortOrder']).execute(),
  ]);
  const rank = new Map(departments.map((d) => [d.id, d.sortOrder]));
  const rankOf = (row: ReportRecord) => (row.departmentId ? (rank.get(row.departmentId) ?? 1e9) : 1e9);
  return rows
    .sort(
      (a, b) =>
        rankOf(a) - rankOf(b) ||
        (a.scope === b.scope ? 0 : a.scope === 'department' ? -1 : 1) ||
        a.subjectName.localeCompare(b.subjectName, 'zh-Hans-CN'),
    )
    .map(toSummary);
}

export async function getReport(ctx: ServiceContext, id: string): Promise<InspectionReportDetail> {
  const row = (await reportQuery(ctx).where('inspectionReports.id', '=', id).executeTakeFirst()) as
    ReportRecord | undefined;
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这份查摆报告，可能已被删除，请刷新后再试。');
  const [claims, rounds] = await Promise.all([
    ctx.db
      .selectFrom('inspectionClaims')
      .leftJoin('problems', 'problems.id', 'inspectionClaims.problemId')
      .selectAll('inspectionClaims')
      .select([
        'problems.title as problemTitle',
        (eb) =>
          eb
            .selectFrom('ledgerFindings')
            .select('ledgerFindings.id')
            .whereRef('ledgerFindings.claimId', '=', 'inspectionClaims.id')
            .where('ledgerFindings.deletedAt', 'is', null)
            .limit(1)
            .as('findingId'),
      ])
      .where('inspectionClaims.reportId', '=', id)
      .where('inspectionClaims.deletedAt', 'is', null)
      .orderBy('inspectionClaims.sortOrder')
      .execute(),
    ctx.db
      .selectFrom('inspectionRounds')
      .selectAll()
      .where('reportId', '=', id)
      .where('deletedAt', 'is', null)
      .orderBy('round')
      .execute(),
  ]);
  return {
    ...toSummary(row),
    claims: claims.map((claim): InspectionClaim => ({
      ...ownedFields(claim),
      reportId: claim.reportId,
      problemId: claim.problemId,
      problemTitle: claim.problemTitle ?? claim.ownProblem,
      ownProblem: claim.ownProblem,
      facts: claim.facts,
      cause: claim.cause,
      measures: claim.measures,
      deadline: claim.deadline,
      sortOrder: claim.sortOrder,
      findingId: claim.findingId ?? null,
    })),
    rounds: rounds.map(toRound),
  };
}

function assertStatus(report: { status: InspectionStatus }, allowed: InspectionStatus[], action: string): void {
  if (!allowed.includes(report.status)) {
    throw new ApiError(
      'E_BAD_STATE',
      `这份查摆报告当前为“${REPORT_STATUS_ZH[report.status]}”，不能${action}。请刷新后查看最新状态。`,
    );
  }
}

/** A 填报人 works only on their own department's reports; the message names the report's department. */
async function assertReportWork(
  ctx: ServiceContext,
  writer: ChangeWriter,
  report: { departmentId: string | null },
): Promise<void> {
  const department = report.departmentId
    ? await writer.trx.selectFrom('departments').select('name').where('id', '=', report.departmentId).executeTakeFirst()
    : undefined;
  assertCanWorkFor(ctx, report.departmentId, WHAT, department?.name);
}

const duplicateReport = (subjectName: string) =>
  new ApiError(
    'E_DUPLICATE',
    `“${subjectName}”在这个专项活动中已有一份查摆报告，不能重复新建。请在列表中打开原报告继续填写。`,
  );

export async function createReport(
  ctx: ServiceContext,
  input: ParsedInput<'inspection.create'>,
): Promise<InspectionReportDetail> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  assertCampaignOpen(campaign, '填报查摆报告');
  const actor = await currentActor(ctx);
  const id = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    let subject: { personId: string | null; departmentId: string | null; subjectName: string; departmentName?: string };
    if (input.scope === 'person') {
      const person = await writer.trx
        .selectFrom('people')
        .leftJoin('departments', 'departments.id', 'people.departmentId')
        .select(['people.id', 'people.name', 'people.departmentId', 'departments.name as departmentName'])
        .where('people.id', '=', input.personId!)
        .where('people.origin', '=', actor.court)
        .where('people.deletedAt', 'is', null)
        .executeTakeFirst();
      if (!person)
        throw new ApiError('E_NOT_FOUND', '找不到所选人员，可能已被删除，请重新选择。', {
          personId: '请重新选择填报人',
        });
      subject = {
        personId: person.id,
        departmentId: person.departmentId,
        subjectName: person.name,
        departmentName: person.departmentName ?? undefined,
      };
    } else {
      const department = await writer.trx
        .selectFrom('departments')
        .select(['id', 'name'])
        .where('id', '=', input.departmentId!)
        .where('origin', '=', actor.court)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      if (!department)
        throw new ApiError('E_NOT_FOUND', '找不到所选部门，可能已被删除，请重新选择。', {
          departmentId: '请重新选择填报部门',
        });
      subject = {
        personId: null,
        departmentId: department.id,
        subjectName: department.name,
        departmentName: department.name,
      };
    }
    assertCanWorkFor(ctx, subject.departmentId, WHAT, subject.departmentName);
    let existing = writer.trx
      .selectFrom('inspectionReports')
      .select('id')
      .where('campaignId', '=', input.campaignId)
      .where('origin', '=', actor.court)
      .where('scope', '=', input.scope)
      .where('deletedAt', 'is', null);
    existing =
      input.scope === 'person'
        ? existing.where('personId', '=', subject.personId)
        : existing.where('departmentId', '=', subject.departmentId);
    if (await existing.executeTakeFirst()) throw duplicateReport(subject.subjectName);
    const row = await writer.insert('inspectionReports', {
      campaignId: input.campaignId,
      scope: input.scope,
      personId: subject.personId,
      departmentId: subject.departmentId,
      subjectName: subject.subjectName,
      status: 'draft',
      round: 0,
      noProblem: 0,
      noProblemReason: '',
      submittedAt: null,
      submittedBy: null,
      submittedByName: '',
      decidedAt: null,
      reviewer: '',
      reviewNote: '',
    });
    return row.id;
  });
  return getReport(ctx, id);
}

/** The live catalogue problems (as this court sees the catalogue) among `ids`, for the claims. */
async function problemsOfCampaign(
  writer: ChangeWriter,
  campaignId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const campaign = await writer.trx
    .selectFrom('campaigns')
    .select('origin')
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow();
  const rows = await writer.trx
    .selectFrom('problems')
    .select(['id', 'title'])
    .where('campaignId', '=', campaignId)
    .where('origin', 'in', await definitionOrigins({ db: writer.trx }, campaign))
    .where('deletedAt', 'is', null)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.title]));
}

/**
 * Moves the report's version on when only its claims changed, so that someone else still holding
 * the old version is refused (E_STALE) instead of overwriting these claims. Goes through the
 * writer like any change: audited, with a new change number.
 */
async function touchReport(writer: ChangeWriter, report: { id: string; version: number }): Promise<void> {
  await writer.touch('inspectionReports', report.id, 'save-draft');
}

export async function saveDraft(
  ctx: ServiceContext,
  input: ParsedInput<'inspection.saveDraft'>,
): Promise<InspectionReportDetail> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const report = await writer.loadOwned('inspectionReports', input.id, input.version);
    assertReportOpen(report, '修改');
    await assertReportWork(ctx, writer, report);
    assertStatus(report, ['draft', 'returned'], '修改');
    const existing = await writer.trx
      .selectFrom('inspectionClaims')
      .selectAll()
      .where('reportId', '=', report.id)
      .where('deletedAt', 'is', null)
      .execute();
    const existingById = new Map(existing.map((claim) => [claim.id, claim]));
    const titles = await problemsOfCampaign(
      writer,
      report.campaignId,
      input.claims.flatMap((c) => (c.problemId ? [c.problemId] : [])),
    );
    const fieldErrors: Record<string, string> = {};
    input.claims.forEach((claim, index) => {
      if (claim.id && !existingById.has(claim.id))
        fieldErrors[`claims.${index}.id`] = '这一条认领记录已不在本报告中，请刷新后再试';
      if (claim.problemId && !titles.has(claim.problemId))
        fieldErrors[`claims.${index}.problemId`] = '所选问题不在本活动的问题清单中，请重新选择';
    });
    const seen = new Set<string>();
    input.claims.forEach((claim, index) => {
      if (!claim.id) return;
      if (seen.has(claim.id)) fieldErrors[`claims.${index}.id`] = '同一条认领记录出现了两次，请刷新后再试';
      seen.add(claim.id);
    });
    const firstError = Object.values(fieldErrors)[0];
    if (firstError) throw new ApiError('E_INVALID', `输入有误：${firstError}。`, fieldErrors);

    let claimsChanged = false;
    for (const [index, claim] of input.claims.entries()) {
      const fields = {
        problemId: claim.problemId,
        ownProblem: claim.ownProblem,
        facts: claim.facts,
        cause: claim.cause,
        measures: claim.measures,
        deadline: claim.deadline,
        sortOrder: index + 1,
      };
      if (claim.id) {
        const before = existingById.get(claim.id)!;
        const after = await writer.update('inspectionClaims', claim.id, undefined, fields, 'save-draft');
        if (after.version !== before.version) claimsChanged = true;
      } else {
        await writer.insert('inspectionClaims', { reportId: report.id, ...fields });
        claimsChanged = true;
      }
    }
    for (const claim of existing) {
      if (seen.has(claim.id)) continue;
      await writer.softDelete('inspectionClaims', claim.id, undefined, 'save-draft');
      claimsChanged = true;
    }
    const updated = await writer.update(
      'inspectionReports',
      report.id,
      undefined,
      { noProblem: input.noProblem ? 1 : 0, noProblemReason: input.noProblemReason },
      'save-draft',
    );
    if (claimsChanged && updated.version === report.version) await touchReport(writer, report);
  });
  return getReport(ctx, input.id);
}

/** Field-level messages for what a submission still lacks, keyed like the saveDraft input. */
function completenessErrors(
  report: { noProblem: number; noProblemReason: string },
  claims: Array<{
    problemId: string | null;
    ownProblem: string;
    facts: string;
    cause: string;
    measures: string;
    deadline: string | null;
  }>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (report.noProblem === 1) {
    if (!report.noProblemReason.trim()) errors.noProblemReason = '选择“未查摆出问题”的，请写明理由';
    if (claims.length > 0)
      errors.claims = '已选择“未查摆出问题”，就不能再认领问题；请删去认领的问题，或取消“未查摆出问题”';
    return errors;
  }
  if (claims.length === 0) {
    errors.claims = '请至少认领一个问题；确实没有问题的，请选择“未查摆出问题”并写明理由';
    return errors;
  }
  claims.forEach((claim, index) => {
    const which = `第 ${index + 1} 个问题`;
    if (!claim.problemId && !claim.ownProblem.trim())
      errors[`claims.${index}.problemId`] = `${which}：请从问题清单中选择，或填写自查发现的问题`;
    if (!claim.facts.trim()) errors[`claims.${index}.facts`] = `${which}：请写明具体事实（涉及的人、案件或事件）`;
    if (!claim.cause.trim()) errors[`claims.${index}.cause`] = `${which}：请填写原因分析`;
    if (!claim.measures.trim()) errors[`claims.${index}.measures`] = `${which}：请填写整改措施`;
    if (!claim.deadline) errors[`claims.${index}.deadline`] = `${which}：请填写整改时限`;
  });
  return errors;
}

export async function submitReport(
  ctx: ServiceContext,
  input: ParsedInput<'inspection.submit'>,
): Promise<InspectionReportDetail> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const report = await writer.loadOwned('inspectionReports', input.id, input.version);
    assertReportOpen(report, '再提交');
    await assertReportWork(ctx, writer, report);
    assertStatus(report, ['draft', 'returned'], '提交');
    const claims = await writer.trx
      .selectFrom('inspectionClaims')
      .leftJoin('problems', 'problems.id', 'inspectionClaims.problemId')
      .selectAll('inspectionClaims')
      .select('problems.title as problemTitle')
      .where('inspectionClaims.reportId', '=', report.id)
      .where('inspectionClaims.deletedAt', 'is', null)
      .orderBy('inspectionClaims.sortOrder')
      .execute();
    const errors = completenessErrors(report, claims);
    const count = Object.keys(errors).length;
    if (count > 0) {
      throw new ApiError(
        'E_INVALID',
        `报告还没有填写完整（共 ${count} 处），请补充后再提交：${Object.values(errors)[0]}。`,
        errors,
      );
    }
    const round = report.round + 1;
    const snapshot: RoundSnapshot = {
      noProblem: report.noProblem === 1,
      noProblemReason: report.noProblemReason,
      claims: claims.map((claim) => ({
        problemId: claim.problemId,
        problemTitle: claim.problemTitle ?? claim.ownProblem,
        ownProblem: claim.ownProblem,
        facts: claim.facts,
        cause: claim.cause,
        measures: claim.measures,
        deadline: claim.deadline,
      })),
    };
    await writer.insert(
      'inspectionRounds',
      {
        reportId: report.id,
        round,
        submittedAt: writer.now,
        submittedByName: actor.displayName,
        snapshotJson: JSON.stringify(snapshot),
        decision: null,
        decidedAt: null,
        reviewer: '',
        reason: '',
      },
      'submit',
    );
    await writer.update(
      'inspectionReports',
      report.id,
      undefined,
      {
        status: 'submitted',
        round,
        submittedAt: writer.now,
        submittedBy: actor.userId,
        submittedByName: actor.displayName,
        decidedAt: null,
        reviewer: '',
        reviewNote: '',
      },
      'submit',
    );
  });
  return getReport(ctx, input.id);
}

async function decide(
  ctx: ServiceContext,
  input: { id: string; version: number },
  decision: 'accepted' | 'returned',
  note: string,
): Promise<InspectionReportDetail> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const report = await writer.loadOwned('inspectionReports', input.id, input.version);
    assertStatus(report, ['submitted'], decision === 'accepted' ? '审核通过' : '退回重填');
    if (decision === 'accepted') assertNotOwnWork(ctx, report.submittedBy, WHAT);
    const round = await writer.trx
      .selectFrom('inspectionRounds')
      .select('id')
      .where('reportId', '=', report.id)
      .where('round', '=', report.round)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    const operation = decision === 'accepted' ? 'accept' : 'return';
    if (round) {
      await writer.update(
        'inspectionRounds',
        round.id,
        undefined,
        { decision, decidedAt: writer.now, reviewer: actor.displayName, reason: note },
        operation,
      );
    }
    await writer.update(
      'inspectionReports',
      report.id,
      undefined,
      { status: decision, decidedAt: writer.now, reviewer: actor.displayName, reviewNote: note },
      operation,
    );
  });
  return getReport(ctx, input.id);
}

export const returnReport = (ctx: ServiceContext, input: ParsedInput<'inspection.return'>) =>
  decide(ctx, input, 'returned', input.reason);

export const acceptReport = (ctx: ServiceContext, input: ParsedInput<'inspection.accept'>) =>
  decide(ctx, input, 'accepted', input.opinion);

/**
 * 重新打开 an accepted report, by a reviewer, with the reason: it goes back to the filer as 退回重填
 * (the reason shows as the review note), to be edited and submitted again. The accepted round stays
 * in inspection_rounds, so the accepted version remains in the report's history.
 */
export async function reopenReport(
  ctx: ServiceContext,
  input: ParsedInput<'inspection.reopen'>,
): Promise<InspectionReportDetail> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const report = await writer.loadOwned('inspectionReports', input.id, input.version);
    assertStatus(report, ['accepted'], '重新打开');
    await writer.update(
      'inspectionReports',
      report.id,
      undefined,
      {
        status: 'returned',
        decidedAt: writer.now,
        reviewer: actor.displayName,
        reviewNote: `重新打开：${input.reason}`,
      },
      'reopen',
    );
  });
  return getReport(ctx, input.id);
}

/** Only a draft that was never submitted may go: once sent, every round is kept. */
export async function deleteReport(
  ctx: ServiceContext,
  input: ParsedInput<'inspection.delete'>,
): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const report = await writer.loadOwned('inspectionReports', input.id, input.version);
    assertReportOpen(report, '删除');
    await assertReportWork(ctx, writer, report);
    if (report.status !== 'draft' || report.round > 0) {
      throw new ApiError(
        'E_BAD_STATE',
        `这份查摆报告当前为“${REPORT_STATUS_ZH[report.status]}”，已经提交过，不能删除；每一轮提交记录都要保留。只有从未提交的草稿可以删除。`,
      );
    }
    const claims = await writer.trx
      .selectFrom('inspectionClaims')
      .select('id')
      .where('reportId', '=', report.id)
      .where('deletedAt', 'is', null)
      .execute();
    for (const claim of claims) await writer.softDelete('inspectionClaims', claim.id);
    await writer.softDelete('inspectionReports', report.id, input.version);
  });
  return { id: input.id };
}
