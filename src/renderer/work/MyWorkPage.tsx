// 我的待办: everything waiting on the logged-in person: unread supervision notes from a higher
// court first, then items, self-inspection reports, ledger measures and look-backs, soonest
// deadline first. The counts per kind double as the kind filter; each row is a link to the record
// itself (an item opens in its drawer on the right tab), and a sent-back one says why.
import { useMemo, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronRight, IconRefresh } from '@tabler/icons-react';
import type { Light, WorkAction, WorkEntry, WorkKind } from '../../shared/model';
import { lights } from '../../shared/api';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { PageHeader } from '../common/PageHeader';
import { RetryAlert } from '../common/RetryAlert';
import { lightText } from '../common/text';
import { dayjs, formatDate } from '../lib/dates';
import { workActionText, workKindText, workText as t } from './text';
import { EmptyState } from '../common/EmptyState';
import { LightLabel } from '../common/LightLabel';
import { HrefRow, onFollow, workHref } from './workLinks';
import { UnreadNotesCard } from './UnreadNotesCard';
import { OrderTasksCard } from '../orders/OrderTasksCard';

const KINDS: WorkKind[] = ['item', 'report', 'measure', 'lookback'];
/** Enough to act on; a reviewer after a big import may have thousands waiting. */
const PAGE_ROWS = 200;
const actionColor: Record<WorkAction, string> = {
  fill: 'blue',
  revise: 'orange',
  review: 'violet',
  sign_off: 'teal',
  recheck: 'grape',
};
const kindColor: Record<WorkKind, string> = { item: 'court', report: 'indigo', measure: 'cyan', lookback: 'grape' };

