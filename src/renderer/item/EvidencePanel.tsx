// Evidence: drop or pick several files; each is sent in pieces (files.upload) with its own
// progress bar, 取消 and error, then stored with evidence.add. The list opens files with the system
// viewer. Another court's item shows its list only.
import { useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconExternalLink, IconFileUpload, IconTrash, IconUpload, IconX } from '@tabler/icons-react';
import type { Evidence, ItemDetail } from '../../shared/model';
import { send } from '../api/client';
import { useWrite } from '../api/queries';
import { confirmAction } from '../common/confirm';
import { MAX_EVIDENCE_BYTES } from '../common/fileTypes';
import { discardUpload, uploadInPieces } from '../common/uploadInPieces';
import { formatDateTime } from '../lib/dates';
import { formatSize } from '../lib/format';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { fileTypeText, itemText as t } from './text';
import { IconAction } from '../common/IconAction';

interface Upload {
  key: number;
  name: string;
  size: number;
  phase: 'waiting' | 'uploading' | 'saving' | 'done' | 'failed' | 'cancelled';
  /** Bytes sent so far. */
  sent: number;
  error?: string;
}

const percentOf = (u: Upload) => (u.size > 0 ? Math.round((u.sent * 100) / u.size) : 0);

function phaseText(u: Upload): string {
  if (u.phase === 'uploading') return `${t.uploading} ${percentOf(u)}%`;
  if (u.phase === 'saving') return t.savingUpload;
  if (u.phase === 'done') return t.uploaded;
  if (u.phase === 'failed') return t.uploadFailed;
  if (u.phase === 'cancelled') return t.uploadCancelled;
  return '';
}

export function EvidencePanel({ item, readOnly = false }: { item: ItemDetail; readOnly?: boolean }) {
  // Each stored file refreshes the item (its list and count) through the query layer.
  const addEvidence = useWrite('evidence.add');
  const removeEvidence = useWrite('evidence.remove');
  const [uploads, setUploads] = useState<Upload[]>([]);
  const nextKey = useRef(1);
  const queue = useRef(Promise.resolve());
  /** Uploads the person cancelled (取消): skipped if waiting, stopped between pieces if under way. */
  const cancelled = useRef(new Set<number>());

  const patch = (key: number, change: Partial<Upload>) =>
    setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const cancel = (key: number) => {
    cancelled.current.add(key);
    setUploads((list) => list.map((u) => (u.key === key && u.phase === 'waiting' ? { ...u, phase: 'cancelled' } : u)));
  };

  const addFiles = (files: File[]) => {
    const entries = files.map((file) => ({
      file,
      upload: { key: nextKey.current++, name: file.name, size: file.size, phase: 'waiting' as const, sent: 0 },
    }));
    setUploads((list) => [...list, ...entries.map((e) => e.upload)]);
    const itemId = item.id;
    // One file at a time keeps memory use sane with large scans.
    queue.current = queue.current.then(async () => {
      for (const { file, upload } of entries) {
        const key = upload.key;
        if (cancelled.current.has(key)) continue;
        if (file.size > MAX_EVIDENCE_BYTES) {
          patch(key, { phase: 'failed', error: t.tooLarge });
          continue;
        }
        if (file.size === 0) {
          patch(key, { phase: 'failed', error: t.emptyFile });
          continue;
        }
        patch(key, { phase: 'uploading' });
        const uploaded = await uploadInPieces('files.upload', file, {
          onProgress: (sent) => patch(key, { sent }),
          aborted: () => cancelled.current.has(key),
          unreadable: t.unreadable,
        });
        if (!uploaded.ok) {
          patch(
            key,
            'aborted' in uploaded ? { phase: 'cancelled' } : { phase: 'failed', error: uploaded.failure.message },
          );
          continue;
        }
        patch(key, { phase: 'saving', sent: file.size });
        const result = await addEvidence.mutateAsync({
          itemId,
          name: file.name,
          mimeType: file.type || 'application/octet-stream',
          uploadId: uploaded.uploadId,
        });
        if (result.ok) {
          patch(key, { phase: 'done' });
        } else {
          await discardUpload('files.upload', uploaded.uploadId);
          patch(key, { phase: 'failed', error: result.message });
        }
      }
    });
  };

  // Opening a file in the system viewer is an action with no data to keep or refresh: a direct send.
  const open = async (evidence: Evidence) => {
    const result = await send('evidence.open', { id: evidence.id });
    if (!result.ok) notifyFailure(result, t.openFailed);
  };
  const remove = async (evidence: Evidence) => {
    if (
      !(await confirmAction({ message: t.removeConfirm(evidence.originalName), confirmLabel: t.remove, danger: true }))
    )
      return;
    const result = await removeEvidence.mutateAsync({ id: evidence.id, version: evidence.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.removed);
  };

  // Signed off (已销号): the list only; a change needs 重新打开 by a reviewer first.
  const signedOff = item.status === 'signed_off';
  const locked = readOnly || signedOff;

  return (
    <Stack>
      {signedOff && (
        <Alert color="teal" variant="light" data-testid="evidence-read-only">
          {t.signedOffReadOnly}
        </Alert>
      )}
      {!locked && (
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
                  <Text
                    size="xs"
                    c={u.phase === 'failed' ? 'red.7' : u.phase === 'done' ? 'teal.8' : 'dimmed'}
                    style={{ whiteSpace: 'nowrap' }}
                    aria-live="polite"
                  >
                    {phaseText(u)}
                  </Text>
                  {(u.phase === 'waiting' || u.phase === 'uploading') && (
                    <IconAction
                      label={t.cancelUpload(u.name)}
                      variant="subtle"
                      color="gray"
                      size="sm"
                      onClick={() => cancel(u.key)}
                      data-testid="upload-cancel"
                    >
                      <IconX size={14} />
                    </IconAction>
                  )}
                </Group>
                {(u.phase === 'waiting' || u.phase === 'uploading' || u.phase === 'saving') && (
                  <Progress
                    value={u.phase === 'saving' ? 100 : percentOf(u)}
                    size="sm"
                    animated={u.phase === 'saving'}
                    striped={u.phase === 'saving'}
                    mt={2}
                    aria-label={t.uploadProgress(u.name)}
                  />
                )}
                {u.error && (
                  <Text size="xs" c="red.7">
                    {u.error}
                  </Text>
                )}
              </div>
            ))}
            {uploads.every((u) => u.phase === 'done' || u.phase === 'failed' || u.phase === 'cancelled') && (
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
                <Table.Td>{fileTypeText(e)}</Table.Td>
                <Table.Td>{formatSize(e.size)}</Table.Td>
                <Table.Td>{formatDateTime(e.createdAt)}</Table.Td>
                <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <IconAction label={t.open} variant="subtle" color="gray" onClick={() => void open(e)}>
                      <IconExternalLink size={16} />
                    </IconAction>
                    {!locked && (
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
