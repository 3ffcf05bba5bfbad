// Supervision notes a higher court addressed to this court that nobody here has read yet, for
// the people they wait on (我的待办, 本院挂图). A 督导意见 reads as work to do, a plain 意见 as
// something to note. Each row leads to the campaign (the note is shown there, on the item or
// the court) and can be marked read; once everything is read the card is gone.
import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconChecks, IconChevronRight, IconMessageCircleExclamation } from '@tabler/icons-react';
import type { UnreadNote } from '../../shared/api';
import { useRead, useWrite } from '../api/queries';
import { prefetchItems } from '../campaign/itemsPrefetch';
import { formatDate } from '../lib/dates';
import { campaignRoute, itemRoute, routeHref } from '../lib/router';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { noteText as t } from './text';

/** Enough to act on at a glance; the rest folds away. */
const SHOWN = 5;

export function UnreadNotesCard() {
  // A failure leaves the page usable: the card simply does not show.
  const unread = useRead('supervision.unread').data;
  const markRead = useWrite('supervision.markRead');
  const [all, setAll] = useState(false);
  if (!unread || unread.length === 0) return null;
  const mark = async (input: { ids: string[] } | { all: true }) => {
    const result = await markRead.mutateAsync(input);
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.markedRead(result.value.marked));
  };
  const shown = all ? unread : unread.slice(0, SHOWN);
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      data-testid="unread-notes"
      style={{ borderColor: 'var(--mantine-color-orange-4)', borderLeftWidth: 4 }}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          <IconMessageCircleExclamation size={20} color="var(--mantine-color-orange-7)" aria-hidden />
          <Text fw={700} size="md">
            {t.cardTitle}
          </Text>
          <Badge color="orange" variant="filled" radius="sm" data-testid="unread-notes-count">
            {t.cardUnread(unread.length)}
          </Badge>
          <Text size="xs" c="dimmed">
            {t.cardHint}
          </Text>
        </Group>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconChecks size={15} />}
          onClick={() => void mark({ all: true })}
          loading={markRead.isPending}
          aria-label={t.markAllReadLabel(unread.length)}
          data-testid="unread-notes-all-read"
        >
          {t.markAllRead}
        </Button>
      </Group>
      <Stack gap={6}>
        {shown.map((note) => (
          <UnreadRow key={note.id} note={note} busy={markRead.isPending} onRead={() => void mark({ ids: [note.id] })} />
        ))}
      </Stack>
      {unread.length > shown.length && (
        <Text size="sm" c="dimmed" ta="center" mt="xs">
          {t.moreRows(unread.length - shown.length)}
          <Anchor component="button" type="button" size="sm" onClick={() => setAll(true)}>
            {t.showAll}
          </Anchor>
        </Text>
      )}
    </Paper>
  );
}

function UnreadRow({ note, busy, onRead }: { note: UnreadNote; busy: boolean; onRead(): void }) {
  const action = note.kind === 'supervision';
  // A note on an item opens that item, on its 上级督导意见 tab; a note on the whole court, the campaign.
  const href = routeHref(
    note.itemId ? itemRoute(note.campaignId, note.itemId, 'supervision') : campaignRoute(note.campaignId),
  );
  return (
    <Paper
      withBorder
      px="sm"
      py={8}
      radius="sm"
      bg={action ? 'orange.0' : undefined}
      data-testid="unread-note"
      data-kind={note.kind}
      data-id={note.id}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Group gap={6} wrap="wrap">
            <Badge color={action ? 'orange' : 'blue'} variant={action ? 'filled' : 'light'} radius="sm" size="sm">
              {t.kind[note.kind]}
            </Badge>
            <Text size="xs" fw={600} c={action ? 'orange.9' : 'blue.8'}>
              {t.kindAction[note.kind]}
            </Text>
            <Text size="xs" c="dimmed">
              {note.campaignTitle} · {note.itemTitle ? t.onItem(note.itemTitle) : t.onCourt}
            </Text>
          </Group>
          <Text
            size="sm"
            lineClamp={2}
            title={note.text}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="unread-note-text"
          >
            {note.text}
          </Text>
          <Text size="xs" c="dimmed">
            {t.from(note.originName, note.author, formatDate(note.createdAt))}
          </Text>
        </Stack>
        <Group gap={6} wrap="nowrap">
          <Button
            size="xs"
            variant="light"
            color="gray"
            onClick={onRead}
            disabled={busy}
            aria-label={t.markReadLabel(note.text.slice(0, 20))}
            data-testid="unread-note-read"
          >
            {t.markRead}
          </Button>
          <Button
            component="a"
            href={href}
            size="xs"
            variant="light"
            rightSection={<IconChevronRight size={14} />}
            onClick={() => prefetchItems(note.campaignId)}
            aria-label={t.openLabel(note.campaignTitle)}
            data-testid="unread-note-open"
          >
            {t.open}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** The count beside 我的待办 in the navigation; nothing when all is read. */
export function UnreadNotesNavBadge() {
  const count = useRead('supervision.unread').data?.length ?? 0;
  if (count === 0) return null;
  return (
    <Badge
      color="orange"
      variant="filled"
      size="sm"
      radius="xl"
      aria-label={t.navBadgeLabel(count)}
      data-testid="nav-unread-notes"
    >
      {count}
    </Badge>
  );
}
