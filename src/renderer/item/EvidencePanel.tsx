// Evidence: drop or pick several files; each is read as base64 and sent with evidence.add, with
// its own progress and error. The list opens files with the system viewer. Another court's item
// shows its list only.
import { useRef, useState } from 'react';
import { Anchor, Button, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconExternalLink, IconFileUpload, IconTrash, IconUpload, IconX } from '@tabler/icons-react';
import type { Evidence, ItemDetail } from '../../shared/model';
import { send } from '../api/client';
import { confirmAction } from '../common/confirm';
import { MAX_EVIDENCE_BYTES, readBase64 } from '../common/fileTypes';
import { formatDateTime } from '../lib/dates';
import { formatSize } from '../lib/format';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { fileTypeText, itemText as t } from './text';
import { IconAction } from '../common/IconAction';

interface Upload {
  key: number;
  name: string;
  size: number;
  phase: 'waiting' | 'reading' | 'uploading' | 'done' | 'failed';
  percent: number;
  error?: string;
}

export function EvidencePanel({ item, readOnly = false, onChanged }: { item: ItemDetail; readOnly?: boolean; onChanged(): Promise<void> }) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const nextKey = useRef(1);
  const queue = useRef(Promise.resolve());

  const patch = (key: number, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const addFiles = (files: File[]) => {
    const entries = files.map((file) => ({ file, upload: { key: nextKey.current++, name: file.name, size: file.size, phase: 'waiting' as const, percent: 0 } }));
    setUploads((list) => [...list, ...entries.map((e) => e.upload)]);
    const itemId = item.id;
    // One file at a time keeps memory use sane with large scans.
    queue.current = queue.current.then(async () => {
      let anyDone = false;
      for (const { file, upload } of entries) {
        if (file.size > MAX_EVIDENCE_BYTES) {
          patch(upload.key, { phase: 'failed', error: t.tooLarge });
          continue;
        }
        if (file.size === 0) {
          patch(upload.key, { phase: 'failed', error: t.emptyFile });
          continue;
        }
        patch(upload.key, { phase: 'reading' });
        let data: string;
        try {
          data = await readBase64(file, (percent) => patch(upload.key, { percent }));
        } catch {
          patch(upload.key, { phase: 'failed', error: t.unreadable });
          continue;
        }
        patch(upload.key, { phase: 'uploading', percent: 100 });
        const result = await send('evidence.add', { itemId, name: file.name, mimeType: file.type || 'application/octet-stream', dataBase64: data });
        if (result.ok) {
          anyDone = true;
          patch(upload.key, { phase: 'done' });
        } else patch(upload.key, { phase: 'failed', error: result.message });
      }
      if (anyDone) await onChanged();
    });
  };

  const open = async (evidence: Evidence) => {
    const result = await send('evidence.open', { id: evidence.id });
    if (!result.ok) notifyFailure(result, t.openFailed);
  };
  const remove = async (evidence: Evidence) => {
    if (!(await confirmAction({ message: t.removeConfirm(evidence.originalName), confirmLabel: t.remove, danger: true }))) return;
    const result = await send('evidence.remove', { id: evidence.id, version: evidence.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.removed);
    await onChanged();
  };

  return (
    <Stack>
      {!readOnly && (
        <Dropzone
          onDrop={addFiles}
          onReject={(rejections) => addFiles(rejections.map((r) => r.file))}
          multiple
          maxSize={MAX_EVIDENCE_BYTES}
          inputProps={{ 'data-testid': 'evidence-input' } as React.InputHTMLAttributes<HTMLInputElement>}
          data-testid="evidence-dropzone"
          p="md"
        >
          <Group justify="center" gap="md" mih={80} style={{ pointerEvents: 'none' }}>
            <Dropzone.Accept>
              <IconUpload size={36} color="var(--mantine-color-court-6)" />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX size={36} color="var(--mantine-color-red-6)" />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconFileUpload size={36} color="var(--mantine-color-gray-6)" />
            </Dropzone.Idle>
            <div>
              <Text size="md" fw={500}>
                {t.dropTitle}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {t.dropHint}
              </Text>
            </div>
          </Group>
        </Dropzone>
      )}

      {uploads.length > 0 && (
        <Paper withBorder p="xs" data-testid="upload-list">
          <Stack gap={6}>
            {uploads.map((u) => (
              <div key={u.key} data-testid="upload-entry" data-phase={u.phase}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm" truncate style={{ flex: 1 }}>
                    {u.name}
                    <Text span size="xs" c="dimmed" ml={6}>
                      {formatSize(u.size)}
                    </Text>
                  </Text>
                  <Text size="xs" c={u.phase === 'failed' ? 'red.7' : u.phase === 'done' ? 'teal.8' : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
                    {u.phase === 'reading' ? `${t.reading} ${u.percent}%` : u.phase === 'uploading' ? t.uploading : u.phase === 'done' ? t.uploaded : u.phase === 'failed' ? t.uploadFailed : ''}
                  </Text>
                </Group>
                {(u.phase === 'reading' || u.phase === 'uploading' || u.phase === 'waiting') && (
                  <Progress value={u.phase === 'uploading' ? 100 : u.percent} size="sm" animated={u.phase === 'uploading'} striped={u.phase === 'uploading'} mt={2} />
                )}
                {u.error && (
                  <Text size="xs" c="red.7">
                    {u.error}
                  </Text>
                )}
              </div>
            ))}
            {uploads.every((u) => u.phase === 'done' || u.phase === 'failed') && (
              <Group justify="flex-end">
                <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setUploads([])}>
                  {t.clearUploads}
                </Button>
              </Group>
            )}
          </Stack>
        </Paper>
      )}

      {item.evidence.length === 0 ? (
        <Text c="dimmed" size="sm" ta="center" py="md">
          {t.noEvidence}
        </Text>
      ) : (
        <Table verticalSpacing={6} fz="sm" highlightOnHover data-testid="evidence-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.evidenceName}</Table.Th>
              <Table.Th w={110}>{t.evidenceType}</Table.Th>
              <Table.Th w={90}>{t.evidenceSize}</Table.Th>
              <Table.Th w={140}>{t.evidenceAdded}</Table.Th>
              <Table.Th w={70} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {item.evidence.map((e) => (
              <Table.Tr key={e.id} data-testid="evidence-row">
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  <Anchor size="sm" onClick={() => void open(e)}>
                    {e.originalName}
                  </Anchor>
                </Table.Td>
                <Table.Td>{fileTypeText(e.mimeType, e.originalName)}</Table.Td>
                <Table.Td>{formatSize(e.size)}</Table.Td>
                <Table.Td>{formatDateTime(e.createdAt)}</Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <IconAction label={t.open} variant="subtle" color="gray" onClick={() => void open(e)}>
                      <IconExternalLink size={16} />
                    </IconAction>
                    {!readOnly && (
                      <IconAction label={t.remove} variant="subtle" color="red" onClick={() => void remove(e)}>
                        <IconTrash size={16} />
                      </IconAction>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
