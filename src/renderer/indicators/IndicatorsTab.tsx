// The campaign's 指标 tab: every indicator grouped by 条线 with its target, latest period and value,
// attainment, trend against the previous period, change against the same period last year and a
// small trend line; per row 录入数值 and the history drawer. Managers of this court's own campaign
// add, edit and delete indicators; issued ones (上级下发) only take values. With `courtCode` it
// shows a subordinate court's indicators instead, read-only.
import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconChartLine, IconEdit, IconFileImport, IconHistory, IconPencilPlus, IconPlus } from '@tabler/icons-react';
import { indicatorLines } from '../../shared/api';
import type { Campaign, IndicatorRow } from '../../shared/model';
import { useQueryClient } from '@tanstack/react-query';
import { operationKey, useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { IconAction } from '../common/IconAction';
import { RetryAlert } from '../common/RetryAlert';
import { ViewingCourtAlert } from '../common/ViewingCourtAlert';
import { navigate } from '../lib/router';
import { ValueImportModal } from '../imports/ValueImportModal';
import { importText } from '../imports/text';
import { HistoryDrawer } from './HistoryDrawer';
import { IndicatorFormModal } from './IndicatorForm';
import { formatChange, formatValue, periodLabel } from './periods';
import { RecordValueModal } from './RecordValueModal';
import { Sparkline } from './Sparkline';
import {
  attainmentColor,
  attainmentText,
  indicatorDirectionMark,
  indicatorDirectionText,
  indicatorLineText,
  indicatorPeriodText,
  indicatorUnitText,
  indicatorText as t,
  trendColor,
  trendText,
} from './text';

/** How many of the last values the inline trend draws. */
const SPARK_POINTS = 8;
const COLUMNS = 10;

export function IndicatorsTab({
  campaign,
  courtCode = null,
  courtName,
  onBackToOwn,
}: {
  campaign: Campaign;
  courtCode?: string | null;
  courtName?: string;
  onBackToOwn?(): void;
}) {
  const { court, can } = useApp();
  const readOnly = courtCode !== null;
  const manager = !readOnly && can('admin', 'reviewer');
  // Definitions belong to the court that set the campaign up; an issued campaign's come from above.
  const canDefine = manager && campaign.origin === court.code;
  const [form, setForm] = useState<{ indicator: IndicatorRow | null } | null>(null);
  const [recording, setRecording] = useState<IndicatorRow | null>(null);
  const [historyId, setHistoryId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);

  const campaignId = campaign.id;
  const listInput = { campaignId, courtCode: courtCode ?? undefined };
  const list = useRead('indicators.list', listInput);
  const rows = list.data ?? null;

  // One changed row (from recording or deleting a value) replaces its old self at once, as the
  // write answered it; the refresh every write starts then confirms it.
  const queryClient = useQueryClient();
  const listKey = operationKey('indicators.list', listInput);
  const replaceRow = (row: IndicatorRow) =>
    queryClient.setQueryData<IndicatorRow[]>(listKey, (current) => current?.map((r) => (r.id === row.id ? row : r)));
  const groups = useMemo(
    () =>
      indicatorLines
        .map((line) => ({
          line,
          rows: (rows ?? []).filter((r) => r.line === line).sort((a, b) => a.sortOrder - b.sortOrder),
        }))
        .filter((g) => g.rows.length > 0),
    [rows],
  );
  const historyRow = rows?.find((r) => r.id === historyId) ?? null;

  return (
    <Stack gap="md" data-testid="indicators-tab">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Anchor size="sm" onClick={() => navigate({ name: 'campaigns' })}>
            ‹ {t.backToCampaigns}
          </Anchor>
          <Title order={2} mt={4} data-testid="indicators-heading">
            {campaign.title}
          </Title>
        </div>
        <Group gap="sm" wrap="nowrap">
          {rows && rows.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="indicators-count">
              {t.count(rows.length)}
            </Text>
          )}
          {!readOnly && rows && rows.length > 0 && (
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={() => setImporting(true)}
              data-testid="open-value-import"
            >
              {importText.valuesOpen}
            </Button>
          )}
          {canDefine && rows && rows.length > 0 && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setForm({ indicator: null })}
              data-testid="add-indicator"
            >
              {t.addIndicator}
            </Button>
          )}
        </Group>
      </Group>

      {readOnly && (
        <ViewingCourtAlert
          title={t.viewingCourt(courtName ?? courtCode)}
          hint={t.viewingHint}
          backLabel={t.backToOwn}
          onBack={onBackToOwn}
          testId="indicators-viewing-court"
        />
      )}

      {list.error && !rows ? (
        <RetryAlert title={t.loadFailed} error={list.error.message} onRetry={() => void list.refetch()} />
      ) : !rows ? (
        <Skeleton h={320} />
      ) : rows.length === 0 ? (
        <Paper withBorder p="xl" ta="center" data-testid="indicators-empty">
          <Stack align="center" gap="xs">
            <IconChartLine size={36} color="var(--mantine-color-gray-5)" />
            <Text fw={600}>{readOnly ? t.emptyCourt : t.empty}</Text>
            {!readOnly && (
              <Text size="sm" c="dimmed">
                {canDefine ? t.emptyHintManager : t.emptyHintOther}
              </Text>
            )}
            {canDefine && (
              <Button
                mt="sm"
                leftSection={<IconPlus size={16} />}
                onClick={() => setForm({ indicator: null })}
                data-testid="add-indicator"
              >
                {t.addIndicator}
              </Button>
            )}
          </Stack>
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={1080}>
            <Table verticalSpacing={8} horizontalSpacing="sm" fz="sm" highlightOnHover data-testid="indicator-table">
              <Table.Thead bg="gray.0">
                <Table.Tr>
                  <Table.Th>{t.colName}</Table.Th>
                  <Table.Th w={56}>{t.colUnit}</Table.Th>
                  <Table.Th w={80} ta="right">
                    {t.colTarget}
                  </Table.Th>
                  <Table.Th w={84} style={{ whiteSpace: 'nowrap' }}>
                    {t.colPeriod}
                  </Table.Th>
                  <Table.Th w={170}>{t.colLatest}</Table.Th>
                  <Table.Th w={84}>{t.colAttainment}</Table.Th>
                  <Table.Th w={64}>{t.colTrend}</Table.Th>
                  <Table.Th w={150}>{t.colYoY}</Table.Th>
                  <Table.Th w={110}>{t.colSpark}</Table.Th>
                  <Table.Th w={150}>{t.colActions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.map((group) => [
                  <Table.Tr key={`line-${group.line}`} bg="court.0" data-testid="indicator-line">
                    <Table.Td colSpan={COLUMNS} fw={700} c="court.9">
                      {indicatorLineText[group.line]}
                      <Text span size="xs" c="dimmed" fw={400} ml={8}>
                        {t.lineCount(group.rows.length)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>,
                  ...group.rows.map((row) => (
                    <IndicatorTableRow
                      key={row.id}
                      row={row}
                      canRecord={!readOnly}
                      canEdit={canDefine && !row.issued}
                      onRecord={() => setRecording(row)}
                      onHistory={() => setHistoryId(row.id)}
                      onEdit={() => setForm({ indicator: row })}
                    />
                  )),
                ])}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <IndicatorFormModal
        opened={!!form}
        campaignId={campaignId}
        indicator={form?.indicator ?? null}
        onClose={() => setForm(null)}
        onSaved={() => setForm(null)}
        onDeleted={() => setForm(null)}
      />
      <RecordValueModal
        indicator={recording}
        onClose={() => setRecording(null)}
        onSaved={(row) => {
          setRecording(null);
          replaceRow(row);
        }}
      />
      {!readOnly && (
        <ValueImportModal
          opened={importing}
          campaignId={campaignId}
          onClose={() => setImporting(false)}
          onImported={() => setImporting(false)}
        />
      )}
      <HistoryDrawer
        indicator={historyRow}
        canDelete={manager}
        onClose={() => setHistoryId(null)}
        onChanged={replaceRow}
      />
    </Stack>
  );
}

function IndicatorTableRow({
  row,
  canRecord,
  canEdit,
  onRecord,
  onHistory,
  onEdit,
}: {
  row: IndicatorRow;
  canRecord: boolean;
  canEdit: boolean;
  onRecord(): void;
  onHistory(): void;
  onEdit(): void;
}) {
  const latest = row.latest;
  const spark = row.values.slice(-SPARK_POINTS).map((v) => v.value);
  return (
    <Table.Tr data-testid="indicator-row" data-indicator={row.name}>
      <Table.Td>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600} data-testid="indicator-name">
            {row.name}
          </Text>
          <Tooltip label={indicatorDirectionText[row.direction]}>
            <Text span size="xs" c={row.direction === 'up' ? 'teal.8' : 'orange.8'}>
              {indicatorDirectionMark[row.direction]}
            </Text>
          </Tooltip>
          {row.rankingGoal && (
            <Badge size="xs" variant="outline" color="red.8" radius="sm">
              {row.rankingGoal}
            </Badge>
          )}
          {row.issued && (
            <Tooltip label={t.issuedHint}>
              <Badge size="xs" variant="light" color="gray" radius="sm" data-testid="indicator-issued">
                {t.issued}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
      <Table.Td>{indicatorUnitText[row.unit]}</Table.Td>
      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {row.target !== null ? (
          formatValue(row.target, row.unit)
        ) : (
          <Text span size="xs" c="dimmed">
            {t.noTarget}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{indicatorPeriodText[row.period]}</Table.Td>
      <Table.Td data-testid="indicator-latest">
        {latest ? (
          <Group gap={8} wrap="nowrap">
            <Text span size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {periodLabel(latest.period)}
            </Text>
            <Text span size="sm" fw={700} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
              {formatValue(latest.value, row.unit)}
            </Text>
          </Group>
        ) : (
          <Text span size="sm" c="dimmed">
            {t.noValue}
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid="indicator-attainment">
        {latest?.attainment ? (
          <Badge variant="filled" color={attainmentColor[latest.attainment]} radius="sm">
            {attainmentText[latest.attainment]}
          </Badge>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td data-testid="indicator-trend">
        {row.trend ? (
          <Text span size="sm" fw={600} c={trendColor[row.trend]}>
            {trendText[row.trend]}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td data-testid="indicator-yoy" style={{ whiteSpace: 'nowrap' }}>
        {latest && latest.changeFromLastYear !== null ? t.yoy(formatChange(latest.changeFromLastYear, row.unit)) : '—'}
      </Table.Td>
      <Table.Td>
        <Sparkline values={spark} target={row.target} name={row.name} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {canRecord && (
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconPencilPlus size={14} />}
              onClick={onRecord}
              data-testid="record-value"
            >
              {t.recordValue}
            </Button>
          )}
          <IconAction
            label={t.history}
            variant="subtle"
            color="gray"
            onClick={onHistory}
            data-testid="indicator-history-open"
          >
            <IconHistory size={16} />
          </IconAction>
          {canEdit && (
            <IconAction label={t.edit} variant="subtle" color="gray" onClick={onEdit} data-testid="indicator-edit">
              <IconEdit size={16} />
            </IconAction>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
