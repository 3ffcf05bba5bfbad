// Drives a progress bar from a background job (jobs.get every 300 ms) until it ends.
import { useEffect, useRef, useState } from 'react';
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import type { JobStatus } from '../../shared/model';
import { send } from '../api/client';
import { jobText } from './jobText';

export function JobProgress({ jobId, onFinished }: { jobId: string; onFinished(status: JobStatus): void }) {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const [pollError, setPollError] = useState<string | null>(null);
  const finished = useRef(onFinished);
  finished.current = onFinished;

  useEffect(() => {
    let stopped = false;
    let timer = 0;
    const poll = async () => {
      const result = await send('jobs.get', { jobId });
      if (stopped) return;
      if (!result.ok) {
        setPollError(result.message);
        timer = window.setTimeout(poll, 1000);
        return;
      }
      setPollError(null);
      setStatus(result.value);
      if (result.value.state === 'running') timer = window.setTimeout(poll, 300);
      else finished.current(result.value);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [jobId]);

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
          {pollError ?? status?.message ?? jobText.starting}
        </Text>
        {running && (
          <Button
            size="xs"
            variant="default"
            loading={cancelling}
            onClick={async () => {
              setCancelling(true);
              await send('jobs.cancel', { jobId });
            }}
          >
            {jobText.cancel}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
