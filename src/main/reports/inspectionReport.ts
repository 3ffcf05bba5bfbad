// The data of the self-inspection report forms (查摆报告表): one form per report of one court in a
// campaign (per person or department, in the inspection list's order), each with its claimed
// problems grouped by the catalogue's aspects, and a summary: how many reports should be and have
// been filed, and how many filed reports claim each problem (counted in SQL).
import { sql } from 'kysely';
import type { InspectionScope, InspectionStatus } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { definitionOrigins } from '../campaigns/campaigns';
import { loadCatalogue } from '../inspection/catalogue';
import { listReports } from '../inspection/reports';
import { reportHead, viewedCode } from './reportScope';
import { INSPECTION_STATUS_TEXT, TEXT } from './reportText';

export interface InspectionClaimLine {
  /** The catalogue problem's number (1..N), or null for a problem the reporter found themselves. */
  problemNumber: number | null;
  problem: string;
  facts: string;
  cause: string;
  measures: string;
  deadline: string;
}

export interface InspectionForm {
  /** Position in the report list, 1-based. */
  number: number;
  scope: InspectionScope;
  subjectName: string;
  /** 职务 of a person; '' for a department's report. */
  position: string;
  departmentName: string;
  status: InspectionStatus;
  statusText: string;
  /** Day of the latest submission, YYYY-MM-DD; '' before the first. */
  filedOn: string;
  round: number;
  noProblem: boolean;
  noProblemReason: string;
  /** Claims under their aspect heading ("一、……"), in catalogue order; own problems last. */
  groups: Array<{ heading: string; claims: InspectionClaimLine[] }>;
  reviewer: string;
  reviewNote: string;
  decidedOn: string;
}

export interface InspectionCounts {
  /** Departments plus people of the court: who should file. */
  expected: number;
  /** Submitted or accepted. */
  filed: number;
  accepted: number;
  pending: number;
  returned: number;
  draft: number;
}

export interface InspectionReportData {
  courtCode: string;
  courtName: string;
  campaignTitle: string;
  reportDate: string;
  forms: InspectionForm[];
  counts: InspectionCounts;
  /** Per aspect, per problem: how many filed reports claim it. */
  claimed: Array<{ heading: string; problems: Array<{ number: number | null; title: string; reports: number }> }>;
}

/** States that count as handed in (已报). */
const FILED: InspectionStatus[] = ['submitted', 'accepted'];

