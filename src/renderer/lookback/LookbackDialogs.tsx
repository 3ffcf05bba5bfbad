// The two things done from the look-back queue: record a re-check (通过, or 发现反弹 which reopens
// the measure) with a note and optional evidence, and move a re-check's due date.
import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Button,
  CloseButton,
  FileButton,
  Group,
  Paper,
  Progress,
  Radio,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { GuardedModal, useCloseGuard } from '../common/useCloseGuard';
import { IconPaperclip } from '@tabler/icons-react';
import { operations, type LookbackRow } from '../../shared/api';
import { useWrite } from '../api/queries';
import { useApp } from '../AppContext';
import { DateField } from '../common/DateField';
import { commonText } from '../common/text';
import { formatDate } from '../lib/dates';
import { formatSize } from '../lib/format';
import { useCheckedWrite } from '../lib/checkedWrite';
import { schemaErrors, serverFieldErrors, type FieldErrors } from '../lib/forms';
import { notifySuccess } from '../lib/notify';
import { uploadLedgerEvidence, type UploadProgress } from '../ledger/evidenceUpload';
import { lookbackText as t } from './text';

function Summary({ row }: { row: LookbackRow }) {
  const line = (label: string, value: string) => (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
      <Text span size="sm" c="dimmed">
        {label}：
      </Text>
      {value}
    </Text>
  );
  return (
    <Paper withBorder p="sm" bg="#fbfcfe" radius="sm">
      <Stack gap={2}>
        {line(t.summaryCampaign, row.campaignTitle)}
        {line(t.summaryFinding, row.findingTitle)}
        {line(t.summaryMeasure, row.measureText)}
        {line(t.summaryDue, formatDate(row.dueDate))}
      </Stack>
    </Paper>
  );
}

export function RecordLookbackModal({
  row,
  onClose,
  onDone,
}: {
  row: LookbackRow | null;
  onClose(): void;
  onDone(): void;
}) {
  return (
    <GuardedModal opened={!!row} onClose={onClose} title={t.recordTitle} size="lg">
      {row && <RecordForm row={row} onClose={onClose} onDone={onDone} />}
    </GuardedModal>
  );
}

type Result = 'passed' | 'relapsed';

