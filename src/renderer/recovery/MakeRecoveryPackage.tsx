// 制作恢复包, on the 应报法院 page of a higher court (administrators): the 恢复申请 a subordinate
// court brought → recovery.upload → recovery.readRequest (the court, what this court holds of it,
// or why it cannot be done) → the new key's fingerprint typed as the clerk reads it on the phone
// (checked against the request as it is typed) and a folder → a confirmation naming the old key
// to be retired → recovery.export (a job with progress) → the file, and that the old key is 停用.
import { useState } from 'react';
import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconPackageExport } from '@tabler/icons-react';
import type { JobStatus, RecoveryPackageFile, RecoveryRequestView } from '../../shared/model';
import { send } from '../api/client';
import { useRead, useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { FolderField } from '../common/FolderField';
import { JobProgress } from '../common/JobProgress';
import { formatDateTime } from '../lib/dates';
import { formatSize } from '../lib/format';
import { Fingerprint } from '../sync/Fingerprint';
import {
  BusyModal,
  CampaignHoldings,
  Field,
  FileDrop,
  FingerprintInput,
  levelName,
  firstDifferentGroup,
  RefusalNote,
  UploadProgress,
  type Refusal,
} from './parts';
import { recoveryText as t } from './text';
import { uploadRecoveryFile } from './upload';

/** The button and its dialog; nothing for a person who is not an administrator. */
export function MakeRecoveryPackage() {
  const { can } = useApp();
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!can('admin')) return null;
  return (
    <BusyModal
      label={t.make}
      buttonTestId="recovery-make"
      title={t.makeTitle}
      modalTestId="recovery-make-modal"
      opened={opened}
      busy={busy}
      onOpen={() => setOpened(true)}
      onClose={() => setOpened(false)}
    >
      <MakeFlow onBusy={setBusy} onClose={() => setOpened(false)} />
    </BusyModal>
  );
}

type Stage =
  | { step: 'idle' }
  | { step: 'uploading'; fileName: string; sent: number; total: number }
  | { step: 'reading'; fileName: string }
  | {
      step: 'read';
      fileName: string;
      uploadId: string;
      view: RecoveryRequestView;
      refusal?: Refusal;
      cancelled?: boolean;
    }
  | { step: 'exporting'; fileName: string; uploadId: string; view: RecoveryRequestView; jobId: string }
  | { step: 'done'; file: RecoveryPackageFile }
  | { step: 'refused'; fileName: string; refusal: Refusal };

