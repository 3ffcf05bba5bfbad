// The campaign's 督办通报 tab. At a court with courts below it: the 督办台账 (by court and
// jurisdiction, exportable as Excel and PDF), 发督办单, the orders issued here and below, then the
// orders it received (at a court with a superior), then the 通报. The order drawer (?order=) on top.
import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import type { Campaign } from '../../shared/model';
import { useApp } from '../AppContext';
import { withoutRecord, type CampaignRoute } from '../lib/router';
import { NoticesPanel } from '../notices/NoticesPanel';
import { IssueOrderDialog } from './IssueOrderDialog';
import { IssuedOrdersPanel } from './IssuedOrdersPanel';
import { OrderDrawerHost } from './OrderDrawerHost';
import { OrdersExport } from './OrdersExport';
import { OrdersLedgerView } from './OrdersLedgerTable';
import { ReceivedOrdersPanel } from './ReceivedOrdersPanel';
import { ordersText as t } from './text';

export function OrdersTab({ campaign, route }: { campaign: Campaign; route: CampaignRoute }) {
  const { court } = useApp();
  const hasSubordinates = court.level !== 'basic';
  return (
    <Stack gap="md" data-testid="orders-tab">
      {hasSubordinates && <IssuerPart campaign={campaign} route={route} />}
      {court.parentCode && <ReceivedOrdersPanel campaignId={campaign.id} />}
      <NoticesPanel campaignId={campaign.id} />
      <OrderDrawerHost />
    </Stack>
  );
}

function IssuerPart({ campaign, route }: { campaign: Campaign; route: CampaignRoute }) {
  const { can } = useApp();
  const [issuing, setIssuing] = useState(false);
  const base = withoutRecord(route);
  return (
    <>
      <Paper withBorder p="md" data-testid="orders-ledger-block">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <div>
              <Title order={2} size="h4">
                {t.ledgerTitle}
              </Title>
              <Text size="xs" c="dimmed" mt={2}>
                {t.ledgerIntro}
              </Text>
            </div>
            <Group gap="xs">
              {can('admin', 'reviewer') && (
                <Button
                  leftSection={<IconSend size={16} />}
                  onClick={() => setIssuing(true)}
                  data-testid="orders-issue"
                >
                  {t.issue}
                </Button>
              )}
              <OrdersExport campaignId={campaign.id} />
            </Group>
          </Group>
          <OrdersLedgerView campaignId={campaign.id} />
        </Stack>
      </Paper>
      <IssuedOrdersPanel campaignId={campaign.id} routeOf={(order) => ({ ...base, order: order.id })} />
      {issuing && <IssueOrderDialog campaign={campaign} initialCourts={[]} onClose={() => setIssuing(false)} />}
    </>
  );
}
