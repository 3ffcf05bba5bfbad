// #/orders, 督办台账 across every campaign (courts with courts below them): the ledger by court and
// jurisdiction, then every order issued here and below with its campaign. A row opens the order in
// its campaign's 督办通报 tab.
import { Paper, Stack, Text, Title } from '@mantine/core';
import { PageHeader } from '../common/PageHeader';
import { IssuedOrdersPanel } from './IssuedOrdersPanel';
import { OrdersLedgerView } from './OrdersLedgerTable';
import { ordersText as t } from './text';

export function OrdersPage() {
  return (
    <Stack gap="md" maw={1400} data-testid="orders-page">
      <PageHeader title={t.pageTitle} subtitle={t.pageIntro} />
      <Paper withBorder p="md">
        <Stack gap="sm">
          <div>
            <Title order={2} size="h4">
              {t.ledgerByCourt}
            </Title>
            <Text size="xs" c="dimmed" mt={2}>
              {t.ledgerAllIntro}
            </Text>
          </div>
          <OrdersLedgerView testId="orders-page-ledger" />
        </Stack>
      </Paper>
      <IssuedOrdersPanel />
    </Stack>
  );
}
