// The order's way so far, oldest first: issued, 签收 (who, when), each reply (its text, linked
// items and evidence, 草稿 / 待审核 / 已报送, the reviewer and a 退回修改 reason), and the issuer's
// latest decision (退回理由 or 办结意见) in its place in time.
import type { ReactNode } from 'react';
import { Anchor, Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowBackUp, IconChecks, IconMessage, IconSend, IconSignature } from '@tabler/icons-react';
import type { LinkedItem, OrderResponse, SupervisionOrder } from '../../shared/orders/ordersModel';
import { formatDateTime } from '../lib/dates';
import { receivedText as t } from './receivedText';

const replyColour: Record<OrderResponse['status'], string> = { draft: 'gray', pending: 'violet', sent: 'teal' };

interface Entry {
  key: string;
  at: string;
  bullet: ReactNode;
  colour: string;
  title: ReactNode;
  body: ReactNode;
  testId: string;
}

/** `itemHref` gives an item's address when it is held here (null: shown without a link). */
export function OrderTimeline({
  order,
  itemHref,
}: {
  order: SupervisionOrder;
  itemHref(item: LinkedItem): string | null;
}) {
  const entries: Entry[] = [
    {
      key: 'issued',
      at: order.issuedAt,
      bullet: <IconSend size={13} />,
      colour: 'court',
      title: t.eventIssued(order.originName, order.issuedBy),
      body: null,
      testId: 'order-event-issued',
    },
  ];
  let replyNumber = 0;
  for (const response of order.responses) {
    if (response.kind === 'sign') {
      entries.push({
        key: response.id,
        at: response.respondedAt ?? response.createdAt,
        bullet: <IconSignature size={13} />,
        colour: 'cyan',
        title: t.eventSigned(response.author),
        body: null,
        testId: 'order-event-signed',
      });
      continue;
    }
    replyNumber += 1;
    entries.push({
      key: response.id,
      at: response.respondedAt ?? response.submittedAt ?? response.createdAt,
      bullet: <IconMessage size={13} />,
      colour: replyColour[response.status],
      title: (
        <Group gap={6}>
          <span>{t.eventReply(replyNumber)}</span>
          <Badge
            size="sm"
            radius="sm"
            variant={response.status === 'sent' ? 'filled' : 'light'}
            color={replyColour[response.status]}
            data-testid="order-reply-status"
            data-status={response.status}
            style={{ textTransform: 'none' }}
          >
            {t.replyStatus[response.status]}
          </Badge>
        </Group>
      ),
      body: <ReplyBody response={response} itemHref={itemHref} />,
      testId: 'order-event-reply',
    });
  }
  if (order.decidedAt) {
    const closed = order.status === 'closed';
    entries.push({
      key: 'decision',
      at: order.decidedAt,
      bullet: closed ? <IconChecks size={13} /> : <IconArrowBackUp size={13} />,
      colour: closed ? 'green' : 'orange',
      title: closed ? t.eventClosed(order.decidedBy ?? '') : t.eventReturned(order.decidedBy ?? ''),
      body: order.decisionNote ? (
        <Text
          size="sm"
          c={closed ? undefined : 'orange.9'}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {closed ? t.closeNote(order.decisionNote) : t.returnReason(order.decisionNote)}
        </Text>
      ) : null,
      testId: closed ? 'order-event-closed' : 'order-event-returned',
    });
  }
  // Stable for equal times: the order they were added in.
  const sorted = entries.map((entry, index) => ({ entry, index }));
  sorted.sort((a, b) => (a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : a.index - b.index));

  return (
    <Timeline bulletSize={22} lineWidth={2} active={sorted.length - 1} data-testid="order-timeline">
      {sorted.map(({ entry }) => (
        <Timeline.Item
          key={entry.key}
          bullet={entry.bullet}
          color={entry.colour}
          title={
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Text size="sm" fw={600} component="div">
                {entry.title}
              </Text>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(entry.at)}
              </Text>
            </Group>
          }
          data-testid={entry.testId}
        >
          {entry.body}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function ReplyBody({ response, itemHref }: { response: OrderResponse; itemHref(item: LinkedItem): string | null }) {
  return (
    <Stack gap={4} mt={4}>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="order-reply-text">
        {response.text}
      </Text>
      {response.items.length > 0 && (
        <Text size="xs" c="dimmed" component="div" data-testid="order-reply-items">
          {t.linkedItems}：
          {response.items.map((item, index) => {
            const href = itemHref(item);
            return (
              <span key={item.id}>
                {index > 0 && '、'}
                {href ? (
                  <Anchor href={href} size="xs">
                    {item.title}
                  </Anchor>
                ) : (
                  item.title
                )}
              </span>
            );
          })}
        </Text>
      )}
      {response.evidence.length > 0 && (
        <Text size="xs" c="dimmed" data-testid="order-reply-evidence">
          {t.linkedEvidence}：{response.evidence.map((e) => e.name).join('、')}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t.replyAuthor(response.author, formatDateTime(response.createdAt))}
        {response.submittedAt ? ` · ${t.replySubmitted(formatDateTime(response.submittedAt))}` : ''}
      </Text>
      {response.reviewedBy && (
        <Text size="xs" c="dimmed" data-testid="order-reply-reviewer">
          {t.replyReviewed(response.reviewedBy, formatDateTime(response.reviewedAt))}
        </Text>
      )}
      {response.reviewNote && (
        <Text size="xs" c="orange.9" style={{ whiteSpace: 'pre-wrap' }} data-testid="order-reply-review-note">
          {t.reviewNote(response.reviewNote)}
        </Text>
      )}
    </Stack>
  );
}
