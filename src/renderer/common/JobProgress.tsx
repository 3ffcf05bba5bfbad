// Drives a progress bar from a background job (jobs.get every 300 ms) until it ends. A failed poll
// shows its message and tries again after a second. When the job ends, whatever is on screen is
// read again (the job wrote outside this window's writes: demo data, an import, a report file),
// then `onFinished` hears how it ended, once.
import { useEffect, useEffectEvent, useRef } from 'react';
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { JobStatus } from '../../shared/model';
import { refreshAll, useRead, useWrite } from '../api/queries';
import { jobText } from './jobText';

const POLL_MS = 300;
const RETRY_MS = 1000;

export function JobProgress({ jobId, onFinished }: { jobId: string; onFinished(status: JobStatus): void }) {
  const job = useRead(
    'jobs.get',
    { jobId },
    {
      refetchInterval: (query) =>
        query.state.error ? RETRY_MS : query.state.data?.state === 'running' ? POLL_MS : false,
      // A minimised window still has to learn that the job ended (and refresh, and say so).
      refetchIntervalInBackground: true,
    },
  );
  const cancel = useWrite('jobs.cancel');
  const status = job.data ?? null;
  const ended = status && status.state !== 'running' ? status : null;

  const finish = useEffectEvent((final: JobStatus) => {
    void refreshAll();
    onFinished(final);
  });
  // The end is reread (by the refresh it starts, among others); it is reported once per job.
  const reported = useRef<string | null>(null);
  useEffect(() => {
    if (!ended || reported.current === ended.id) return;
    reported.current = ended.id;
    finish(ended);
  }, [ended]);

  const percent = status && status.total > 0 ? Math.min(100, Math.round((status.done * 100) / status.total)) : 0;
  const running = !status || status.state === 'running';
  return (
    <Stack gap="xs" data-testid="job-progress">
      <Progress
        value={running && percent === 0 ? 100 : percent}
        animated={running}
        striped={running}
        size="lg"
        aria-label={jobText.progressLabel}
      />
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" c="dimmed" data-testid="job-message">
          {job.error?.message ?? status?.message ?? jobText.starting}
        </Text>
        {running && (
          <Button
            size="xs"
            variant="default"
            // Stays busy after the request until the job itself stops and the button goes.
            loading={!cancel.isIdle}
            onClick={() => void cancel.mutateAsync({ jobId })}
          >
            {jobText.cancel}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
