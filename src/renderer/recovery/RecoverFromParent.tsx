// 用上级法院的恢复包恢复 on the set-up screen, for a court whose data is lost with no backup:
// (1) the 恢复申请 — the court's code, name and a folder (a USB drive) → recovery.request makes the
// new key here and writes the file; its fingerprint is shown large, to be read to the parent by
// phone (recovery.pending brings this back after a restart); (3) the 恢复包 the parent made →
// recovery.upload → recovery.preview (a job) → the court, the parent and its fingerprint (compared
// by phone and ticked, as a first contact is in 同步 → 导入), the counts per campaign →
// recovery.import (a job) → the court exists again but has no account: onRecovered() lets the app
// go on to the log-in screen's first-administrator form (auth.bootstrap).
import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Stepper,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCheck, IconFileImport, IconPhoneCall } from '@tabler/icons-react';
import type { JobStatus, PendingRecovery, RecoveryImportResult, RecoveryPreview } from '../../shared/model';
import { recoveryOperations } from '../../shared/recovery/recoveryContract';
import { useRead, useWrite } from '../api/queries';
import { confirmAction } from '../common/confirm';
import { JobProgress } from '../common/JobProgress';
import { formatDateTime, formatLongDate } from '../lib/dates';
import { schemaErrors, serverFieldErrors, type FieldErrors } from '../lib/forms';
import { Fingerprint } from '../sync/Fingerprint';
import {
  BusyModal,
  CampaignHoldings,
  Field,
  FileDrop,
  levelName,
  RefusalNote,
  UploadProgress,
  type Refusal,
} from './parts';
import { recoveryText as t } from './text';
import { uploadRecoveryFile } from './upload';

export function RecoverFromParent({ onRecovered }: { onRecovered(): void }) {
  const [opened, setOpened] = useState(false);
  // A running job must not lose its screen to a stray Esc: the flow says when it may close.
  const [busy, setBusy] = useState(false);
  // Once imported the court exists: closing the dialog goes on to the first account as well.
  const [recovered, setRecovered] = useState(false);
  const close = () => {
    if (busy) return;
    setOpened(false);
    if (recovered) onRecovered();
  };
  return (
    <BusyModal
      label={t.start}
      buttonTestId="recovery-start"
      title={t.title}
      modalTestId="recovery-modal"
      opened={opened}
      busy={busy}
      onOpen={() => setOpened(true)}
      onClose={close}
    >
      <RecoveryFlow onBusy={setBusy} onImported={() => setRecovered(true)} onRecovered={onRecovered} />
    </BusyModal>
  );
}

function RecoveryFlow({
  onBusy,
  onImported,
  onRecovered,
}: {
  onBusy(busy: boolean): void;
  onImported(): void;
  onRecovered(): void;
}) {
  const pending = useRead('recovery.pending');
  // The file just written (its name and place are not kept by recovery.pending).
  const [written, setWritten] = useState<{ fileName: string; path: string } | null>(null);
  const [renewing, setRenewing] = useState(false);
  // Kept here, not in the import step: once imported, recovery.pending answers no request (or a
  // refusal, the court now existing), and this must not take the result off the screen.
  const [imported, setImported] = useState<RecoveryImportResult | null>(null);
  const [openedPackage, setOpenedPackage] = useState(false);
  // While a package is open, a reread of recovery.pending (the import clears it) must not unmount
  // the import step under its running job: the request last seen stays.
  const [known, setKnown] = useState<PendingRecovery | null>(null);
  if (pending.data && pending.data !== known) setKnown(pending.data);
  const held = openedPackage ? known : null;

  if (imported)
    return (
      <Stack gap="md" data-testid="recovery-flow">
        <FlowSteps step={3} />
        <ImportedView result={imported} onRecovered={onRecovered} />
      </Stack>
    );
  if (pending.isPending && !held)
    return (
      <Group justify="center" p="xl">
        <Loader />
      </Group>
    );
  if (pending.error && !pending.data && !held)
    return (
      <Alert color="red" title={t.pendingLoadFailed} data-testid="recovery-pending-error">
        <Stack gap={6}>
          <Text size="sm">{pending.error.message}</Text>
          <Group>
            <Button size="xs" variant="light" color="red" onClick={() => void pending.refetch()}>
              {t.retry}
            </Button>
          </Group>
        </Stack>
      </Alert>
    );

  const request = renewing ? null : (pending.data ?? held);
  const step = !request ? 0 : openedPackage ? 2 : 1;
  return (
    <Stack gap="md" data-testid="recovery-flow">
      <FlowSteps step={step} />
      {!request ? (
        <RequestForm
          onWritten={(file) => {
            setWritten({ fileName: file.fileName, path: file.path });
            setRenewing(false);
          }}
        />
      ) : (
        <>
          {openedPackage ? (
            // The package is open: the request has served, one line keeps the preview in view.
            <Text size="sm" c="dimmed" data-testid="recovery-request-line">
              {t.requestFor(t.courtWithCode(request.courtName, request.courtCode))}；
              {t.requestedAt(formatDateTime(request.requestedAt))}
            </Text>
          ) : (
            <RequestCard
              request={request}
              written={written}
              onRenew={async () => {
                const ok = await confirmAction({
                  title: t.newRequestConfirmTitle,
                  message: t.newRequestConfirm,
                  confirmLabel: t.newRequest,
                  danger: true,
                  focusCancel: true,
                });
                if (ok) {
                  setWritten(null);
                  setRenewing(true);
                }
              }}
            />
          )}
          <PackageImport
            onBusy={onBusy}
            onOpened={setOpenedPackage}
            onImported={(result) => {
              onBusy(false);
              onImported();
              setImported(result);
            }}
          />
        </>
      )}
    </Stack>
  );
}

