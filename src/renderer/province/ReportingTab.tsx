// 报送情况 (a campaign tab at higher courts), as DHIS2's reporting-rate report: for the chosen
// reporting period, every roster court's state (按时报 / 逾期报 / 未报 / 未到期) with the date of its
// last bundle and 数据陈旧; subtotals per intermediate jurisdiction and a total (应报 / 已报 / 按时报
// / 逾期报 / 未报 and the rate); courts that never sent a bundle in red, with words; merged courts
// greyed below. Admins and reviewers edit the campaign's reporting rules here.
import { Fragment, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { IconSettings } from '@tabler/icons-react';
import type {
  Campaign,
  ReportingCounts,
  ReportingCourt,
  ReportingReport,
  ReportingRulesView,
} from '../../shared/model';
import { useRead, useWrite } from '../api/queries';
import { EmptyState } from '../common/EmptyState';
import { FormActions } from '../common/FormActions';
import { RetryAlert } from '../common/RetryAlert';
import { formatDate } from '../lib/dates';
import { navigate } from '../lib/router';
import { notifySuccess } from '../lib/notify';
import { reportingText as t, rosterText } from './rosterText';

const COLUMNS = 8;

export function ReportingTab({ campaign }: { campaign: Campaign }) {
  const [period, setPeriod] = useState<string | null>(null);
  const [editingRules, setEditingRules] = useState(false);
  const read = useRead('reporting.completeness', { campaignId: campaign.id, ...(period ? { period } : {}) });
  const report = read.data;
  const current = report?.periods[0]?.key;

  return (
    <Stack gap="md" data-testid="reporting-tab">
      {read.error && <RetryAlert title={t.loadFailed} error={read.error.message} onRetry={() => void read.refetch()} />}
      {!report && !read.error && <Skeleton h={240} />}
      {report && (
        <>
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Group gap="md" align="flex-end">
              <Select
                label={t.period}
                aria-label={t.period}
                w={260}
                data={report.periods.map((p) => ({ value: p.key, label: t.periodLabel(p, p.key === current) }))}
                value={report.period.key}
                onChange={(value) => setPeriod(value)}
                allowDeselect={false}
                data-testid="reporting-period"
              />
              <Text size="sm" c="dimmed" pb={8}>
                {t.intro(
                  formatDate(report.period.start),
                  formatDate(report.period.end),
                  formatDate(report.period.dueDate),
                )}
              </Text>
            </Group>
            <RulesSummary rules={report.rules} onEdit={() => setEditingRules(true)} />
          </Group>
          {!report.period.due && (
            <Alert color="blue" variant="light" py={6} data-testid="reporting-not-due">
              {t.notDue(formatDate(report.period.dueDate))}
            </Alert>
          )}
          <Totals counts={report.total} />
          {report.total.expected === 0 && report.merged.length === 0 ? (
            <EmptyState title={t.emptyTitle} text={t.emptyText} testId="reporting-empty">
              <Button onClick={() => navigate({ name: 'subordinates' })}>{t.goRoster}</Button>
            </EmptyState>
          ) : (
            <ReportingTable report={report} />
          )}
          <RulesModal rules={editingRules ? report.rules : null} onClose={() => setEditingRules(false)} />
        </>
      )}
    </Stack>
  );
}

function RulesSummary({ rules, onEdit }: { rules: ReportingRulesView; onEdit(): void }) {
  return (
    <Group gap="xs" data-testid="reporting-rules">
      <Text size="sm">
        {t.rules}：{t.rulesSummary(t.periodKinds[rules.period], rules.dueDays, rules.staleDays)}
        {!rules.saved && (
          <Text span size="sm" c="dimmed">
            {t.rulesDefault}
          </Text>
        )}
      </Text>
      {rules.canEdit && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconSettings size={14} />}
          onClick={onEdit}
          data-testid="reporting-edit-rules"
        >
          {t.editRules}
        </Button>
      )}
    </Group>
  );
}

function Totals({ counts }: { counts: ReportingCounts }) {
  const figures: Array<[string, string, string | undefined]> = [
    [t.expected, String(counts.expected), undefined],
    [t.reported, String(counts.reported), undefined],
    [t.onTime, String(counts.onTime), 'green.8'],
    [t.late, String(counts.late), 'orange.8'],
    [t.missing, String(counts.missing), counts.missing ? 'red.8' : undefined],
    [t.pending, String(counts.pending), undefined],
    [t.rate, t.percent(counts.rate), undefined],
    [t.stale, String(counts.stale), counts.stale ? 'orange.8' : undefined],
  ];
  return (
    <Group gap="lg" data-testid="reporting-totals">
      {figures.map(([label, value, color]) => (
        <Stack key={label} gap={0} align="center">
          <Text size="xl" fw={700} c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>
            {value}
          </Text>
          <Text size="xs" c="dimmed">
            {label}
          </Text>
        </Stack>
      ))}
    </Group>
  );
}

