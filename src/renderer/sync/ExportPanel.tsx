// 上报: this court's report-up bundle to its parent — who receives it, whether it will be
// encrypted, what is waiting to go, and the export itself as a job with a progress bar.
import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileExport, IconLock, IconLockOpen } from '@tabler/icons-react';
import type { SyncOverview } from '../../shared/model';
import { useApp } from '../AppContext';
import { Figure } from '../common/Figure';
import { formatDateTime } from '../lib/dates';
import { FolderField } from './parts';
import { syncText as t } from './text';
import { ExportJobControl, ExportJobOutcome, useExportJob } from './useExportJob';

export function ExportPanel({ overview, onGoPublish }: { overview: SyncOverview; onGoPublish(): void }) {
  const { can } = useApp();
  const [folder, setFolder] = useState(overview.defaultFolder);
  const [full, setFull] = useState(false);
  const job = useExportJob(t.exportFailed);
  const { jobId } = job;
  const { court, parent } = overview;
  const mayExport = can('admin', 'reviewer');

  if (!court.parentCode) {
    return (
      <Alert color="blue" title={t.noParentTitle} data-testid="sync-no-parent">
        <Text size="sm" mb="sm">
          {t.noParent}
        </Text>
        <Button size="xs" variant="light" onClick={onGoPublish}>
          {t.goPublish}
        </Button>
      </Alert>
    );
  }

  return (
    <Stack gap="md" data-testid="sync-export">
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={4}>{t.exportTitle}</Title>
          <Group gap="xl" align="flex-start">
            <div>
              <Text size="xs" c="dimmed">
                {t.thisCourt}
              </Text>
              <Text fw={600} data-testid="sync-this-court">
                {t.courtWithCode(court.name, court.code)}
              </Text>
            </div>
            <Text c="dimmed" mt={14}>
              →
            </Text>
            <div>
              <Text size="xs" c="dimmed">
                {t.parentCourt}
              </Text>
              <Text fw={600} data-testid="sync-parent-court">
                {t.courtWithCode(parent?.name || court.parentName || '', court.parentCode)}
              </Text>
            </div>
          </Group>
          {parent ? (
            <Badge
              color="teal"
              variant="light"
              size="lg"
              leftSection={<IconLock size={14} />}
              style={{ textTransform: 'none' }}
              data-testid="sync-encryption"
            >
              {t.encryptedYes}
            </Badge>
          ) : (
            <Alert
              color="yellow"
              variant="light"
              icon={<IconLockOpen size={18} />}
              p="xs"
              data-testid="sync-encryption"
            >
              <Text size="sm">{t.encryptedNo}</Text>
            </Alert>
          )}
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mt={4}>
            <Figure label={t.nextSeq} value={t.seq(overview.nextSeq)} testId="sync-next-seq" />
            <Figure
              label={t.pendingChanges}
              value={overview.pendingChanges}
              suffix={t.countUnit}
              testId="sync-pending"
            />
            <Figure label={t.pendingRelays} value={overview.pendingRelays} suffix={t.relayUnit} testId="sync-relays" />
            <Paper withBorder px="md" py="sm" radius="sm" data-testid="sync-last-export">
              <Text size="xs" c="dimmed">
                {t.lastExport}
              </Text>
              {overview.lastExport ? (
                <>
                  <Text size="sm" fw={600} mt={4}>
                    {t.lastExportLine(
                      overview.lastExport.seq,
                      formatDateTime(overview.lastExport.at),
                      overview.lastExport.full,
                    )}
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {overview.lastExport.fileName}
                  </Text>
                </>
              ) : (
                <Text size="sm" c="dimmed" mt={4}>
                  {t.lastExportNever}
                </Text>
              )}
            </Paper>
          </SimpleGrid>
        </Stack>
      </Paper>

      {mayExport ? (
        <Paper withBorder p="lg">
          <Stack gap="md">
            <FolderField value={folder} onChange={setFolder} drives={overview.drives} disabled={!!jobId} />
            <Checkbox
              label={t.full}
              description={t.fullHelp}
              checked={full}
              onChange={(e) => setFull(e.currentTarget.checked)}
              disabled={!!jobId}
              data-testid="sync-full"
            />
            <ExportJobControl
              job={job}
              running={t.exportRunning}
              icon={<IconFileExport size={16} />}
              label={t.exportButton}
              testId="sync-export-button"
              onStart={() => void job.start({ operation: 'sync.export', input: { folder, full } })}
            />
          </Stack>
        </Paper>
      ) : (
        <Alert color="gray">{t.managersOnly}</Alert>
      )}

      <ExportJobOutcome job={job} doneTitle={t.exportDone} failedTitle={t.exportFailed} carryHint={t.carryHint} />
    </Stack>
  );
}
