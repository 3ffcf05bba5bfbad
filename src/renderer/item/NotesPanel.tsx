// Progress notes: add (date defaults to today, author to the logged-in user), history newest first.
// Another court's item shows its history only.
import { useState } from 'react';
import {
  Alert,
  Autocomplete,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  Timeline,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ItemDetail } from '../../shared/api';
import { useApp } from '../AppContext';
import { DateField } from '../common/DateField';
import { formatLongDate } from '../lib/dates';
import { useCheckedWrite } from '../lib/checkedWrite';
import { notifySuccess } from '../lib/notify';
import { itemText as t } from './text';

interface NoteValues {
  noteDate: string | null;
  author: string;
  text: string;
  percent: number | string;
}

export function NotesPanel({ item, readOnly = false }: { item: ItemDetail; readOnly?: boolean }) {
  const { user, today, people } = useApp();
  const form = useForm<NoteValues>({
    mode: 'controlled',
    initialValues: { noteDate: today, author: user.displayName, text: '', percent: '' },
  });
  const [error, setError] = useState<string | null>(null);
  // Problems found before sending show only at the fields.
  const addNote = useCheckedWrite('progress.add', form, '');
  const done = item.status === 'completed' || item.status === 'signed_off';

  const submit = form.onSubmit(async ({ noteDate, author, text, percent }) => {
    setError(null);
    const result = await addNote.submit({
      itemId: item.id,
      noteDate: noteDate ?? '',
      // Left empty, the main process records the logged-in user.
      ...(author.trim() ? { author } : {}),
      text,
      ...(percent === '' || done ? {} : { percent: Number(percent) }),
    });
    if (!result.ok) {
      setError(result.message || null);
      return;
    }
    // The note shows in the history once the item is reread (every write refreshes it).
    form.setValues({ text: '', percent: '' });
    form.clearErrors();
    notifySuccess(t.noteAdded);
  });

  return (
    <Stack>
      {!readOnly && (
        <Paper withBorder p="sm" bg="#fafbfc" component="form" onSubmit={submit} noValidate data-testid="note-form">
          <Stack gap="xs">
            {error && <Alert color="red">{error}</Alert>}
            <Group grow align="flex-start">
              <DateField label={t.noteDate} maxDate={today} withAsterisk {...form.getInputProps('noteDate')} />
              <Autocomplete
                label={t.noteAuthor}
                data={[...new Set(people.map((p) => p.name))]}
                placeholder={user.displayName}
                {...form.getInputProps('author')}
              />
              <NumberInput
                label={t.notePercent}
                min={0}
                max={100}
                allowDecimal={false}
                suffix="%"
                disabled={done}
                {...form.getInputProps('percent')}
              />
            </Group>
            <Textarea
              label={t.noteText}
              placeholder={t.noteTextPlaceholder}
              autosize
              minRows={2}
              maxRows={6}
              withAsterisk
              {...form.getInputProps('text')}
              data-testid="note-text"
            />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t.historyNote}
              </Text>
              <Button type="submit" loading={addNote.isPending}>
                {t.addNote}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {item.notes.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {t.noNotes}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="note-list">
          {item.notes.map((note) => (
            <Timeline.Item
              key={note.id}
              title={
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {formatLongDate(note.noteDate)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {note.author}
                  </Text>
                  {note.percent !== null && (
                    <Badge size="sm" variant="light" radius="sm">
                      {note.percent}%
                    </Badge>
                  )}
                </Group>
              }
              data-testid="note-entry"
            >
              <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                {note.text}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  );
}