function MakeFlow({ onBusy, onClose }: { onBusy(busy: boolean): void; onClose(): void }) {
  const overview = useRead('sync.overview');
  const [stage, setStageNow] = useState<Stage>({ step: 'idle' });
  const [typed, setTyped] = useState('');
  const [folder, setFolder] = useState<string | null>(null);
  const [folderError, setFolderError] = useState<string | null>(null);
  const startExport = useWrite('recovery.export');
  const setStage = (next: Stage) => {
    onBusy(next.step === 'uploading' || next.step === 'reading' || next.step === 'exporting');
    setStageNow(next);
  };
  const chosenFolder = folder ?? overview.data?.defaultFolder ?? '';

  const begin = async (file: File) => {
    setTyped('');
    setStage({ step: 'uploading', fileName: file.name, sent: 0, total: file.size });
    const uploaded = await uploadRecoveryFile(file, (sent) =>
      setStage({ step: 'uploading', fileName: file.name, sent, total: file.size }),
    );
    if (!uploaded.ok)
      return setStage({
        step: 'refused',
        fileName: file.name,
        refusal: 'aborted' in uploaded ? { message: t.unreadable, code: null } : uploaded,
      });
    setStage({ step: 'reading', fileName: file.name });
    // Reading a request writes nothing: a direct send, not a write that rereads every screen.
    const read = await send('recovery.readRequest', { uploadId: uploaded.uploadId });
    if (!read.ok)
      return setStage({ step: 'refused', fileName: file.name, refusal: { message: read.message, code: read.code } });
    setStage({ step: 'read', fileName: file.name, uploadId: uploaded.uploadId, view: read.value });
  };

  const make = async () => {
    if (stage.step !== 'read') return;
    const { fileName, uploadId, view } = stage;
    const name = view.held?.name || view.courtName;
    const ok = await confirmAction({
      title: t.confirmMakeTitle,
      message: t.confirmMake(name),
      confirmLabel: t.confirmMakeOk,
      danger: true,
      focusCancel: true,
    });
    if (!ok) return;
    setFolderError(null);
    const started = await startExport.mutateAsync({ uploadId, fingerprint: typed, folder: chosenFolder });
    if (!started.ok) {
      if (started.fieldErrors?.folder) return setFolderError(started.fieldErrors.folder);
      // Said in place; what was typed stays for another try.
      return setStage({ ...stage, refusal: { message: started.message, code: started.code } });
    }
    setStage({ step: 'exporting', fileName, uploadId, view, jobId: started.value.jobId });
  };

  const exportFinished = (status: JobStatus) => {
    if (stage.step !== 'exporting') return;
    const { fileName, uploadId, view } = stage;
    if (status.state === 'done' && status.result?.kind === 'recoveryExport')
      return setStage({ step: 'done', file: status.result.file });
    if (status.state === 'cancelled') return setStage({ step: 'read', fileName, uploadId, view, cancelled: true });
    setStage({
      step: 'read',
      fileName,
      uploadId,
      view,
      refusal: { message: status.error ?? status.message, code: status.errorCode ?? null },
    });
  };

  if (stage.step === 'done')
    return (
      <DoneView
        file={stage.file}
        ownFingerprint={overview.data?.fingerprint ?? null}
        onAnother={() => setStage({ step: 'idle' })}
        onClose={onClose}
      />
    );

  return (
    <Stack gap="md" data-testid="recovery-make-flow">
      <Text size="sm" c="dimmed">
        {t.makeIntro}
      </Text>
      {stage.step === 'idle' && (
        <FileDrop
          title={t.requestDrop}
          hint={t.requestDropHint}
          testId="recovery-request-drop"
          onFile={(file) => void begin(file)}
        />
      )}
      {stage.step === 'uploading' && <UploadProgress fileName={stage.fileName} sent={stage.sent} total={stage.total} />}
      {stage.step === 'reading' && (
        <Text size="sm" c="dimmed">
          {t.reading}
        </Text>
      )}
      {stage.step === 'refused' && (
        <RefusalNote title={t.readRefused} refusal={stage.refusal} onAgain={() => setStage({ step: 'idle' })} />
      )}
      {(stage.step === 'read' || stage.step === 'exporting') && (
        <>
          <RequestView view={stage.view} fileName={stage.fileName} />
          {stage.view.refusal ? (
            <RefusalNote
              title={t.cannotMake}
              refusal={{ message: stage.view.refusal, code: null }}
              onAgain={() => setStage({ step: 'idle' })}
            />
          ) : (
            <Paper withBorder p="md">
              <Stack gap="md">
                <div>
                  <Title order={5}>{t.typeTitle}</Title>
                  <Text size="sm" mt={4}>
                    {t.typeHint(stage.view.courtName || stage.view.courtCode)}
                  </Text>
                </div>
                <FingerprintInput
                  value={typed}
                  onChange={setTyped}
                  expected={stage.view.fingerprint}
                  disabled={stage.step === 'exporting'}
                />
                <FolderField
                  value={chosenFolder}
                  onChange={(value) => {
                    setFolder(value);
                    setFolderError(null);
                  }}
                  text={{
                    label: t.outFolder,
                    description: t.outFolderHint,
                    chooseFolder: t.chooseFolder,
                    drives: t.drives,
                    noDrives: t.noDrives,
                  }}
                  drives={overview.data?.drives}
                  disabled={stage.step === 'exporting'}
                  error={folderError}
                  testId="recovery-out-folder"
                />
                {stage.step === 'read' && stage.refusal && (
                  <RefusalNote title={t.exportRefused} refusal={stage.refusal} />
                )}
                {stage.step === 'read' && stage.cancelled && (
                  <Alert color="gray" data-testid="recovery-export-cancelled">
                    {t.exportCancelled}
                  </Alert>
                )}
                {stage.step === 'exporting' ? (
                  <div>
                    <Text size="sm" fw={600} mb="xs">
                      {t.exporting}
                    </Text>
                    <JobProgress jobId={stage.jobId} onFinished={exportFinished} />
                  </div>
                ) : (
                  <ExportButton
                    typed={typed}
                    expected={stage.view.fingerprint}
                    loading={startExport.isPending}
                    onMake={() => void make()}
                    onAnother={() => setStage({ step: 'idle' })}
                  />
                )}
              </Stack>
            </Paper>
          )}
        </>
      )}
    </Stack>
  );
}

