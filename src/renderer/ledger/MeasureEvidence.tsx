// A measure's evidence in three groups, as a rectification file is kept: 整改前 (the problem as
// found), 整改后 (the result), 回头看 (the re-check). Upload per group (in pieces, with a progress
// bar and 取消上传), open, remove.
import { useRef, useState } from 'react';
import { Anchor, Badge, Button, FileButton, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core';
import { IconExternalLink, IconTrash, IconUpload } from '@tabler/icons-react';
import type { LedgerEvidence, LedgerEvidencePhase, MeasureDetail } from '../../shared/model';
import { send } from '../api/client';
import { useWrite } from '../api/queries';
import { confirmAction } from '../common/confirm';
import { fileTypeText } from '../common/fileTypes';
import { IconAction } from '../common/IconAction';
import { formatDateTime } from '../lib/dates';
import { formatSize } from '../lib/format';
import { notifyFailure, notifySuccess } from '../lib/notify';
import { uploadLedgerEvidence, type UploadProgress } from './evidenceUpload';
import { useMayWork } from './MeasureActions';
import { evidencePhaseText, ledgerText as t } from './text';

const PHASES: LedgerEvidencePhase[] = ['before', 'after', 'lookback'];
const CLOSED = new Set<MeasureDetail['status']>(['signed_off', 'lookback_passed']);

export function MeasureEvidence({ measure }: { measure: MeasureDetail }) {
  const mayWork = useMayWork(measure);
  // Look-back files belong to one re-check: the one now scheduled, if any.
  const scheduled = measure.lookbacks.find((l) => l.status === 'scheduled') ?? null;
  return (
    <Stack gap="md" data-testid="measure-evidence">
      {PHASES.map((phase) => {
        const files = measure.evidence.filter((e) => e.phase === phase);
        const canUpload = mayWork && (phase === 'lookback' ? !!scheduled : !CLOSED.has(measure.status));
        return (
          <EvidenceGroup
            key={phase}
            phase={phase}
            files={files}
            measureId={measure.id}
            lookbackId={phase === 'lookback' ? (scheduled?.id ?? null) : null}
            canUpload={canUpload}
            canRemove={mayWork && !CLOSED.has(measure.status)}
          />
        );
      })}
    </Stack>
  );
}

function EvidenceGroup({
  phase,
  files,
  measureId,
  lookbackId,
  canUpload,
  canRemove,
}: {
  phase: LedgerEvidencePhase;
  files: LedgerEvidence[];
  measureId: string;
  lookbackId: string | null;
  canUpload: boolean;
  canRemove: boolean;
}) {
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const removeEvidence = useWrite('ledger.removeEvidence');
  const cancelled = useRef(false);
  const busy = progress?.name ?? null;

  const upload = async (picked: File[]) => {
    if (picked.length === 0) return;
    cancelled.current = false;
    const outcome = await uploadLedgerEvidence({ measureId, phase, lookbackId }, picked, {
      onProgress: setProgress,
      aborted: () => cancelled.current,
    });
    setProgress(null);
    if (outcome.uploaded > 0) notifySuccess(t.uploaded(outcome.uploaded));
    if (outcome.cancelled) notifyFailure({ message: t.uploadCancelled });
    for (const failure of outcome.failures) notifyFailure({ message: failure });
  };
  // Opening hands the file to the system's viewer and changes nothing on screen: a plain call,
  // not a write that would refresh every read.
  const open = async (evidence: LedgerEvidence) => {
    const result = await send('ledger.openEvidence', { id: evidence.id });
    if (!result.ok) notifyFailure(result, t.openFailed);
  };
  const remove = async (evidence: LedgerEvidence) => {
    if (
      !(await confirmAction({ message: t.removeConfirm(evidence.originalName), confirmLabel: t.remove, danger: true }))
    )
      return;
    const result = await removeEvidence.mutateAsync({ id: evidence.id, version: evidence.version });
    if (!result.ok) return notifyFailure(result);
    notifySuccess(t.removed);
  };

  return (
    <Paper withBorder p="sm" radius="sm" data-testid={`evidence-group-${phase}`}>
      <Group justify="space-between" mb={files.length ? 6 : 0}>
        <Group gap={6}>
          <Text fw={600} size="sm">
            {evidencePhaseText[phase]}
          </Text>
          <Badge size="sm" variant="light" color={files.length ? 'court' : 'gray'} radius="sm">
            {files.length}
          </Badge>
          {busy && (
            <Text size="xs" c="dimmed">
              {t.uploading(busy)}
            </Text>
          )}
        </Group>
        {canUpload ? (
          <FileButton
            onChange={(picked) => void upload(picked)}
            multiple
            inputProps={{ 'data-testid': `evidence-input-${phase}` } as React.ComponentProps<'input'>}
          >
            {(props) => (
              <Button
                {...props}
                size="compact-sm"
                variant="light"
                leftSection={<IconUpload size={14} />}
                loading={!!busy}
                data-testid={`evidence-upload-${phase}`}
              >
                {t.uploadFiles}
              </Button>
            )}
          </FileButton>
        ) : (
          phase === 'lookback' && (
            <Text size="xs" c="dimmed">
              {t.lookbackUploadHint}
            </Text>
          )
        )}
      </Group>
      {progress && (
        <Group gap="xs" wrap="nowrap" mb={6} data-testid={`evidence-progress-${phase}`}>
          <Progress
            value={progress.total > 0 ? (progress.sent * 100) / progress.total : 0}
            size="sm"
            style={{ flex: 1 }}
            aria-label={t.uploadProgress(progress.name)}
          />
          <Button
            size="compact-xs"
            variant="subtle"
            color="gray"
            onClick={() => (cancelled.current = true)}
            data-testid={`evidence-cancel-${phase}`}
          >
            {t.cancelUpload}
          </Button>
        </Group>
      )}
      {files.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t.noFilesInPhase}
        </Text>
      ) : (
        <Table verticalSpacing={4} fz="sm" highlightOnHover>
          <Table.Tbody>
            {files.map((e) => (
              <Table.Tr key={e.id} data-testid="ledger-evidence-row">
                <Table.Td style={{ wordBreak: 'break-all' }}>
                  <Anchor size="sm" onClick={() => void open(e)}>
                    {e.originalName}
                  </Anchor>
                </Table.Td>
                <Table.Td w={100}>{fileTypeText(e)}</Table.Td>
                <Table.Td w={80}>{formatSize(e.size)}</Table.Td>
                <Table.Td w={130}>{formatDateTime(e.createdAt)}</Table.Td>
                <Table.Td w={64}>
                  <Group gap={2} wrap="nowrap">
                    <IconAction label={t.open} variant="subtle" color="gray" onClick={() => void open(e)}>
                      <IconExternalLink size={16} />
                    </IconAction>
                    {canRemove && (
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
    </Paper>
  );
}