/** Who should file and how the filed reports stand, counted in SQL (the summary report uses it too). */
export async function inspectionCounts(
  ctx: ServiceContext,
  campaignId: string,
  court: string,
): Promise<InspectionCounts> {
  const [expected, states] = await Promise.all([
    sql<{ n: number }>`
      SELECT (SELECT count(*) FROM departments WHERE origin = ${court} AND deleted_at IS NULL)
           + (SELECT count(*) FROM people WHERE origin = ${court} AND deleted_at IS NULL) AS n`.execute(ctx.db),
    ctx.db
      .selectFrom('inspectionReports')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .where('campaignId', '=', campaignId)
      .where('origin', '=', court)
      .where('deletedAt', 'is', null)
      .groupBy('status')
      .execute(),
  ]);
  const of = (status: InspectionStatus) => Number(states.find((row) => row.status === status)?.n ?? 0);
  return {
    expected: Number(expected.rows[0]?.n ?? 0),
    filed: of('submitted') + of('accepted'),
    accepted: of('accepted'),
    pending: of('submitted'),
    returned: of('returned'),
    draft: of('draft'),
  };
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

export async function inspectionReport(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<InspectionReportData> {
  const head = await reportHead(ctx, campaignId, courtCode, TEXT.inspection.formTitle);
  const { campaign, court } = head;
  const [reports, catalogue, claims, people, counts, claimCounts] = await Promise.all([
    listReports(ctx, campaignId, viewedCode(head)),
    definitionOrigins(ctx, campaign, court).then((origins) => loadCatalogue(ctx.db, campaignId, origins)),
    ctx.db
      .selectFrom('inspectionClaims')
      .innerJoin('inspectionReports', 'inspectionReports.id', 'inspectionClaims.reportId')
      .leftJoin('problems', 'problems.id', 'inspectionClaims.problemId')
      .select([
        'inspectionClaims.reportId',
        'inspectionClaims.problemId',
        'inspectionClaims.ownProblem',
        'inspectionClaims.facts',
        'inspectionClaims.cause',
        'inspectionClaims.measures',
        'inspectionClaims.deadline',
        'problems.title as problemTitle',
      ])
      .where('inspectionReports.campaignId', '=', campaignId)
      .where('inspectionReports.origin', '=', court)
      .where('inspectionReports.deletedAt', 'is', null)
      .where('inspectionClaims.deletedAt', 'is', null)
      .orderBy('inspectionClaims.reportId')
      .orderBy('inspectionClaims.sortOrder')
      .execute(),
    ctx.db.selectFrom('people').select(['id', 'title']).where('origin', '=', court).execute(),
    inspectionCounts(ctx, campaignId, court),
    // Filed reports per problem (or per own problem text), counted once per report.
    ctx.db
      .selectFrom('inspectionClaims')
      .innerJoin('inspectionReports', 'inspectionReports.id', 'inspectionClaims.reportId')
      .select((eb) => [
        'inspectionClaims.problemId',
        'inspectionClaims.ownProblem',
        eb.fn.count<number>('inspectionReports.id').distinct().as('reports'),
      ])
      .where('inspectionReports.campaignId', '=', campaignId)
      .where('inspectionReports.origin', '=', court)
      .where('inspectionReports.deletedAt', 'is', null)
      .where('inspectionReports.status', 'in', FILED)
      .where('inspectionClaims.deletedAt', 'is', null)
      .groupBy(['inspectionClaims.problemId', 'inspectionClaims.ownProblem'])
      .execute(),
  ]);

  const problemInfo = new Map<string, { number: number; aspect: number }>();
  catalogue.aspects.forEach((aspect, index) =>
    aspect.problems.forEach((p) => problemInfo.set(p.id, { number: p.number, aspect: index })),
  );
  const positionOf = new Map(people.map((p) => [p.id, p.title]));
  const claimsOf = new Map<string, typeof claims>();
  for (const claim of claims) claimsOf.set(claim.reportId, [...(claimsOf.get(claim.reportId) ?? []), claim]);

  const forms: InspectionForm[] = reports.map((report, index) => {
    const groups = new Map<number, InspectionClaimLine[]>();
    for (const claim of claimsOf.get(report.id) ?? []) {
      const info = claim.problemId ? problemInfo.get(claim.problemId) : undefined;
      const key = info ? info.aspect : catalogue.aspects.length;
      const line: InspectionClaimLine = {
        problemNumber: info?.number ?? null,
        problem: claim.problemTitle ?? claim.ownProblem,
        facts: claim.facts,
        cause: claim.cause,
        measures: claim.measures,
        deadline: claim.deadline ?? '',
      };
      groups.set(key, [...(groups.get(key) ?? []), line]);
    }
    const aspectHeading = (key: number) =>
      key < catalogue.aspects.length
        ? `${catalogue.aspects[key].number}${catalogue.aspects[key].title}`
        : TEXT.inspection.ownProblems;
    return {
      number: index + 1,
      scope: report.scope,
      subjectName: report.subjectName,
      position: report.personId ? (positionOf.get(report.personId) ?? '') : '',
      departmentName: report.departmentName,
      status: report.status,
      statusText: INSPECTION_STATUS_TEXT[report.status],
      filedOn: day(report.submittedAt),
      round: report.round,
      noProblem: report.noProblem,
      noProblemReason: report.noProblemReason,
      groups: [...groups.keys()]
        .sort((a, b) => a - b)
        .map((key) => ({
          heading: aspectHeading(key),
          claims: groups.get(key)!.sort((a, b) => (a.problemNumber ?? 1e9) - (b.problemNumber ?? 1e9)),
        })),
      reviewer: report.reviewer,
      reviewNote: report.reviewNote,
      decidedOn: report.status === 'accepted' || report.status === 'returned' ? day(report.decidedAt) : '',
    };
  });

  const claimedProblem = new Map<string, number>();
  const own: Array<{ number: null; title: string; reports: number }> = [];
  for (const row of claimCounts) {
    if (row.problemId && problemInfo.has(row.problemId))
      claimedProblem.set(row.problemId, (claimedProblem.get(row.problemId) ?? 0) + Number(row.reports));
    else if (!row.problemId) own.push({ number: null, title: row.ownProblem, reports: Number(row.reports) });
  }
  const claimed: InspectionReportData['claimed'] = catalogue.aspects.map((aspect) => ({
    heading: `${aspect.number}${aspect.title}`,
    problems: aspect.problems.map((p) => ({
      number: p.number,
      title: p.title,
      reports: claimedProblem.get(p.id) ?? 0,
    })),
  }));
  if (own.length)
    claimed.push({
      heading: TEXT.inspection.ownProblems,
      problems: own.sort((a, b) => b.reports - a.reports || a.title.localeCompare(b.title, 'zh-Hans-CN')),
    });

  return {
    courtCode: court,
    courtName: head.courtName,
    campaignTitle: campaign.title,
    reportDate: head.reportDate,
    forms,
    counts,
    claimed,
  };
}
