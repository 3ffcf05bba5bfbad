// The written 活动总结 as the app shows and prints it: each part's template (the clerk's saved
// wording, else the one drafted from the data now) with its 【字段】 filled with current values.
// Only this court's own summary is edited; a subordinate's is drafted from the data it sent and
// shown read-only (its own wording stays at that court).
import type { ParsedInput } from '../../shared/api';
import type { SummaryField, SummaryPart, WrittenSummary, WrittenSummaryPart } from '../../shared/model';
import { summaryParts } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { hasRole, requireUser } from '../access/access';
import { currentActor, ownCourtCode, timestamp } from '../court/courtProfile';
import { summaryReport, type SummaryReportData } from '../reports/summaryReport';
import { activityName, draftSummary } from './draft';
import { dropParts, savedParts, writeParts } from './summaryTexts';

export const PART_HEADINGS: Record<SummaryPart, string> = {
  situation: '一、基本情况',
  practices: '二、主要做法和成效',
  problems: '三、存在的问题',
  nextSteps: '四、下一步工作打算',
};

const FIELD = /【([^【】\n]{1,40})】/g;

/** The template with every known 【field】 filled; unknown names are printed as written. */
export function fillTemplate(template: string, fields: readonly SummaryField[]): { text: string; unknown: string[] } {
  const values = new Map(fields.map((f) => [f.name, f.value]));
  const unknown = new Set<string>();
  const text = template.replace(FIELD, (whole, name: string) => {
    const value = values.get(name.trim());
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    return value;
  });
  return { text, unknown: [...unknown] };
}

/** 某某法院关于“能力作风建设年”活动开展情况的总结. */
export function writtenSummaryTitle(courtName: string, campaignTitle: string): string {
  return `${courtName}关于${activityName(campaignTitle)}开展情况的总结`;
}

/** The summary of the report's court: drafted, saved and filled; `report` is the statistics gathered once. */
export async function writtenSummaryOf(ctx: ServiceContext, report: SummaryReportData): Promise<WrittenSummary> {
  const own = await ownCourtCode(ctx);
  const mine = report.courtCode === own;
  const [draft, saved] = await Promise.all([
    draftSummary(ctx, report),
    mine ? savedParts(ctx, report.views.campaignId) : Promise.resolve(new Map()),
  ]);
  const parts: WrittenSummaryPart[] = summaryParts.map((part) => {
    const kept = saved.get(part) ?? null;
    const template = kept?.body ?? draft.parts[part];
    const filled = fillTemplate(template, draft.fields);
    return {
      part,
      heading: PART_HEADINGS[part],
      drafted: draft.parts[part],
      saved: kept?.body ?? null,
      savedAt: kept?.savedAt ?? null,
      savedBy: kept?.savedBy ?? null,
      template,
      text: filled.text,
      unknownFields: filled.unknown,
    };
  });
  const user = ctx.user;
  return {
    campaignId: report.views.campaignId,
    courtCode: report.courtCode,
    courtName: report.courtName,
    title: writtenSummaryTitle(report.courtName, report.campaignTitle),
    reportDate: report.today,
    scope: draft.scope,
    parts,
    fields: draft.fields,
    highlightCount: draft.highlightCount,
    editable: mine && !!user && (hasRole(user, 'admin') || hasRole(user, 'reviewer')),
  };
}

export async function getWrittenSummary(
  ctx: ServiceContext,
  campaignId: string,
  courtCode?: string,
): Promise<WrittenSummary> {
  return writtenSummaryOf(ctx, await summaryReport(ctx, campaignId, courtCode));
}

const EMPTY_PART = '内容不能为空。如需改回系统起草的文字，请使用“恢复为系统草稿”。';

export async function saveWrittenSummary(
  ctx: ServiceContext,
  input: ParsedInput<'summary.save'>,
): Promise<WrittenSummary> {
  requireUser(ctx);
  const entries = summaryParts
    .filter((part) => input.parts[part] !== undefined)
    .map((part) => [part, input.parts[part]!.replace(/\r\n/g, '\n').trim()] as [SummaryPart, string]);
  if (entries.length === 0) throw new ApiError('E_INVALID', '没有要保存的内容，请先修改总结的某一部分。');
  const empty = entries.filter(([, body]) => body === '');
  if (empty.length)
    throw new ApiError(
      'E_INVALID',
      `“${empty.map(([part]) => PART_HEADINGS[part]).join('”“')}”${EMPTY_PART}`,
      Object.fromEntries(empty.map(([part]) => [`parts.${part}`, EMPTY_PART])),
    );
  // The campaign must exist and be readable here: the summary gathered after is also the answer.
  const report = await summaryReport(ctx, input.campaignId);
  const actor = await currentActor(ctx);
  await writeParts(ctx, actor, timestamp(ctx), input.campaignId, entries);
  return writtenSummaryOf(ctx, report);
}

export async function resetWrittenSummary(
  ctx: ServiceContext,
  input: ParsedInput<'summary.reset'>,
): Promise<WrittenSummary> {
  const report = await summaryReport(ctx, input.campaignId);
  const actor = await currentActor(ctx);
  const parts = input.parts?.length ? input.parts : summaryParts;
  await dropParts(ctx, actor, timestamp(ctx), input.campaignId, parts);
  return writtenSummaryOf(ctx, report);
}
