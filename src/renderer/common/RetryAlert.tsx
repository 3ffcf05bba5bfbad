// A screen that could not load: the message and a link to try again.
import { Alert, Anchor } from '@mantine/core';
import { commonText } from './text';

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
