// A report's claims as read-only cards (review and accepted reports): each with the evasion
// hints that concern it, and for accepted reports the one-click "生成整改台账".
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconListDetails } from '@tabler/icons-react';
import type {
  EvasionFinding,
  InspectionClaim,
  InspectionReportDetail,
  InspectionReportSummary,
} from '../../shared/model';
import { useWrite } from '../api/queries';
import { formatDate } from '../lib/dates';
import { notifyFailure } from '../lib/notify';
import { campaignRoute, routeHref } from '../lib/router';
import { problemLabel, type ProblemInfo } from './parts';
import { evasionColor, evasionTitle, inspectionText as t } from './text';

export interface LedgerOptions {
  campaignId: string;
  /** This account may create ledger entries for the report's department. */
  allowed: boolean;
  onCreated(claimId: string, findingId: string): void;
}

export function ClaimCards({
  report,
  problems,
  findings,
  reports,
  onOpenReport,
  ledger,
}: {
  report: InspectionReportDetail;
  problems: Map<string, ProblemInfo>;
  /** This report's evasion hints, or null when the account does not see them. */
  findings: EvasionFinding[] | null;
  reports: InspectionReportSummary[];
  onOpenReport(id: string): void;
  ledger?: LedgerOptions;
}) {
  const onClaim = (finding: EvasionFinding, claimId: string) =>
    finding.reportId === report.id ? finding.claimId === claimId : finding.otherClaimId === claimId;
  const reportFindings = findings?.filter((f) => !report.claims.some((c) => onClaim(f, c.id))) ?? [];
  return (
    <Stack gap="sm" data-testid="claim-cards">
      {reportFindings.map((finding, i) => (
        <FindingAlert key={`r${i}`} finding={finding} reports={reports} report={report} onOpenReport={onOpenReport} />
      ))}
      {report.noProblem ? (
        <Paper withBorder p="md" data-testid="no-problem-declared">
          <Text fw={600}>{t.noProblemDeclared}</Text>
          <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
            {t.reasonLabel}：{report.noProblemReason || t.emptyValue}
          </Text>
        </Paper>
      ) : (
        report.claims.map((claim, index) => (
          <ClaimCard
            key={claim.id}
            claim={claim}
            index={index}
            problem={claim.problemId ? problems.get(claim.problemId) : undefined}
            findings={findings?.filter((f) => onClaim(f, claim.id)) ?? []}
            report={report}
            reports={reports}
            onOpenReport={onOpenReport}
            ledger={ledger}
          />
        ))
      )}
    </Stack>
  );
}

/** The claim's heading: catalogue number and title, or the filer's own problem. */
export function ClaimTitle({
  problemId,
  problemTitle,
  ownProblem,
  problem,
}: {
  problemId: string | null;
  problemTitle: string;
  ownProblem: string;
  problem?: ProblemInfo;
}) {
  if (!problemId) {
    return (
      <Group gap={6} wrap="nowrap">
        <Badge size="sm" variant="light" color="grape" radius="sm" style={{ flex: 'none' }}>
          {t.ownProblemTag}
        </Badge>
        <Text fw={600} size="sm">
          {ownProblem || t.emptyValue}
        </Text>
      </Group>
    );
  }
  return (
    <div>
      <Text fw={600} size="sm">
        {problem ? problemLabel(problem) : problemTitle}
      </Text>
      {problem && (
        <Text size="xs" c="dimmed">
          {problem.aspectNumber}
          {problem.aspectTitle}
        </Text>
      )}
    </div>
  );
}

