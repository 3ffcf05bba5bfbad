// 导入: pick or drop a bundle file → upload in pieces → dry-run preview (what would change, and
// the fingerprint check for courts met for the first time) → confirm → import as a job with a
// progress bar and 取消 → the result. A refusal at any step says why; nothing is written.
// The fingerprint check comes first in the preview (above the fold at 1366×768); a sender not on
// this court's roster (应报名单) is added with one click before the import button is enabled.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { Dropzone } from '@mantine/dropzone';
import { IconCheck, IconFileImport, IconUpload, IconX } from '@tabler/icons-react';
import type { ImportReport, JobStatus } from '../../shared/model';
import { send } from '../api/client';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { JobProgress } from '../common/JobProgress';
import { discardUpload } from '../common/uploadInPieces';
import { formatSize } from '../lib/format';
import { notifyFailure } from '../lib/notify';
import { BundleSummaryView, ChangesTable, PreviewNotices, RosterStep, TrustStep } from './BundlePreview';
import { RefusalAlert } from './parts';
import { refusalOf, type Refusal } from './syncRules';
import { syncText as t } from './text';
import { uploadBundle } from './upload';

type Stage =
  | { step: 'idle'; notice?: string }
  | { step: 'uploading'; fileName: string; sent: number; total: number }
  | { step: 'previewing'; fileName: string; uploadId: string; jobId: string }
  | { step: 'preview'; fileName: string; uploadId: string; preview: ImportReport }
  | { step: 'importing'; fileName: string; uploadId: string; preview: ImportReport; jobId: string }
  | { step: 'imported'; fileName: string; report: ImportReport }
  /** uploadId: the staged file kept after a refused import (the main process keeps it for another try). */
  | { step: 'refused'; fileName: string; refusal: Refusal; atImport: boolean; uploadId: string | null }
  | { step: 'cancelled'; fileName: string; uploadId: string; preview: ImportReport };