const requestInput = recoveryOperations['recovery.request'].input;

function RequestForm({ onWritten }: { onWritten(file: { fileName: string; path: string }): void }) {
  const [values, setValues] = useState({ courtCode: '', courtName: '', folder: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const write = useWrite('recovery.request');
  const set = (field: keyof typeof values, value: string) => {
    setValues((prev) => ({ ...prev, [field]: value }));
    setErrors((prev) => ({ ...prev, [field]: '' }));
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    // The dialog sits inside the set-up wizard's form in React's tree: its submit must not reach it.
    event.stopPropagation();
    setError(null);
    const local = schemaErrors(requestInput, values);
    if (local) {
      setErrors(local);
      return setError(t.formError);
    }
    const result = await write.mutateAsync(values);
    if (!result.ok) {
      setErrors(serverFieldErrors(result.fieldErrors));
      return setError(result.message);
    }
    onWritten(result.value);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="recovery-request-form">
      <Stack gap="sm">
        {error && (
          <Alert color="red" title={t.requestFailed} data-testid="recovery-request-error">
            {error}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput
            label={t.courtCode}
            description={t.courtCodeHint}
            withAsterisk
            // The form appears after recovery.pending is read, once the dialog has placed its focus.
            autoFocus
            value={values.courtCode}
            onChange={(e) => set('courtCode', e.currentTarget.value.toUpperCase())}
            error={errors.courtCode || undefined}
            data-testid="recovery-court-code"
          />
          <TextInput
            label={t.courtName}
            description={t.courtNameHint}
            withAsterisk
            value={values.courtName}
            onChange={(e) => set('courtName', e.currentTarget.value)}
            error={errors.courtName || undefined}
            data-testid="recovery-court-name"
          />
        </Group>
        <TextInput
          label={t.folder}
          description={t.folderHint}
          withAsterisk
          value={values.folder}
          onChange={(e) => set('folder', e.currentTarget.value)}
          error={errors.folder || undefined}
          data-testid="recovery-folder"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={write.isPending} data-testid="recovery-request-button">
            {t.requestButton}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function RequestCard({
  request,
  written,
  onRenew,
}: {
  request: PendingRecovery;
  written: { fileName: string; path: string } | null;
  onRenew(): void;
}) {
  return (
    <Paper withBorder p="md" bg="yellow.0" data-testid="recovery-request-card">
      <Stack gap="sm">
        <Group gap="xs">
          <IconPhoneCall size={20} color="var(--mantine-color-yellow-9)" />
          <Title order={4}>{t.requestDone}</Title>
        </Group>
        <div>
          <Text size="sm" data-testid="recovery-request-court">
            {t.requestFor(t.courtWithCode(request.courtName, request.courtCode))}
          </Text>
          {written && (
            <>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="recovery-request-file">
                {t.requestFile(written.fileName)}
              </Text>
              <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t.requestPath(written.path)}
              </Text>
            </>
          )}
          <Text size="sm" c="dimmed">
            {t.requestedAt(formatDateTime(request.requestedAt))}
          </Text>
        </div>
        <Text size="sm" fw={600}>
          {t.carry}
        </Text>
        <div>
          <Text size="sm" c="dimmed" mb={4}>
            {t.ownFingerprint}
          </Text>
          <Fingerprint value={request.fingerprint} testId="recovery-own-fingerprint" />
        </div>
        <Group justify="space-between" align="flex-end">
          <Text size="sm" c="dimmed" maw={560}>
            {t.phoneHint}
          </Text>
          <Button size="xs" variant="subtle" color="gray" onClick={onRenew} data-testid="recovery-renew">
            {t.newRequest}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

type Stage =
  | { step: 'idle' }
  | { step: 'uploading'; fileName: string; sent: number; total: number }
  | { step: 'previewing'; fileName: string; uploadId: string; jobId: string }
  | { step: 'preview'; fileName: string; uploadId: string; preview: RecoveryPreview; cancelled?: boolean }
  | { step: 'importing'; fileName: string; uploadId: string; preview: RecoveryPreview; jobId: string }
  | { step: 'refused'; fileName: string; refusal: Refusal; atImport: boolean };

function refusalOf(status: JobStatus): Refusal {
  return { message: status.error ?? status.message, code: status.errorCode ?? null };
}

function PackageImport({
  onBusy,
  onOpened,
  onImported,
}: {
  onBusy(busy: boolean): void;
  /** A package is open (previewed or importing): the stepper moves on to 导入恢复包. */
  onOpened(opened: boolean): void;
  onImported(result: RecoveryImportResult): void;
}) {
  const [stage, setStageNow] = useState<Stage>({ step: 'idle' });
  const [checked, setChecked] = useState(false);
  const startPreview = useWrite('recovery.preview');
  const startImport = useWrite('recovery.import');
  const setStage = (next: Stage) => {
    onBusy(next.step === 'uploading' || next.step === 'previewing' || next.step === 'importing');
    onOpened(next.step === 'preview' || next.step === 'importing');
    setStageNow(next);
  };

  const begin = async (file: File) => {
    setChecked(false);
    setStage({ step: 'uploading', fileName: file.name, sent: 0, total: file.size });
    const uploaded = await uploadRecoveryFile(file, (sent) =>
      setStage({ step: 'uploading', fileName: file.name, sent, total: file.size }),
    );
    if (!uploaded.ok)
      return setStage({
        step: 'refused',
        fileName: file.name,
        refusal: 'aborted' in uploaded ? { message: t.unreadable, code: null } : uploaded,
        atImport: false,
      });
    const started = await startPreview.mutateAsync({ uploadId: uploaded.uploadId });
    if (!started.ok)
      return setStage({
        step: 'refused',
        fileName: file.name,
        refusal: { message: started.message, code: started.code },
        atImport: false,
      });
    setStage({ step: 'previewing', fileName: file.name, uploadId: uploaded.uploadId, jobId: started.value.jobId });
  };

  const previewFinished = (status: JobStatus) => {
    if (stage.step !== 'previewing') return;
    const { fileName, uploadId } = stage;
    if (status.state === 'done' && status.result?.kind === 'recoveryPreview')
      return setStage({ step: 'preview', fileName, uploadId, preview: status.result.preview });
    if (status.state === 'cancelled') return setStage({ step: 'idle' });
    setStage({ step: 'refused', fileName, refusal: refusalOf(status), atImport: false });
  };

  const confirmImport = async () => {
    if (stage.step !== 'preview') return;
    const { fileName, uploadId, preview } = stage;
    const ok = await confirmAction({
      title: t.importConfirmTitle,
      message: t.importConfirm(t.courtWithCode(preview.court.name, preview.court.code), preview.rows, preview.files),
      confirmLabel: t.importButton,
    });
    if (!ok) return;
    const started = await startImport.mutateAsync({ uploadId, parentFingerprint: preview.parent.fingerprint });
    if (!started.ok)
      return setStage({
        step: 'refused',
        fileName,
        refusal: { message: started.message, code: started.code },
        atImport: true,
      });
    setStage({ step: 'importing', fileName, uploadId, preview, jobId: started.value.jobId });
  };

  const importFinished = (status: JobStatus) => {
    if (stage.step !== 'importing') return;
    const { fileName, uploadId, preview } = stage;
    if (status.state === 'done' && status.result?.kind === 'recoveryImport') return onImported(status.result.result);
    if (status.state === 'cancelled')
      return setStage({ step: 'preview', fileName, uploadId, preview, cancelled: true });
    setStage({ step: 'refused', fileName, refusal: refusalOf(status), atImport: true });
  };

  return (
    <Stack gap="sm" data-testid="recovery-package">
      <Title order={4}>{t.chooseTitle}</Title>
      {stage.step === 'idle' && (
        <FileDrop title={t.dropTitle} hint={t.dropHint} testId="recovery-package-drop" onFile={(f) => void begin(f)} />
      )}
      {stage.step === 'uploading' && <UploadProgress fileName={stage.fileName} sent={stage.sent} total={stage.total} />}
      {stage.step === 'previewing' && (
        <div>
          <Text size="sm" fw={600} mb="xs">
            {t.previewing}
          </Text>
          <JobProgress jobId={stage.jobId} onFinished={previewFinished} />
        </div>
      )}
      {stage.step === 'refused' && (
        <RefusalNote
          title={stage.atImport ? t.importRefused : t.previewRefused}
          refusal={stage.refusal}
          untouched={t.untouched}
          onAgain={() => setStage({ step: 'idle' })}
        />
      )}
      {(stage.step === 'preview' || stage.step === 'importing') && (
        <PreviewView
          preview={stage.preview}
          fileName={stage.fileName}
          checked={checked}
          onCheck={setChecked}
          disabled={stage.step === 'importing'}
        />
      )}
      {stage.step === 'preview' && (
        <>
          {stage.cancelled && (
            <Alert color="yellow" data-testid="recovery-import-cancelled">
              {t.importCancelled}
            </Alert>
          )}
          <Group justify="space-between">
            <Text size="sm" c="orange.9" data-testid="recovery-import-blocked">
              {checked ? '' : t.parentNeeded}
            </Text>
            <Group>
              <Button variant="default" onClick={() => setStage({ step: 'idle' })} data-testid="recovery-discard">
                {t.discardPackage}
              </Button>
              <Button
                leftSection={<IconFileImport size={16} />}
                disabled={!checked}
                loading={startImport.isPending}
                onClick={() => void confirmImport()}
                data-testid="recovery-import-button"
              >
                {t.importButton}
              </Button>
            </Group>
          </Group>
        </>
      )}
      {stage.step === 'importing' && (
        <div>
          <Text size="sm" fw={600} mb="xs">
            {t.importing}
          </Text>
          <JobProgress jobId={stage.jobId} onFinished={importFinished} />
        </div>
      )}
    </Stack>
  );
}

function FlowSteps({ step }: { step: number }) {
  return (
    <>
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      <Stepper active={step} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t.stepRequest} description={t.stepRequestHint} />
        <Stepper.Step label={t.stepParent} description={t.stepParentHint} />
        <Stepper.Step label={t.stepImport} description={t.stepImportHint} />
      </Stepper>
    </>
  );
}

function ImportedView({ result, onRecovered }: { result: RecoveryImportResult; onRecovered(): void }) {
  return (
    <Stack gap="md" data-testid="recovery-imported">
      <Alert color="teal" icon={<IconCheck size={18} />} title={t.importDone}>
        <Text size="sm" data-testid="recovery-imported-text">
          {t.importDoneText(
            t.courtWithCode(result.courtName, result.courtCode),
            result.rows,
            result.files,
            result.nextSeq,
          )}
        </Text>
      </Alert>
      <Text size="sm">{t.adminNext}</Text>
      <Group justify="flex-end">
        <Button size="md" onClick={onRecovered} data-autofocus data-testid="recovery-continue">
          {t.continue}
        </Button>
      </Group>
    </Stack>
  );
}

function PreviewView({
  preview,
  fileName,
  checked,
  onCheck,
  disabled,
}: {
  preview: RecoveryPreview;
  fileName: string;
  checked: boolean;
  onCheck(checked: boolean): void;
  disabled: boolean;
}) {
  const parentName = t.courtWithCode(preview.parent.name, preview.parent.code);
  return (
    <Stack gap="md" data-testid="recovery-preview">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <div>
            <Title order={4}>{t.previewTitle}</Title>
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {fileName}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <Field label={t.courtLabel} testId="recovery-preview-court">
              {t.courtWithCode(preview.court.name, preview.court.code)}
              {levelName(preview.court.level) && ` · ${levelName(preview.court.level)}`}
            </Field>
            <Field label={t.parentLabel} testId="recovery-preview-parent">
              {parentName}
            </Field>
            <Field label={t.createdAt}>{formatLongDate(preview.createdAt)}</Field>
            <Field label={t.totalLabel} testId="recovery-preview-size">
              {t.rowsFiles(preview.rows, preview.files)}
            </Field>
          </SimpleGrid>
          <CampaignHoldings
            campaigns={preview.campaigns}
            testId="recovery-campaigns"
            rowTestId="recovery-campaign-row"
          />
          <Text size="sm" data-testid="recovery-next-seq">
            {t.nextSeq(preview.lastSeq)}
          </Text>
        </Stack>
      </Paper>
      <Paper
        withBorder
        p="md"
        bg="yellow.0"
        style={{ borderColor: 'var(--mantine-color-yellow-5)' }}
        data-testid="recovery-parent-check"
      >
        <Stack gap="sm">
          <Group gap="xs">
            <IconPhoneCall size={20} color="var(--mantine-color-yellow-9)" />
            <Title order={5}>{t.parentCheckTitle}</Title>
          </Group>
          <Text size="sm">{t.parentCheckHint(preview.parent.name || preview.parent.code)}</Text>
          <Fingerprint value={preview.parent.fingerprint} testId="recovery-parent-fingerprint" />
          <Text size="sm" c="red.8">
            {t.parentMismatch}
          </Text>
          <Checkbox
            label={t.parentCheck}
            checked={checked}
            onChange={(e) => onCheck(e.currentTarget.checked)}
            disabled={disabled}
            styles={{ label: { fontWeight: 600 } }}
            data-testid="recovery-parent-check-box"
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
