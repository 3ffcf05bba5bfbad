// 本院挂图: every active campaign of this court at a glance — a card each with completion,
// overdue, lights, items due this week, rectification closure, self-inspection reports and
// indicator attainment — then this week's due items across campaigns and 我的待办.
import type { ReactNode } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Divider,
  Group,
  Paper,
  RingProgress,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChevronRight, IconRefresh } from '@tabler/icons-react';
import type { CourtBoardCampaign, DueItem, Light, WorkEntry } from '../../shared/model';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { ProvinceSummary } from '../province/ProvinceSummary';
import { PageHeader } from '../common/PageHeader';
import { RetryAlert } from '../common/RetryAlert';
import { prefetchItems } from '../campaign/itemsPrefetch';
import { dayjs, formatDate, formatLongDate } from '../lib/dates';
import { campaignRoute, itemRoute, routeHref } from '../lib/router';
import { workActionText } from '../work/text';
import { UnreadNotesCard } from '../work/UnreadNotesCard';
import { ReceivedOrderTasksCard } from '../orders/ReceivedOrderTasksCard';
import { IssuedOrderTasksCard } from '../orders/IssuedOrderTasksCard';
import { CriticismBanner } from '../notices/CriticismBanner';
import { percentOf } from './boardParts';
import { boardText as t } from './text';
import { EmptyState } from '../common/EmptyState';
import { LightLabel } from '../common/LightLabel';
import { HrefRow, onFollow, workHref } from '../work/workLinks';
import { BackupHealthTile } from '../backup/BackupHealthTile';

/** 我的待办 on the board: the first few; the full list is on its own page. */
const WORK_ROWS = 8;

export function CourtBoardPage() {
  const { court, today } = useApp();
  const { data: board, error, isFetching, refetch } = useRead('boards.court');

  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t.courtTitle} subtitle={t.courtSubtitle(court.name, formatLongDate(board?.today ?? today))}>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          onClick={() => void refetch()}
          loading={isFetching && !!board}
        >
          {t.refresh}
        </Button>
      </PageHeader>
      {error && <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />}
      <CriticismBanner />
      <UnreadNotesCard />
      <ReceivedOrderTasksCard />
      <IssuedOrderTasksCard />
      {!board && !error && <Skeleton h={360} />}
      {board && board.campaigns.length === 0 && (
        <EmptyState title={t.noCampaigns} text={t.noCampaignsHint} testId="board-empty">
          <Anchor href={routeHref({ name: 'campaigns' })}>{t.goCampaigns}</Anchor>
        </EmptyState>
      )}
      {/* A higher court sees the province (or its jurisdiction) first, its own items after. */}
      {board &&
        court.level !== 'basic' &&
        board.campaigns.map((campaign) => (
          <ProvinceSummary key={campaign.id} campaignId={campaign.id} title={campaign.title} />
        ))}
      {board && court.level !== 'basic' && board.campaigns.length > 0 && (
        <Title order={4} mt="xs">
          {t.ownHeading}
        </Title>
      )}
      {board && board.campaigns.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="board-campaigns">
          {board.campaigns.map((campaign) => (
            <CampaignCard key={campaign.id} campaign={campaign} />
          ))}
        </SimpleGrid>
      )}
      {board && board.campaigns.length > 0 && (
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
          <DueTable rows={board.dueThisWeek} today={board.today} />
          <WorkList entries={board.myWork} />
        </SimpleGrid>
      )}
      <BackupHealthTile />
    </Stack>
  );
}

