// 本院收到的督办单: the orders addressed to this court in one campaign, newest first. A row opens
// the order drawer by its address (?order=), so the back button closes it again.
import { Alert, Anchor, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { SupervisionOrder } from '../../shared/orders/ordersModel';
import { useRead } from '../api/queries';
import { formatDate } from '../lib/dates';
import { openRecord, routeHref } from '../lib/router';
import { orderRoute } from './OrderDrawerHost';
import { ColourBadge, DaysLeftText, StateBadge } from './OrderBadges';
import { receivedText as t } from './receivedText';
import { colourText, kindLabel, ordersText, stateText } from './text';

export function ReceivedOrdersPanel({ campaignId }: { campaignId: string }) {
  const read = useRead('orders.list', { campaignId, relation: 'received' });
  const orders = read.data;
  return (
    <Stack gap="xs" data-testid="received-orders">
      <div>
        <Title order={4}>{t.panelTitle}</Title>
        <Text size="sm" c="dimmed">
          {t.panelIntro}
        </Text>
      </div>
      {read.error && (
        <Alert color="red" title={t.panelLoadFailed}>
          {read.error.message}
        </Alert>
      )}
      {!orders && !read.error && <Skeleton h={120} />}
      {orders && orders.length === 0 && (
        <Text size="sm" c="dimmed" py="md" ta="center" data-testid="received-orders-empty">
          {t.panelEmpty}
        </Text>
      )}
      {orders && orders.length > 0 && (
        <Paper withBorder radius="sm">
          <Table highlightOnHover verticalSpacing={8} fz="sm" data-testid="received-orders-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={190}>{ordersText.col.docNumber}</Table.Th>
                <Table.Th w={170}>{ordersText.col.origin}</Table.Th>
                <Table.Th w={70}>{ordersText.col.kind}</Table.Th>
                <Table.Th w={150}>{ordersText.col.colour}</Table.Th>
                <Table.Th>{ordersText.col.requirement}</Table.Th>
                <Table.Th w={120}>{ordersText.col.replyDue}</Table.Th>
                <Table.Th w={150}>{ordersText.col.state}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {orders.map((order) => (
                <ReceivedRow key={order.id} order={order} />
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function ReceivedRow({ order }: { order: SupervisionOrder }) {
  const route = orderRoute(order.campaignId, order.id);
  const open = () => openRecord(route);
  return (
    <Table.Tr
      style={{ cursor: 'pointer' }}
      onClick={(event) => {
        if ((event.target as HTMLElement).closest('a')) return;
        open();
      }}
      data-testid="received-order-row"
      data-id={order.id}
      data-state={order.state}
    >
      <Table.Td>
        <Anchor
          href={routeHref(route)}
          size="sm"
          fw={600}
          onClick={(event) => {
            event.preventDefault();
            open();
          }}
          aria-label={t.rowLabel(order, colourText(order), stateText(order))}
          data-testid="received-order-link"
        >
          {order.docNumber}
        </Anchor>
      </Table.Td>
      <Table.Td>{order.originName}</Table.Td>
      <Table.Td>{kindLabel[order.kind]}</Table.Td>
      <Table.Td>
        <ColourBadge order={order} size="sm" />
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={2} title={order.requirement}>
          {order.requirement}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" className="figure-value">
          {formatDate(order.replyDue)}
        </Text>
        {order.status !== 'closed' && <DaysLeftText order={order} />}
      </Table.Td>
      <Table.Td>
        <StateBadge order={order} size="sm" />
      </Table.Td>
    </Table.Tr>
  );
}
