// 同步 (#/sync[/<tab>]): 上报, 下发, 导入, 信任的法院, 同步记录. The overview (this court, its
// parent, the sequence and what waits to go) is read here; a finished job rereads it.
import { Skeleton, Stack, Tabs } from '@mantine/core';
import { IconFileExport, IconFileImport, IconHistory, IconPackageExport, IconShieldCheck } from '@tabler/icons-react';
import { useRead } from '../api/queries';
import { PageHeader } from '../common/PageHeader';
import { navigate, type SyncTab } from '../lib/router';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { PublishPanel } from './PublishPanel';
import { SyncHistory } from './SyncHistory';
import { TrustedCourts } from './TrustedCourts';
import { syncText as t } from './text';
import { RetryAlert } from '../common/RetryAlert';

export function SyncPage({ tab }: { tab: SyncTab | null }) {
  const { data: overview, error, refetch } = useRead('sync.overview');
  // A court without a parent has nothing to report up: it starts at 下发.
  // A basic court has no subordinates to send campaigns down to.
  const canPublish = overview?.court.level !== 'basic';
  const wanted: SyncTab = tab ?? (overview && !overview.court.parentCode ? 'publish' : 'export');
  const current: SyncTab = wanted === 'publish' && !canPublish ? 'export' : wanted;
  const open = (next: SyncTab) => navigate({ name: 'sync', tab: next });

  return (
    <Stack gap="md" maw={1280} data-testid="sync-page">
      <PageHeader title={t.title} subtitle={t.subtitle} />
      {error && !overview && <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />}
      {!overview && !error && <Skeleton h={240} />}
      {overview && (
        <Tabs value={current} onChange={(value) => value && open(value as SyncTab)} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="export" leftSection={<IconFileExport size={16} />} data-testid="sync-tab-export">
              {t.tabExport}
            </Tabs.Tab>
            {canPublish && (
              <Tabs.Tab value="publish" leftSection={<IconPackageExport size={16} />} data-testid="sync-tab-publish">
                {t.tabPublish}
              </Tabs.Tab>
            )}
            <Tabs.Tab value="import" leftSection={<IconFileImport size={16} />} data-testid="sync-tab-import">
              {t.tabImport}
            </Tabs.Tab>
            <Tabs.Tab value="trusted" leftSection={<IconShieldCheck size={16} />} data-testid="sync-tab-trusted">
              {t.tabTrusted}
            </Tabs.Tab>
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="sync-tab-history">
              {t.tabHistory}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="export" pt="md">
            <ExportPanel overview={overview} onGoPublish={() => open('publish')} />
          </Tabs.Panel>
          {canPublish && (
            <Tabs.Panel value="publish" pt="md">
              <PublishPanel overview={overview} />
            </Tabs.Panel>
          )}
          <Tabs.Panel value="import" pt="md">
            <ImportPanel />
          </Tabs.Panel>
          <Tabs.Panel value="trusted" pt="md">
            <TrustedCourts />
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <SyncHistory />
          </Tabs.Panel>
        </Tabs>
      )}
    </Stack>
  );
}
