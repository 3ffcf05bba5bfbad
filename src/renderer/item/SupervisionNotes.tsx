// Supervision notes (督导意见) as either end sees them: the higher court writes them on a
// subordinate's court or item and may withdraw its own; the subordinate reads those addressed to
// it, marking them read. Used in the item drawer and on the campaign page. Kind 督导意见 (a formal
// requirement) is set apart from a plain 意见 by colour and by name; a superior's note on a court
// below, seen on the way, is marked read-only.
import { useState } from 'react';
import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useCloseGuard } from '../common/useCloseGuard';
import { IconMessageCircleExclamation, IconTrash } from '@tabler/icons-react';
import type { SupervisionNote } from '../../shared/api';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { IconAction } from '../common/IconAction';
import { formatDateTime } from '../lib/dates';
import { useCheckedWrite } from '../lib/checkedWrite';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { noteText } from '../work/text';
import { itemText as t } from './text';

type NoteKind = SupervisionNote['kind'];
export const noteKindColor: Record<NoteKind, string> = { supervision: 'orange', comment: 'blue' };

/**
 * Notes newest first; `showItem` names the item each is about (on the campaign page), `showCourt`
 * also the court; `canDelete` offers this court's own notes for withdrawal (the lists refresh
 * themselves afterwards). A received note can be marked read.
 */
