// Indicators (指标) of a campaign and each court's period values. The definitions belong to the
// court that made them (usually the issuer, travelling down in its packages; a court may add its
// own); a value belongs to the court that entered it and travels up in its report bundles. A
// higher court looks at a subordinate's values read-only by passing its court code.
import type { Selectable } from 'kysely';
import type { ParsedInput } from '../../shared/api';
import {
  attainment,
  isFuturePeriod,
  periodMatchesKind,
  previousPeriod,
  sameLastYear,
  trend,
} from '../../shared/indicatorRules';
import type { CourtBoardCampaign, IndicatorRow, IndicatorValue } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { definitionOrigins, loadCampaignRow } from '../campaigns/campaigns';
import {
  currentActor,
  ownCourtCode,
  superiorCourtCodes,
  timestamp,
  today,
  viewedCourtCode,
} from '../court/courtProfile';
import { ORDER_GAP, withChanges, type ChangeWriter } from '../data/ownedRows';
import type { CampaignsTable, IndicatorsTable, IndicatorValuesTable } from '../data/schema';
import { withEvidenceChanges } from '../evidence/evidenceFiles';

type IndicatorRecord = Selectable<IndicatorsTable>;
type ValueRecord = Selectable<IndicatorValuesTable>;

/** Differences shown to people: rounded so 96.3 − 95.1 reads 1.2, not 1.1999999999999886. */
const roundChange = (value: number) => Math.round(value * 10_000) / 10_000;

function toValues(indicator: IndicatorRecord, records: ValueRecord[]): IndicatorValue[] {
  const byPeriod = new Map(records.map((row) => [row.period, row.value]));
  return [...records]
    .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0))
    .map((row) => {
      const lastYear = byPeriod.get(sameLastYear(row.period)) ?? null;
      return {
        id: row.id,
        origin: row.origin,
        version: row.version,
        indicatorId: row.indicatorId,
        period: row.period,
        value: row.value,
        note: row.note,
        evidenceName: row.evidenceName,
        enteredBy: row.enteredBy,
        attainment: attainment(row.value, indicator.target, indicator.direction, indicator.unit),
        lastYear,
        changeFromLastYear: lastYear === null ? null : roundChange(row.value - lastYear),
        updatedAt: row.updatedAt,
      };
    });
}

function toIndicatorRow(indicator: IndicatorRecord, records: ValueRecord[], own: string): IndicatorRow {
  const values = toValues(indicator, records);
  const latest = values.at(-1) ?? null;
  const previous = latest ? (values.find((v) => v.period === previousPeriod(latest.period))?.value ?? null) : null;
  return {
    id: indicator.id,
    origin: indicator.origin,
    version: indicator.version,
    campaignId: indicator.campaignId,
    name: indicator.name,
    line: indicator.line,
    unit: indicator.unit,
    direction: indicator.direction,
    target: indicator.target,
    period: indicator.period,
    rankingGoal: indicator.rankingGoal,
    sortOrder: indicator.sortOrder,
    issued: indicator.origin !== own,
    values,
    latest,
    trend: trend(previous, latest?.value ?? null, indicator.direction),
  };
}

/** The given indicators with the values `viewed` entered for them. */
async function withValues(ctx: ServiceContext, indicators: IndicatorRecord[], viewed: string): Promise<IndicatorRow[]> {
  if (indicators.length === 0) return [];
  const own = await ownCourtCode(ctx);
  const values = await ctx.db
    .selectFrom('indicatorValues')
    .selectAll()
    .where(
      'indicatorId',
      'in',
      indicators.map((row) => row.id),
    )
    .where('origin', '=', viewed)
    .where('deletedAt', 'is', null)
    .execute();
  const byIndicator = new Map<string, ValueRecord[]>();
  for (const value of values)
    byIndicator.set(value.indicatorId, [...(byIndicator.get(value.indicatorId) ?? []), value]);
  return indicators.map((row) => toIndicatorRow(row, byIndicator.get(row.id) ?? [], own));
}

