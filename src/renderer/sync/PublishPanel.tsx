// 下发: a package down of one campaign this court issued (its definition and this court's
// supervision notes), written as a job to a folder for the subordinate courts.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPackageExport } from '@tabler/icons-react';
import type { Campaign, JobStatus, SyncOverview } from '../../shared/model';
import { send } from '../api/client';
import { useApp } from '../AppContext';
import { JobProgress } from '../common/JobProgress';
import { commonText } from '../common/text';
import { notifyFailure } from '../lib/notify';
import { ExportResult, FolderField, RefusalAlert } from './parts';
import { refusalOf, type Refusal } from './syncRules';
import { syncText as t } from './text';

type Outcome = { kind: 'done'; status: JobStatus } | { kind: 'refused'; refusal: Refusal } | { kind: 'cancelled' } | null;

export function PublishPanel({ overview, onChanged }: { overview: SyncOverview; onChanged(): void }) {
  const { can, court } = useApp();
  const [campaigns, setCampaigns] = useState<Campaign[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [campaignError, setCampaignError] = useState<string | null>(null);
  const [folder, setFolder] = useState(overview.defaultFolder);
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const mayPublish = can('admin', 'reviewer');

  useEffect(() => {
    void send('campaigns.list', { includeClosed: true }).then((result) => {
      if (!result.ok) return setLoadError(result.message);
      // Only a campaign this court issued may be published; the issuer's copies are not ours to pass on.
      const own = result.value.filter((campaign) => campaign.origin === court.code);
      setCampaigns(own);
      if (own.length === 1) setCampaignId(own[0].id);
    });
  }, [court.code]);

  const start = async () => {
    setOutcome(null);
    if (!campaignId) return setCampaignError(t.chooseCampaign);
    setStarting(true);
    const result = await send('sync.publish', { campaignId, folder });
    setStarting(false);
    if (!result.ok) {
      if (result.fieldErrors?.folder) return setOutcome({ kind: 'refused', refusal: { message: result.fieldErrors.folder, code: result.code } });
      return notifyFailure(result, t.publishFailed);
    }
    setJobId(result.value.jobId);
  };

  const finished = (status: JobStatus) => {
    setJobId(null);
    if (status.state === 'done') setOutcome({ kind: 'done', status });
    else if (status.state === 'cancelled') setOutcome({ kind: 'cancelled' });
    else setOutcome({ kind: 'refused', refusal: refusalOf(status) });
    onChanged();
  };

  const report = outcome?.kind === 'done' && outcome.status.result?.kind === 'syncExport' ? outcome.status.result.report : null;

  return (
    <Stack gap="md" data-testid="sync-publish">
      <Paper withBorder p="lg">
        <Stack gap="md">
          <div>
            <Title order={4}>{t.publishTitle}</Title>
            <Text size="sm" c="dimmed" mt={4} maw={820}>
              {t.publishHint}
            </Text>
          </div>
          {loadError && <Alert color="red">{loadError}</Alert>}
          {!campaigns && !loadError && <Skeleton h={60} />}
          {campaigns && campaigns.length === 0 && (
            <Alert color="gray" data-testid="sync-publish-empty">
              {t.noOwnCampaigns}
            </Alert>
          )}
          {campaigns && campaigns.length > 0 && !mayPublish && <Alert color="gray">{t.managersOnly}</Alert>}
          {campaigns && campaigns.length > 0 && mayPublish && (
            <>
              <Select
                label={t.campaign}
                placeholder={t.campaignPlaceholder}
                data={campaigns.map((campaign) => ({ value: campaign.id, label: `${campaign.title}（${campaign.year}）` }))}
                value={campaignId}
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
              {jobId ? (
                <div>
                  <Text size="sm" fw={600} mb="xs">
                    {t.publishRunning}
                  </Text>
                  <JobProgress jobId={jobId} onFinished={finished} />
                </div>
              ) : (
                <Group>
                  <Button leftSection={<IconPackageExport size={16} />} onClick={() => void start()} loading={starting} data-testid="sync-publish-button">
                    {t.publishButton}
                  </Button>
                </Group>
              )}
            </>
          )}
        </Stack>
      </Paper>
      {report && <ExportResult title={t.publishDone} report={report} carryHint={t.publishCarryHint} onClose={() => setOutcome(null)} />}
      {outcome?.kind === 'refused' && <RefusalAlert title={t.publishFailed} refusal={outcome.refusal} untouched={false} onClose={() => setOutcome(null)} />}
      {outcome?.kind === 'cancelled' && (
        <Alert color="gray" withCloseButton onClose={() => setOutcome(null)}>
          {t.exportCancelled}
        </Alert>
      )}
    </Stack>
  );
}
