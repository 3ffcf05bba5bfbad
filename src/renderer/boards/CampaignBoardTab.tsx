// A campaign's board (挂图作战) for this court or a viewed subordinate (read-only): headline figures,
// completion by section and by department, red/yellow/green per section, the burn-down of open
// items against the ideal pace, and each indicator's trend against its target.
import type { ReactNode } from 'react';
import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { BarChart, LineChart } from '@mantine/charts';
import { addDays } from '../../shared/checklistRules';
import type { Campaign, CampaignBoard, IndicatorRow } from '../../shared/model';
import { useRead } from '../api/queries';
import { Figure } from '../common/Figure';
import { RetryAlert } from '../common/RetryAlert';
import { useApp } from '../AppContext';
import { ProvinceSummary } from '../province/ProvinceSummary';
import { ViewingCourtAlert } from '../common/ViewingCourtAlert';
import { attainmentColor, attainmentText } from '../indicators/text';
import { formatValue, periodLabel } from '../indicators/periods';
import { LIGHT_COLOR, axisDate, percentOf, periodTick } from './boardParts';
import { boardText as t } from './text';

const DONE_COLOR = 'court.6';
const OPEN_COLOR = 'gray.4';
/** Category labels on the left of the horizontal bar charts. */
const LABEL_WIDTH = 170;
const LABEL_CHARS = 12;
/** Legends in the series' own order (recharts sorts them by name otherwise). */
const LEGEND = { verticalAlign: 'bottom', height: 30, itemSorter: null } as const;

const shortLabel = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label);
const itemsFormatter = (value: number) => `${value} ${t.itemsUnit}`;

export function CampaignBoardTab({
  campaign,
  courtCode,
  courtName,
  onBackToOwn,
}: {
  campaign: Campaign;
  courtCode: string | null;
  courtName?: string;
  onBackToOwn(): void;
}) {
  const { court } = useApp();
  const {
    data: board,
    error,
    refetch,
  } = useRead('boards.campaign', { campaignId: campaign.id, ...(courtCode ? { courtCode } : {}) });

  return (
    <Stack gap="md" data-testid="campaign-board">
      {courtCode && (
        <ViewingCourtAlert
          title={t.viewingCourt(courtName ?? courtCode)}
          hint={t.viewingHint}
          backLabel={t.backToOwn}
          onBack={onBackToOwn}
          testId="board-viewing-court"
        />
      )}
      {error && <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />}
      {/* At a higher court, its own view starts with the province (or its jurisdiction). */}
      {!courtCode && court.level !== 'basic' && <ProvinceSummary campaignId={campaign.id} />}
      {!courtCode && court.level !== 'basic' && board && (
        <Title order={4} mt="xs">
          {t.ownHeading}
        </Title>
      )}
      {!board && !error && <Skeleton h={420} />}
      {board && <BoardBody board={board} />}
    </Stack>
  );
}

function BoardBody({ board }: { board: CampaignBoard }) {
  const totals = board.totals;
  const year = board.today.slice(0, 4);
  const sections = board.bySection.map((s) => ({
    name: s.title,
    done: s.completed,
    open: s.open,
    red: s.red,
    yellow: s.yellow,
    green: s.green,
    percent: percentOf(s.completed, s.total),
  }));
  const departments = board.byDepartment.map((d) => ({
    name: d.name,
    done: d.completed,
    open: d.open,
    percent: percentOf(d.completed, d.total),
  }));
  const hasIdeal = board.burnDown.some((p) => p.ideal !== null);
  const weekly = board.burnDown.length > 1 && board.burnDown[1].date !== addDays(board.burnDown[0].date, 1);

  return (
    <>
      <Group gap="sm" data-testid="board-figures">
        <Figure label={t.figTotal} value={totals.total} testId="board-fig-total" />
        <Figure label={t.figDone} value={totals.completed} testId="board-fig-done" />
        <Figure
          label={t.figRate}
          value={percentOf(totals.completed, totals.total)}
          suffix="%"
          testId="board-fig-rate"
        />
        <Figure
          label={t.figOverdue}
          value={totals.overdue}
          color={totals.overdue ? 'red.7' : undefined}
          testId="board-fig-overdue"
        />
        <Figure label={t.figRed} value={totals.red} color={totals.red ? 'red.7' : undefined} testId="board-fig-red" />
        <Figure
          label={t.figYellow}
          value={totals.yellow}
          color={totals.yellow ? 'yellow.9' : undefined}
          testId="board-fig-yellow"
        />
        <Figure
          label={t.figGreen}
          value={totals.green}
          color={totals.green ? 'green.8' : undefined}
          testId="board-fig-green"
        />
      </Group>
      <Text size="xs" c="dimmed" mt={-8}>
        {t.lightsNote}
      </Text>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <GroupBarChart title={t.bySectionTitle} testId="board-chart-sections" data={sections} series={DONE_OPEN} />
        <GroupBarChart
          title={t.byDepartmentTitle}
          testId="board-chart-departments"
          data={departments}
          series={DONE_OPEN}
        />
        <GroupBarChart title={t.lightsBySectionTitle} testId="board-chart-lights" data={sections} series={LIGHTS} />
        <ChartCard
          title={t.burnDownTitle}
          hint={[
            t.burnDownHint,
            weekly ? t.burnDownWeekly : '',
            hasIdeal || board.burnDown.length === 0 ? '' : t.noIdeal,
          ]
            .filter(Boolean)
            .join('')}
          testId="board-chart-burndown"
        >
          {board.burnDown.length === 0 ? (
            <EmptyChart text={t.burnDownEmpty} />
          ) : (
            <LineChart
              h={280}
              data={board.burnDown}
              dataKey="date"
              series={[
                { name: 'open', label: t.seriesActual, color: 'court.7' },
                ...(hasIdeal ? [{ name: 'ideal', label: t.seriesIdeal, color: 'gray.6', strokeDasharray: '5 4' }] : []),
              ]}
              curveType="linear"
              withDots={board.burnDown.length <= 31}
              xAxisProps={{ tickFormatter: (date: string) => axisDate(date, year), minTickGap: 24 }}
              yAxisProps={{ allowDecimals: false }}
              valueFormatter={(value) => `${Math.round(value * 10) / 10} ${t.itemsUnit}`}
              withLegend
              legendProps={LEGEND}
              connectNulls
            />
          )}
        </ChartCard>
      </SimpleGrid>

      <ChartCard title={t.indicatorsTitle} testId="board-indicators">
        {board.indicators.length === 0 ? (
          <EmptyChart text={t.indicatorsEmpty} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="md">
            {board.indicators.map((indicator) => (
              <IndicatorTrend key={indicator.id} indicator={indicator} />
            ))}
          </SimpleGrid>
        )}
      </ChartCard>
    </>
  );
}