/**
 * A campaign's indicators as this court sees them (the issuer's, superiors' and its own), in
 * order, each with this court's values, or with `courtCode`'s values when a higher court looks
 * at a subordinate.
 */
export async function listIndicators(
  ctx: ServiceContext,
  input: ParsedInput<'indicators.list'>,
): Promise<IndicatorRow[]> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  const viewed = await viewedCourtCode(ctx, input.courtCode);
  return withValues(ctx, await campaignIndicators(ctx, campaign, viewed), viewed);
}

/** The live indicator rows of a campaign as `viewed` (this court by default) sees them, in order. */
export async function campaignIndicators(
  ctx: ServiceContext,
  campaign: Selectable<CampaignsTable>,
  viewed?: string,
): Promise<IndicatorRecord[]> {
  const origins = await definitionOrigins(ctx, campaign, viewed);
  return ctx.db
    .selectFrom('indicators')
    .selectAll()
    .where('campaignId', '=', campaign.id)
    .where('origin', 'in', origins)
    .where('deletedAt', 'is', null)
    .orderBy('sortOrder')
    .orderBy('id')
    .execute();
}

/** How many indicators met, came close to or missed their target by their latest value, and how many have none. */
export function attainmentCounts(rows: readonly IndicatorRow[]): CourtBoardCampaign['indicators'] {
  const counts = { total: rows.length, met: 0, close: 0, missed: 0, noValue: 0 };
  for (const row of rows) {
    const attainment = row.latest?.attainment ?? null;
    if (attainment) counts[attainment] += 1;
    else counts.noValue += 1;
  }
  return counts;
}

async function indicatorRow(ctx: ServiceContext, id: string): Promise<IndicatorRow> {
  const row = await ctx.db
    .selectFrom('indicators')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这项指标，可能已被删除，请刷新后再试。');
  const [result] = await withValues(ctx, [row], await ownCourtCode(ctx));
  return result;
}

/** Loads a live indicator; one issued by another court is refused with who issued it. */
async function loadOwnIndicator(writer: ChangeWriter, id: string): Promise<IndicatorRecord> {
  const row = await writer.trx
    .selectFrom('indicators')
    .selectAll()
    .where('id', '=', id)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('E_NOT_FOUND', '找不到这项指标，可能已被删除，请刷新后再试。');
  if (row.origin !== writer.actor.court) {
    const superiors = await superiorCourtCodes({ db: writer.trx });
    const issuer = superiors.includes(row.origin) ? `上级法院（${row.origin}）` : `${row.origin} 法院`;
    throw new ApiError('E_NOT_OWNER', `这项指标由${issuer}下发，本院只能查看和填报数值，不能修改或删除指标。`);
  }
  return row;
}

/** A name used twice in one campaign would make boards and reports ambiguous. */
async function assertNameFree(
  writer: ChangeWriter,
  campaignId: string,
  name: string,
  origins: string[],
  exceptId?: string,
): Promise<void> {
  let query = writer.trx
    .selectFrom('indicators')
    .select('id')
    .where('campaignId', '=', campaignId)
    .where('origin', 'in', origins)
    .where('name', '=', name)
    .where('deletedAt', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) {
    throw new ApiError('E_DUPLICATE', `这个专项活动已有名为“${name}”的指标。`, { name: '指标名称已存在' });
  }
}

function definitionFields(input: ParsedInput<'indicators.create'> | ParsedInput<'indicators.update'>) {
  return {
    name: input.name,
    line: input.line,
    unit: input.unit,
    direction: input.direction,
    target: input.target ?? null,
    period: input.period,
    rankingGoal: input.rankingGoal ?? '',
  };
}