function ClaimCard({
  claim,
  index,
  problem,
  findings,
  report,
  reports,
  onOpenReport,
  ledger,
}: {
  claim: InspectionClaim;
  index: number;
  problem?: ProblemInfo;
  findings: EvasionFinding[];
  report: InspectionReportDetail;
  reports: InspectionReportSummary[];
  onOpenReport(id: string): void;
  ledger?: LedgerOptions;
}) {
  const createFromClaim = useWrite('ledger.createFromClaim');
  const createLedger = async () => {
    if (!ledger) return;
    const result = await createFromClaim.mutateAsync({ claimId: claim.id });
    if (!result.ok) return notifyFailure(result);
    notifications.show({
      color: 'teal',
      autoClose: 8000,
      message: (
        <span data-testid="ledger-created-notice">
          {t.ledgerCreatedNotice}
          <Anchor
            href={routeHref(campaignRoute(ledger.campaignId, 'ledger'))}
            ml={6}
            size="sm"
            data-testid="ledger-link"
          >
            {t.openLedger}
          </Anchor>
        </span>
      ),
    });
    ledger.onCreated(claim.id, result.value.id);
  };

  return (
    <Paper
      withBorder
      radius="sm"
      data-testid="claim-card"
      style={findings.length ? { borderLeft: '3px solid var(--mantine-color-orange-5)' } : undefined}
    >
      <Group
        justify="space-between"
        wrap="nowrap"
        align="flex-start"
        px="md"
        py={8}
        bg="#f6f8fb"
        style={{ borderBottom: '1px solid #e3e8ef' }}
      >
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <Text size="sm" c="dimmed" style={{ flex: 'none' }}>
            {t.claimHeading(index + 1)}
          </Text>
          <ClaimTitle
            problemId={claim.problemId}
            problemTitle={claim.problemTitle}
            ownProblem={claim.ownProblem}
            problem={problem}
          />
        </Group>
        {ledger &&
          (claim.findingId ? (
            <Group gap={6} wrap="nowrap" style={{ flex: 'none' }}>
              <Badge
                color="teal"
                variant="light"
                radius="sm"
                leftSection={<IconCheck size={12} />}
                data-testid="ledger-created"
              >
                {t.ledgerCreated}
              </Badge>
              <Anchor size="sm" href={routeHref(campaignRoute(ledger.campaignId, 'ledger'))}>
                {t.viewLedger}
              </Anchor>
            </Group>
          ) : (
            ledger.allowed && (
              <Button
                size="compact-sm"
                variant="light"
                leftSection={<IconListDetails size={14} />}
                loading={createFromClaim.isPending}
                onClick={() => void createLedger()}
                style={{ flex: 'none' }}
                data-testid="create-ledger"
              >
                {t.createLedger}
              </Button>
            )
          ))}
      </Group>
      <Stack gap="xs" p="sm">
        {findings.map((finding, i) => (
          <FindingAlert key={i} finding={finding} reports={reports} report={report} onOpenReport={onOpenReport} />
        ))}
        <Table withColumnBorders={false} verticalSpacing={5} horizontalSpacing="xs" fz="sm">
          <Table.Tbody>
            <FieldRow label={t.factsLabel} value={claim.facts} testId="claim-facts" />
            <FieldRow label={t.causeLabel} value={claim.cause} />
            <FieldRow label={t.measuresLabel} value={claim.measures} />
            <FieldRow label={t.deadlineLabel} value={formatDate(claim.deadline)} empty={t.noDeadline} />
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}

function FieldRow({
  label,
  value,
  empty = t.emptyValue,
  testId,
}: {
  label: string;
  value: string;
  empty?: string;
  testId?: string;
}) {
  return (
    <Table.Tr>
      <Table.Th w={96} c="dimmed" fw={500} style={{ verticalAlign: 'top', whiteSpace: 'nowrap' }}>
        {label}
      </Table.Th>
      <Table.Td style={{ whiteSpace: 'pre-wrap' }} c={value ? undefined : 'dimmed'} data-testid={testId}>
        {value || empty}
      </Table.Td>
    </Table.Tr>
  );
}

/** One evasion hint, with the other report named (and openable) when text was copied. */
export function FindingAlert({
  finding,
  report,
  reports,
  onOpenReport,
}: {
  finding: EvasionFinding;
  report: InspectionReportDetail;
  reports: InspectionReportSummary[];
  onOpenReport(id: string): void;
}) {
  // The other side of a copy: the report it was copied from, or (seen from the earlier report) the
  // report that copied it.
  const otherId =
    finding.reportId !== report.id
      ? finding.reportId
      : finding.otherReportId !== report.id
        ? finding.otherReportId
        : null;
  const other = otherId ? reports.find((r) => r.id === otherId) : undefined;
  return (
    <Alert
      color={evasionColor[finding.kind]}
      variant="light"
      py={6}
      icon={<IconAlertTriangle size={16} />}
      title={evasionTitle[finding.kind]}
      data-testid="evasion-alert"
      data-kind={finding.kind}
    >
      <Text size="sm">{finding.message}</Text>
      {other && (
        <Group gap={6} mt={4}>
          <Text size="sm" fw={500} data-testid="evasion-other-report">
            {t.otherReport(other.subjectName)}
          </Text>
          <Anchor size="sm" onClick={() => onOpenReport(other.id)}>
            {t.openOther}
          </Anchor>
        </Group>
      )}
    </Alert>
  );
}