function ExportButton({
  typed,
  expected,
  loading,
  onMake,
  onAnother,
}: {
  typed: string;
  expected: string;
  loading: boolean;
  onMake(): void;
  onAnother(): void;
}) {
  const ready = typed.replace(/\D/g, '').length === 40 && firstDifferentGroup(typed, expected) === 0;
  return (
    <Group justify="space-between">
      <Text size="sm" c="orange.9" data-testid="recovery-make-blocked">
        {ready ? '' : t.makeNeeded}
      </Text>
      <Group>
        <Button variant="default" onClick={onAnother}>
          {t.another}
        </Button>
        <Button
          leftSection={<IconPackageExport size={16} />}
          disabled={!ready}
          loading={loading}
          onClick={onMake}
          data-testid="recovery-make-button"
        >
          {t.makeButton}
        </Button>
      </Group>
    </Group>
  );
}

function RequestView({ view, fileName }: { view: RecoveryRequestView; fileName: string }) {
  const held = view.held;
  return (
    <Paper withBorder p="md" data-testid="recovery-request-view">
      <Stack gap="sm">
        <div>
          <Title order={4}>{t.requestTitle}</Title>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {fileName}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Field label={t.requestCourt} testId="recovery-request-view-court">
            {t.courtWithCode(view.courtName, view.courtCode)}
            {held && levelName(held.level) && ` · ${levelName(held.level)}`}
          </Field>
          <Field label={t.requestTime}>{formatDateTime(view.requestedAt)}</Field>
          {held && (
            <Field label={t.lastReport} testId="recovery-held-last">
              {held.lastSeq > 0 ? t.lastReportLine(held.lastSeq, formatDateTime(held.lastReportAt)) : t.noReport}
            </Field>
          )}
          {held && (
            <Field label={t.heldRows} testId="recovery-held-size">
              {t.rowsFiles(held.rows, held.evidenceFiles)}
            </Field>
          )}
        </SimpleGrid>
        {held && (
          <>
            <Text size="sm" fw={600} mt={4}>
              {t.heldTitle}
            </Text>
            <CampaignHoldings campaigns={held.campaigns} testId="recovery-held-campaigns" />
            <div>
              <Text size="xs" c="dimmed" mb={2}>
                {t.oldKey}
              </Text>
              <Fingerprint value={held.currentFingerprint} size="sm" testId="recovery-old-fingerprint" />
            </div>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function DoneView({
  file,
  ownFingerprint,
  onAnother,
  onClose,
}: {
  file: RecoveryPackageFile;
  ownFingerprint: string | null;
  onAnother(): void;
  onClose(): void;
}) {
  const name = t.courtWithCode(file.courtName, file.courtCode);
  return (
    <Stack gap="md" data-testid="recovery-make-done">
      <Alert color="teal" icon={<IconCheck size={18} />} title={t.exportDone}>
        <Stack gap={4}>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="recovery-package-file">
            {t.exportFile(file.fileName)}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t.exportWhere(file.path)}
          </Text>
          <Text size="sm">{t.exportSize(file.rows, file.files, formatSize(file.bytes))}</Text>
        </Stack>
      </Alert>
      <Alert color="orange" data-testid="recovery-retired">
        {t.retired(name)}
      </Alert>
      <Text size="sm">{t.handOver}</Text>
      {ownFingerprint && (
        <div>
          <Text size="sm" c="dimmed" mb={4}>
            {t.ownFingerprintParent}
          </Text>
          <Fingerprint value={ownFingerprint} testId="recovery-parent-own-fingerprint" />
        </div>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onAnother}>
          {t.anotherCourt}
        </Button>
        <Button onClick={onClose} data-autofocus>
          {t.close}
        </Button>
      </Group>
    </Stack>
  );
}