export async function createIndicator(
  ctx: ServiceContext,
  input: ParsedInput<'indicators.create'>,
): Promise<IndicatorRow> {
  const campaign = await loadCampaignRow(ctx, input.campaignId);
  const origins = await definitionOrigins(ctx, campaign);
  const actor = await currentActor(ctx);
  const id = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    await assertNameFree(writer, campaign.id, input.name, origins);
    const last = await writer.trx
      .selectFrom('indicators')
      .select((eb) => eb.fn.max('sortOrder').as('sortOrder'))
      .where('campaignId', '=', campaign.id)
      .where('origin', 'in', origins)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    const row = await writer.insert('indicators', {
      campaignId: campaign.id,
      ...definitionFields(input),
      sortOrder: (last?.sortOrder ?? 0) + ORDER_GAP,
    });
    return row.id;
  });
  return indicatorRow(ctx, id);
}

export async function updateIndicator(
  ctx: ServiceContext,
  input: ParsedInput<'indicators.update'>,
): Promise<IndicatorRow> {
  const actor = await currentActor(ctx);
  const existing = await ctx.db
    .selectFrom('indicators')
    .select('campaignId')
    .where('id', '=', input.id)
    .executeTakeFirst();
  const origins = existing ? await definitionOrigins(ctx, await loadCampaignRow(ctx, existing.campaignId)) : [];
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const row = await loadOwnIndicator(writer, input.id);
    await assertNameFree(writer, row.campaignId, input.name, origins, row.id);
    if (input.period !== row.period || input.unit !== row.unit) {
      // Entered values (any court's) are months or quarters in the old unit: they would stop fitting.
      const entered = await writer.trx
        .selectFrom('indicatorValues')
        .select('id')
        .where('indicatorId', '=', row.id)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      if (entered) {
        const field = input.period !== row.period ? 'period' : 'unit';
        throw new ApiError('E_INVALID', '这项指标已有填报数值，不能再更改报送周期或单位。', {
          [field]: '已有填报数值，不能更改',
        });
      }
    }
    await writer.update('indicators', row.id, input.version, definitionFields(input));
  });
  return indicatorRow(ctx, input.id);
}

/** Withdraws an indicator with this court's values for it; other courts' values are theirs. */
export async function deleteIndicator(
  ctx: ServiceContext,
  input: ParsedInput<'indicators.delete'>,
): Promise<{ id: string }> {
  const actor = await currentActor(ctx);
  await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const row = await loadOwnIndicator(writer, input.id);
    await writer.softDelete('indicators', row.id, input.version);
    const values = await writer.trx
      .selectFrom('indicatorValues')
      .select('id')
      .where('indicatorId', '=', row.id)
      .where('origin', '=', writer.actor.court)
      .where('deletedAt', 'is', null)
      .execute();
    for (const value of values) await writer.softDelete('indicatorValues', value.id);
  });
  return { id: input.id };
}

/** Why a value cannot be entered for this indicator and period, with the field at fault. */
export interface ValueProblem {
  field: 'period' | 'value';
  message: string;
}

/**
 * What is wrong with a value for a period, as field messages. `periodHint` words the period-kind
 * message for a picked period (the record dialog) or a typed one (an imported sheet).
 */
export function valueProblems(
  indicator: Pick<IndicatorRecord, 'period' | 'unit'>,
  period: string,
  value: number,
  day: string,
  periodHint: 'pick' | 'type' = 'pick',
): ValueProblem[] {
  const problems: ValueProblem[] = [];
  if (!periodMatchesKind(period, indicator.period)) {
    const quarterly = indicator.period === 'quarterly';
    const message =
      periodHint === 'pick'
        ? quarterly
          ? '此指标按季度报送，请选择季度'
          : '此指标按月报送，请选择月份'
        : quarterly
          ? '此指标按季度报送，请填写季度，如 2026年第三季度'
          : '此指标按月报送，请填写月份，如 2026-10';
    problems.push({ field: 'period', message });
  } else if (isFuturePeriod(period, day)) {
    problems.push({ field: 'period', message: '不能填报未来期间的数值' });
  }
  if (indicator.unit === 'percent' && (value < 0 || value > 100))
    problems.push({ field: 'value', message: '百分比应在 0 到 100 之间' });
  if (indicator.unit !== 'percent' && value < 0) problems.push({ field: 'value', message: '数值不能为负数' });
  if (indicator.unit === 'cases' && !Number.isInteger(value))
    problems.push({ field: 'value', message: '件数应为整数' });
  return problems;
}

