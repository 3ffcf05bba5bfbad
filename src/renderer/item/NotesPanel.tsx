// 记录进展: the form (RecordProgressForm) and the history, newest first, each note with the files
// handed in with it. Another court's item shows its history only; a signed-off item (已销号) too,
// with the line that says how to change it.
import { Alert, Anchor, Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import type { Evidence, ItemDetail } from '../../shared/api';
import { send } from '../api/client';
import { useApp } from '../AppContext';
import { formatLongDate } from '../lib/dates';
import { notifyFailure } from '../lib/notify';
import { RecordProgressForm } from './RecordProgressForm';
import { itemText as t } from './text';
import { HighlightBadge, HighlightToggle } from '../writtenSummary/HighlightToggle';
import { summaryText } from '../writtenSummary/text';

export function NotesPanel({
  item,
  readOnly = false,
  autoFocus = false,
  mayMarkHighlight = false,
}: {
  item: ItemDetail;
  readOnly?: boolean;
  autoFocus?: boolean;
  /** Offers 标为亮点 / 取消亮点 on each note (this court's own item, someone who may work on it). */
  mayMarkHighlight?: boolean;
}) {
  const { user, can } = useApp();
  const signedOff = item.status === 'signed_off';
  // A 填报人 records progress only on their own department's items (the main process refuses the
  // rest): say so instead of offering a form that fails after it is filled.
  const otherDepartment = !can('admin', 'reviewer') && (!user.departmentId || user.departmentId !== item.departmentId);
  const filesOf = new Map<string, Evidence[]>();
  for (const e of item.evidence) {
    if (!e.noteId) continue;
    filesOf.set(e.noteId, [...(filesOf.get(e.noteId) ?? []), e]);
  }
  const open = async (evidence: Evidence) => {
    const result = await send('evidence.open', { id: evidence.id });
    if (!result.ok) notifyFailure(result, t.openFailed);
  };

  return (
    <Stack>
      {signedOff && !readOnly && (
        <Alert color="teal" variant="light" data-testid="signed-off-read-only">
          {t.signedOffReadOnly}
        </Alert>
      )}
      {!readOnly && !signedOff && otherDepartment && (
        <Alert color="gray" variant="light" data-testid="progress-other-department">
          {t.progressOtherDepartment(item.departmentName)}
        </Alert>
      )}
      {!readOnly && !signedOff && !otherDepartment && <RecordProgressForm item={item} autoFocus={autoFocus} />}
      {item.notes.length === 0 ? (
        <Text c="gray.7" size="sm" ta="center" py="md">
          {t.noNotes}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="note-list">
          {item.notes.map((note) => {
            const files = filesOf.get(note.id) ?? [];
            return (
              <Timeline.Item
                key={note.id}
                title={
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {formatLongDate(note.noteDate)}
                    </Text>
                    <Text size="sm" c="gray.7">
                      {note.author}
                    </Text>
                    {note.percent !== null && (
                      <Badge size="sm" variant="light" radius="sm">
                        {note.percent}%
                      </Badge>
                    )}
                    {note.highlight && <HighlightBadge testId="note-highlight" />}
                    {mayMarkHighlight && (
                      <HighlightToggle
                        target="note"
                        id={note.id}
                        version={note.version}
                        highlight={note.highlight}
                        label={summaryText.noteHighlightLabel(formatLongDate(note.noteDate))}
                        size="compact-xs"
                      />
                    )}
                  </Group>
                }
                data-testid="note-entry"
              >
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {note.text}
                </Text>
                {files.length > 0 && (
                  <Group gap="xs" mt={4} data-testid="note-entry-files" aria-label={t.noteFiles}>
                    <IconPaperclip size={14} aria-hidden />
                    {files.map((file) => (
                      <Anchor
                        key={file.id}
                        component="button"
                        type="button"
                        size="sm"
                        onClick={() => void open(file)}
                        data-testid="note-entry-file"
                      >
                        {file.originalName}
                      </Anchor>
                    ))}
                  </Group>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Stack>
  );
}
