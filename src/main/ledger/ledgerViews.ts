// Reading the rectification ledger (整改台账): the ledger table (one row per measure with its
// finding), a finding with its measures, a measure with its history, evidence and look-backs.
// Lights, "was red" and escalation targets are judged here, by the campaign's rules, on read.
// The ledger shown is one court's: this court's by default, a subordinate's (read-only) on request.
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import { findingClosure, lookbackLightRule, measureLightRule } from '../../shared/ledgerRules';
import type {
  FindingDetail,
  LedgerEvent,
  LedgerEvidence,
  LedgerFinding,
  LedgerMeasure,
  LedgerRow,
  Light,
  Lookback,
  MeasureDetail,
} from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { loadCampaignRow } from '../campaigns/campaigns';
import { today, viewedCourtCode } from '../court/courtProfile';
import { ownedFields } from '../data/ownedRows';
import type {
  CampaignsTable,
  LedgerEventsTable,
  LedgerEvidenceTable,
  LedgerFindingsTable,
  LedgerMeasuresTable,
  LookbacksTable,
} from '../data/schema';
import { escalationName, everRed, lightHistory, sweepLights } from '../lights/lightHistory';

type FindingRow = Selectable<LedgerFindingsTable>;
type MeasureRow = Selectable<LedgerMeasuresTable>;

/** What every ledger row of one campaign is judged by today. */
export interface LedgerLens {
  campaign: Selectable<CampaignsTable>;
  measureLight: ReturnType<typeof measureLightRule>;
  lookbackLight: ReturnType<typeof lookbackLightRule>;
  red: Set<string>;
  departments: Map<string, { name: string; headName: string }>;
}

/** Brings the light history up to date (once a day), then reads the campaign's rules. */
export async function ledgerLens(ctx: ServiceContext, campaignId: string): Promise<LedgerLens> {
  const campaign = await loadCampaignRow(ctx, campaignId);
  await sweepLights(ctx);
  const day = today(ctx);
  const [red, departments] = await Promise.all([
    everRed(ctx.db, 'measure', { campaignId }),
    // Deleted departments too: an old measure still names the department it belonged to.
    ctx.db.selectFrom('departments').select(['id', 'name', 'headName']).execute(),
  ]);
  return {
    campaign,
    measureLight: measureLightRule(day, campaign.yellowDays),
    lookbackLight: lookbackLightRule(day, campaign.yellowDays),
    red,
    departments: new Map(departments.map((d) => [d.id, { name: d.name, headName: d.headName }])),
  };
}

export async function loadFindingRow(ctx: ServiceContext, id: string): Promise<FindingRow> {
  const row = await ctx.db
    .selectFrom('ledgerFindings')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这条整改问题，可能已被删除，请刷新后再试。');
  return row;
}

export async function loadMeasureRow(ctx: ServiceContext, id: string): Promise<MeasureRow> {
  const row = await ctx.db
    .selectFrom('ledgerMeasures')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这项整改措施，可能已被删除，请刷新后再试。');
  return row;
}

interface MeasureExtras {
  evidenceCount: Map<string, number>;
  nextLookback: Map<string, string>;
}

/** Evidence counts and next look-back dates, for one court's measures of a campaign or for a few of them. */
async function measureExtras(
  ctx: ServiceContext,
  scope: { campaignId: string; court: string } | { measureIds: string[] },
): Promise<MeasureExtras> {
  if ('measureIds' in scope && scope.measureIds.length === 0)
    return { evidenceCount: new Map(), nextLookback: new Map() };
  let evidence = ctx.db
    .selectFrom('ledgerEvidence')
    .innerJoin('ledgerMeasures', 'ledgerMeasures.id', 'ledgerEvidence.measureId')
    .select((eb) => ['ledgerEvidence.measureId', eb.fn.countAll<number>().as('n')])
    .where('ledgerEvidence.deletedAt', 'is', null)
    .groupBy('ledgerEvidence.measureId');
  let lookbacks = ctx.db
    .selectFrom('lookbacks')
    .innerJoin('ledgerMeasures', 'ledgerMeasures.id', 'lookbacks.measureId')
    .select((eb) => ['lookbacks.measureId', eb.fn.min('lookbacks.dueDate').as('due')])
    .where('lookbacks.deletedAt', 'is', null)
    .where('lookbacks.status', '=', 'scheduled')
    .groupBy('lookbacks.measureId');
  if ('campaignId' in scope) {
    evidence = evidence
      .where('ledgerMeasures.campaignId', '=', scope.campaignId)
      .where('ledgerMeasures.origin', '=', scope.court);
    lookbacks = lookbacks
      .where('ledgerMeasures.campaignId', '=', scope.campaignId)
      .where('ledgerMeasures.origin', '=', scope.court);
  } else {
    evidence = evidence.where('ledgerMeasures.id', 'in', scope.measureIds);
    lookbacks = lookbacks.where('ledgerMeasures.id', 'in', scope.measureIds);
  }
  const [evidenceRows, lookbackRows] = await Promise.all([evidence.execute(), lookbacks.execute()]);
  return {
    evidenceCount: new Map(evidenceRows.map((row) => [row.measureId, Number(row.n)])),
    nextLookback: new Map(lookbackRows.map((row) => [row.measureId, String(row.due)])),
  };
}

