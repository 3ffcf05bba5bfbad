// On a higher court's 本院挂图: the 督办单 it issued that need it — overdue ones (escalated: 文号,
// 法院, the colour in words, 逾期 N 天) and replies waiting for 办结 or 退回 — each a link to the
// order. Hidden when there is nothing (and always at a basic court, which issues none).
import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { OrderTask } from '../../shared/orders/ordersModel';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { routeHref } from '../lib/router';
import { orderRoute } from './IssuedOrdersPanel';
import { ColourBadge } from './OrderBadges';
import { overdueDays, ordersText as t } from './text';

function TaskRow({ task }: { task: OrderTask }) {
  const o = task.order;
  const href = routeHref(orderRoute(o));
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      py={6}
      style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}
      data-testid="issued-task"
      data-task={task.task}
      data-id={o.id}
    >
      <ColourBadge order={o} size="xs" />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Anchor href={href} size="sm" lineClamp={1} data-testid="issued-task-link">
          {o.docNumber} {o.courtName}
        </Anchor>
        <Text size="xs" c="dimmed" lineClamp={1} title={o.campaignTitle}>
          {o.campaignTitle}
        </Text>
      </div>
      {task.task === 'overdue' ? (
        <Badge color="red" variant="filled" radius="sm" style={{ flex: 'none' }}>
          {o.daysLeft !== null && o.daysLeft < 0 ? overdueDays(-o.daysLeft) : t.tasksOverdue}
        </Badge>
      ) : (
        <Badge color="indigo" variant="light" radius="sm" style={{ flex: 'none' }}>
          {t.tasksDecide}
        </Badge>
      )}
    </Group>
  );
}

export function IssuedOrderTasksCard() {
  const { court } = useApp();
  const read = useRead('orders.tasks', undefined, { enabled: court.level !== 'basic' });
  const tasks = (read.data ?? []).filter((task) => task.task === 'overdue' || task.task === 'decide');
  if (court.level === 'basic' || tasks.length === 0) return null;
  const overdue = tasks.filter((task) => task.task === 'overdue');
  const decide = tasks.filter((task) => task.task === 'decide');
  return (
    <Paper
      withBorder
      radius="sm"
      p="md"
      data-testid="issued-tasks"
      style={{ borderLeft: '4px solid var(--mantine-color-red-6)' }}
    >
      <Group justify="space-between" mb={4}>
        <Text fw={600} component="h2" fz="md" m={0}>
          {t.tasksTitle}
        </Text>
        <Text size="sm" c="dimmed">
          {t.tasksCount(overdue.length, decide.length)}
        </Text>
      </Group>
      <Stack gap={0}>
        {[...overdue, ...decide].map((task) => (
          <TaskRow key={`${task.task}:${task.order.id}`} task={task} />
        ))}
      </Stack>
    </Paper>
  );
}
