// 下发: at an intermediate court first the superior's campaigns to pass down (转发, RelayPanel),
// then a package down of one campaign this court issued (its definition and this court's
// supervision notes), written as a job to a folder for the subordinate courts.
import { useState } from 'react';
import { Alert, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPackageExport } from '@tabler/icons-react';
import type { SyncOverview } from '../../shared/model';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { commonText } from '../common/text';
import { FolderField } from './parts';
import { RelayPanel } from './RelayPanel';
import { PackageReachPanel } from './PackageReachPanel';
import { syncText as t } from './text';
import { ExportJobControl, ExportJobOutcome, useExportJob } from './useExportJob';

export function PublishPanel({ overview }: { overview: SyncOverview }) {
  const { can, court } = useApp();
  const campaignList = useRead('campaigns.list', { includeClosed: true });
  const loadError = campaignList.error?.message ?? null;
  // Only a campaign this court issued may be published; the issuer's copies are not ours to pass on.
  const campaigns = campaignList.data?.filter((campaign) => campaign.origin === court.code) ?? null;
  const [chosenId, setCampaignId] = useState<string | null>(null);
  // The only one there is needs no choosing.
  const campaignId = chosenId ?? (campaigns?.length === 1 ? campaigns[0].id : null);
  const [campaignError, setCampaignError] = useState<string | null>(null);
  const [folder, setFolder] = useState(overview.defaultFolder);
  const job = useExportJob(t.publishFailed);
  const { jobId } = job;
  const mayPublish = can('admin', 'reviewer');
  const relaying = overview.relayable.length > 0;

  const start = () => {
    job.clear();
    if (!campaignId) return setCampaignError(t.chooseCampaign);
    void job.start({ operation: 'sync.publish', input: { campaignId, folder } });
  };

  return (
    <Stack gap="md" data-testid="sync-publish">
      {relaying && <RelayPanel overview={overview} mayRelay={mayPublish} />}
      <Paper withBorder p="lg">
        <Stack gap="md">
          <div>
            <Title order={4}>{relaying ? t.ownPublishTitle : t.publishTitle}</Title>
            <Text size="sm" c="dimmed" mt={4} maw={820}>
              {t.publishHint}
            </Text>
          </div>
          {loadError && <Alert color="red">{loadError}</Alert>}
          {!campaigns && !loadError && <Skeleton h={60} />}
          {campaigns && campaigns.length === 0 && (
            <Alert color="gray" data-testid="sync-publish-empty">
              {relaying ? t.noOwnCampaigns : t.noOwnCampaignsAlone}
            </Alert>
          )}
          {((campaigns && campaigns.length > 0) || relaying) && !mayPublish && (
            <Alert color="gray">{t.managersOnly}</Alert>
          )}
          {campaigns && campaigns.length > 0 && mayPublish && (
            <>
              <Select
                label={t.campaign}
                placeholder={t.campaignPlaceholder}
                data={campaigns.map((campaign) => ({
                  value: campaign.id,
                  label: `${campaign.title}（${campaign.year}）`,
                }))}
                value={campaignId}
                allowDeselect={false}
                onChange={(value) => {
                  setCampaignId(value);
                  setCampaignError(null);
                }}
                error={campaignError}
                searchable
                nothingFoundMessage={commonText.nothingFound}
                disabled={!!jobId}
                maw={560}
                data-testid="sync-publish-campaign"
              />
              <FolderField value={folder} onChange={setFolder} drives={overview.drives} disabled={!!jobId} />
              <ExportJobControl
                job={job}
                running={t.publishRunning}
                icon={<IconPackageExport size={16} />}
                label={t.publishButton}
                testId="sync-publish-button"
                onStart={start}
              />
            </>
          )}
        </Stack>
      </Paper>
      <ExportJobOutcome
        job={job}
        doneTitle={t.publishDone}
        failedTitle={t.publishFailed}
        carryHint={t.publishCarryHint}
      />
      {campaignId && <PackageReachPanel campaignId={campaignId} />}
    </Stack>
  );
}