/** One figure of a card under its label; `emptyText` when the campaign has nothing to count (children false). */
function Stat({
  label,
  testId,
  emptyText,
  children,
}: {
  label: string;
  testId: string;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      {children || (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
    </div>
  );
}

/** A card's figure in bold with what it is made of underneath. */
function Figure({ value, detail }: { value: string; detail: string }) {
  return (
    <>
      <Text fw={700} className="figure-value">
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </>
  );
}

/** A label and its number in bold, coloured (`color`) only when there is something to count. */
function Count({
  label,
  count,
  color,
  testId,
  valueTestId,
}: {
  label: string;
  count: number;
  color?: string;
  testId?: string;
  valueTestId: string;
}) {
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      {label}{' '}
      <Text span fw={700} c={count ? color : undefined} className="figure-value" data-testid={valueTestId}>
        {count}
      </Text>
    </Text>
  );
}

function LightCount({ light, count, label }: { light: Light; count: number; label: string }) {
  return (
    <Group gap={5} wrap="nowrap" data-testid={`card-${light}`}>
      <span className={`dot dot-${light}`} />
      <Count label={label} count={count} valueTestId={`card-${light}-value`} />
    </Group>
  );
}

function CampaignCard({ campaign }: { campaign: CourtBoardCampaign }) {
  const { items, ledger, inspection, indicators } = campaign;
  const percent = percentOf(items.completed, items.total);
  const boardHref = routeHref(campaignRoute(campaign.id, 'board'));
  return (
    <Paper withBorder radius="sm" p="md" data-testid="board-card" data-campaign-id={campaign.id}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Anchor
          fw={600}
          fz="lg"
          c="dark"
          href={boardHref}
          lineClamp={2}
          title={t.openBoard}
          data-testid="board-card-title"
        >
          {campaign.title}
        </Anchor>
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {campaign.endDate ? t.endDate(formatDate(campaign.endDate)) : t.noEndDate}
        </Text>
      </Group>
      <Group wrap="nowrap" align="center" gap="lg">
        <RingProgress
          size={104}
          thickness={11}
          roundCaps={false}
          sections={[{ value: percent, color: 'court.6' }]}
          label={
            <Text ta="center" fw={700} fz={18} className="figure-value">
              {percent}%
            </Text>
          }
        />
        <Stack gap={8} style={{ flex: 1 }}>
          <Text fw={600} data-testid="board-card-completion">
            {items.total === 0 ? t.noItems : t.completion(items.completed, items.total, percent)}
          </Text>
          <Group gap="lg">
            <Count
              label={t.overdue}
              count={items.overdue}
              color="red.7"
              testId="card-overdue"
              valueTestId="card-overdue-value"
            />
            <Count
              label={t.dueThisWeek}
              count={campaign.dueThisWeek}
              color="yellow.9"
              testId="card-due"
              valueTestId="card-due-value"
            />
          </Group>
          <Group gap="lg">
            <LightCount light="red" count={items.red} label={t.red} />
            <LightCount light="yellow" count={items.yellow} label={t.yellow} />
            <LightCount light="green" count={items.green} label={t.green} />
          </Group>
        </Stack>
      </Group>
      <Divider my="sm" />
      <SimpleGrid cols={3} spacing="sm">
        <Stat label={t.ledgerRate} testId="card-ledger" emptyText={t.noLedger}>
          {ledger && (
            <Figure
              value={ledger.closureRate === null ? '—' : `${ledger.closureRate.toFixed(1)}%`}
              detail={t.ledgerDetail(ledger.closedFindings, ledger.findings)}
            />
          )}
        </Stat>
        <Stat label={t.inspection} testId="card-inspection" emptyText={t.noInspection}>
          {inspection.total > 0 && (
            <Figure
              value={t.pieces(inspection.total)}
              detail={t.inspectionCounts(
                inspection.submitted,
                inspection.accepted,
                inspection.returned,
                inspection.draft,
              )}
            />
          )}
        </Stat>
        <Stat label={t.indicators} testId="card-indicators" emptyText={t.noIndicators}>
          {indicators.total > 0 && (
            <>
              <Group gap={4}>
                <Badge color="green" variant="light" radius="sm">
                  {indicators.met}
                </Badge>
                <Badge color="yellow" variant="light" radius="sm">
                  {indicators.close}
                </Badge>
                <Badge color="red" variant="light" radius="sm">
                  {indicators.missed}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed" mt={2}>
                {t.indicatorCounts(indicators.met, indicators.close, indicators.missed)}
                {indicators.noValue > 0 ? ` · ${t.indicatorNoValue(indicators.noValue)}` : ''}
              </Text>
            </>
          )}
        </Stat>
      </SimpleGrid>
      <Group justify="flex-end" mt="xs">
        <Anchor size="sm" href={boardHref} data-testid="board-card-open">
          {t.openBoard}
          <IconChevronRight size={14} style={{ verticalAlign: 'middle' }} />
        </Anchor>
      </Group>
    </Paper>
  );
}

/** A due item's address: its drawer, on 记录进展. */
const dueHref = (row: DueItem) => routeHref(itemRoute(row.campaignId, row.id, 'progress'));

function DueTable({ rows, today }: { rows: DueItem[]; today: string }) {
  return (
    <Paper withBorder radius="sm" p="md" data-testid="board-due">
      <Group justify="space-between" mb={4}>
        <Text fw={600}>{t.dueTitle}</Text>
        <Text size="sm" c="dimmed">
          {t.pieces(rows.length)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {t.dueHint}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="lg" data-testid="board-due-empty">
          {t.dueEmpty}
        </Text>
      ) : (
        <Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="board-due-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48}>{t.colNumber}</Table.Th>
              <Table.Th>{t.colItem}</Table.Th>
              <Table.Th w={120}>{t.colDepartment}</Table.Th>
              <Table.Th w={112}>{t.colDeadline}</Table.Th>
              <Table.Th w={64}>{t.colLight}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const days = dayjs(row.deadline).diff(dayjs(today), 'day');
              return (
                <HrefRow
                  key={row.id}
                  href={dueHref(row)}
                  onFollow={() => prefetchItems(row.campaignId)}
                  data-testid="board-due-row"
                  data-id={row.id}
                >
                  <Table.Td className="figure-value">{row.number}</Table.Td>
                  <Table.Td>
                    <Anchor
                      href={dueHref(row)}
                      size="sm"
                      c="inherit"
                      lineClamp={1}
                      title={row.title}
                      data-testid="board-due-link"
                    >
                      {row.title}
                    </Anchor>
                    {row.returnReason && (
                      <Text size="xs" c="red.8" lineClamp={2} data-testid="board-return-reason">
                        {t.returnReason(row.returnReason)}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" lineClamp={1} title={row.campaignTitle}>
                      {row.campaignTitle}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={1}>
                      {row.departmentName || '—'}
                    </Text>
                    {row.owner && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {row.owner}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="figure-value">
                      {formatDate(row.deadline)}
                    </Text>
                    <Text size="xs" c="yellow.9">
                      {days <= 0 ? t.dueToday : t.daysLeft(days)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <LightLabel light={row.light} />
                  </Table.Td>
                </HrefRow>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

function WorkList({ entries }: { entries: WorkEntry[] }) {
  const shown = entries.slice(0, WORK_ROWS);
  return (
    <Paper withBorder radius="sm" p="md" data-testid="board-work">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t.workTitle}</Text>
        {entries.length > 0 && (
          <Anchor size="sm" href={routeHref({ name: 'work' })} data-testid="board-work-all">
            {t.workAll(entries.length)}
          </Anchor>
        )}
      </Group>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="lg">
          {t.workEmpty}
        </Text>
      ) : (
        <Stack gap={0}>
          {shown.map((entry) => (
            <Group
              key={`${entry.kind}:${entry.id}`}
              wrap="nowrap"
              gap="sm"
              py={7}
              className="board-work-row"
              style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', cursor: 'pointer' }}
              data-testid="board-work-row"
              data-id={entry.id}
              onClick={(event) => {
                onFollow(entry);
                if (!(event.target as HTMLElement).closest('a')) window.location.hash = workHref(entry);
              }}
            >
              <LightLabel light={entry.light} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Anchor
                  href={workHref(entry)}
                  size="sm"
                  c="inherit"
                  lineClamp={1}
                  title={entry.title}
                  onClick={() => onFollow(entry)}
                  data-testid="board-work-link"
                >
                  {entry.title}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {entry.campaignTitle}
                  {entry.deadline ? `  ·  ${formatDate(entry.deadline)}` : ''}
                </Text>
                {entry.returnReason && (
                  <Text size="xs" c="red.8" lineClamp={2} data-testid="board-return-reason">
                    {t.returnReason(entry.returnReason)}
                  </Text>
                )}
              </div>
              <Badge variant="light" radius="sm" style={{ flex: 'none' }}>
                {workActionText[entry.action]}
              </Badge>
            </Group>
          ))}
          {entries.length > WORK_ROWS && (
            <Text size="xs" c="dimmed" ta="right" mt={6}>
              {t.workMore(entries.length - WORK_ROWS)}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}
