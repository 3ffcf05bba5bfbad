// The province (or the jurisdiction) first, on a higher court's boards: for one campaign, the
// headline figures — completion, overdue, lights, reporting rate and 后进 — then a table by
// jurisdiction (each intermediate court with its basic courts) or by court (ranked, this court's
// own items one row among them), with the total. The figures are boards.province's, the same as
// the matrix and the province report.
import { useState } from 'react';
import { Anchor, Badge, Group, Paper, SegmentedControl, SimpleGrid, Skeleton, Table, Text, Title } from '@mantine/core';
import type { ProvinceBoard, ProvinceCell, ProvinceGroup } from '../../shared/model';
import { useRead } from '../api/queries';
import { campaignRoute, routeHref } from '../lib/router';
import { deltaPoints, groupLabel } from './MatrixTable';
import { provinceText as t } from './text';

interface Line {
  key: string;
  label: string;
  rank: number | null;
  cell: ProvinceCell;
  delta: number | null;
  courts: string;
  reporting: string;
  mark: string;
  strong: boolean;
}

function groupLine(board: ProvinceBoard, group: ProvinceGroup, label = groupLabel(board, group)): Line {
  return {
    key: `g-${group.code}`,
    label,
    rank: null,
    cell: group.totals,
    delta: deltaPoints(group),
    courts: String(group.courtCount),
    reporting: t.percent(group.reportingRate),
    mark: '',
    strong: group.code === '*',
  };
}

function lines(board: ProvinceBoard, by: 'jurisdiction' | 'court'): Line[] {
  const own = groupLine(board, board.own, t.ownRow(board.own.name));
  own.courts = '';
  own.reporting = '';
  if (by === 'jurisdiction') return [...board.jurisdictions.map((j) => groupLine(board, j)), own];
  return [
    ...board.courts.map((c) => ({
      key: c.code,
      label: c.name,
      rank: c.rank,
      cell: c.totals,
      delta: deltaPoints(c),
      courts: '',
      reporting: c.bundleAgeDays === null ? t.never : t.ageDays(c.bundleAgeDays),
      mark: [t.standing[c.standing], c.laggard ? t.laggard : '', c.onRoster ? '' : t.offRoster]
        .filter(Boolean)
        .join('、'),
      strong: false,
    })),
    own,
  ];
}

function Delta({ points }: { points: number | null }) {
  const label = t.deltaLabel(points);
  if (points === null) return <span title={label}>{t.deltaNone}</span>;
  return (
    <Text
      span
      size="sm"
      title={label}
      aria-label={label}
      c={points > 0 ? 'green.8' : points < 0 ? 'red.8' : 'dimmed'}
      fw={points === 0 ? 400 : 600}
    >
      {points > 0 ? t.deltaUp(points) : points < 0 ? t.deltaDown(-points) : t.deltaSame}
    </Text>
  );
}

function Figure({ label, value, detail, testId }: { label: string; value: string; detail: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" className="figure-value">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </div>
  );
}

export function ProvinceSummaryBody({ board, title }: { board: ProvinceBoard; title?: string }) {
  const [by, setBy] = useState<'jurisdiction' | 'court'>('jurisdiction');
  const total = board.total;
  const rows = lines(board, by);
  const columns = t.summaryColumns;
  return (
    <Paper withBorder p="md" data-testid="province-summary" data-campaign={board.campaignId}>
      <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap">
        <div>
          <Title order={4}>
            {t.summaryTitle(board.level)}
            {title ? `：${title}` : ''}
          </Title>
          <Text size="sm" c="dimmed">
            {t.summarySubtitle(total.courtCount, total.currentCount)}
          </Text>
        </div>
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            aria-label={t.summaryByJurisdiction}
            value={by}
            onChange={(value) => setBy(value === 'court' ? 'court' : 'jurisdiction')}
            data={[
              { value: 'jurisdiction', label: t.summaryByJurisdiction },
              { value: 'court', label: t.summaryByCourt },
            ]}
            data-testid="province-summary-by"
          />
          <Anchor size="sm" href={routeHref(campaignRoute(board.campaignId, 'courts'))}>
            {t.summaryOpen}
          </Anchor>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" mb="sm">
        <Figure
          label={t.summaryCompletion}
          value={t.percent(total.totals.completionRate)}
          detail={t.completedOf(total.totals.completed, total.totals.total)}
          testId="province-summary-completion"
        />
        <Figure
          label={t.summaryOverdue}
          value={String(total.totals.overdue)}
          detail={`红灯 ${total.totals.overdue} · 黄灯 ${total.totals.yellow} · 绿灯 ${total.totals.green}`}
          testId="province-summary-overdue"
        />
        <Figure
          label={t.summaryReporting}
          value={t.percent(total.reportingRate)}
          detail={t.groupHint(total.courtCount, total.currentCount)}
          testId="province-summary-reporting"
        />
        <Figure
          label={t.summaryLaggards}
          value={String(board.laggardCount)}
          detail={t.laggardRule(board.rules.laggardRule, board.rules.laggardCount, board.rules.laggardBelow)}
          testId="province-summary-laggards"
        />
      </SimpleGrid>
      <Table.ScrollContainer minWidth={720} maxHeight={by === 'court' ? 420 : undefined}>
        <Table striped withTableBorder verticalSpacing={4} data-testid="province-summary-table">
          <Table.Thead>
            <Table.Tr>
              {by === 'court' && <Table.Th style={{ textAlign: 'right' }}>{t.rank}</Table.Th>}
              <Table.Th>{columns.name}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{by === 'court' ? t.reportedAt : columns.courts}</Table.Th>
              {by === 'jurisdiction' && <Table.Th style={{ textAlign: 'right' }}>{columns.reporting}</Table.Th>}
              <Table.Th style={{ textAlign: 'right' }}>{columns.completion}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{columns.completed}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{columns.overdue}</Table.Th>
              <Table.Th style={{ textAlign: 'right' }}>{columns.delta}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...rows, groupLine(board, total)].map((line) => (
              <Table.Tr
                key={line.key}
                data-testid="province-summary-row"
                style={line.strong ? { fontWeight: 700, background: 'var(--mantine-color-blue-0)' } : undefined}
              >
                {by === 'court' && (
                  <Table.Td style={{ textAlign: 'right' }}>
                    {line.rank ?? (
                      <Text span size="xs" c="dimmed">
                        {line.key.startsWith('g-') ? '' : t.unranked}
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <span>{line.label}</span>
                    {line.mark && (
                      <Badge size="xs" variant="light" color={line.mark.includes(t.standing.missing) ? 'red' : 'gray'}>
                        {line.mark}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {by === 'court' ? line.reporting : line.courts}
                </Table.Td>
                {by === 'jurisdiction' && <Table.Td style={{ textAlign: 'right' }}>{line.reporting}</Table.Td>}
                <Table.Td style={{ textAlign: 'right' }}>{t.percent(line.cell.completionRate)}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  {t.completedOf(line.cell.completed, line.cell.total)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }} c={line.cell.overdue ? 'red.8' : undefined}>
                  {line.cell.overdue}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Delta points={line.delta} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** The summary for one campaign at a higher court; nothing at a basic court or before any subordinate is known. */
export function ProvinceSummary({ campaignId, title }: { campaignId: string; title?: string }) {
  const { data: board, error } = useRead('boards.province', { campaignId });
  if (error) return null;
  if (!board) return <Skeleton h={200} />;
  if (board.level === 'basic' || board.courts.length === 0) return null;
  return <ProvinceSummaryBody board={board} title={title} />;
}
