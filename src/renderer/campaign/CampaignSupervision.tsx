// Supervision notes (督导意见) on the campaign page. At the higher court viewing a subordinate:
// every note it wrote to that court in this campaign, and the form for a note on the court's work
// as a whole. At the subordinate: the notes its superiors addressed to it, shown only when any.
import { useState } from 'react';
import { Badge, Collapse, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconMessageCircleExclamation } from '@tabler/icons-react';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { SupervisionNoteForm, SupervisionNoteList } from '../item/SupervisionNotes';
import { campaignText as t } from './text';

/** `courtCode` another court: the notes we wrote to it, with the form. Null: notes addressed to us. */
export function CampaignSupervision({
  campaignId,
  courtCode,
  courtName,
}: {
  campaignId: string;
  courtCode: string | null;
  courtName?: string;
}) {
  const { court, can } = useApp();
  // Notes written or withdrawn anywhere (here, in an item's drawer) refresh this list by themselves.
  // A failure here leaves the checklist usable; the notes simply do not show.
  const notes = useRead('supervision.list', { campaignId, courtCode: courtCode ?? court.code }).data;
  // Notes received are there to be read; writing one is the occasional step, folded away.
  const [open, setOpen] = useState(courtCode === null);

  const written = courtCode !== null;
  if (!notes || (!written && notes.length === 0)) return null;
  const title = written ? t.courtSupervisionTitle(courtName ?? courtCode) : t.receivedSupervisionTitle;
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      data-testid={written ? 'court-supervision' : 'received-supervision'}
      style={{ borderColor: 'var(--mantine-color-orange-3)' }}
    >
      <UnstyledButton onClick={() => setOpen((v) => !v)} w="100%" aria-expanded={open} data-testid="supervision-toggle">
        <Group justify="space-between">
          <Group gap="xs">
            <IconMessageCircleExclamation size={18} color="var(--mantine-color-orange-7)" />
            <Text fw={600} size="sm">
              {title}
            </Text>
            <Badge color="orange" variant="light" radius="sm" size="sm">
              {t.supervisionCount(notes.length)}
            </Badge>
          </Group>
          {open ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Stack gap="sm" mt="sm">
          {!written && (
            <Text size="xs" c="dimmed">
              {t.receivedSupervisionHint}
            </Text>
          )}
          {written && can('admin', 'reviewer') && (
            <SupervisionNoteForm campaignId={campaignId} courtCode={courtCode} itemId={null} />
          )}
          <SupervisionNoteList notes={notes} showItem canDelete={written} />
        </Stack>
      </Collapse>
    </Paper>
  );
}
