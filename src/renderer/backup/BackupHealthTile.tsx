// The backup line on 本院挂图, for everyone: the light with its word, when the last good backup was
// taken, and the reminder when nothing has left this computer for too long; administrators get a
// link to 设置 → 备份与恢复. A court whose health cannot be read sees nothing rather than an alarm
// about the alarm: 设置 shows the failure to the person who can act on it.
import { Anchor, Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { routeHref } from '../lib/router';
import { BackupLightLabel, formatBackupTime } from './backupParts';
import { backupText as t } from './text';

export function BackupHealthTile() {
  const { can } = useApp();
  const health = useRead('backup.health');
  const overview = useRead('backup.overview', undefined, { enabled: can('admin') });
  if (!health.data) return null;
  const { light, lastGoodAt, offsiteReminder } = health.data;
  const days = overview.data?.settings.offsiteReminderDays;
  return (
    <Paper withBorder px="md" py="xs" data-testid="board-backup-health" aria-label={t.boardTitle} component="section">
      <Group gap="md" wrap="wrap" justify="space-between">
        <Group gap="md" wrap="wrap">
          <Text size="sm" fw={600}>
            {t.boardTitle}
          </Text>
          <BackupLightLabel light={light} />
          <Text size="sm" data-testid="board-backup-last">
            {lastGoodAt ? t.boardLast(formatBackupTime(lastGoodAt)) : t.boardNone}
          </Text>
          {offsiteReminder && (
            <Group gap={4} wrap="nowrap" data-testid="board-backup-offsite">
              <IconAlertTriangle size={16} color="var(--mantine-color-yellow-9)" aria-hidden="true" />
              <Text size="sm" c="yellow.9">
                {!health.data.lastOffsiteAt ? t.boardOffsiteNever : days ? t.boardOffsite(days) : health.data.summary}
              </Text>
            </Group>
          )}
        </Group>
        {can('admin') && (
          <Anchor href={routeHref({ name: 'settings', tab: 'backup' })} size="sm" data-testid="board-backup-link">
            {t.boardGo}
          </Anchor>
        )}
      </Group>
    </Paper>
  );
}