export function ImportPanel() {
  const { can } = useApp();
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const [confirmed, setConfirmed] = useState<Record<string, boolean>>({});
  const [rosterAdds, setRosterAdds] = useState<Record<string, boolean>>({});
  const abortUpload = useRef(false);
  // Both start a job (the dry run, the import); each is written to the sync history.
  const startPreview = useWrite('sync.preview');
  const startImport = useWrite('sync.import');

  // An upload left behind (the page closed mid-preview) is discarded; a running import keeps it.
  const pendingUpload = useRef<string | null>(null);
  useEffect(() => {
    pendingUpload.current =
      stage.step === 'previewing' || stage.step === 'preview' || stage.step === 'cancelled'
        ? stage.uploadId
        : stage.step === 'refused'
          ? stage.uploadId
          : null;
  }, [stage]);
  useEffect(
    () => () => {
      if (pendingUpload.current) void discardUpload('sync.upload', pendingUpload.current);
    },
    [],
  );

  if (!can('admin', 'reviewer')) return <Alert color="gray">{t.managersOnly}</Alert>;

  const begin = async (file: File | undefined) => {
    if (!file) return;
    abortUpload.current = false;
    setConfirmed({});
    setRosterAdds({});
    setStage({ step: 'uploading', fileName: file.name, sent: 0, total: file.size });
    const uploaded = await uploadBundle(
      file,
      (sent) => setStage({ step: 'uploading', fileName: file.name, sent, total: file.size }),
      () => abortUpload.current,
    );
    if (!uploaded.ok) {
      if ('aborted' in uploaded) return setStage({ step: 'idle', notice: t.discarded });
      return setStage({
        step: 'refused',
        fileName: file.name,
        refusal: { message: uploaded.failure.message, code: uploaded.failure.code },
        atImport: false,
        uploadId: null,
      });
    }
    const preview = await startPreview.mutateAsync({ uploadId: uploaded.uploadId });
    if (!preview.ok) {
      void discardUpload('sync.upload', uploaded.uploadId);
      return setStage({
        step: 'refused',
        fileName: file.name,
        refusal: { message: preview.message, code: preview.code },
        atImport: false,
        uploadId: null,
      });
    }
    setStage({ step: 'previewing', fileName: file.name, uploadId: uploaded.uploadId, jobId: preview.value.jobId });
  };

  const previewFinished = (status: JobStatus) => {
    if (stage.step !== 'previewing') return;
    const { fileName, uploadId } = stage;
    if (status.state === 'done' && status.result?.kind === 'syncPreview')
      return setStage({ step: 'preview', fileName, uploadId, preview: status.result.report });
    void discardUpload('sync.upload', uploadId);
    if (status.state === 'cancelled') return setStage({ step: 'idle', notice: t.discarded });
    setStage({ step: 'refused', fileName, refusal: refusalOf(status), atImport: false, uploadId: null });
  };

  const confirmImport = async () => {
    if (stage.step !== 'preview' && stage.step !== 'cancelled') return;
    const { fileName, uploadId, preview } = stage;
    const result = await startImport.mutateAsync({
      uploadId,
      trust: preview.needsTrust.map((court) => court.fingerprint),
      addToRoster: preview.notOnRoster.filter((court) => rosterAdds[court.code]).map((court) => court.code),
    });
    if (!result.ok)
      return setStage({
        step: 'refused',
        fileName,
        refusal: { message: result.message, code: result.code },
        atImport: true,
        uploadId,
      });
    setStage({ step: 'importing', fileName, uploadId, preview, jobId: result.value.jobId });
  };

  const importFinished = (status: JobStatus) => {
    if (stage.step !== 'importing') return;
    const { fileName, uploadId, preview } = stage;
    if (status.state === 'done' && status.result?.kind === 'syncImport')
      setStage({ step: 'imported', fileName, report: status.result.report });
    else if (status.state === 'cancelled') setStage({ step: 'cancelled', fileName, uploadId, preview });
    else setStage({ step: 'refused', fileName, refusal: refusalOf(status), atImport: true, uploadId });
  };

  const discard = async () => {
    if (stage.step === 'uploading') {
      abortUpload.current = true;
      return;
    }
    if (stage.step === 'preview' || stage.step === 'cancelled') {
      // A plain call, as uploadInPieces discards: a staged file is on no screen, so there is
      // nothing to refresh; unlike the quiet clean-ups, this one says when it fails.
      const result = await send('sync.discardUpload', { uploadId: stage.uploadId });
      if (!result.ok) notifyFailure(result);
    }
    const nothingToDo = (stage.step === 'preview' || stage.step === 'cancelled') && stage.preview.alreadyHeld;
    setStage({ step: 'idle', notice: nothingToDo ? undefined : t.discarded });
  };

  const reset = () => {
    if (stage.step === 'refused' && stage.uploadId) void discardUpload('sync.upload', stage.uploadId);
    setStage({ step: 'idle' });
  };

  if (stage.step === 'idle') {
    return (
      <Stack gap="md" data-testid="sync-import">
        {stage.notice && (
          <Alert color="gray" withCloseButton onClose={reset} data-testid="sync-import-notice">
            {stage.notice}
          </Alert>
        )}
        <Dropzone
          onDrop={(files) => void begin(files[0])}
          onReject={(rejections) => void begin(rejections[0]?.file)}
          multiple={false}
          inputProps={{ 'data-testid': 'sync-file-input' } as React.InputHTMLAttributes<HTMLInputElement>}
          data-testid="sync-dropzone"
          p="xl"
        >
          <Group justify="center" gap="lg" mih={120} style={{ pointerEvents: 'none' }}>
            <Dropzone.Accept>
              <IconUpload size={44} color="var(--mantine-color-court-6)" />
            </Dropzone.Accept>
            <Dropzone.Reject>
              <IconX size={44} color="var(--mantine-color-red-6)" />
            </Dropzone.Reject>
            <Dropzone.Idle>
              <IconFileImport size={44} color="var(--mantine-color-gray-6)" />
            </Dropzone.Idle>
            <div>
              <Text size="lg" fw={500}>
                {t.dropTitle}
              </Text>
              <Text size="sm" c="dimmed" mt={4} maw={560}>
                {t.dropHint}
              </Text>
            </div>
          </Group>
        </Dropzone>
      </Stack>
    );
  }

  const needsTrust =
    stage.step === 'preview' || stage.step === 'importing' || stage.step === 'cancelled'
      ? stage.preview.needsTrust
      : [];
  const allConfirmed = needsTrust.every((court) => confirmed[court.fingerprint]);
  const preview =
    stage.step === 'preview' || stage.step === 'importing' || stage.step === 'cancelled' ? stage.preview : null;
  const rosterMissing = preview ? preview.notOnRoster.filter((court) => !rosterAdds[court.code]).length : 0;
  const blockedReason = !allConfirmed ? t.trustNeeded : rosterMissing > 0 ? t.rosterNeeded(rosterMissing) : '';

  return (
    <Stack gap="md" data-testid="sync-import">
      <Paper withBorder p="lg">
        <Stack gap="md">
          <div>
            <Title order={4}>{preview ? t.previewTitle : t.importTitle}</Title>
            <Text size="sm" c="dimmed" mt={2} style={{ overflowWrap: 'anywhere' }} data-testid="sync-import-file">
              {stage.fileName}
            </Text>
          </div>

          {stage.step === 'imported' && <ImportedResult report={stage.report} onAnother={reset} />}

          {stage.step === 'refused' && (
            <>
              <RefusalAlert title={stage.atImport ? t.importRefused : t.previewRefused} refusal={stage.refusal} />
              <Group>
                <Button variant="default" onClick={reset} data-testid="sync-another">
                  {t.another}
                </Button>
              </Group>
            </>
          )}

          {stage.step === 'uploading' && (
            <Stack gap="xs" data-testid="sync-upload">
              <Text size="sm" fw={600}>
                {t.uploading}
              </Text>
              <Progress
                value={stage.total > 0 ? Math.round((stage.sent * 100) / stage.total) : 100}
                size="lg"
                animated
                striped
                aria-label={t.uploading}
              />
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {t.uploadProgress(formatSize(stage.sent), formatSize(stage.total))}
                </Text>
                <Button size="xs" variant="default" onClick={() => void discard()}>
                  {t.discard}
                </Button>
              </Group>
            </Stack>
          )}

          {stage.step === 'previewing' && (
            <div>
              <Text size="sm" fw={600} mb="xs">
                {t.previewing}
              </Text>
              <JobProgress jobId={stage.jobId} onFinished={previewFinished} />
            </div>
          )}

          {preview && needsTrust.length > 0 && (
            <TrustStep
              courts={needsTrust}
              confirmed={confirmed}
              onConfirm={(fingerprint, ok) => setConfirmed((prev) => ({ ...prev, [fingerprint]: ok }))}
              disabled={stage.step === 'importing'}
            />
          )}

          {preview && (
            <RosterStep
              report={preview}
              added={rosterAdds}
              onAdd={(code, add) => setRosterAdds((prev) => ({ ...prev, [code]: add }))}
              disabled={stage.step === 'importing'}
            />
          )}

          {preview && (
            <>
              <BundleSummaryView bundle={preview.bundle} />
              {preview.outcome === 'unchanged' ? (
                <Alert color="blue" icon={<IconCheck size={18} />} data-testid="sync-unchanged">
                  {preview.alreadyHeld ? t.unchanged : `${preview.message} ${t.recordHint}`}
                </Alert>
              ) : (
                <Text size="sm" c="dimmed">
                  {t.previewHint}
                </Text>
              )}
              {preview.message && preview.outcome !== 'unchanged' && <Text size="sm">{preview.message}</Text>}
              {preview.outcome !== 'unchanged' && (
                <div>
                  <Text size="sm" fw={600} mb={6}>
                    {t.changesTitle}
                  </Text>
                  <ChangesTable report={preview} />
                </div>
              )}
              <PreviewNotices report={preview} />
              {preview.bundle.kind === 'package_down' && (
                <Text size="sm" data-testid="sync-materialized">
                  {t.materialized(
                    preview.materialized.added,
                    preview.materialized.updated,
                    preview.materialized.removed,
                  )}
                </Text>
              )}
            </>
          )}
        </Stack>
      </Paper>

      {(stage.step === 'preview' || stage.step === 'cancelled') && (
        <Paper withBorder p="md">
          {stage.step === 'cancelled' && (
            <Alert color="yellow" mb="md" data-testid="sync-import-cancelled">
              {t.importCancelled}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" c="orange.9" data-testid="sync-import-blocked">
              {stage.preview.alreadyHeld ? '' : blockedReason}
            </Text>
            <Group>
              <Button variant="default" onClick={() => void discard()} data-testid="sync-discard">
                {stage.preview.alreadyHeld ? t.close : t.discard}
              </Button>
              {!stage.preview.alreadyHeld && (
                <Button
                  leftSection={<IconFileImport size={16} />}
                  disabled={!!blockedReason}
                  loading={startImport.isPending}
                  onClick={() => void confirmImport()}
                  data-testid="sync-import-button"
                >
                  {stage.preview.outcome === 'unchanged' ? t.recordButton : t.importButton}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
      )}

      {stage.step === 'importing' && (
        <Paper withBorder p="md">
          <Text size="sm" fw={600} mb="xs">
            {t.importing}
          </Text>
          <JobProgress jobId={stage.jobId} onFinished={importFinished} />
        </Paper>
      )}
    </Stack>
  );
}

function ImportedResult({ report, onAnother }: { report: ImportReport; onAnother(): void }) {
  return (
    <Stack gap="md" data-testid="sync-import-result" data-outcome={report.outcome}>
      {report.outcome === 'unchanged' ? (
        <Alert color="blue" icon={<IconCheck size={18} />} title={t.importDone} data-testid="sync-unchanged">
          {report.alreadyHeld ? t.unchanged : report.message}
        </Alert>
      ) : (
        <Alert color="teal" icon={<IconCheck size={18} />} title={t.importDone}>
          <Text size="sm" data-testid="sync-import-message">
            {report.message}
          </Text>
          {report.bundle.kind === 'package_down' && (
            <Text size="sm" mt={4}>
              {t.materialized(report.materialized.added, report.materialized.updated, report.materialized.removed)}
            </Text>
          )}
        </Alert>
      )}
      <PreviewNotices report={report} />
      <BundleSummaryView bundle={report.bundle} />
      {report.outcome !== 'unchanged' && <ChangesTable report={report} />}
      <Group>
        <Button variant="default" onClick={onAnother} data-testid="sync-another">
          {t.another}
        </Button>
      </Group>
    </Stack>
  );
}
