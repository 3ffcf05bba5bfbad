// The badges of a 督办单: its colour (a swatch AND the word, “红色（由黄色升级）” once escalated), its
// state in words, 逾期, and the days left to reply. Shared by the issuer's and the receiving court's
// screens and the order drawer.
import { Badge, Group, Text } from '@mantine/core';
import type { OrderColour, SupervisionOrder } from '../../shared/orders/ordersModel';
import { colourMantine, colourText, daysLeftText, overdueLabel, stateColour, stateText } from './text';

/** A small square of the colour, beside its word (never the colour alone). */
export function ColourSwatch({ colour, size = 12 }: { colour: OrderColour; size?: number }) {
  return (
    <span
      aria-hidden
      style={{
        display: 'inline-block',
        width: size,
        height: size,
        borderRadius: 3,
        flex: 'none',
        background: `var(--mantine-color-${colourMantine[colour]}-${colour === 'yellow' ? 5 : 6})`,
        border: '1px solid var(--mantine-color-gray-5)',
      }}
    />
  );
}

export function ColourBadge({
  order,
  size = 'sm',
}: {
  order: Pick<SupervisionOrder, 'colour' | 'displayColour'>;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}) {
  const colour = order.displayColour;
  return (
    <Badge
      size={size}
      radius="sm"
      variant="filled"
      color={colourMantine[colour]}
      // Yellow as a 三色督办单 shows it (the theme's filled yellow is a dark amber), with black words.
      style={
        colour === 'yellow'
          ? { textTransform: 'none', background: 'var(--mantine-color-yellow-4)', color: '#1a1b1e' }
          : { textTransform: 'none', color: 'white' }
      }
      data-testid="order-colour"
      data-colour={colour}
      title={`颜色：${colourText(order)}`}
    >
      {colourText(order)}
    </Badge>
  );
}

/** The state in words. */
export function StateBadge({
  order,
  size = 'sm',
}: {
  order: Pick<SupervisionOrder, 'state' | 'relation' | 'responses'>;
  size?: 'sm' | 'md';
}) {
  return (
    <Badge
      size={size}
      radius="sm"
      variant="light"
      color={stateColour[order.state]}
      style={{ textTransform: 'none' }}
      data-testid="order-state"
      data-state={order.state}
    >
      {stateText(order)}
    </Badge>
  );
}

/** The state in words, and 逾期 beside it when the order is overdue. */
export function StateBadges({
  order,
}: {
  order: Pick<SupervisionOrder, 'state' | 'overdue' | 'relation' | 'responses'>;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <StateBadge order={order} />
      {order.overdue && (
        <Badge size="sm" radius="sm" variant="filled" color="red" data-testid="order-overdue">
          {overdueLabel}
        </Badge>
      )}
    </Group>
  );
}

/** "还剩 N 天" / "今天到期" / "已逾期 N 天" for open orders; nothing once replied or closed. */
export function DaysLeftText({ order }: { order: Pick<SupervisionOrder, 'daysLeft' | 'overdue'> }) {
  if (order.daysLeft === null) return null;
  const late = order.daysLeft < 0;
  return (
    <Text
      span
      size="xs"
      fw={late ? 600 : undefined}
      c={late ? 'red.8' : order.daysLeft <= 3 ? 'yellow.9' : 'dimmed'}
      data-testid="order-days-left"
    >
      {daysLeftText(order.daysLeft)}
    </Text>
  );
}
