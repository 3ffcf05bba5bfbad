// 从备份恢复 on the set-up screen: a reinstalled computer brings its court back from a backup — the
// data folder's own backups/ (the database was lost, the folder was not), or a folder elsewhere (a
// USB drive, the old computer's backups/) — through the same restore dialog as 设置.
import { useState } from 'react';
import { Alert, Button, Divider, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { BackupInfo } from '../../shared/backup/backupModel';
import { useRead } from '../api/queries';
import { BackupTable, FindBackupsForm } from './backupParts';
import { RestoreDialog } from './RestoreDialog';
import { backupText as t } from './text';

/** `<dataDir>/backups`, with the separator the data folder's own path uses. */
function backupsFolder(dataDir: string): string {
  const separator = dataDir.includes('\\') && !dataDir.includes('/') ? '\\' : '/';
  return `${dataDir.replace(/[\\/]+$/, '')}${separator}backups`;
}

export function RestoreFromBackup({ onRestored }: { onRestored(): void }) {
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<BackupInfo | null>(null);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconHistory size={16} />}
        onClick={() => setOpen(true)}
        data-testid="setup-restore-backup"
      >
        {t.setupButton}
      </Button>
      <Modal
        opened={open && !chosen}
        onClose={() => setOpen(false)}
        title={t.setupTitle}
        size={960}
        data-testid="setup-restore-dialog"
      >
        {open && <ChooseBackup onPick={setChosen} />}
      </Modal>
      <RestoreDialog
        backup={chosen}
        onClose={() => setChosen(null)}
        onRestored={() => {
          setChosen(null);
          setOpen(false);
          onRestored();
        }}
      />
    </>
  );
}

function ChooseBackup({ onPick }: { onPick(backup: BackupInfo): void }) {
  const info = useRead('app.info');
  const localFolder = info.data ? backupsFolder(info.data.dataDir) : null;
  const local = useRead('backup.find', localFolder ? { folder: localFolder } : undefined, { enabled: !!localFolder });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t.setupHint}
      </Text>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t.setupLocal}
        </Text>
        {(info.error ?? local.error) && <Alert color="red">{(info.error ?? local.error)?.message}</Alert>}
        {local.isPending && !info.error && !local.error && <Skeleton h={80} />}
        {local.data && local.data.length === 0 && (
          <Text size="sm" c="dimmed" data-testid="setup-restore-local-none">
            {t.setupLocalNone}
          </Text>
        )}
        {local.data && local.data.length > 0 && (
          <BackupTable
            backups={local.data}
            onPick={onPick}
            pickLabel={t.choose}
            pickAriaLabel={t.chooseLabel}
            testId="setup-restore-local"
          />
        )}
      </Stack>
      <Divider />
      <FindBackupsForm
        heading={
          <Text size="sm" fw={600}>
            {t.setupElsewhere}
          </Text>
        }
        onPick={onPick}
        folderTestId="setup-restore-folder"
        foundTestId="setup-restore-found"
        pickLabel={t.choose}
        pickAriaLabel={t.chooseLabel}
      />
    </Stack>
  );
}
