// Supervision notes (督导意见) on the campaign page. Viewing a subordinate court: every note on
// that court this court may see (its own, with the form; its superiors' and subordinates' on the
// way, read-only). The own view: every note of the campaign that concerns this court, by what it
// is to us: received from superiors (to read and mark read), written by us (per court below), and
// superiors' notes on our own courts below (read-only). Shown only when there are any.
import { useState } from 'react';
import { Anchor, Badge, Collapse, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconMessageCircleExclamation } from '@tabler/icons-react';
import type { NoteRelation, SupervisionNote } from '../../shared/api';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { SupervisionNoteForm, SupervisionNoteList } from '../item/SupervisionNotes';
import { campaignRoute, routeHref } from '../lib/router';
import { noteText } from '../work/text';
import { campaignText as t } from './text';

/** `courtCode` another court: the notes on it, with the form. Null: the campaign's notes that concern us. */
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
  const notes = useRead('supervision.list', courtCode ? { campaignId, courtCode } : { campaignId }).data;
  // Unread notes open the panel; otherwise writing and reading back are folded away until asked for.
  const [toggled, setToggled] = useState<boolean | null>(null);

  const written = courtCode !== null;
  if (!notes || (!written && notes.length === 0)) return null;
  const unread = notes.filter((note) => note.relation === 'received' && !note.readAt).length;
  const onlyReceived = notes.every((note) => note.relation === 'received');
  const open = toggled ?? (written ? false : unread > 0 || onlyReceived);
  const title = written
    ? t.courtSupervisionTitle(courtName ?? courtCode)
    : onlyReceived
      ? t.receivedSupervisionTitle
      : noteText.panelTitle;
  return (
    <Paper
      withBorder
      p="sm"
      radius="sm"
      data-testid={written ? 'court-supervision' : 'received-supervision'}
      style={{ borderColor: 'var(--mantine-color-orange-3)' }}
    >
      <UnstyledButton onClick={() => setToggled(!open)} w="100%" aria-expanded={open} data-testid="supervision-toggle">
        <Group justify="space-between">
          <Group gap="xs">
            <IconMessageCircleExclamation size={18} color="var(--mantine-color-orange-7)" />
            <Text fw={600} size="sm">
              {title}
            </Text>
            <Badge color="orange" variant="light" radius="sm" size="sm" data-testid="supervision-count">
              {t.supervisionCount(notes.length)}
            </Badge>
            {unread > 0 && (
              <Badge color="red" variant="filled" radius="sm" size="sm" data-testid="supervision-unread-count">
                {noteText.panelUnread(unread)}
              </Badge>
            )}
          </Group>
          {open ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Stack gap="sm" mt="sm">
          {written ? (
            <>
              {can('admin', 'reviewer') && (
                <SupervisionNoteForm campaignId={campaignId} courtCode={courtCode} itemId={null} />
              )}
              <SupervisionNoteList notes={notes} showItem canDelete />
            </>
          ) : onlyReceived ? (
            <>
              <Text size="xs" c="dimmed">
                {t.receivedSupervisionHint}
              </Text>
              <SupervisionNoteList notes={notes} showItem />
            </>
          ) : (
            <OwnViewSections campaignId={campaignId} notes={notes} ownCode={court.code} />
          )}
        </Stack>
      </Collapse>
    </Paper>
  );
}

/** The own view at a court that writes notes: received, written (per court below), seen on the way. */
function OwnViewSections({
  campaignId,
  notes,
  ownCode,
}: {
  campaignId: string;
  notes: SupervisionNote[];
  ownCode: string;
}) {
  const of = (relation: NoteRelation) => notes.filter((note) => note.relation === relation);
  const received = of('received');
  const mine = of('written');
  const superior = of('superior');
  const subordinate = of('subordinate');
  // The courts written to, in the order of their newest note.
  const courts = [...new Map(mine.map((note) => [note.courtCode, note.courtName])).entries()];
  return (
    <>
      {received.length > 0 && (
        <Section title={noteText.sectionReceived} count={received.length} testId="supervision-section-received">
          <Text size="xs" c="dimmed">
            {t.receivedSupervisionHint}
          </Text>
          <SupervisionNoteList notes={received} showItem />
        </Section>
      )}
      {mine.length > 0 && (
        <Section title={noteText.sectionWritten} count={mine.length} testId="supervision-section-written">
          {courts.map(([code, name]) => {
            const about = mine.filter((note) => note.courtCode === code);
            return (
              <Stack key={code} gap={4} data-testid="supervision-court-group" data-court={code}>
                <Anchor
                  size="sm"
                  fw={600}
                  href={routeHref(campaignRoute(campaignId, 'checklist', code === ownCode ? undefined : code))}
                >
                  {noteText.aboutCourt(name, about.length)}
                </Anchor>
                <SupervisionNoteList notes={about} showItem canDelete />
              </Stack>
            );
          })}
        </Section>
      )}
      {superior.length > 0 && (
        <Section title={noteText.sectionSuperior} count={superior.length} testId="supervision-section-superior">
          <SupervisionNoteList notes={superior} showItem showCourt />
        </Section>
      )}
      {subordinate.length > 0 && (
        <Section
          title={noteText.sectionSubordinate}
          count={subordinate.length}
          testId="supervision-section-subordinate"
        >
          <SupervisionNoteList notes={subordinate} showItem showCourt />
        </Section>
      )}
    </>
  );
}

function Section({
  title,
  count,
  testId,
  children,
}: {
  title: string;
  count: number;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <Stack gap={6} data-testid={testId}>
      <Group gap="xs">
        <Text size="sm" fw={700} c="gray.8">
          {title}
        </Text>
        <Badge color="gray" variant="light" radius="sm" size="sm">
          {noteText.panelCount(count)}
        </Badge>
      </Group>
      {children}
    </Stack>
  );
}
