// Loading what a sync screen shows: one call, its error, and loading again (on demand, or when
// `refreshKey` changes); with the pieces that show the error, the wait and an empty list.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Paper, Skeleton } from '@mantine/core';
import type { Result } from '../api/client';
import { commonText } from '../common/text';

/** The last value loaded (kept when a reload fails), the last error, and `load` to call again. */
export function useLoaded<T>(fetch: () => Promise<Result<T>>, refreshKey?: unknown): { data: T | null; error: string | null; load(): Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fetchRef = useRef(fetch);
  fetchRef.current = fetch;

  const load = useCallback(async () => {
    const result = await fetchRef.current();
    if (!result.ok) return setError(result.message);
    setError(null);
    setData(result.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  return { data, error, load };
}

/** A page that could not load: the message and a link to try again. */
export function RetryAlert({ title, error, onRetry }: { title: string; error: string; onRetry(): void }) {
  return (
    <Alert color="red" title={title}>
      {error}{' '}
      <Anchor size="sm" onClick={onRetry}>
        {commonText.retry}
      </Anchor>
    </Alert>
  );
}

/** A list in a sync tab before it shows rows: its error, a placeholder while it loads, or that it is empty. */
export function ListStatus({ list, error, emptyText, emptyTestId }: { list: readonly unknown[] | null; error: string | null; emptyText: string; emptyTestId: string }) {
  return (
    <>
      {error && <Alert color="red">{error}</Alert>}
      {!list && !error && <Skeleton h={120} />}
      {list && list.length === 0 && (
        <Paper withBorder p="xl" ta="center" c="dimmed" data-testid={emptyTestId}>
          {emptyText}
        </Paper>
      )}
    </>
  );
}
