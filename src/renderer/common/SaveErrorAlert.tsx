// The message under a form whose save was refused. When someone else saved first (E_STALE) it
// offers the two ways on: keep what was typed and save over the newer version, or drop it and
// load the newer version. Each form says what "reload" and "discard" do for its own data.
import { Alert, Button, Group } from '@mantine/core';
import { commonText } from './text';

export interface SaveError {
  message: string;
  stale: boolean;
}

export function SaveErrorAlert({
  error,
  onKeep,
  onDiscard,
  keepLabel = commonText.staleKeep,
  testId,
}: {
  error: SaveError;
  /** Loads the newer version, keeping what was typed. */
  onKeep(): Promise<unknown>;
  /** Loads the newer version and drops what was typed. */
  onDiscard(): Promise<unknown>;
  keepLabel?: string;
  testId?: string;
}) {
  return (
    <Alert color={error.stale ? 'orange' : 'red'} data-testid={testId}>
      {error.message}
      {error.stale && (
        <Group mt="sm" gap="xs">
          <Button size="xs" variant="default" onClick={() => void onKeep()}>
            {keepLabel}
          </Button>
          <Button size="xs" variant="subtle" color="gray" onClick={() => void onDiscard()}>
            {commonText.staleReload}
          </Button>
        </Group>
      )}
    </Alert>
  );
}