export function SupervisionNoteList({
  notes,
  showItem = false,
  showCourt = false,
  canDelete = false,
}: {
  notes: SupervisionNote[];
  showItem?: boolean;
  showCourt?: boolean;
  canDelete?: boolean;
}) {
  const { court, can } = useApp();
  const deleteNote = useWrite('supervision.delete');
  const markRead = useWrite('supervision.markRead');
  const read = async (note: SupervisionNote) => {
    const result = await markRead.mutateAsync({ ids: [note.id] });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(noteText.markedRead(1));
  };
  const remove = async (note: SupervisionNote) => {
    if (
      !(await confirmAction({ message: t.supervisionDeleteConfirm, confirmLabel: t.supervisionDelete, danger: true }))
    )
      return;
    const result = await deleteNote.mutateAsync({ id: note.id, version: note.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.supervisionDeleted);
  };
  if (notes.length === 0) {
    return (
      <Text c="dimmed" size="sm" ta="center" py="sm">
        {t.supervisionNone}
      </Text>
    );
  }
  return (
    <Stack gap="xs" data-testid="supervision-list">
      {notes.map((note) => (
        <Paper
          key={note.id}
          withBorder
          p="sm"
          radius="sm"
          data-testid="supervision-note"
          data-kind={note.kind}
          data-relation={note.relation}
          style={{ borderLeft: `3px solid var(--mantine-color-${noteKindColor[note.kind]}-5)` }}
        >
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Group gap="xs">
              <Badge
                color={noteKindColor[note.kind]}
                variant={note.kind === 'supervision' ? 'filled' : 'light'}
                radius="sm"
                size="sm"
              >
                {t.supervisionKind[note.kind]}
              </Badge>
              {note.kind === 'supervision' && note.relation === 'received' && (
                <Text size="xs" fw={600} c="orange.9">
                  {noteText.kindAction.supervision}
                </Text>
              )}
              {(note.relation === 'superior' || note.relation === 'subordinate') && (
                <Badge color="gray" variant="outline" radius="sm" size="sm" data-testid="supervision-note-onpath">
                  {note.relation === 'superior' ? noteText.superiorOnPath : noteText.subordinateOnPath}
                </Badge>
              )}
              <Text size="xs" c="dimmed">
                {t.supervisionBy(note.author, note.originName)} · {formatDateTime(note.createdAt)}
              </Text>
            </Group>
            {note.relation === 'received' && !note.readAt && (
              <Group gap={6} wrap="nowrap">
                <Badge color="red" variant="light" radius="sm" size="sm" data-testid="supervision-note-unread">
                  {noteText.unread}
                </Badge>
                <Button
                  size="compact-xs"
                  variant="light"
                  color="gray"
                  onClick={() => void read(note)}
                  disabled={markRead.isPending}
                  aria-label={noteText.markReadLabel(note.text.slice(0, 20))}
                  data-testid="supervision-note-read"
                >
                  {noteText.markRead}
                </Button>
              </Group>
            )}
            {note.relation === 'received' && note.readAt && (
              <Text size="xs" c="dimmed" data-testid="supervision-note-read-by">
                {noteText.readBy(note.readBy ?? '', formatDateTime(note.readAt))}
              </Text>
            )}
            {note.origin === court.code && can('admin', 'reviewer') && canDelete && (
              <IconAction
                label={t.supervisionDelete}
                variant="subtle"
                color="red"
                size="sm"
                onClick={() => void remove(note)}
              >
                <IconTrash size={15} />
              </IconAction>
            )}
          </Group>
          {showItem && (
            <Text size="xs" c="dimmed" mt={4}>
              {showCourt && `${note.courtName} · `}
              {note.itemTitle ? t.supervisionOnItem(note.itemTitle) : t.supervisionOnCourt}
            </Text>
          )}
          <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.text}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

/** The higher court's form: a note on the court `courtCode` as a whole, or on one of its items. */
export function SupervisionNoteForm({
  campaignId,
  courtCode,
  itemId,
}: {
  campaignId: string;
  courtCode: string;
  itemId: string | null;
}) {
  const [kind, setKind] = useState<NoteKind>('supervision');
  const [text, setText] = useState('');
  // Inside the item drawer: closing it with a note typed here asks first.
  useCloseGuard(text.trim() !== '');
  const [error, setError] = useState<string | null>(null);
  // The form has one field, so every message (found before sending or by the server) shows under the text.
  const addNote = useCheckedWrite('supervision.add', { setErrors: () => undefined }, '');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await addNote.submit({ campaignId, courtCode, itemId, kind, text });
    if (!result.ok) {
      const fields = result.fieldErrors ?? {};
      setError(fields.text ?? (result.message || Object.values(fields)[0]));
      return;
    }
    setText('');
    setError(null);
    notifySuccess(t.supervisionAdded);
  };
  return (
    <Paper withBorder p="sm" bg="#fafbfc" component="form" onSubmit={submit} noValidate data-testid="supervision-form">
      <Stack gap="xs">
        <Group gap="sm">
          <Text size="sm" fw={500}>
            {t.supervisionKindLabel}
          </Text>
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(value) => setKind(value as NoteKind)}
            data={(['supervision', 'comment'] as const).map((value) => ({ value, label: t.supervisionKind[value] }))}
            data-testid="supervision-kind"
          />
        </Group>
        <Textarea
          aria-label={t.supervisionText}
          placeholder={t.supervisionPlaceholder}
          autosize
          minRows={2}
          maxRows={6}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          data-testid="supervision-text"
        />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t.supervisionWrittenHint(courtCode)}
          </Text>
          <Button
            type="submit"
            size="sm"
            loading={addNote.isPending}
            leftSection={<IconMessageCircleExclamation size={16} />}
            data-testid="supervision-submit"
          >
            {t.supervisionAdd}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The drawer's tab. At the higher court (another court's item): its notes on the item and the
 * form. At the subordinate (its own item): the notes addressed to it, read-only.
 */
export function ItemSupervision({
  itemId,
  campaignId,
  courtCode,
  received,
  notes,
}: {
  itemId: string;
  campaignId: string;
  courtCode: string;
  received: boolean;
  notes: SupervisionNote[];
}) {
  const { can } = useApp();
  if (received) {
    return (
      <Stack gap="sm" data-testid="item-received-supervision">
        <Alert color="orange" variant="light" icon={<IconMessageCircleExclamation size={18} />}>
          {t.supervisionReceivedHint}
        </Alert>
        <SupervisionNoteList notes={notes} />
      </Stack>
    );
  }
  return (
    <Stack gap="sm" data-testid="item-supervision">
      {can('admin', 'reviewer') && (
        <SupervisionNoteForm campaignId={campaignId} courtCode={courtCode} itemId={itemId} />
      )}
      <SupervisionNoteList notes={notes} canDelete />
    </Stack>
  );
}
