// 已有数据: on a reinstalled computer the clerk does not set the court up anew but brings its data
// back, from a backup (a USB drive, the old data folder's backups/) or from the parent court's 恢复包.
import { Divider, Group, Stack, Text } from '@mantine/core';
import { RestoreFromBackup } from '../backup/RestoreFromBackup';
import { RecoverFromParent } from '../recovery/RecoverFromParent';
import { setupText as t } from './text';

export function RestoreChoices({ onRestored }: { onRestored(): void }) {
  return (
    <Stack gap="xs" mt="xs" data-testid="setup-restore-choices">
      <Divider label={t.restoreDivider} labelPosition="center" />
      <Text size="sm" c="dimmed">
        {t.restoreIntro}
      </Text>
      <Group gap="sm">
        <RestoreFromBackup onRestored={onRestored} />
        <RecoverFromParent onRecovered={onRestored} />
      </Group>
    </Stack>
  );
}
