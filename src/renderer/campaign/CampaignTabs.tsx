// A campaign's three faces: its checklist (推进清单), self-inspection (问题查摆) and
// rectification ledger (整改台账), one tab each, each with its own address.
import { useEffect, useState } from 'react';
import { Alert, Anchor, Stack, Tabs } from '@mantine/core';
import { IconClipboardList, IconListSearch, IconChecklist } from '@tabler/icons-react';
import type { Campaign } from '../../shared/model';
import { send } from '../api/client';
import { campaignRoute, navigate, type CampaignTab } from '../lib/router';
import { CampaignPage } from './CampaignPage';
import { InspectionTab } from '../inspection/InspectionTab';
import { LedgerTab } from '../ledger/LedgerTab';
import { campaignText as t } from './text';

export function CampaignTabs({ campaignId, tab }: { campaignId: string; tab: CampaignTab }) {
  const [campaign, setCampaign] = useState<Campaign | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (tab === 'checklist') return;
    let live = true;
    void send('campaigns.get', { id: campaignId }).then((result) => {
      if (!live) return;
      if (result.ok) setCampaign(result.value.campaign);
      else setError(result.message);
    });
    return () => {
      live = false;
    };
  }, [campaignId, tab]);

  return (
    <Stack gap="sm">
      <Tabs value={tab} onChange={(value) => value && navigate(campaignRoute(campaignId, value as CampaignTab))} variant="outline">
        <Tabs.List>
          <Tabs.Tab value="checklist" leftSection={<IconClipboardList size={16} />} data-testid="tab-checklist">
            {t.tabChecklist}
          </Tabs.Tab>
          <Tabs.Tab value="inspection" leftSection={<IconListSearch size={16} />} data-testid="tab-inspection">
            {t.tabInspection}
          </Tabs.Tab>
          <Tabs.Tab value="ledger" leftSection={<IconChecklist size={16} />} data-testid="tab-ledger">
            {t.tabLedger}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {tab === 'checklist' && <CampaignPage campaignId={campaignId} />}
      {tab !== 'checklist' && error && (
        <Alert color="red" title={t.loadFailed}>
          {error} <Anchor onClick={() => navigate({ name: 'campaigns' })}>{t.back}</Anchor>
        </Alert>
      )}
      {tab === 'inspection' && campaign && <InspectionTab campaign={campaign} />}
      {tab === 'ledger' && campaign && <LedgerTab campaign={campaign} />}
    </Stack>
  );
}
