// 记录进展: one form for what a clerk does most — what was done (text), when (today unless said
// otherwise; a future date is refused under the field, never reset), how far (percent), the files
// that prove it (dropped or picked, several at once, sent in pieces with a progress bar each) and,
// in the same step, the hand-in for 销号 (保存并提交销号). One progress.add stores it all, or
// nothing: when it fails the uploads are discarded and everything typed and picked stays.
// Nothing typed is lost: closing the drawer (×, Esc, a click outside) asks first, and a draft
// (text, date, percent, picked files) is kept for this person and item while the window is open —
// leaving by the sidebar, a link or the back button brings it back on return.
import { useEffect, useState } from 'react';
import { Alert, Autocomplete, Button, Group, NumberInput, Paper, Progress, Stack, Text, Textarea } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { useForm } from '@mantine/form';
import { IconFileUpload, IconSend, IconUpload, IconX } from '@tabler/icons-react';
import type { ItemDetail } from '../../shared/api';
import { useApp } from '../AppContext';
import { DateField } from '../common/DateField';
import { IconAction } from '../common/IconAction';
import { MAX_EVIDENCE_BYTES } from '../common/fileTypes';
import { discardUpload, uploadInPieces } from '../common/uploadInPieces';
import { useCloseGuard } from '../common/useCloseGuard';
import { useCheckedWrite } from '../lib/checkedWrite';
import { formatSize } from '../lib/format';
import { notifySuccess } from '../lib/notify';
import { itemText as t } from './text';

interface Values {
  noteDate: string | null;
  author: string;
  text: string;
  percent: number | string;
}

interface Picked {
  key: number;
  file: File;
  phase: 'ready' | 'uploading' | 'failed';
  sent: number;
  error?: string;
}

interface Draft {
  values: Values;
  files: File[];
}

/** Drafts of this window, by account and item: kept until saved or given up (放弃). */
const drafts = new Map<string, Draft>();
const draftKey = (userId: string, itemId: string) => `${userId}:${itemId}`;

/** Forgets the draft of an item (after 放弃 on closing the drawer). */
export function forgetProgressDraft(userId: string, itemId: string): void {
  drafts.delete(draftKey(userId, itemId));
}

const OPEN = ['not_started', 'in_progress', 'returned'];
/** Keys of picked files, unique in this window. */
let nextPickKey = 1;