type BarSeries = Array<{ name: string; label: string; color: string }>;
const DONE_OPEN: BarSeries = [
  { name: 'done', label: t.seriesDone, color: DONE_COLOR },
  { name: 'open', label: t.seriesOpen, color: OPEN_COLOR },
];
const LIGHTS: BarSeries = [
  { name: 'red', label: t.seriesRed, color: LIGHT_COLOR.red },
  { name: 'yellow', label: t.seriesYellow, color: LIGHT_COLOR.yellow },
  { name: 'green', label: t.seriesGreen, color: LIGHT_COLOR.green },
];

/** Stacked horizontal bars, one per section or department, item counts on the axis. */
function GroupBarChart({
  title,
  testId,
  data,
  series,
}: {
  title: string;
  testId: string;
  data: Array<Record<string, string | number>>;
  series: BarSeries;
}) {
  return (
    <ChartCard title={title} testId={testId}>
      {data.length === 0 ? (
        <EmptyChart />
      ) : (
        <BarChart
          h={Math.max(160, data.length * 38 + 60)}
          data={data}
          dataKey="name"
          type="stacked"
          orientation="vertical"
          series={series}
          yAxisProps={{ width: LABEL_WIDTH, tickFormatter: shortLabel }}
          xAxisProps={{ allowDecimals: false }}
          valueFormatter={itemsFormatter}
          withLegend
          legendProps={LEGEND}
          maxBarWidth={22}
          gridAxis="x"
        />
      )}
    </ChartCard>
  );
}

function ChartCard({
  title,
  hint,
  children,
  testId,
}: {
  title: string;
  hint?: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder radius="sm" p="md" data-testid={testId}>
      <Text fw={600} mb={hint ? 2 : 'sm'}>
        {title}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mb="sm">
          {hint}
        </Text>
      )}
      {children}
    </Paper>
  );
}

function EmptyChart({ text = t.chartEmpty }: { text?: string }) {
  return (
    <Text size="sm" c="dimmed" ta="center" py={48}>
      {text}
    </Text>
  );
}

function IndicatorTrend({ indicator }: { indicator: IndicatorRow }) {
  const latest = indicator.latest;
  const data = indicator.values.map((v) => ({ period: v.period, value: v.value }));
  const target = indicator.target;
  const unit = indicator.unit;
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="board-indicator" data-name={indicator.name}>
      <Group justify="space-between" wrap="nowrap" gap="xs" mb={2}>
        <Text fw={600} size="sm" lineClamp={1} title={indicator.name}>
          {indicator.name}
        </Text>
        {latest?.attainment && (
          <Badge
            color={attainmentColor[latest.attainment]}
            variant="light"
            radius="sm"
            style={{ flex: 'none' }}
            data-testid="board-indicator-attainment"
          >
            {attainmentText[latest.attainment]}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb={6}>
        {latest ? t.indicatorLatest(periodLabel(latest.period), formatValue(latest.value, unit)) : t.indicatorNoValues}
        {'  ·  '}
        {target === null ? t.indicatorNoTarget : t.indicatorTarget(formatValue(target, unit))}
      </Text>
      {data.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py={40}>
          {t.indicatorNoValues}
        </Text>
      ) : (
        <LineChart
          h={150}
          data={data}
          dataKey="period"
          series={[{ name: 'value', label: indicator.name, color: 'court.6' }]}
          curveType="linear"
          referenceLines={
            target === null
              ? []
              : [
                  {
                    y: target,
                    label: t.indicatorTarget(formatValue(target, unit)),
                    color: 'red.6',
                    strokeDasharray: '4 3',
                  },
                ]
          }
          yAxisProps={{ domain: domainWith(target, unit === 'percent'), width: 48 }}
          xAxisProps={{ tickFormatter: periodTick, minTickGap: 16 }}
          valueFormatter={(value) => formatValue(value, unit)}
          tooltipProps={{
            labelFormatter: (period) => (typeof period === 'string' && period ? periodLabel(period) : ''),
          }}
          gridAxis="y"
          withDots
        />
      )}
    </Paper>
  );
}

/** Keeps the target line inside the chart, with a little room; percentages stay within 0–100. */
function domainWith(target: number | null, percent: boolean): [(min: number) => number, (max: number) => number] {
  const low = (min: number) => Math.max(0, Math.floor(Math.min(min, target ?? min) * 0.98));
  const high = (max: number) => Math.ceil(Math.max(max, target ?? max) * 1.02);
  return [low, percent ? (max) => Math.min(100, high(max)) : high];
}
