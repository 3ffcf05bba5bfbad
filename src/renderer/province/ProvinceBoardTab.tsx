// 下级法院进度 (a campaign tab at high and intermediate courts): the matrix of subordinate courts ×
// the campaign's top-level sections — completion rate coloured on a heat scale and overdue items
// per cell — ranked with the laggards (后进) first, each court's bundle age with its light, a
// filter by intermediate court's jurisdiction and a switch to show only the laggards. A click on a
// court opens its checklist read-only. A province has ~165 courts: a plain table renders them fast.
import { useMemo, useState, type CSSProperties } from 'react';
import { Badge, Box, Button, Group, Paper, Select, Skeleton, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import type { Campaign, Light, ProvinceBoard, ProvinceCell, ProvinceCourtRow } from '../../shared/model';
import { useRead } from '../api/queries';
import { formatDateTime } from '../lib/dates';
import { campaignRoute, navigate } from '../lib/router';
import { RetryAlert } from '../common/RetryAlert';
import { provinceText as t } from './text';
import { EmptyState } from '../common/EmptyState';
import { LinkRow } from '../common/LinkRow';

/** "只看后进" shows this many courts furthest behind. */
const BOTTOM = 10;

const HEAT = {
  high: { background: 'var(--mantine-color-green-1)', color: 'var(--mantine-color-green-9)' },
  middle: { background: 'var(--mantine-color-yellow-1)', color: 'var(--mantine-color-yellow-9)' },
  low: { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)' },
};

function heat(rate: number | null): CSSProperties | undefined {
  if (rate === null) return undefined;
  return rate >= 0.9 ? HEAT.high : rate >= 0.6 ? HEAT.middle : HEAT.low;
}

const LIGHT_COLOR: Record<Light, string> = {
  green: 'var(--mantine-color-green-6)',
  yellow: 'var(--mantine-color-yellow-5)',
  red: 'var(--mantine-color-red-6)',
  none: 'var(--mantine-color-gray-4)',
};

/** The courts marked 后进: the last 10 % by rank (at least one), only below the median rate. */
export function laggardCodes(courts: ProvinceCourtRow[]): Set<string> {
  const ranked = courts.filter((c) => c.totals.completionRate !== null).sort((a, b) => a.rank - b.rank);
  if (ranked.length === 0) return new Set();
  const rates = ranked.map((c) => c.totals.completionRate!).sort((a, b) => a - b);
  const mid = Math.floor(rates.length / 2);
  const median = rates.length % 2 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
  const count = Math.max(1, Math.ceil(ranked.length / 10));
  return new Set(
    ranked
      .slice(0, count)
      .filter((c) => c.totals.completionRate! < median)
      .map((c) => c.code),
  );
}

// Sticky first columns: rank, then the court's name (fixed widths so the second knows its offset).
const RANK_WIDTH = 56;
const COURT_WIDTH = 300;
const stickyCell = (left: number, width: number, background = 'var(--mantine-color-body)'): CSSProperties => ({
  position: 'sticky',
  left,
  zIndex: 1,
  background,
  minWidth: width,
  maxWidth: width,
  width,
});
const headCell: CSSProperties = {
  position: 'sticky',
  top: 0,
  zIndex: 2,
  background: 'var(--mantine-color-gray-0)',
  verticalAlign: 'bottom',
};

function Cell({ cell, section, testId }: { cell: ProvinceCell; section: string; testId: string }) {
  if (cell.completionRate === null) {
    return (
      <Table.Td
        data-testid={testId}
        title={t.noItemsHint}
        style={{ textAlign: 'center', color: 'var(--mantine-color-gray-5)' }}
      >
        {t.noItems}
      </Table.Td>
    );
  }
  return (
    <Table.Td
      data-testid={testId}
      title={t.cellHint(section, cell.total, cell.completed, cell.overdue)}
      style={{ ...heat(cell.completionRate), whiteSpace: 'nowrap', textAlign: 'center' }}
    >
      <span style={{ fontWeight: 600 }}>{t.cell(Math.floor(cell.completionRate * 100))}</span>
      <span style={{ color: 'var(--mantine-color-dimmed)' }}> / </span>
      <span
        style={
          cell.overdue > 0
            ? { color: 'var(--mantine-color-red-8)', fontWeight: 600 }
            : { color: 'var(--mantine-color-dimmed)' }
        }
      >
        {t.overdue(cell.overdue)}
      </span>
    </Table.Td>
  );
}

function AgeCell({ court }: { court: ProvinceCourtRow }) {
  return (
    <Table.Td
      data-testid="province-age"
      data-light={court.bundleLight}
      title={court.lastBundleAt ? t.reportedHint(formatDateTime(court.lastBundleAt)) : undefined}
      style={{ whiteSpace: 'nowrap' }}
    >
      <span
        style={{
          display: 'inline-block',
          width: 10,
          height: 10,
          borderRadius: 5,
          marginRight: 6,
          background: LIGHT_COLOR[court.bundleLight],
        }}
      />
      {court.bundleAgeDays === null ? (
        <span style={{ color: 'var(--mantine-color-dimmed)' }}>{t.never}</span>
      ) : (
        t.ageDays(court.bundleAgeDays)
      )}
    </Table.Td>
  );
}

function Matrix({
  board,
  courts,
  laggards,
  campaignId,
}: {
  board: ProvinceBoard;
  courts: ProvinceCourtRow[];
  laggards: Set<string>;
  campaignId: string;
}) {
  return (
    <Paper withBorder>
      <Box style={{ overflow: 'auto', maxHeight: 'calc(100vh - 290px)', minHeight: 200 }}>
        <Table
          withColumnBorders
          verticalSpacing={6}
          horizontalSpacing="sm"
          highlightOnHover
          data-testid="province-table"
          data-rows={courts.length}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th
                style={{
                  ...headCell,
                  ...stickyCell(0, RANK_WIDTH, 'var(--mantine-color-gray-0)'),
                  zIndex: 3,
                  textAlign: 'right',
                }}
              >
                {t.rank}
              </Table.Th>
              <Table.Th
                style={{
                  ...headCell,
                  ...stickyCell(RANK_WIDTH, COURT_WIDTH, 'var(--mantine-color-gray-0)'),
                  zIndex: 3,
                }}
              >
                {t.court}
              </Table.Th>
              <Table.Th style={{ ...headCell, minWidth: 100 }}>{t.reportedAt}</Table.Th>
              {board.sections.map((section) => (
                <Table.Th
                  key={section.id ?? 'own'}
                  style={{ ...headCell, minWidth: 130, maxWidth: 200, textAlign: 'center' }}
                  data-testid="province-section"
                >
                  {section.title}
                </Table.Th>
              ))}
              <Table.Th style={{ ...headCell, minWidth: 130, textAlign: 'center' }}>{t.total}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {courts.map((court) => (
              <LinkRow
                key={court.code}
                onOpen={() => navigate(campaignRoute(campaignId, 'checklist', court.code))}
                data-testid="province-row"
                data-court={court.code}
                data-rank={court.rank}
                title={t.rowHint}
              >
                <Table.Td
                  style={{ ...stickyCell(0, RANK_WIDTH), textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
                  data-testid="province-rank"
                >
                  {court.rank}
                </Table.Td>
                <Table.Td style={stickyCell(RANK_WIDTH, COURT_WIDTH)}>
                  <Group gap={6} wrap="nowrap">
                    <Text
                      size="sm"
                      fw={500}
                      truncate="end"
                      data-testid="province-court-name"
                      title={`${court.name}（${court.code}）`}
                    >
                      {court.name}
                    </Text>
                    <Text span size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {t.level[court.level] ?? court.level}
                    </Text>
                    {laggards.has(court.code) && (
                      <Badge
                        size="xs"
                        color="red"
                        variant="filled"
                        style={{ flexShrink: 0 }}
                        title={t.laggardHint}
                        data-testid="province-laggard"
                      >
                        {t.laggard}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <AgeCell court={court} />
                {court.cells.map((cell, index) => (
                  <Cell
                    key={board.sections[index].id ?? 'own'}
                    cell={cell}
                    section={board.sections[index].title}
                    testId="province-cell"
                  />
                ))}
                <Cell cell={court.totals} section={t.total} testId="province-total" />
              </LinkRow>
            ))}
          </Table.Tbody>
        </Table>
        {courts.length === 0 && (
          <Text c="dimmed" ta="center" py="xl">
            {t.noneShown}
          </Text>
        )}
      </Box>
    </Paper>
  );
}

function Legend() {
  const swatch = (style: CSSProperties, label: string) => (
    <Group gap={4} wrap="nowrap">
      <span
        style={{
          display: 'inline-block',
          width: 14,
          height: 14,
          borderRadius: 3,
          background: style.background as string,
          border: '1px solid var(--mantine-color-gray-3)',
        }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
  return (
    <Group gap="md">
      <Text size="xs" c="dimmed">
        {t.legend}
      </Text>
      {swatch(HEAT.high, t.legendHigh)}
      {swatch(HEAT.middle, t.legendMiddle)}
      {swatch(HEAT.low, t.legendLow)}
      <Text size="xs" c="red.8">
        {t.legendOverdue}
      </Text>
    </Group>
  );
}

export function ProvinceBoardTab({ campaign }: { campaign: Campaign }) {
  const { data: board, error, refetch } = useRead('boards.province', { campaignId: campaign.id });
  const [parent, setParent] = useState<string | null>(null);
  const [onlyLaggards, setOnlyLaggards] = useState(false);

  const laggards = useMemo(() => (board ? laggardCodes(board.courts) : new Set<string>()), [board]);
  // Jurisdictions: the intermediate courts among the rows.
  const parents = useMemo(
    () =>
      board ? board.courts.filter((c) => c.level === 'intermediate').sort((a, b) => a.code.localeCompare(b.code)) : [],
    [board],
  );
  const shown = useMemo(() => {
    if (!board) return [];
    let rows = parent ? board.courts.filter((c) => c.code === parent || c.parentCode === parent) : board.courts;
    if (onlyLaggards) rows = rows.filter((c) => c.totals.completionRate !== null).slice(0, BOTTOM);
    return rows;
  }, [board, parent, onlyLaggards]);

  if (error && !board) {
    return <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />;
  }
  if (!board) return <Skeleton h={320} />;
  if (board.courts.length === 0) {
    return (
      <EmptyState title={t.emptyTitle} text={t.emptyText} testId="province-empty">
        <Button leftSection={<IconFileImport size={16} />} onClick={() => navigate({ name: 'sync', tab: 'import' })}>
          {t.goSync}
        </Button>
      </EmptyState>
    );
  }

  return (
    <Stack gap="sm" data-testid="province-tab">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={4}>{t.title}</Title>
          <Text size="sm" c="dimmed" mt={2}>
            {t.subtitle(board.today, board.courts.length)}
          </Text>
        </div>
        <Group gap="md" align="center">
          {parents.length > 0 && (
            <Select
              w={260}
              size="sm"
              aria-label={t.filterParent}
              placeholder={t.filterAll}
              data={[
                { value: '', label: t.filterAll },
                ...parents.map((p) => ({ value: p.code, label: t.parentOption(p.name) })),
              ]}
              value={parent ?? ''}
              onChange={(value) => setParent(value || null)}
              allowDeselect={false}
              data-testid="province-parent"
            />
          )}
          <Switch
            label={t.onlyLaggards(BOTTOM)}
            checked={onlyLaggards}
            onChange={(event) => setOnlyLaggards(event.currentTarget.checked)}
            data-testid="province-only-laggards"
          />
        </Group>
      </Group>
      <Group justify="space-between">
        <Legend />
        <Text size="xs" c="dimmed" data-testid="province-shown">
          {t.shown(shown.length, board.courts.length)}
        </Text>
      </Group>
      <Matrix board={board} courts={shown} laggards={laggards} campaignId={campaign.id} />
    </Stack>
  );
}
