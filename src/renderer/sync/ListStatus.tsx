// A list in a sync tab before it shows rows: its error, a placeholder while it loads, or that it is empty.
import { Alert, Paper, Skeleton } from '@mantine/core';

export function ListStatus({
  list,
  error,
  emptyText,
  emptyTestId,
}: {
  list: readonly unknown[] | null;
  error: string | null;
  emptyText: string;
  emptyTestId: string;
}) {
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