export function RecordProgressForm({ item, autoFocus }: { item: ItemDetail; autoFocus: boolean }) {
  const { user, today, people } = useApp();
  const key = draftKey(user.id, item.id);
  const saved = drafts.get(key);
  const blank: Values = { noteDate: today, author: user.displayName, text: '', percent: '' };
  const form = useForm<Values>({ mode: 'controlled', initialValues: saved?.values ?? blank });
  const [files, setFiles] = useState<Picked[]>(() =>
    (saved?.files ?? []).map((file) => ({ key: nextPickKey++, file, phase: 'ready', sent: 0 })),
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const addNote = useCheckedWrite('progress.add', form, t.formError);
  const done = !OPEN.includes(item.status);
  const { values } = form;

  const dirty = values.text.trim() !== '' || values.percent !== '' || files.length > 0;
  useCloseGuard(dirty);
  // The draft follows every change; an empty form leaves none.
  useEffect(() => {
    if (dirty) drafts.set(key, { values, files: files.map((p) => p.file) });
    else drafts.delete(key);
  }, [dirty, key, values, files]);

  const patch = (k: number, change: Partial<Picked>) =>
    setFiles((list) => list.map((p) => (p.key === k ? { ...p, ...change } : p)));
  const pick = (picked: File[]) => {
    setError(null);
    setFiles((list) => [
      ...list,
      ...picked.map((file) => ({
        key: nextPickKey++,
        file,
        phase: (file.size > MAX_EVIDENCE_BYTES || file.size === 0 ? 'failed' : 'ready') as Picked['phase'],
        sent: 0,
        error: file.size > MAX_EVIDENCE_BYTES ? t.tooLarge : file.size === 0 ? t.emptyFile : undefined,
      })),
    ]);
  };
  const unpick = (k: number) => setFiles((list) => list.filter((p) => p.key !== k));

  const save = async (submitForSignOff: boolean) => {
    setError(null);
    form.clearErrors();
    const { noteDate, author, text, percent } = form.getValues();
    // Said under the field, the way the main process says it too; the date stays as typed.
    if (noteDate && noteDate > today) {
      form.setFieldError('noteDate', t.futureDate);
      return;
    }
    if (!text.trim()) {
      form.setFieldError('text', t.noteTextRequired);
      return;
    }
    if (files.some((p) => p.phase === 'failed' && p.error && !p.sent)) {
      setError(t.removeFailedFiles);
      return;
    }
    setBusy(submitForSignOff ? 'submit' : 'save');
    const uploadIds: string[] = [];
    const giveUp = async () => {
      for (const id of uploadIds) await discardUpload('files.upload', id);
    };
    try {
      for (const picked of files) {
        patch(picked.key, { phase: 'uploading', sent: 0, error: undefined });
        const uploaded = await uploadInPieces('files.upload', picked.file, {
          onProgress: (sent) => patch(picked.key, { sent }),
          unreadable: t.unreadable,
        });
        if (!uploaded.ok) {
          const message = 'failure' in uploaded ? uploaded.failure.message : t.uploadCancelled;
          patch(picked.key, { phase: 'failed', error: message });
          await giveUp();
          setError(t.notSaved(message));
          return;
        }
        uploadIds.push(uploaded.uploadId);
        patch(picked.key, { sent: picked.file.size });
      }
      const result = await addNote.submit({
        itemId: item.id,
        noteDate: noteDate ?? '',
        ...(author.trim() ? { author } : {}),
        text,
        ...(percent === '' || done || submitForSignOff ? {} : { percent: Number(percent) }),
        ...(uploadIds.length
          ? {
              uploadIds,
              files: files.map((p) => ({ name: p.file.name, mimeType: p.file.type || 'application/octet-stream' })),
            }
          : {}),
        ...(submitForSignOff ? { submitForSignOff: true } : {}),
      });
      if (!result.ok) {
        await giveUp();
        setFiles((list) => list.map((p) => ({ ...p, phase: 'ready', sent: 0 })));
        setError(result.message || null);
        return;
      }
      drafts.delete(key);
      setFiles([]);
      form.setValues({ text: '', percent: '', noteDate: today });
      form.resetDirty();
      notifySuccess(submitForSignOff ? t.noteSubmitted : t.noteAdded);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper
      withBorder
      p="sm"
      bg="#fafbfc"
      component="form"
      onSubmit={(event: React.FormEvent) => {
        event.preventDefault();
        void save(false);
      }}
      noValidate
      data-testid="note-form"
      aria-label={t.recordProgress}
    >
      <Stack gap="xs">
        {error && (
          <Alert color="red" data-testid="note-form-error">
            {error}
          </Alert>
        )}
        <Textarea
          label={t.noteText}
          placeholder={t.noteTextPlaceholder}
          autosize
          minRows={3}
          maxRows={8}
          withAsterisk
          data-autofocus={autoFocus || undefined}
          autoFocus={autoFocus}
          {...form.getInputProps('text')}
          data-testid="note-text"
        />
        <Group grow align="flex-start">
          {/* No maxDate: the calendar would drop a typed future date without a word. It is
              accepted here and refused under the field on 保存, as the main process refuses it. */}
          <DateField label={t.noteDate} withAsterisk {...form.getInputProps('noteDate')} data-testid="note-date" />
          <NumberInput
            label={t.notePercent}
            min={0}
            max={100}
            allowDecimal={false}
            suffix="%"
            disabled={done}
            {...form.getInputProps('percent')}
            data-testid="note-percent"
          />
          <Autocomplete
            label={t.noteAuthor}
            data={[...new Set(people.map((p) => p.name))]}
            placeholder={user.displayName}
            {...form.getInputProps('author')}
          />
        </Group>
        <Dropzone
          onDrop={pick}
          onReject={(rejections) => pick(rejections.map((r) => r.file))}
          multiple
          maxSize={MAX_EVIDENCE_BYTES}
          disabled={busy !== null}
          inputProps={{ 'data-testid': 'note-files-input' } as React.InputHTMLAttributes<HTMLInputElement>}
          data-testid="note-dropzone"
          aria-label={t.noteFilesPick}
          p="xs"
        >
          <Group justify="center" gap="sm" mih={44} style={{ pointerEvents: 'none' }}>
            <Dropzone.Accept>
              <IconUpload size={24} color="var(--mantine-color-court-6)" />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX size={24} color="var(--mantine-color-red-6)" />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconFileUpload size={24} color="var(--mantine-color-gray-7)" />
            </Dropzone.Idle>
            <div>
              <Text size="sm" fw={500}>
                {t.noteFilesTitle}
              </Text>
              <Text size="xs" c="gray.7">
                {t.dropHint}
              </Text>
            </div>
          </Group>
        </Dropzone>
        {files.length > 0 && (
          <Stack gap={4} data-testid="note-files">
            {files.map((p) => (
              <div key={p.key} data-testid="note-file" data-phase={p.phase}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" truncate style={{ flex: 1 }}>
                    {p.file.name}
                    <Text span size="xs" c="gray.7" ml={6}>
                      {formatSize(p.file.size)}
                    </Text>
                  </Text>
                  {p.phase === 'uploading' && (
                    <Text size="xs" c="gray.7" aria-live="polite">
                      {`${t.uploading} ${p.file.size ? Math.round((p.sent * 100) / p.file.size) : 0}%`}
                    </Text>
                  )}
                  {busy === null && (
                    <IconAction
                      label={t.unpickFile(p.file.name)}
                      variant="subtle"
                      color="gray"
                      size="sm"
                      onClick={() => unpick(p.key)}
                      data-testid="note-file-remove"
                    >
                      <IconX size={14} />
                    </IconAction>
                  )}
                </Group>
                {p.phase === 'uploading' && (
                  <Progress
                    value={p.file.size ? (p.sent * 100) / p.file.size : 100}
                    size="sm"
                    mt={2}
                    aria-label={t.uploadProgress(p.file.name)}
                  />
                )}
                {p.error && (
                  <Text size="xs" c="red.8">
                    {p.error}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        )}
        <Group justify="space-between" wrap="nowrap">
          <Text size="xs" c="gray.7">
            {t.historyNote}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Button
              type="submit"
              variant={done ? 'filled' : 'default'}
              loading={busy === 'save'}
              disabled={busy === 'submit'}
            >
              {t.saveNote}
            </Button>
            {!done && (
              <Button
                leftSection={<IconSend size={16} />}
                loading={busy === 'submit'}
                disabled={busy === 'save'}
                onClick={() => void save(true)}
                data-testid="note-save-submit"
              >
                {t.saveAndSubmit}
              </Button>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