function toMeasure(row: MeasureRow, lens: LedgerLens, extras: MeasureExtras): LedgerMeasure {
  const light = lens.measureLight(row.status, row.deadline);
  const department = row.departmentId ? lens.departments.get(row.departmentId) : undefined;
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
    wasRed: lens.red.has(row.id),
    escalateTo: escalationName(lens.campaign, light, {
      owner: row.owner,
      departmentHead: department?.headName ?? '',
      leadLeader: row.leadLeader,
    }),
    evidenceCount: extras.evidenceCount.get(row.id) ?? 0,
    nextLookback: extras.nextLookback.get(row.id) ?? null,
  };
}

function toFinding(
  row: FindingRow,
  number: number,
  measures: ReadonlyArray<{ status: MeasureRow['status']; longTerm: number }>,
  lens: LedgerLens,
): LedgerFinding {
  return {
    ...ownedFields(row),
    campaignId: row.campaignId,
    source: row.source,
    reference: row.reference,
    title: row.title,
    detail: row.detail,
    receivedDate: row.receivedDate,
    departmentId: row.departmentId,
    departmentName: row.departmentId ? (lens.departments.get(row.departmentId)?.name ?? '') : '',
    claimId: row.claimId,
    sortOrder: row.sortOrder,
    number,
    closed: findingClosure(measures.map((m) => ({ status: m.status, longTerm: m.longTerm === 1 }))) === 'closed',
    measureCount: measures.length,
  };
}

export function toLookback(row: Selectable<LookbacksTable>, light: Light): Lookback {
  return {
    ...ownedFields(row),
    measureId: row.measureId,
    dueDate: row.dueDate,
    status: row.status,
    checkedAt: row.checkedAt,
    checker: row.checker,
    note: row.note,
    light,
  };
}

export function toLedgerEvidence(row: Selectable<LedgerEvidenceTable>): LedgerEvidence {
  return {
    ...ownedFields(row),
    measureId: row.measureId,
    lookbackId: row.lookbackId,
    phase: row.phase,
    sha256: row.sha256,
    originalName: row.originalName,
    size: row.size,
    mimeType: row.mimeType,
    detectedType: row.detectedType,
  };
}

function toEvent(row: Selectable<LedgerEventsTable>): LedgerEvent {
  return {
    ...ownedFields(row),
    measureId: row.measureId,
    kind: row.kind,
    eventDate: row.eventDate,
    actor: row.actor,
    text: row.text,
  };
}

/** Ledger order: findings by sort order (ties by id, so the order is stable). */
const byOrder = (a: { sortOrder: number; id: string }, b: { sortOrder: number; id: string }) =>
  a.sortOrder - b.sortOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** 序号 of one finding within its court's ledger of the campaign. */
async function findingNumber(ctx: ServiceContext, finding: FindingRow): Promise<number> {
  const all = await ctx.db
    .selectFrom('ledgerFindings')
    .select(['id', 'sortOrder'])
    .where('campaignId', '=', finding.campaignId)
    .where('origin', '=', finding.origin)
    .where('deletedAt', 'is', null)
    .execute();
  return all.sort(byOrder).findIndex((f) => f.id === finding.id) + 1;
}

function liveMeasuresOf(ctx: ServiceContext, findingId: string) {
  return ctx.db
    .selectFrom('ledgerMeasures')
    .selectAll()
    .where('findingId', '=', findingId)
    .where('deletedAt', 'is', null)
    .execute();
}

/** A finding with its measures, as the ledger shows it today. */
export async function loadFindingDetail(ctx: ServiceContext, findingId: string): Promise<FindingDetail> {
  const row = await loadFindingRow(ctx, findingId);
  const lens = await ledgerLens(ctx, row.campaignId);
  const measures = (await liveMeasuresOf(ctx, row.id)).sort(byOrder);
  const [number, extras] = await Promise.all([
    findingNumber(ctx, row),
    measureExtras(ctx, { measureIds: measures.map((m) => m.id) }),
  ]);
  return { ...toFinding(row, number, measures, lens), measures: measures.map((m) => toMeasure(m, lens, extras)) };
}

