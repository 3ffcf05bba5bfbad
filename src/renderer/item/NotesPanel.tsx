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
import type { ItemDetail } from '../../shared/api';
import { useApp } from '../AppContext';
import { DateField } from '../common/DateField';
import { formatLongDate } from '../lib/dates';
import { checkedSend } from '../lib/checkedSend';
import { notifySuccess } from '../lib/notify';
import { itemText as t } from './text';

export function NotesPanel({
  item,
  readOnly = false,
  onAdded,
}: {
  item: ItemDetail;
  readOnly?: boolean;
  onAdded(): Promise<void>;
}) {
  const { user, today, people } = useApp();
  const [noteDate, setNoteDate] = useState<string | null>(today);
  const [author, setAuthor] = useState(user.displayName);
  const [text, setText] = useState('');
  const [percent, setPercent] = useState<number | string>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const done = item.status === 'completed' || item.status === 'signed_off';

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = {
      itemId: item.id,
      noteDate: noteDate ?? '',
      // Left empty, the main process records the logged-in user.
      ...(author.trim() ? { author } : {}),
      text,
      ...(percent === '' || done ? {} : { percent: Number(percent) }),
    };
    setSaving(true);
    // Problems found before sending show only at the fields.
    const result = await checkedSend('progress.add', input, { setErrors }, '');
    setSaving(false);
    if (!result.ok) {
      setError(result.message || null);
      return;
    }
    setText('');
    setPercent('');
    setErrors({});
    notifySuccess(t.noteAdded);
    await onAdded();
  };
  const clear = (key: string) => setErrors((e) => ({ ...e, [key]: '' }));

  return (
    <Stack>
      {!readOnly && (
        <Paper withBorder p="sm" bg="#fafbfc" component="form" onSubmit={submit} noValidate data-testid="note-form">
          <Stack gap="xs">
            {error && <Alert color="red">{error}</Alert>}
            <Group grow align="flex-start">
              <DateField
                label={t.noteDate}
                value={noteDate}
                onChange={(v) => {
                  setNoteDate(v);
                  clear('noteDate');
                }}
                maxDate={today}
                withAsterisk
                error={errors.noteDate || null}
              />
              <Autocomplete
                label={t.noteAuthor}
                data={[...new Set(people.map((p) => p.name))]}
                value={author}
                onChange={(v) => {
                  setAuthor(v);
                  clear('author');
                }}
                placeholder={user.displayName}
                error={errors.author || null}
              />
              <NumberInput
                label={t.notePercent}
                min={0}
                max={100}
                allowDecimal={false}
                suffix="%"
                value={percent}
                onChange={(v) => {
                  setPercent(v);
                  clear('percent');
                }}
                disabled={done}
                error={errors.percent || null}
              />
            </Group>
            <Textarea
              label={t.noteText}
              placeholder={t.noteTextPlaceholder}
              autosize
              minRows={2}
              maxRows={6}
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                clear('text');
              }}
              withAsterisk
              error={errors.text || null}
              data-testid="note-text"
            />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t.historyNote}
              </Text>
              <Button type="submit" loading={saving}>
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
