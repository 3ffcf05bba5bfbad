// The bundle-writing job shared by 上报 and 下发: starting it (a refused folder shown as a
// refusal, any other failure as a notification), following its progress, and what it ended in.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import type { Input } from '../../shared/api';
import type { JobStatus } from '../../shared/model';
import { useWrite } from '../api/queries';
import { JobProgress } from '../common/JobProgress';
import { notifyFailure } from '../lib/notify';
import { ExportResult, RefusalAlert } from './parts';
import { refusalOf, type Refusal } from './syncRules';
import { syncText as t } from './text';

/** Refusals that a second try can cure: a busy database, a full disk or a pulled USB stick put right. */
const RETRYABLE = new Set(['E_BUSY', 'E_DISK_FULL', 'E_NO_FOLDER', 'E_WRITE']);

type Outcome =
  { kind: 'done'; status: JobStatus } | { kind: 'refused'; refusal: Refusal } | { kind: 'cancelled' } | null;

/** What starts the job: 上报 (sync.export) or 下发 (sync.publish). */
export type ExportStart =
  | { operation: 'sync.export'; input: Input<'sync.export'> }
  | { operation: 'sync.publish'; input: Input<'sync.publish'> };

export interface ExportJob {
  jobId: string | null;
  starting: boolean;
  outcome: Outcome;
  /** Forgets the last outcome (its card or alert was closed, or a new start is on its way). */
  clear(): void;
  /** Clears the last outcome and starts the job. */
  start(request: ExportStart): Promise<void>;
  /** Starts the last call again (after a refusal a second try can cure). */
  retry(): Promise<void>;
  finished(status: JobStatus): void;
}

/**
 * `failedTitle` heads the notification when the job could not be started. When the job ends,
 * JobProgress has every screen reread (the overview, the history).
 */
export function useExportJob(failedTitle: string): ExportJob {
  const [jobId, setJobId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [lastStart, setLastStart] = useState<ExportStart | null>(null);
  const exportStart = useWrite('sync.export');
  const publishStart = useWrite('sync.publish');

  const start = async (request: ExportStart) => {
    setLastStart(request);
    setOutcome(null);
    const result =
      request.operation === 'sync.export'
        ? await exportStart.mutateAsync(request.input)
        : await publishStart.mutateAsync(request.input);
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
  };

  const retry = async () => {
    if (lastStart) await start(lastStart);
  };

  const starting = exportStart.isPending || publishStart.isPending;
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
  // The card appears below the button, often below the fold: bring it into view and move the focus
  // to it, so the person (and a screen reader) learns where the file went without scrolling.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!outcome || !element) return;
    element.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    element.focus({ preventScroll: true });
  }, [outcome]);
  return (
    <div
      ref={box}
      tabIndex={-1}
      aria-live="polite"
      aria-label={outcome?.kind === 'done' ? doneTitle : outcome ? failedTitle : undefined}
      data-testid="sync-export-outcome"
    >
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
    </div>
  );
}
