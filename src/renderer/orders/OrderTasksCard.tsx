// 我的待办's 督办单 card: the orders waiting on the logged-in person to sign for (签收), reply to
// (回复) or review (审核), each a link to the order's drawer. The page shows it above everything
// else while a red order waits (place="top"), else below the unread notes (place="below").
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChevronRight, IconFlag } from '@tabler/icons-react';
import type { OrderTask } from '../../shared/orders/ordersModel';
import { useRead } from '../api/queries';
import { formatDate } from '../lib/dates';
import { routeHref } from '../lib/router';
import { orderRoute } from './OrderDrawerHost';
import { ColourBadge, DaysLeftText } from './OrderBadges';
import { receivedText as t } from './receivedText';
import { kindLabel } from './text';

const SHOWN = 6;
const TASKS = new Set<OrderTask['task']>(['sign', 'reply', 'review']);
const taskColour: Record<string, string> = { sign: 'orange', reply: 'blue', review: 'violet' };

export function OrderTasksCard({ place }: { place: 'top' | 'below' }) {
  // A failure leaves the page usable: the card simply does not show.
  const tasks = (useRead('orders.tasks').data ?? []).filter((task) => TASKS.has(task.task));
  const [all, setAll] = useState(false);
  const red = tasks.filter((task) => task.order.displayColour === 'red').length;
  if (tasks.length === 0 || red > 0 !== (place === 'top')) return null;
  // Red first, then the nearest deadline.
  const sorted = [...tasks].sort(
    (a, b) =>
      Number(b.order.displayColour === 'red') - Number(a.order.displayColour === 'red') ||
      a.order.replyDue.localeCompare(b.order.replyDue),
  );
  const shown = all ? sorted : sorted.slice(0, SHOWN);
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      data-testid="order-tasks"
      data-place={place}
      style={{ borderColor: `var(--mantine-color-${red ? 'red' : 'court'}-4)`, borderLeftWidth: 4 }}
    >
      <Group gap="xs" mb="xs">
        <IconFlag size={20} color={`var(--mantine-color-${red ? 'red' : 'court'}-7)`} aria-hidden />
        <Text fw={700} size="md">
          {t.tasksTitle}
        </Text>
        <Badge color={red ? 'red' : 'court'} variant="filled" radius="sm" data-testid="order-tasks-count">
          {t.tasksCount(tasks.length)}
        </Badge>
        {red > 0 && (
          <Badge color="red" variant="outline" radius="sm" data-testid="order-tasks-red">
            {t.tasksRed(red)}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {t.tasksHint}
        </Text>
      </Group>
      <Stack gap={6}>
        {shown.map((task) => (
          <TaskRow key={`${task.task}:${task.order.id}`} task={task} />
        ))}
      </Stack>
      {sorted.length > shown.length && (
        <Text size="sm" c="dimmed" ta="center" mt="xs">
          {t.moreRows(sorted.length - shown.length)}
          <Anchor component="button" type="button" size="sm" onClick={() => setAll(true)}>
            {t.showAll}
          </Anchor>
        </Text>
      )}
    </Paper>
  );
}

function TaskRow({ task }: { task: OrderTask }) {
  const { order } = task;
  const href = routeHref(orderRoute(order.campaignId, order.id));
  const action = t.taskAction[task.task];
  return (
    <Paper
      withBorder
      px="sm"
      py={8}
      radius="sm"
      bg={order.displayColour === 'red' ? 'red.0' : undefined}
      data-testid="order-task"
      data-task={task.task}
      data-id={order.id}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            <Anchor href={href} size="sm" fw={600} c="inherit" data-testid="order-task-doc">
              {order.docNumber}
            </Anchor>
            <ColourBadge order={order} size="sm" />
            <Text size="xs" c="dimmed">
              {kindLabel[order.kind]} · {order.originName} · {order.campaignTitle}
            </Text>
          </Group>
          <Group gap={8}>
            <Text size="xs" c="dimmed">
              {t.taskDue(formatDate(order.replyDue))}
            </Text>
            <DaysLeftText order={order} />
            {order.state === 'returned' && order.decisionNote && (
              <Text size="xs" c="orange.9" lineClamp={1} title={order.decisionNote}>
                {t.taskReturned(order.decisionNote)}
              </Text>
            )}
          </Group>
        </Stack>
        <Button
          component="a"
          href={href}
          size="xs"
          variant="light"
          color={taskColour[task.task]}
          rightSection={<IconChevronRight size={14} />}
          aria-label={t.taskActionLabel(action, order.docNumber)}
          data-testid="order-task-action"
        >
          {action}
        </Button>
      </Group>
    </Paper>
  );
}
