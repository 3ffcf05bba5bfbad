// One report: its heading, the reviewer's return reason or opinion, and then by status the form
// (draft, returned), the review screen (submitted; reviewers decide, the app points) or the final
// text (accepted, with "生成整改台账" per claim). "历次提交对比" once it was submitted twice.
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Box, Button, Center, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp, IconColumns, IconTrash } from '@tabler/icons-react';
import type {
  EvasionChecks,
  InspectionReportDetail,
  InspectionReportSummary,
  ProblemCatalogue,
} from '../../shared/model';
import { useQueryClient } from '@tanstack/react-query';
import { operationKey, useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { formatDate } from '../lib/dates';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { NotFiledPanel, UnclaimedPanel } from './CampaignPanels';
import { ClaimCards } from './ClaimCards';
import { canWorkFor, problemIndex, StatusBadge } from './parts';
import { ReportForm, type ReportFormHandle } from './ReportForm';
import { ReopenReportButton, ReviewActions } from './ReviewActions';
import { RoundsCompareModal } from './RoundsCompare';
import { inspectionText as t } from './text';

export interface ReportViewHandle {
  /** Unsaved text in the form. */
  dirty(): boolean;
}

interface Props {
  reportId: string;
  campaignId: string;
  catalogue: ProblemCatalogue;
  reports: InspectionReportSummary[];
  checks: EvasionChecks | null;
  onBack(): void;
  onOpenReport(id: string): void;
  onDeleted(): void;
}

export const ReportView = forwardRef<ReportViewHandle, Props>(function ReportView(
  { reportId, campaignId, catalogue, reports, checks, onBack, onOpenReport, onDeleted },
  ref,
) {
  const { user, can } = useApp();
  const queryClient = useQueryClient();
  const { data: report, error, refetch } = useRead('inspection.get', { id: reportId });
  const deleteReport = useWrite('inspection.delete');
  const [comparing, setComparing] = useState(false);
  const form = useRef<ReportFormHandle>(null);
  useImperativeHandle(ref, () => ({ dirty: () => form.current?.dirty() ?? false }), []);

  const reportKey = operationKey('inspection.get', { id: reportId });
  /** Reads the report again; the fresh one, or null when that failed. */
  const reload = async () => (await refetch()).data ?? null;
  // A write answers with the report as saved: shown at once, so the form's next save sends its
  // newest version even before the refresh that every write starts has landed.
  const updated = (next: InspectionReportDetail) => queryClient.setQueryData(reportKey, next);

  if (!report) {
    return error ? (
      <Stack maw={720}>
        <Alert color="red" title={t.loadFailed}>
          {error.message}
        </Alert>
        <Group>
          <Button variant="default" onClick={() => void refetch()}>
            {t.retry}
          </Button>
          <Anchor onClick={onBack}>{t.back}</Anchor>
        </Group>
      </Stack>
    ) : (
      <Center h={240}>
        <Loader />
      </Center>
    );
  }

  const mayWork = canWorkFor(user, can, report.departmentId);
  const editable = (report.status === 'draft' || report.status === 'returned') && mayWork;
  const problems = problemIndex(catalogue);
  // Copies are reported on the later report; the earlier one shows them too, pointing back.
  const findings = checks
    ? checks.findings.filter(
        (f) => f.reportId === report.id || (f.kind === 'copied_between' && f.otherReportId === report.id),
      )
    : null;
  const lastRound = report.rounds[report.rounds.length - 1];

  const remove = async () => {
    if (
      !(await confirmAction({
        message: t.deleteReportConfirm(report.subjectName),
        confirmLabel: t.deleteReport,
        danger: true,
      }))
    )
      return;
    const result = await deleteReport.mutateAsync({ id: report.id, version: report.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.reportDeleted);
    onDeleted();
  };

  const claims = (
    <ClaimCards
      report={report}
      problems={problems}
      findings={findings}
      reports={reports}
      onOpenReport={onOpenReport}
      ledger={
        report.status === 'accepted'
          ? {
              campaignId,
              allowed: mayWork,
              // The claim shows its finding at once (no second 生成 while the refresh runs).
              onCreated: (claimId, findingId) =>
                queryClient.setQueryData<InspectionReportDetail>(
                  reportKey,
                  (prev) =>
                    prev && { ...prev, claims: prev.claims.map((c) => (c.id === claimId ? { ...c, findingId } : c)) },
                ),
            }
          : undefined
      }
    />
  );

  return (
    <Stack gap="md" data-testid="report-view" data-status={report.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Box style={{ minWidth: 0 }}>
          <Anchor size="sm" onClick={onBack} data-testid="report-back">
            ‹ {t.back}
          </Anchor>
          <Group gap="sm" mt={4} align="center">
            <Title order={3} data-testid="report-heading">
              {t.reportHeading(report.subjectName)}
            </Title>
            <Badge variant="outline" color="gray" radius="sm">
              {t.scopeBadge(report.scope)}
            </Badge>
            <StatusBadge status={report.status} testId="report-view-status" />
            {report.round > 0 && (
              <Badge variant="light" color="gray" radius="sm" data-testid="report-view-round">
                {t.roundText(report.round)}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" mt={4}>
            {t.departmentOf(report.departmentName)}
            {report.submittedAt ? `　${t.submittedBy(report.submittedByName, formatDate(report.submittedAt))}` : ''}
          </Text>
        </Box>
        <Group gap="xs" wrap="nowrap">
          {report.rounds.length >= 2 && (
            <Button
              variant="default"
              leftSection={<IconColumns size={16} />}
              onClick={() => setComparing(true)}
              data-testid="compare-rounds"
            >
              {t.compareRounds}
            </Button>
          )}
          {report.status === 'draft' && report.round === 0 && mayWork && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => void remove()}
              data-testid="delete-report"
            >
              {t.deleteReport}
            </Button>
          )}
        </Group>
      </Group>

      {report.status === 'returned' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconArrowBackUp size={20} />}
          title={t.returnedBanner(report.reviewNote || lastRound?.reason || '')}
          data-testid="returned-banner"
          styles={{ title: { fontSize: 16 } }}
        >
          {(report.reviewer || report.decidedAt) && (
            <Text size="sm" c="dimmed">
              {t.returnedBy(report.reviewer, formatDate(report.decidedAt))}
            </Text>
          )}
        </Alert>
      )}
      {report.status === 'accepted' && (
        <Alert color="teal" variant="light" title={t.acceptedBanner} data-testid="accepted-banner">
          {report.reviewNote && <Text size="sm">{t.acceptedOpinion(report.reviewNote)}</Text>}
          <Text size="sm" c="dimmed">
            {t.acceptedBy(report.reviewer, formatDate(report.decidedAt))}
          </Text>
          <Group justify="space-between" gap="xs" mt={6}>
            <Text size="sm" data-testid="report-closed-hint">
              {t.closedHint}
            </Text>
            {can('reviewer') && <ReopenReportButton report={report} onDecided={updated} />}
          </Group>
        </Alert>
      )}

      {editable ? (
        <ReportForm ref={form} report={report} catalogue={catalogue} onSaved={updated} onReload={reload} />
      ) : report.status === 'submitted' && checks ? (
        <Group align="flex-start" gap="md" wrap="nowrap" data-testid="review-screen">
          <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
            <Paper withBorder radius="sm" px="md" py="xs" bg="#fffdf5">
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={600}>
                  {t.reportChecks}
                </Text>
                <Badge
                  color={findings?.length ? 'orange' : 'teal'}
                  variant="light"
                  radius="sm"
                  data-testid="report-checks-count"
                >
                  {findings?.length ? t.checksCount(findings.length) : t.noChecks}
                </Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {t.reviewHint}
              </Text>
            </Paper>
            {claims}
          </Stack>
          <Stack gap="sm" w={340} style={{ flex: 'none', position: 'sticky', top: 72 }}>
            <Paper withBorder radius="sm" p="md" data-testid="decision-panel">
              <Text fw={600} size="sm" mb="xs">
                {t.decisionPanel}
              </Text>
              {can('reviewer') ? (
                <ReviewActions report={report} onDecided={updated} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t.reviewerOnly}
                </Text>
              )}
            </Paper>
            <UnclaimedPanel checks={checks} maxHeight={240} />
            <NotFiledPanel checks={checks} maxHeight={240} />
          </Stack>
        </Group>
      ) : (
        <Stack gap="sm">
          {report.status === 'submitted' && (
            <Alert color="blue" variant="light" data-testid="waiting-review">
              {t.waitingReview}
            </Alert>
          )}
          {(report.status === 'draft' || report.status === 'returned') && !mayWork && (
            <Alert color="gray" variant="light">
              {t.readOnlyOtherDepartment}
            </Alert>
          )}
          {claims}
        </Stack>
      )}

      <RoundsCompareModal
        opened={comparing}
        rounds={report.rounds}
        problems={problems}
        onClose={() => setComparing(false)}
      />
    </Stack>
  );
});