function checkValue(indicator: IndicatorRecord, input: ParsedInput<'indicators.recordValue'>, day: string): void {
  const [first] = valueProblems(indicator, input.period, input.value, day);
  if (first) throw new ApiError('E_INVALID', `${first.message}。`, { [first.field]: first.message });
}

/**
 * Enters this court's value for one period: a new value, or (given the version last seen) a
 * correction of the one already entered. Evidence, when given, replaces the earlier file.
 */
export async function recordValue(
  ctx: ServiceContext,
  input: ParsedInput<'indicators.recordValue'>,
): Promise<IndicatorRow> {
  const indicator = await ctx.db
    .selectFrom('indicators')
    .selectAll()
    .where('id', '=', input.indicatorId)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  if (!indicator)
    throw new ApiError('E_NOT_FOUND', '找不到这项指标，可能已被删除，请刷新后再试。', {
      indicatorId: '请重新选择指标',
    });
  const campaign = await loadCampaignRow(ctx, indicator.campaignId);
  if (!(await definitionOrigins(ctx, campaign)).includes(indicator.origin)) {
    // A subordinate's own indicator, brought up in its bundle: only that court enters its values.
    throw new ApiError('E_NOT_OWNER', `这项指标是 ${indicator.origin} 法院自行设置的，本院不能填报。`);
  }
  checkValue(indicator, input, today(ctx));
  const actor = await currentActor(ctx);
  const evidenceName = input.evidence?.name;
  await withEvidenceChanges(
    ctx,
    actor,
    input.evidence ?? null,
    async (writer, file) => {
      // 录入人: whoever is logged in, on every write (a replaced value names who replaced it).
      const fields = {
        value: input.value,
        note: input.note ?? '',
        enteredBy: actor.displayName,
        ...(file ? { evidenceSha256: file.sha256, evidenceName: evidenceName! } : {}),
      };
      const existing = await writer.trx
        .selectFrom('indicatorValues')
        .select(['id', 'version'])
        .where('origin', '=', actor.court)
        .where('indicatorId', '=', indicator.id)
        .where('period', '=', input.period)
        .where('deletedAt', 'is', null)
        .executeTakeFirst();
      if (!existing) {
        await writer.insert('indicatorValues', {
          indicatorId: indicator.id,
          period: input.period,
          evidenceSha256: null,
          evidenceName: null,
          ...fields,
        });
        return;
      }
      if (input.version === undefined) {
        throw new ApiError('E_DUPLICATE', '该期间已填报，请修改已有数值。', { period: '该期间已填报，请修改已有数值' });
      }
      await writer.update('indicatorValues', existing.id, input.version, fields);
    },
    'evidence',
  );
  return indicatorRow(ctx, indicator.id);
}

/** Withdraws one of this court's values; another court's values are only to be looked at. */
export async function deleteValue(
  ctx: ServiceContext,
  input: ParsedInput<'indicators.deleteValue'>,
): Promise<IndicatorRow> {
  const actor = await currentActor(ctx);
  const indicatorId = await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
    const value = await writer.trx
      .selectFrom('indicatorValues')
      .select(['indicatorId', 'origin'])
      .where('id', '=', input.id)
      .where('deletedAt', 'is', null)
      .executeTakeFirst();
    if (value && value.origin !== actor.court) {
      throw new ApiError('E_NOT_OWNER', `这条指标数值由 ${value.origin} 法院填报，本院只能查看，不能删除。`);
    }
    // Not found and stale versions are told by the writer.
    await writer.softDelete('indicatorValues', input.id, input.version);
    return value!.indicatorId;
  });
  return indicatorRow(ctx, indicatorId);
}