function CountCells({ counts }: { counts: ReportingCounts }) {
  return (
    <Table.Td colSpan={COLUMNS - 1}>
      <Text size="sm" fw={600}>
        {t.expected} {counts.expected}　{t.reported} {counts.reported}　{t.onTime} {counts.onTime}　{t.late}{' '}
        {counts.late}　{t.missing} {counts.missing}
        {counts.pending ? `　${t.pending} ${counts.pending}` : ''}　{t.rate} {t.percent(counts.rate)}　{t.onTimeRate}{' '}
        {t.percent(counts.onTimeRate)}
      </Text>
    </Table.Td>
  );
}

function ReportingTable({ report }: { report: ReportingReport }) {
  const nameOf = new Map(
    [...report.groups.flatMap((g) => g.courts), ...report.merged].map((c) => [c.code, c.name] as const),
  );
  return (
    <Paper withBorder>
      <Table verticalSpacing={6} fz="sm" data-testid="reporting-table">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th w={90}>{rosterText.code}</Table.Th>
            <Table.Th>{t.court}</Table.Th>
            <Table.Th w={90}>{t.level}</Table.Th>
            <Table.Th w={130}>{t.lastBundle}</Table.Th>
            <Table.Th w={130}>{t.reportedAt}</Table.Th>
            <Table.Th w={110}>{t.state}</Table.Th>
            <Table.Th w={110}>{t.stale}</Table.Th>
            <Table.Th w={210}>{t.route}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.groups.map((group) => (
            <Fragment key={group.code}>
              <Table.Tr bg="blue.0">
                <Table.Td colSpan={COLUMNS} fw={600}>
                  {group.name}
                </Table.Td>
              </Table.Tr>
              {group.courts.map((court) => (
                <CourtRow key={court.code} court={court} nameOf={nameOf} />
              ))}
              <Table.Tr bg="gray.0" data-testid="reporting-subtotal" data-group={group.code}>
                <Table.Td fw={600}>{t.subtotal('')}</Table.Td>
                <CountCells counts={group.counts} />
              </Table.Tr>
            </Fragment>
          ))}
          <Table.Tr bg="gray.1" data-testid="reporting-total">
            <Table.Td fw={700}>{t.total}</Table.Td>
            <CountCells counts={report.total} />
          </Table.Tr>
          {report.merged.length > 0 && (
            <>
              <Table.Tr>
                <Table.Td colSpan={COLUMNS} fw={600} c="dimmed">
                  {t.mergedTitle}
                </Table.Td>
              </Table.Tr>
              {report.merged.map((court) => (
                <Table.Tr key={court.code} style={{ opacity: 0.55 }} data-testid="reporting-merged">
                  <Table.Td ff="monospace">{court.code}</Table.Td>
                  <Table.Td td="line-through">{court.name}</Table.Td>
                  <Table.Td>{rosterText.levels[court.level]}</Table.Td>
                  <Table.Td>{court.lastBundleAt ? formatDate(court.lastBundleAt) : t.never}</Table.Td>
                  <Table.Td colSpan={4}>
                    {t.mergedLine(formatDate(court.mergedAt))}
                    {court.mergedInto ? t.mergedInto(nameOf.get(court.mergedInto) ?? court.mergedInto) : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </>
          )}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function CourtRow({ court, nameOf }: { court: ReportingCourt; nameOf: Map<string, string> }) {
  return (
    <Table.Tr
      data-testid="reporting-row"
      data-court={court.code}
      data-state={court.state}
      bg={court.never ? 'red.0' : undefined}
    >
      <Table.Td ff="monospace">{court.code}</Table.Td>
      <Table.Td fw={500} c={court.never ? 'red.9' : undefined}>
        {court.name}
      </Table.Td>
      <Table.Td>{rosterText.levels[court.level]}</Table.Td>
      <Table.Td>
        {court.lastBundleAt ? (
          formatDate(court.lastBundleAt)
        ) : (
          <Text span size="sm" fw={700} c="red.8" data-testid="reporting-never">
            {t.never}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{court.reportedAt ? formatDate(court.reportedAt) : '—'}</Table.Td>
      <Table.Td>
        <Badge
          color={t.stateColors[court.state]}
          variant={court.state === 'pending' ? 'outline' : 'light'}
          style={{ textTransform: 'none' }}
          data-testid="reporting-state"
        >
          {t.states[court.state]}
        </Badge>
      </Table.Td>
      <Table.Td>
        {court.stale ? (
          <Badge
            color="orange"
            variant="filled"
            autoContrast
            style={{ textTransform: 'none' }}
            data-testid="reporting-stale"
          >
            {t.staleBadge}
          </Badge>
        ) : (
          <Text span size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {court.relayedBy ? (
          <Text size="xs" c="dimmed">
            {t.relayed(nameOf.get(court.relayedBy) ?? court.relayedBy)}
          </Text>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}

function RulesModal({ rules, onClose }: { rules: ReportingRulesView | null; onClose(): void }) {
  return (
    <GuardedModal opened={!!rules} onClose={onClose} title={t.editRules} data-testid="reporting-rules-modal">
      {rules && <RulesForm rules={rules} onClose={onClose} />}
    </GuardedModal>
  );
}

function RulesForm({ rules, onClose }: { rules: ReportingRulesView; onClose(): void }) {
  const [initial] = useState(() => ({
    period: rules.period,
    dueDays: rules.dueDays as number | string,
    staleDays: rules.staleDays as number | string,
    laggardRule: rules.laggardRule,
    laggardCount: rules.laggardCount as number | string,
    laggardBelow: rules.laggardBelow as number | string,
  }));
  const [values, setValues] = useState(initial);
  const cancel = useCloseGuard(JSON.stringify(values) !== JSON.stringify(initial), onClose);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const save = useWrite('reporting.setRules');
  const num = (v: number | string) => (typeof v === 'number' ? v : v === '' ? (undefined as never) : Number(v));
  const submit = async () => {
    setErrors({});
    setMessage(null);
    const result = await save.mutateAsync({
      campaignId: rules.campaignId,
      period: values.period,
      dueDays: num(values.dueDays),
      staleDays: num(values.staleDays),
      laggardRule: values.laggardRule,
      laggardCount: num(values.laggardCount),
      laggardBelow: num(values.laggardBelow),
    });
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setMessage(result.message);
      return;
    }
    notifySuccess(t.rulesSaved);
    onClose();
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t.rulesHint}
        </Text>
        {message && <Alert color="red">{message}</Alert>}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t.periodKindLabel}
          </Text>
          <SegmentedControl
            aria-label={t.periodKindLabel}
            data={(['week', 'month', 'quarter'] as const).map((value) => ({ value, label: t.periodKinds[value] }))}
            value={values.period}
            onChange={(value) => setValues({ ...values, period: value as typeof values.period })}
            data-testid="rules-period"
          />
        </Stack>
        <NumberInput
          label={t.dueDays}
          value={values.dueDays}
          onChange={(v) => setValues({ ...values, dueDays: v })}
          error={errors.dueDays}
          allowDecimal={false}
          data-testid="rules-due-days"
        />
        <NumberInput
          label={t.staleDays}
          value={values.staleDays}
          onChange={(v) => setValues({ ...values, staleDays: v })}
          error={errors.staleDays}
          allowDecimal={false}
          data-testid="rules-stale-days"
        />
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t.laggardRule}
          </Text>
          <SegmentedControl
            aria-label={t.laggardRule}
            data={[
              { value: 'bottom', label: t.laggardBottom },
              { value: 'below', label: t.laggardBelow },
            ]}
            value={values.laggardRule}
            onChange={(value) => setValues({ ...values, laggardRule: value as 'bottom' | 'below' })}
          />
        </Stack>
        {values.laggardRule === 'bottom' ? (
          <NumberInput
            label={t.laggardCount}
            value={values.laggardCount}
            onChange={(v) => setValues({ ...values, laggardCount: v })}
            error={errors.laggardCount}
            allowDecimal={false}
          />
        ) : (
          <NumberInput
            label={t.laggardBelowLabel}
            value={values.laggardBelow}
            onChange={(v) => setValues({ ...values, laggardBelow: v })}
            error={errors.laggardBelow}
            allowDecimal={false}
          />
        )}
        <FormActions onCancel={cancel} saving={save.isPending} submitLabel={t.saveRules} />
      </Stack>
    </form>
  );
}