export function MyWorkPage() {
  const { user, can } = useApp();
  const { data: entries, error, isFetching, refetch } = useRead('work.mine');
  const [kind, setKind] = useState<WorkKind | null>(null);
  const [light, setLight] = useState<Light | null>(null);
  const [limit, setLimit] = useState(PAGE_ROWS);

  const counts = useMemo(() => {
    const byKind: Record<WorkKind, number> = { item: 0, report: 0, measure: 0, lookback: 0 };
    let red = 0;
    let yellow = 0;
    for (const entry of entries ?? []) {
      byKind[entry.kind] += 1;
      if (entry.light === 'red') red += 1;
      if (entry.light === 'yellow') yellow += 1;
    }
    return { byKind, red, yellow };
  }, [entries]);
  const shown = useMemo(
    () => (entries ?? []).filter((e) => (!kind || e.kind === kind) && (!light || e.light === light)),
    [entries, kind, light],
  );
  const adminOnly = !can('filer', 'reviewer') && !user.personId;

  return (
    <Stack gap="md" maw={1400}>
      <PageHeader title={t.title} subtitle={t.subtitle}>
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          onClick={() => void refetch()}
          loading={isFetching && !!entries}
        >
          {t.refresh}
        </Button>
      </PageHeader>

      {error && <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />}

      {/* 督办单 to sign for, reply to or review: above everything while a red one waits. */}
      <OrderTasksCard place="top" />
      {/* Notes from a higher court wait here until someone reads them. */}
      <UnreadNotesCard />
      <OrderTasksCard place="below" />

      <Group gap="sm" align="stretch" data-testid="work-counts">
        <KindCard
          label={t.all}
          count={entries?.length}
          active={kind === null}
          onClick={() => setKind(null)}
          testId="work-count-all"
        />
        {KINDS.map((k) => (
          <KindCard
            key={k}
            label={workKindText[k]}
            count={entries ? counts.byKind[k] : undefined}
            active={kind === k}
            onClick={() => setKind(kind === k ? null : k)}
            testId={`work-count-${k}`}
          />
        ))}
        <KindCard
          label={t.overdue}
          count={entries ? counts.red : undefined}
          color={counts.red ? 'red.7' : undefined}
          active={light === 'red'}
          onClick={() => setLight(light === 'red' ? null : 'red')}
          testId="work-count-red"
          ml="auto"
        />
        <KindCard
          label={t.dueSoon}
          count={entries ? counts.yellow : undefined}
          color={counts.yellow ? 'yellow.8' : undefined}
          active={light === 'yellow'}
          onClick={() => setLight(light === 'yellow' ? null : 'yellow')}
          testId="work-count-yellow"
        />
      </Group>

      {entries && entries.length > 0 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" data-testid="work-shown">
            {t.shown(shown.length, entries.length)}
          </Text>
          <Group gap="xs">
            {(kind || light) && (
              <Anchor
                size="sm"
                onClick={() => {
                  setKind(null);
                  setLight(null);
                }}
              >
                {t.showAllKinds}
              </Anchor>
            )}
            <Select
              w={150}
              size="xs"
              placeholder={t.filterLight}
              data={lights.map((l) => ({ value: l, label: lightText[l] }))}
              value={light}
              onChange={(v) => setLight(v as Light | null)}
              clearable
              data-testid="work-filter-light"
            />
          </Group>
        </Group>
      )}

      {!entries && !error && <Skeleton h={320} />}
      {entries && shown.length === 0 && (
        <EmptyState
          title={entries.length === 0 ? t.emptyTitle : t.emptyKind}
          text={adminOnly ? t.adminOnly : t.emptyHint}
          testId="work-empty"
        />
      )}
      {shown.length > 0 && <WorkTable rows={shown.slice(0, limit)} />}
      {shown.length > limit && (
        <Text size="sm" c="dimmed" ta="center">
          {t.moreRows(shown.length - limit)}
          <Anchor size="sm" onClick={() => setLimit((n) => n + PAGE_ROWS)}>
            {t.showMore}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

function KindCard({
  label,
  count,
  active,
  color,
  onClick,
  testId,
  ml,
}: {
  label: string;
  count: number | undefined;
  active: boolean;
  color?: string;
  onClick(): void;
  testId: string;
  ml?: string;
}) {
  return (
    <UnstyledButton
      onClick={onClick}
      data-testid={testId}
      data-active={active || undefined}
      aria-pressed={active}
      ml={ml}
    >
      <Paper
        withBorder
        px="md"
        py="sm"
        radius="sm"
        miw={112}
        h="100%"
        className={`work-count${active ? ' is-active' : ''}`}
        style={
          active
            ? { borderColor: 'var(--mantine-color-court-6)', boxShadow: '0 0 0 1px var(--mantine-color-court-6)' }
            : undefined
        }
      >
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text fw={700} fz={24} c={color} lh={1.3} className="figure-value" data-testid={`${testId}-value`}>
          {count ?? '—'}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

function DeadlineCell({ deadline, light }: { deadline: string | null; light: Light }) {
  const { today } = useApp();
  if (!deadline) {
    return (
      <Text size="sm" c="dimmed">
        {t.noDeadline}
      </Text>
    );
  }
  const days = dayjs(deadline).diff(dayjs(today), 'day');
  const hint =
    light === 'red' && days < 0
      ? t.overdueDays(-days)
      : light === 'yellow'
        ? days === 0
          ? t.dueToday
          : t.daysLeft(days)
        : null;
  return (
    <div>
      <Text size="sm" className="figure-value">
        {formatDate(deadline)}
      </Text>
      {hint && (
        <Text size="xs" c={light === 'red' ? 'red.7' : 'yellow.9'}>
          {hint}
        </Text>
      )}
    </div>
  );
}

function WorkTable({ rows }: { rows: WorkEntry[] }) {
  return (
    <Paper withBorder radius="sm">
      <Table highlightOnHover verticalSpacing={8} fz="sm" data-testid="work-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={96}>{t.colKind}</Table.Th>
            <Table.Th>{t.colTitle}</Table.Th>
            <Table.Th w={200}>{t.colCampaign}</Table.Th>
            <Table.Th w={140}>{t.colDepartment}</Table.Th>
            <Table.Th w={120}>{t.colDeadline}</Table.Th>
            <Table.Th w={90}>{t.colLight}</Table.Th>
            <Table.Th w={150}>{t.colAction}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((entry) => (
            <HrefRow
              key={`${entry.kind}:${entry.id}`}
              href={workHref(entry)}
              onFollow={() => onFollow(entry)}
              data-testid="work-row"
              data-kind={entry.kind}
              data-id={entry.id}
            >
              <Table.Td>
                <Badge color={kindColor[entry.kind]} variant="light" radius="sm" fw={500}>
                  {workKindText[entry.kind]}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Anchor
                  href={workHref(entry)}
                  size="sm"
                  c="inherit"
                  lineClamp={2}
                  title={entry.title}
                  onClick={() => onFollow(entry)}
                  data-testid="work-title"
                >
                  {entry.title}
                </Anchor>
                {entry.returnReason && (
                  <Text size="xs" c="red.8" mt={2} lineClamp={2} data-testid="work-return-reason">
                    {t.returnReason(entry.returnReason)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={2} title={entry.campaignTitle}>
                  {entry.campaignTitle}
                </Text>
              </Table.Td>
              <Table.Td>
                {entry.departmentName || (
                  <Text span c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <DeadlineCell deadline={entry.deadline} light={entry.light} />
              </Table.Td>
              <Table.Td>
                <LightLabel light={entry.light} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="space-between">
                  <div>
                    <Badge color={actionColor[entry.action]} variant="filled" radius="sm" data-testid="work-action">
                      {workActionText[entry.action]}
                    </Badge>
                    {entry.statusText !== workActionText[entry.action] && (
                      <Text size="xs" c="dimmed" mt={2}>
                        {entry.statusText}
                      </Text>
                    )}
                  </div>
                  <IconChevronRight size={16} color="var(--mantine-color-gray-5)" aria-hidden />
                </Group>
              </Table.Td>
            </HrefRow>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
