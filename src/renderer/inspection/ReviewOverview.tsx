// 审核 (administrators and reviewers): the reports waiting for a decision with their hint counts,
// headline figures, and the campaign-wide panels — problems nobody claimed, who has not filed.
import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { EvasionChecks, InspectionReportSummary } from '../../shared/model';
import { Figure } from '../common/Figure';
import { NotFiledPanel, UnclaimedPanel } from './CampaignPanels';
import { ReportTable } from './ReportList';
import { inspectionText as t } from './text';

export function ReviewOverview({
  reports,
  checks,
  onOpen,
}: {
  reports: InspectionReportSummary[];
  checks: EvasionChecks;
  onOpen(id: string): void;
}) {
  const count = (status: InspectionReportSummary['status']) => reports.filter((r) => r.status === status).length;
  const queue = reports.filter((r) => r.status === 'submitted');
  return (
    <Stack gap="md" data-testid="review-overview">
      <Group gap="sm" align="stretch">
        <Figure label={t.figTotal} value={reports.length} testId="fig-reports" />
        <Figure
          label={t.figSubmitted}
          value={queue.length}
          color={queue.length ? 'blue.8' : undefined}
          testId="fig-submitted"
        />
        <Figure
          label={t.figReturned}
          value={count('returned')}
          color={count('returned') ? 'orange.8' : undefined}
          testId="fig-returned"
        />
        <Figure label={t.figAccepted} value={count('accepted')} color="teal.8" testId="fig-accepted" />
        <Figure
          label={t.figChecks}
          value={checks.findings.length}
          color={checks.findings.length ? 'orange.8' : undefined}
          testId="fig-checks"
        />
        <Figure
          label={t.figUnclaimed}
          value={checks.unclaimedProblems.length}
          color={checks.unclaimedProblems.length ? 'orange.8' : undefined}
          testId="fig-unclaimed"
        />
      </Group>
      <Stack gap={6}>
        <Group gap="sm" align="baseline">
          <Title order={4}>{t.reviewQueue}</Title>
          <Text size="sm" c="dimmed">
            {t.reviewHint}
          </Text>
        </Group>
        <ReportTable reports={queue} checks={checks} onOpen={onOpen} emptyText={t.reviewQueueEmpty} />
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <UnclaimedPanel checks={checks} maxHeight={420} />
        <NotFiledPanel checks={checks} maxHeight={420} />
      </SimpleGrid>
    </Stack>
  );
}
