// The look-back queue (回头看): every campaign's re-checks of signed-off measures, soonest first;
// overdue ones red. Reviewers record the re-check; managers may move its date.
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Switch, Table, Text } from '@mantine/core';
import { IconCalendarEvent, IconRepeat } from '@tabler/icons-react';
import type { LookbackRow } from '../../shared/model';
import { keepPreviousData } from '@tanstack/react-query';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { PageHeader } from '../common/PageHeader';
import { RetryAlert } from '../common/RetryAlert';
import { lightShortText } from '../common/text';
import { dayjs, formatDate, formatDateTime } from '../lib/dates';
import { campaignRoute, closeRecord, routeHref, useRoute } from '../lib/router';
import { lookbackStatusColor, lookbackStatusText } from '../ledger/text';
import { RecordLookbackModal, RescheduleModal } from './LookbackDialogs';
import { lookbackText as t } from './text';

/** The measure in its campaign's ledger: #/campaign/<id>/ledger/<measureId>. */
function measureHref(row: LookbackRow): string {
  return `${routeHref(campaignRoute(row.campaignId, 'ledger'))}/${encodeURIComponent(row.measureId)}`;
}

export function LookbackPage() {
  const { today, can } = useApp();
  const [includeDone, setIncludeDone] = useState(false);
  const [recording, setRecording] = useState<LookbackRow | null>(null);
  const [rescheduling, setRescheduling] = useState<LookbackRow | null>(null);

  // Switching 含已完成 keeps the rows shown until the other list arrives.
  const {
    data: rows,
    error,
    refetch,
  } = useRead('lookbacks.list', { includeDone }, { placeholderData: keepPreviousData });

  const mayRecord = can('reviewer');
  const mayReschedule = can('admin', 'reviewer');

  // #/lookbacks?lookback=<id> (a 我的待办 row): that look-back's record form opens by itself.
  const route = useRoute();
  const addressed = route.name === 'lookbacks' ? (route.lookback ?? null) : null;
  const [arrived, setArrived] = useState<string | null>(null);
  if (addressed && arrived !== addressed && rows) {
    const row = rows.find((r) => r.id === addressed);
    setArrived(addressed);
    if (row && mayRecord && row.status === 'scheduled') setRecording(row);
  }
  const closeRecording = () => {
    setRecording(null);
    if (addressed) closeRecord({ name: 'lookbacks' });
  };

  return (
    <Stack gap="md" data-testid="lookback-page">
      <PageHeader title={t.title} subtitle={t.subtitle} />
      <Group gap="md">
        <Switch
          label={t.includeDone}
          checked={includeDone}
          onChange={(e) => setIncludeDone(e.currentTarget.checked)}
          data-testid="lookback-include-done"
        />
        {rows && (
          <Text size="sm" c="dimmed" data-testid="lookback-count">
            {t.count(rows.length)}
          </Text>
        )}
      </Group>
      {error && !rows ? (
        <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />
      ) : !rows ? (
        <Skeleton h={240} />
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl" radius="sm" data-testid="lookback-empty">
          <Stack align="center" gap="xs">
            <IconRepeat size={36} color="var(--mantine-color-gray-5)" />
            <Text c="dimmed" size="sm" ta="center" maw={560}>
              {includeDone ? t.emptyAll : t.emptyOpen}
            </Text>
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder radius="sm" style={{ overflow: 'auto' }}>
          <Table verticalSpacing={8} fz="sm" highlightOnHover striped={false} miw={1100} data-testid="lookback-table">
            <Table.Thead bg="#eef2f7">
              <Table.Tr>
                <Table.Th w={120}>{t.colDue}</Table.Th>
                <Table.Th w={56}>{t.colLight}</Table.Th>
                <Table.Th w={170}>{t.colCampaign}</Table.Th>
                <Table.Th>{t.colFinding}</Table.Th>
                <Table.Th>{t.colMeasure}</Table.Th>
                <Table.Th w={80}>{t.colOwner}</Table.Th>
                <Table.Th w={96}>{t.colDepartment}</Table.Th>
                <Table.Th w={mayRecord || mayReschedule ? 200 : 110}>
                  {mayRecord || mayReschedule ? t.colActions : t.colStatus}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const scheduled = row.status === 'scheduled';
                const late = scheduled ? dayjs(today).diff(dayjs(row.dueDate), 'day') : 0;
                return (
                  <Table.Tr key={row.id} data-testid="lookback-row" data-lookback-id={row.id} data-status={row.status}>
                    <Table.Td>
                      <Text
                        size="sm"
                        fw={500}
                        style={{ fontVariantNumeric: 'tabular-nums' }}
                        c={scheduled && late > 0 ? 'red.8' : undefined}
                        data-testid="lookback-due"
                      >
                        {formatDate(row.dueDate)}
                      </Text>
                      {scheduled && late > 0 && (
                        <Text size="xs" c="red.7">
                          {t.overdueDays(late)}
                        </Text>
                      )}
                      {scheduled && late === 0 && (
                        <Text size="xs" c="orange.8">
                          {t.dueToday}
                        </Text>
                      )}
                      {scheduled && late < 0 && (
                        <Text size="xs" c="dimmed">
                          {t.dueIn(-late)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <span
                        className={`dot dot-${scheduled ? row.light : 'none'}`}
                        title={lightShortText[scheduled ? row.light : 'none']}
                        role="img"
                        aria-label={lightShortText[scheduled ? row.light : 'none']}
                        data-light={row.light}
                        data-testid="lookback-light"
                      />
                    </Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.campaignTitle}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{row.findingTitle}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Anchor href={measureHref(row)} size="sm" title={t.openMeasure} data-testid="lookback-measure">
                        {row.measureText}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{row.owner || '—'}</Table.Td>
                    <Table.Td>{row.departmentName || '—'}</Table.Td>
                    <Table.Td>
                      {scheduled ? (
                        <Group gap={6} wrap="nowrap">
                          {mayRecord && (
                            <Button
                              size="compact-sm"
                              leftSection={<IconRepeat size={14} />}
                              onClick={() => setRecording(row)}
                              data-testid="lookback-record"
                            >
                              {t.record}
                            </Button>
                          )}
                          {mayReschedule && (
                            <Button
                              size="compact-sm"
                              variant="default"
                              leftSection={<IconCalendarEvent size={14} />}
                              onClick={() => setRescheduling(row)}
                              data-testid="lookback-reschedule"
                            >
                              {t.reschedule}
                            </Button>
                          )}
                          {!mayRecord && !mayReschedule && (
                            <Badge size="sm" variant="light" color={lookbackStatusColor[row.status]} radius="sm">
                              {lookbackStatusText[row.status]}
                            </Badge>
                          )}
                        </Group>
                      ) : (
                        <Stack gap={2}>
                          <Badge
                            size="sm"
                            variant="light"
                            color={lookbackStatusColor[row.status]}
                            radius="sm"
                            data-testid="lookback-status"
                          >
                            {lookbackStatusText[row.status]}
                          </Badge>
                          {row.checkedAt && (
                            <Text size="xs" c="dimmed">
                              {t.checkedBy(row.checker, formatDateTime(row.checkedAt))}
                            </Text>
                          )}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <RecordLookbackModal row={recording} onClose={closeRecording} onDone={closeRecording} />
      <RescheduleModal row={rescheduling} onClose={() => setRescheduling(null)} onDone={() => setRescheduling(null)} />
    </Stack>
  );
}