function RecordForm({ row, onClose, onDone }: { row: LookbackRow; onClose(): void; onDone(): void }) {
  const [result, setResult] = useState<Result | null>(null);
  const [note, setNote] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  // Files already sent in an earlier attempt are not sent twice.
  const [sent, setSent] = useState<Set<File>>(() => new Set());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [failures, setFailures] = useState<string[]>([]);
  // Closing stops an upload under way (on unmount, below); what was sent is discarded.
  const cancel = useCloseGuard(result !== null || note.trim() !== '' || files.length > 0, onClose);
  // Set while a file is being sent: the evidence goes first, then the re-check itself.
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const record = useWrite('lookbacks.record');
  const saving = progress !== null || record.isPending;
  const cancelled = useRef(false);
  // The dialog closed mid-upload (Esc, ×): the upload stops and nothing is recorded.
  useEffect(
    () => () => {
      cancelled.current = true;
    },
    [],
  );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    setFailures([]);
    const input = { id: row.id, version: row.version, result: result ?? undefined, note };
    const local = schemaErrors(operations['lookbacks.record'], input);
    if (local || !result) {
      setErrors({ ...(local ?? {}), ...(result ? {} : { result: t.chooseResult }) });
      return;
    }
    // Evidence first: if a file is refused, nothing is recorded yet and the person can fix it.
    const pending = files.filter((f) => !sent.has(f));
    if (pending.length) {
      const done = new Set(sent);
      const problems: string[] = [];
      cancelled.current = false;
      let stopped = false;
      for (const file of pending) {
        const outcome = await uploadLedgerEvidence(
          { measureId: row.measureId, phase: 'lookback', lookbackId: row.id },
          [file],
          {
            onProgress: setProgress,
            aborted: () => cancelled.current,
          },
        );
        if (outcome.uploaded) done.add(file);
        problems.push(...outcome.failures);
        if (outcome.cancelled) {
          stopped = true;
          break;
        }
      }
      setProgress(null);
      setSent(done);
      if (stopped || problems.length) {
        setFailures(problems);
        setError(stopped ? t.uploadCancelled : t.uploadFailed);
        return;
      }
    }
    const recorded = await record.mutateAsync({ id: row.id, version: row.version, result, note });
    if (!recorded.ok) {
      setErrors(serverFieldErrors(recorded.fieldErrors));
      setError(recorded.message);
      return;
    }
    notifySuccess(result === 'passed' ? t.recordedPassed : t.recordedRelapsed);
    onDone();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="lookback-record-form">
      <Stack>
        {error && (
          <Alert color="red" data-testid="lookback-record-error">
            {error}
            {failures.map((f) => (
              <Text key={f} size="sm" mt={4}>
                {f}
              </Text>
            ))}
          </Alert>
        )}
        <Summary row={row} />
        <Radio.Group
          label={t.result}
          withAsterisk
          value={result}
          onChange={(v) => {
            setResult(v as Result);
            setErrors((e) => ({ ...e, result: '' }));
          }}
          error={errors.result || null}
        >
          <Group mt={6} align="flex-start" grow>
            <Radio
              value="passed"
              label={t.passed}
              description={t.passedHint}
              color="green"
              data-testid="lookback-result-passed"
            />
            <Radio
              value="relapsed"
              label={t.relapsed}
              description={t.relapsedHint}
              color="red"
              data-testid="lookback-result-relapsed"
            />
          </Group>
        </Radio.Group>
        {result === 'relapsed' && (
          <Alert color="orange" py="xs" data-testid="lookback-relapse-warning">
            {t.relapseWarning}
          </Alert>
        )}
        <Textarea
          label={t.note}
          placeholder={result === 'relapsed' ? t.noteRelapsedPlaceholder : t.notePassedPlaceholder}
          autosize
          minRows={3}
          maxRows={8}
          withAsterisk
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setErrors((er) => ({ ...er, note: '' }));
          }}
          error={errors.note || null}
          data-testid="lookback-note"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t.evidence}
          </Text>
          <Group gap="xs" align="flex-start">
            <FileButton
              onChange={(picked) => setFiles((list) => [...list, ...picked])}
              multiple
              inputProps={{ 'data-testid': 'lookback-evidence-input' } as React.ComponentProps<'input'>}
            >
              {(props) => (
                <Button {...props} variant="default" size="xs" leftSection={<IconPaperclip size={14} />}>
                  {t.pickFiles}
                </Button>
              )}
            </FileButton>
            <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
              {files.length === 0 ? (
                <Text size="sm" c="dimmed" lh="26px">
                  {t.noFiles}
                </Text>
              ) : (
                files.map((file, index) => (
                  <Group key={`${file.name}-${index}`} gap={6} wrap="nowrap" data-testid="lookback-file">
                    <Text size="sm" truncate style={{ flex: 1 }}>
                      {file.name}
                      <Text span size="xs" c="dimmed" ml={6}>
                        {formatSize(file.size)}
                      </Text>
                    </Text>
                    {!sent.has(file) && (
                      <CloseButton
                        size="sm"
                        aria-label={t.removeFile}
                        title={t.removeFile}
                        onClick={() => setFiles((list) => list.filter((f) => f !== file))}
                      />
                    )}
                  </Group>
                ))
              )}
            </Stack>
          </Group>
        </div>
        {progress && (
          <Group gap="xs" wrap="nowrap" data-testid="lookback-upload-progress">
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t.uploadingFile(progress.name)}
            </Text>
            <Progress
              value={progress.total > 0 ? (progress.sent * 100) / progress.total : 0}
              size="sm"
              style={{ flex: 1 }}
              aria-label={t.uploadProgress(progress.name)}
            />
            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => (cancelled.current = true)}>
              {t.cancelUpload}
            </Button>
          </Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {commonText.cancel}
          </Button>
          <Button
            type="submit"
            loading={saving}
            color={result === 'relapsed' ? 'red' : undefined}
            data-testid="lookback-record-confirm"
          >
            {t.recordButton}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function RescheduleModal({
  row,
  onClose,
  onDone,
}: {
  row: LookbackRow | null;
  onClose(): void;
  onDone(): void;
}) {
  return (
    <GuardedModal opened={!!row} onClose={onClose} title={t.rescheduleTitle} size="md">
      {row && <RescheduleForm row={row} onClose={onClose} onDone={onDone} />}
    </GuardedModal>
  );
}

function RescheduleForm({ row, onClose, onDone }: { row: LookbackRow; onClose(): void; onDone(): void }) {
  const { today } = useApp();
  const [dueDate, setDueDate] = useState<string | null>(row.dueDate);
  const cancel = useCloseGuard(dueDate !== row.dueDate, onClose);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  // Problems found before sending show only at the fields.
  const reschedule = useCheckedWrite('lookbacks.reschedule', { setErrors }, '');
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const input = { id: row.id, version: row.version, dueDate: dueDate ?? '' };
    const result = await reschedule.submit(input);
    if (!result.ok) {
      setError(result.message || null);
      return;
    }
    notifySuccess(t.rescheduled);
    onDone();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="lookback-reschedule-form">
      <Stack>
        {error && <Alert color="red">{error}</Alert>}
        <Summary row={row} />
        <Text size="sm" c="dimmed">
          {t.rescheduleHint}
        </Text>
        <DateField
          label={t.newDueDate}
          value={dueDate}
          onChange={(v) => {
            setDueDate(v);
            setErrors({});
          }}
          minDate={today}
          withAsterisk
          error={errors.dueDate || null}
          w={220}
          data-testid="lookback-due-input"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {commonText.cancel}
          </Button>
          <Button type="submit" loading={reschedule.isPending} data-testid="lookback-reschedule-confirm">
            {commonText.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
