// 查摆报告 list: who filed (a person or a department), where they sit, the status, which
// submission it is, how many problems it claims; and "新建查摆报告" by person or by department.
import { useMemo, useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { IconPlus } from '@tabler/icons-react';
import { inspectionStatuses } from '../../shared/api';
import type {
  EvasionChecks,
  InspectionReportDetail,
  InspectionReportSummary,
  InspectionScope,
  InspectionStatus,
} from '../../shared/model';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { FormActions } from '../common/FormActions';
import { commonText } from '../common/text';
import { formatDate } from '../lib/dates';
import { notifySuccess } from '../lib/notify';
import { StatusBadge } from './parts';
import { inspectionStatusText, inspectionText as t, scopeText } from './text';

export function ReportList({
  campaignId,
  reports,
  checks,
  onOpen,
  onCreated,
}: {
  campaignId: string;
  reports: InspectionReportSummary[];
  checks: EvasionChecks | null;
  onOpen(id: string): void;
  onCreated(report: InspectionReportDetail): void;
}) {
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<InspectionStatus | null>(null);
  const shown = status ? reports.filter((r) => r.status === status) : reports;
  return (
    <Stack gap="sm" data-testid="report-list">
      <Group justify="space-between">
        <Group gap="sm" align="baseline">
          <Title order={4}>{t.reportsTitle}</Title>
          <Text size="sm" c="dimmed">
            {t.shown(shown.length, reports.length)}
          </Text>
        </Group>
        <Group gap="xs">
          <Select
            w={140}
            size="sm"
            placeholder={t.filterStatus}
            data={inspectionStatuses.map((s) => ({ value: s, label: inspectionStatusText[s] }))}
            value={status}
            onChange={(v) => setStatus(v as InspectionStatus | null)}
            clearable
            data-testid="report-filter-status"
          />
          <Button
            size="sm"
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
            data-testid="new-report"
          >
            {t.newReport}
          </Button>
        </Group>
      </Group>
      <ReportTable
        reports={shown}
        checks={checks}
        onOpen={onOpen}
        emptyText={reports.length ? undefined : t.reportsEmpty}
        emptyHint={reports.length ? undefined : t.reportsEmptyHint}
      />
      <GuardedModal opened={creating} onClose={() => setCreating(false)} title={t.newReportTitle} size="md">
        {creating && (
          <NewReportForm
            campaignId={campaignId}
            reports={reports}
            onOpenExisting={(id) => {
              setCreating(false);
              onOpen(id);
            }}
            onCancel={() => setCreating(false)}
            onCreated={(report) => {
              setCreating(false);
              onCreated(report);
            }}
          />
        )}
      </GuardedModal>
    </Stack>
  );
}

/** The reports table, also used for the review queue. */
export function ReportTable({
  reports,
  checks,
  onOpen,
  emptyText,
  emptyHint,
}: {
  reports: InspectionReportSummary[];
  checks: EvasionChecks | null;
  onOpen(id: string): void;
  emptyText?: string;
  emptyHint?: string;
}) {
  const hintCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const finding of checks?.findings ?? []) counts.set(finding.reportId, (counts.get(finding.reportId) ?? 0) + 1);
    return counts;
  }, [checks]);
  return (
    <Paper withBorder radius="sm">
      <Table highlightOnHover verticalSpacing={7} horizontalSpacing="sm" fz="sm" data-testid="report-table">
        <Table.Thead bg="#eef2f7">
          <Table.Tr>
            <Table.Th w={56}>{t.colNumber}</Table.Th>
            <Table.Th>{t.colSubject}</Table.Th>
            <Table.Th>{t.colDepartment}</Table.Th>
            <Table.Th w={90}>{t.colStatus}</Table.Th>
            <Table.Th w={110}>{t.colRound}</Table.Th>
            <Table.Th w={110}>{t.colClaims}</Table.Th>
            {checks && <Table.Th w={80}>{t.colChecks}</Table.Th>}
            <Table.Th w={110}>{t.colSubmitted}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {reports.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={checks ? 8 : 7}>
                <Stack gap={4} align="center" py="lg">
                  <Text c="dimmed">{emptyText ?? t.reportsEmpty}</Text>
                  {emptyHint && (
                    <Text size="xs" c="dimmed">
                      {emptyHint}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
            </Table.Tr>
          )}
          {reports.map((report, index) => (
            <Table.Tr
              key={report.id}
              style={{ cursor: 'pointer' }}
              tabIndex={0}
              onClick={() => onOpen(report.id)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(report.id);
              }}
              data-testid="report-row"
            >
              <Table.Td c="dimmed">{index + 1}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={500} data-testid="report-subject">
                    {report.subjectName}
                  </Text>
                  <Badge size="xs" variant="outline" color="gray" radius="sm">
                    {scopeText[report.scope]}
                  </Badge>
                </Group>
              </Table.Td>
              <Table.Td>{report.departmentName || '—'}</Table.Td>
              <Table.Td>
                <StatusBadge status={report.status} testId="report-status" />
              </Table.Td>
              <Table.Td data-testid="report-round">{t.roundText(report.round)}</Table.Td>
              <Table.Td>
                {report.noProblem ? (
                  <Text size="sm" c="dimmed">
                    {t.noProblemShort}
                  </Text>
                ) : (
                  t.claimCount(report.claimCount)
                )}
              </Table.Td>
              {checks && (
                <Table.Td>
                  {hintCounts.get(report.id) ? (
                    <Badge color="orange" variant="light" radius="sm">
                      {hintCounts.get(report.id)}
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              )}
              <Table.Td>{formatDate(report.submittedAt) || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function NewReportForm({
  campaignId,
  reports,
  onOpenExisting,
  onCancel,
  onCreated,
}: {
  campaignId: string;
  reports: InspectionReportSummary[];
  onOpenExisting(id: string): void;
  onCancel(): void;
  onCreated(report: InspectionReportDetail): void;
}) {
  const { user, can, people, departments } = useApp();
  // A 填报人 files for their own department or its people; managers for anyone.
  const limited = !can('admin', 'reviewer');
  const personOptions = people.filter(
    (p) => !limited || (p.departmentId !== null && p.departmentId === user.departmentId),
  );
  const departmentOptions = departments.filter((d) => !limited || d.id === user.departmentId);
  const departmentName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? '';

  const [scope, setScope] = useState<InspectionScope>(user.personId || !user.departmentId ? 'person' : 'department');
  const [personId, setPersonId] = useState<string | null>(user.personId);
  const [departmentId, setDepartmentId] = useState<string | null>(user.departmentId);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const cancel = useCloseGuard(personId !== user.personId || departmentId !== user.departmentId, onCancel);
  const create = useWrite('inspection.create');
  // One report per person or department: when it exists already, offer to open it instead.
  const existing = reports.find(
    (r) => r.scope === scope && (scope === 'person' ? r.personId === personId : r.departmentId === departmentId),
  );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    if (scope === 'person' && !personId) return setErrors({ personId: commonText.choose(t.person) });
    if (scope === 'department' && !departmentId) return setErrors({ departmentId: commonText.choose(t.department) });
    const result = await create.mutateAsync({
      campaignId,
      scope,
      personId: scope === 'person' ? personId : null,
      departmentId: scope === 'department' ? departmentId : null,
    });
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setError(result.message);
      return;
    }
    notifySuccess(t.created);
    onCreated(result.value);
  };

  return (
    <form onSubmit={submit} noValidate data-testid="new-report-form">
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        {existing && (
          <Alert color="blue" variant="light" py={8} data-testid="report-exists">
            <Text size="sm">
              {t.reportExists(existing.subjectName)}
              <Anchor
                component="button"
                type="button"
                size="sm"
                ml={6}
                onClick={() => onOpenExisting(existing.id)}
                data-testid="open-existing-report"
              >
                {t.openExisting}
              </Anchor>
            </Text>
          </Alert>
        )}
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t.scopeLabel}
          </Text>
          <SegmentedControl
            value={scope}
            onChange={(v) => {
              setScope(v as InspectionScope);
              setErrors({});
            }}
            data={[
              { value: 'person', label: t.byPerson },
              { value: 'department', label: t.byDepartment },
            ]}
            data-testid="new-report-scope"
          />
        </div>
        {scope === 'person' ? (
          <>
            <Select
              label={t.person}
              placeholder={t.personPlaceholder}
              withAsterisk
              searchable
              nothingFoundMessage={commonText.nothingFound}
              data={personOptions.map((p) => ({
                value: p.id,
                label: departmentName(p.departmentId) ? `${p.name}（${departmentName(p.departmentId)}）` : p.name,
              }))}
              value={personId}
              onChange={(v) => {
                setPersonId(v);
                setErrors({});
              }}
              error={errors.personId || null}
              comboboxProps={{ withinPortal: true }}
              data-testid="new-report-person"
            />
            {personOptions.length === 0 && (
              <Text size="xs" c="dimmed">
                {t.noPeople}
              </Text>
            )}
          </>
        ) : (
          <Select
            label={t.department}
            placeholder={t.departmentPlaceholder}
            withAsterisk
            searchable
            nothingFoundMessage={commonText.nothingFound}
            data={departmentOptions.map((d) => ({ value: d.id, label: d.name }))}
            value={departmentId}
            onChange={(v) => {
              setDepartmentId(v);
              setErrors({});
            }}
            error={errors.departmentId || null}
            data-testid="new-report-department"
          />
        )}
        {limited && (
          <Text size="xs" c="dimmed">
            {t.ownDepartmentOnly}
          </Text>
        )}
        <FormActions onCancel={cancel} saving={create.isPending} submitLabel={t.create} />
      </Stack>
    </form>
  );
}
