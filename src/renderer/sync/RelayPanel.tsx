// 转发给下级法院: at an intermediate court, each campaign its superior issued whose package is
// held here — when it was last passed down, whether a newer package from the superior waits —
// and passing it down in one step (folder, then 转发) as a job listing every file written.
import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconSend } from '@tabler/icons-react';
import type { RelayableCampaign, SyncOverview } from '../../shared/model';
import { JobProgress } from '../common/JobProgress';
import { formatDateTime } from '../lib/dates';
import { FolderField } from './parts';
import { syncText as t } from './text';
import { ExportJobOutcome, useExportJob } from './useExportJob';

export function RelayPanel({ overview, mayRelay }: { overview: SyncOverview; mayRelay: boolean }) {
  const [folder, setFolder] = useState(overview.defaultFolder);
  const [runningId, setRunningId] = useState<string | null>(null);
  const job = useExportJob(t.relayFailed);
  const busy = !!job.jobId || job.starting;

  const relay = (campaign: RelayableCampaign) => {
    setRunningId(campaign.campaignId);
    void job.start({ operation: 'sync.publish', input: { campaignId: campaign.campaignId, folder } });
  };

  return (
    <Stack gap="md" data-testid="sync-relay">
      <Paper withBorder p="lg">
        <Stack gap="md">
          <div>
            <Title order={4}>{t.relayTitle}</Title>
            <Text size="sm" c="dimmed" mt={4} maw={820}>
              {t.relayHint}
            </Text>
          </div>
          {mayRelay && <FolderField value={folder} onChange={setFolder} drives={overview.drives} disabled={busy} />}
          <Stack gap="sm">
            {overview.relayable.map((campaign) => (
              <Paper
                key={campaign.campaignId}
                withBorder
                p="md"
                data-testid="sync-relay-campaign"
                data-newer={campaign.newerSincePassedDown}
                style={
                  campaign.newerSincePassedDown
                    ? { borderLeft: '4px solid var(--mantine-color-orange-6)' }
                    : { borderLeft: '4px solid var(--mantine-color-teal-6)' }
                }
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={4}>
                    <Group gap="xs">
                      <Text fw={600}>{campaign.title}</Text>
                      <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                        {t.relayFrom(campaign.superior.name || campaign.superior.code)}
                      </Badge>
                    </Group>
                    <Text size="sm" c="dimmed" data-testid="sync-relay-received">
                      {t.relayReceived(
                        campaign.superiorSeq,
                        formatDateTime(campaign.superiorCreatedAt ?? campaign.receivedAt),
                      )}
                    </Text>
                    <Text size="sm" data-testid="sync-relay-last">
                      {campaign.lastPassedDown ? t.relayLast(formatDateTime(campaign.lastPassedDown.at)) : t.relayNever}
                    </Text>
                    {campaign.newerSincePassedDown ? (
                      <Group gap={4} data-testid="sync-relay-newer">
                        <IconAlertTriangle size={16} color="var(--mantine-color-orange-8)" />
                        <Text size="sm" fw={600} c="orange.9">
                          {campaign.lastPassedDown ? t.relayNewer : t.relayNewerNever}
                        </Text>
                      </Group>
                    ) : (
                      <Group gap={4} data-testid="sync-relay-current">
                        <IconCircleCheck size={16} color="var(--mantine-color-teal-7)" />
                        <Text size="sm" c="teal.9">
                          {t.relayCurrent}
                        </Text>
                      </Group>
                    )}
                  </Stack>
                  {mayRelay && (
                    <Button
                      leftSection={<IconSend size={16} />}
                      variant={campaign.newerSincePassedDown ? 'filled' : 'default'}
                      onClick={() => relay(campaign)}
                      loading={job.starting && runningId === campaign.campaignId}
                      disabled={busy}
                      aria-label={t.relayButtonLabel(campaign.title)}
                      data-testid="sync-relay-button"
                    >
                      {t.relayButton}
                    </Button>
                  )}
                </Group>
                {job.jobId && runningId === campaign.campaignId && (
                  <div style={{ marginTop: 12 }}>
                    <Text size="sm" fw={600} mb="xs">
                      {t.relayRunning}
                    </Text>
                    <JobProgress jobId={job.jobId} onFinished={job.finished} />
                  </div>
                )}
              </Paper>
            ))}
          </Stack>
        </Stack>
      </Paper>
      <ExportJobOutcome job={job} doneTitle={t.relayDone} failedTitle={t.relayFailed} carryHint={t.relayCarryHint} />
    </Stack>
  );
}
