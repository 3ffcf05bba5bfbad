// 本院挂图's card of the orders addressed to this court and not closed yet: how many wait to be
// signed for, to be replied to, and are overdue, then the list, each a link to the order. It shows
// as soon as the package carrying them is imported (every read is refreshed after an import).
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useRead } from '../api/queries';
import { formatDate } from '../lib/dates';
import { routeHref } from '../lib/router';
import { orderRoute } from './OrderDrawerHost';
import { ColourBadge, DaysLeftText, StateBadge } from './OrderBadges';
import { receivedText as t } from './receivedText';
import { kindLabel } from './text';

const SHOWN = 8;

export function ReceivedOrderTasksCard() {
  const read = useRead('orders.list', { relation: 'received' });
  const open = (read.data ?? []).filter((order) => order.status !== 'closed');
  if (open.length === 0) return null;
  const unsigned = open.filter((order) => order.state === 'unsigned').length;
  const toReply = open.filter((order) => order.state === 'signed' || order.state === 'returned').length;
  const overdue = open.filter((order) => order.overdue).length;
  const sorted = [...open].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(b.displayColour === 'red') - Number(a.displayColour === 'red') ||
      a.replyDue.localeCompare(b.replyDue),
  );
  const red = open.some((order) => order.displayColour === 'red');
  return (
    <Paper
      withBorder
      p="md"
      radius="sm"
      data-testid="board-orders"
      style={{ borderColor: `var(--mantine-color-${red ? 'red' : 'court'}-4)`, borderLeftWidth: 4 }}
    >
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Group gap="xs">
          <IconFlag size={20} color={`var(--mantine-color-${red ? 'red' : 'court'}-7)`} aria-hidden />
          <Text fw={700}>{t.boardTitle}</Text>
          <Text size="xs" c="dimmed">
            {t.boardHint}
          </Text>
        </Group>
        <Group gap="lg" wrap="nowrap">
          <Count label={t.boardUnsigned} value={unsigned} colour="orange.8" testId="board-orders-unsigned" />
          <Count label={t.boardToReply} value={toReply} colour="blue.8" testId="board-orders-to-reply" />
          <Count label={t.boardOverdue} value={overdue} colour="red.8" testId="board-orders-overdue" />
        </Group>
      </Group>
      <Stack gap={0} mt="xs">
        {sorted.slice(0, SHOWN).map((order) => (
          <Group
            key={order.id}
            gap="sm"
            wrap="nowrap"
            py={6}
            style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="board-order"
            data-id={order.id}
          >
            <Anchor
              href={routeHref(orderRoute(order.campaignId, order.id))}
              size="sm"
              fw={600}
              style={{ whiteSpace: 'nowrap' }}
              data-testid="board-order-link"
            >
              {order.docNumber}
            </Anchor>
            <ColourBadge order={order} size="sm" />
            <Text size="xs" c="dimmed" lineClamp={1} style={{ flex: 1, minWidth: 0 }} title={order.requirement}>
              {kindLabel[order.kind]} · {order.originName} · {order.campaignTitle}
            </Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t.taskDue(formatDate(order.replyDue))}
            </Text>
            <DaysLeftText order={order} />
            <StateBadge order={order} size="sm" />
          </Group>
        ))}
        {sorted.length > SHOWN && (
          <Text size="xs" c="dimmed" ta="right" mt={6}>
            {t.moreRows(sorted.length - SHOWN)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function Count({ label, value, colour, testId }: { label: string; value: number; colour: string; testId: string }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      {label}{' '}
      <Text span fw={700} c={value ? colour : undefined} className="figure-value" data-testid={`${testId}-value`}>
        {value}
      </Text>
    </Text>
  );
}
