// The bundle-writing job shared by 上报 and 下发: starting it (a refused folder shown as a
// refusal, any other failure as a notification), following its progress, and what it ended in.
import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import type { JobStatus } from '../../shared/model';
import type { Result } from '../api/client';
import { JobProgress } from '../common/JobProgress';
import { notifyFailure } from '../lib/notify';
import { ExportResult, RefusalAlert } from './parts';
import { refusalOf, type Refusal } from './syncRules';
import { syncText as t } from './text';

/** Refusals that a second try can cure: a busy database, a full disk or a pulled USB stick put right. */
const RETRYABLE = new Set(['E_BUSY', 'E_DISK_FULL', 'E_NO_FOLDER', 'E_WRITE']);

type Outcome =
  { kind: 'done'; status: JobStatus } | { kind: 'refused'; refusal: Refusal } | { kind: 'cancelled' } | null;

export interface ExportJob {
  jobId: string | null;
  starting: boolean;
  outcome: Outcome;
  /** Forgets the last outcome (its card or alert was closed, or a new start is on its way). */
  clear(): void;
  /** Clears the last outcome and starts the job with this call. */
  start(call: () => Promise<Result<{ jobId: string }>>): Promise<void>;
  /** Starts the last call again (after a refusal a second try can cure). */
  retry(): Promise<void>;
  finished(status: JobStatus): void;
}

/** `failedTitle` heads the notification when the job could not be started; `onChanged` runs when it ends. */
export function useExportJob(failedTitle: string, onChanged: () => void): ExportJob {
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const [lastCall, setLastCall] = useState<(() => Promise<Result<{ jobId: string }>>) | null>(null);

  const start = async (call: () => Promise<Result<{ jobId: string }>>) => {
    setLastCall(() => call);
    setOutcome(null);
    setStarting(true);
    const result = await call();
    setStarting(false);
    if (!result.ok) {
      if (result.fieldErrors?.folder)
        return setOutcome({ kind: 'refused', refusal: { message: result.fieldErrors.folder, code: result.code } });
      return notifyFailure(result, failedTitle);
    }
    setJobId(result.value.jobId);
  };

  const finished = (status: JobStatus) => {
    setJobId(null);
    if (status.state === 'done') setOutcome({ kind: 'done', status });
    else if (status.state === 'cancelled') setOutcome({ kind: 'cancelled' });
    else setOutcome({ kind: 'refused', refusal: refusalOf(status) });
    onChanged();
  };

  const retry = async () => {
    if (lastCall) await start(lastCall);
  };

  return { jobId, starting, outcome, clear: () => setOutcome(null), start, retry, finished };
}

/** The start button, or while the job runs, what it is doing and its progress bar. */
export function ExportJobControl({
  job,
  running,
  icon,
  label,
  testId,
  onStart,
}: {
  job: ExportJob;
  running: string;
  icon: ReactNode;
  label: string;
  testId: string;
  onStart(): void;
}) {
  return job.jobId ? (
    <div>
      <Text size="sm" fw={600} mb="xs">
        {running}
      </Text>
      <JobProgress jobId={job.jobId} onFinished={job.finished} />
    </div>
  ) : (
    <Group>
      <Button leftSection={icon} onClick={onStart} loading={job.starting} data-testid={testId}>
        {label}
      </Button>
    </Group>
  );
}

/** What the last job ended in: where the bundle went, the refusal, or that it was cancelled. */
export function ExportJobOutcome({
  job,
  doneTitle,
  failedTitle,
  carryHint,
}: {
  job: ExportJob;
  doneTitle: string;
  failedTitle: string;
  carryHint: string;
}) {
  const { outcome } = job;
  const report =
    outcome?.kind === 'done' && outcome.status.result?.kind === 'syncExport' ? outcome.status.result.report : null;
  return (
    <>
      {report && <ExportResult title={doneTitle} report={report} carryHint={carryHint} onClose={job.clear} />}
      {outcome?.kind === 'refused' && (
        <RefusalAlert
          title={failedTitle}
          refusal={outcome.refusal}
          untouched={false}
          onClose={job.clear}
          onRetry={RETRYABLE.has(outcome.refusal.code ?? '') ? () => void job.retry() : undefined}
        />
      )}
      {outcome?.kind === 'cancelled' && (
        <Alert color="gray" withCloseButton onClose={job.clear}>
          {t.exportCancelled}
        </Alert>
      )}
    </>
  );
}
