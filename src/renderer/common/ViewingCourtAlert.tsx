// The banner over a subordinate court's data shown read-only, with the way back to this court's own.
import { Alert, Anchor, Text } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';

export function ViewingCourtAlert({
  title,
  hint,
  backLabel,
  onBack,
  testId,
}: {
  title: string;
  hint: string;
  backLabel: string;
  onBack?(): void;
  testId: string;
}) {
  return (
    <Alert color="court" variant="light" icon={<IconBuildingCommunity size={20} />} title={title} data-testid={testId}>
      <Text size="sm">{hint}</Text>
      {onBack && (
        <Anchor size="sm" mt={4} onClick={onBack} display="inline-block">
          {backLabel}
        </Anchor>
      )}
    </Alert>
  );
}
