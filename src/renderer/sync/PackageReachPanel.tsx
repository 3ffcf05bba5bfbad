// Beside publishing: which roster courts hold this court's latest package of a campaign. A court's
// receipt of a package travels up in its next report, so "not yet" can also mean "not reported since".
import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconClockHour4, IconCircleDashed } from '@tabler/icons-react';
import type { PackageReachCourt } from '../../shared/model';
import { useRead } from '../api/queries';
import { RetryAlert } from '../common/RetryAlert';
import { formatDate, formatDateTime } from '../lib/dates';
import { packageReachText as t } from './text';

function HeldBadge({ court, latest }: { court: PackageReachCourt; latest: number | null }) {
  if (court.current)
    return (
      <Badge color="green" variant="light" leftSection={<IconCircleCheck size={12} />}>
        {t.current}
      </Badge>
    );
  if (court.heldSeq !== null)
    return (
      <Badge color="yellow" variant="light" leftSection={<IconClockHour4 size={12} />}>
        {t.older(court.heldSeq, latest)}
      </Badge>
    );
  return (
    <Badge color="gray" variant="light" leftSection={<IconCircleDashed size={12} />}>
      {t.notYet}
    </Badge>
  );
}

export function PackageReachPanel({ campaignId }: { campaignId: string }) {
  const { data, error, refetch } = useRead('sync.packageReach', { campaignId });
  if (error) return <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />;
  if (!data) return <Skeleton h={120} />;
  const latest = data.packages[0] ?? null;
  const courts = data.courts.filter((court) => !court.merged);
  const current = courts.filter((court) => court.current).length;
  return (
    <Paper withBorder p="lg" data-testid="package-reach">
      <Stack gap="sm">
        <div>
          <Title order={4}>{t.title}</Title>
          <Text size="sm" c="dimmed" mt={4} maw={820}>
            {t.hint}
          </Text>
        </div>
        {!latest && <Text size="sm">{t.nonePublished}</Text>}
        {latest && courts.length === 0 && <Text size="sm">{t.noRoster}</Text>}
        {latest && courts.length > 0 && (
          <>
            <Group gap="md">
              <Text size="sm" fw={600} data-testid="package-reach-summary">
                {t.summary(latest.seq, formatDate(latest.createdAt), current, courts.length)}
              </Text>
            </Group>
            <Table.ScrollContainer minWidth={640} mah={360}>
              <Table striped highlightOnHover stickyHeader aria-label={t.tableLabel}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.court}</Table.Th>
                    <Table.Th>{t.state}</Table.Th>
                    <Table.Th>{t.importedAt}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {courts.map((court) => (
                    <Table.Tr key={court.code} data-testid="package-reach-row">
                      <Table.Td>{court.name || court.code}</Table.Td>
                      <Table.Td>
                        <HeldBadge court={court} latest={latest.seq} />
                      </Table.Td>
                      <Table.Td>{court.heldImportedAt ? formatDateTime(court.heldImportedAt) : t.unknown}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}