/** A measure with its finding, its history (oldest first), evidence, look-backs and colours. */
export async function loadMeasureDetail(ctx: ServiceContext, measureId: string): Promise<MeasureDetail> {
  const row = await loadMeasureRow(ctx, measureId);
  const finding = await loadFindingRow(ctx, row.findingId);
  const lens = await ledgerLens(ctx, row.campaignId);
  const [siblings, number, extras, events, evidence, lookbacks, history] = await Promise.all([
    liveMeasuresOf(ctx, finding.id),
    findingNumber(ctx, finding),
    measureExtras(ctx, { measureIds: [row.id] }),
    ctx.db
      .selectFrom('ledgerEvents')
      .selectAll()
      .where('measureId', '=', row.id)
      .where('deletedAt', 'is', null)
      .orderBy('changeSeq')
      .execute(),
    ctx.db
      .selectFrom('ledgerEvidence')
      .selectAll()
      .where('measureId', '=', row.id)
      .where('deletedAt', 'is', null)
      .orderBy('changeSeq')
      .execute(),
    ctx.db
      .selectFrom('lookbacks')
      .selectAll()
      .where('measureId', '=', row.id)
      .where('deletedAt', 'is', null)
      .orderBy('changeSeq')
      .execute(),
    lightHistory(ctx.db, 'measure', row.id),
  ]);
  return {
    ...toMeasure(row, lens, extras),
    finding: toFinding(finding, number, siblings, lens),
    events: events.map(toEvent),
    evidence: evidence.map(toLedgerEvidence),
    lookbacks: lookbacks.map((l) => toLookback(l, lens.lookbackLight(l.status, l.dueDate))),
    lightHistory: history,
  };
}

/**
 * The ledger table: one row per measure with its finding, and one row for each finding that has
 * no measure yet, in ledger order. Filters: the finding's source; the measure's state and colour;
 * the measure's department (the finding's for a finding without measures). A finding without
 * measures has no state and no deadline, so it shows only unfiltered by state, or under 无时限.
 */
export async function listLedger(ctx: ServiceContext, input: ParsedInput<'ledger.list'>): Promise<LedgerRow[]> {
  const lens = await ledgerLens(ctx, input.campaignId);
  const court = await viewedCourtCode(ctx, input.courtCode);
  const [findings, measures, extras] = await Promise.all([
    numberedFindings(ctx, input.campaignId, court),
    ctx.db
      .selectFrom('ledgerMeasures')
      .selectAll()
      .where('campaignId', '=', input.campaignId)
      .where('origin', '=', court)
      .where('deletedAt', 'is', null)
      .execute(),
    measureExtras(ctx, { campaignId: input.campaignId, court }),
  ]);
  const byFinding = new Map<string, MeasureRow[]>();
  for (const measure of measures) {
    const list = byFinding.get(measure.findingId);
    if (list) list.push(measure);
    else byFinding.set(measure.findingId, [measure]);
  }
  const rows: LedgerRow[] = [];
  findings.forEach((row, index) => {
    if (input.source && row.source !== input.source) return;
    const own = (byFinding.get(row.id) ?? []).sort(byOrder);
    const finding = toFinding(row, index + 1, own, lens);
    if (own.length === 0) {
      if (input.status) return;
      if (input.departmentId && row.departmentId !== input.departmentId) return;
      if (input.light && input.light !== 'none') return;
      rows.push({ finding, measure: null });
      return;
    }
    for (const measureRow of own) {
      if (input.status && measureRow.status !== input.status) continue;
      if (input.departmentId && measureRow.departmentId !== input.departmentId) continue;
      const measure = toMeasure(measureRow, lens, extras);
      if (input.light && measure.light !== input.light) continue;
      rows.push({ finding, measure });
    }
  });
  return rows;
}

/** One court's findings of a campaign in ledger order: the table's rows and the figures' numbers. */
export async function numberedFindings(ctx: ServiceContext, campaignId: string, court: string): Promise<FindingRow[]> {
  const rows = await ctx.db
    .selectFrom('ledgerFindings')
    .selectAll()
    .where('campaignId', '=', campaignId)
    .where('origin', '=', court)
    .where('deletedAt', 'is', null)
    .execute();
  return rows.sort(byOrder);
}
