// Pieces shared by 设置 → 备份与恢复, the restore dialog, the set-up screen and 本院挂图: the health
// light (a shape and a word, never colour alone), and the table of backups with 恢复… per row.
import { useState, type ReactNode } from 'react';
import { Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleX,
  IconLock,
  IconLockOpen,
  IconSearch,
} from '@tabler/icons-react';
import type { BackupHealth, BackupInfo, BackupLight } from '../../shared/backup/backupModel';
import { send } from '../api/client';
import { FolderField } from '../common/FolderField';
import { dayjs } from '../lib/dates';
import { backupLightText, backupPlaceText, backupText as t, backupTriggerText } from './text';

/** 2026年12月5日 09:30 */
export function formatBackupTime(value: string | null | undefined): string {
  if (!value) return '';
  const day = dayjs(value);
  return day.isValid() ? day.format('YYYY年M月D日 HH:mm') : value;
}

/** 2026年12月5日 (the day a restore goes back to) */
export function formatBackupDay(value: string): string {
  const day = dayjs(value);
  return day.isValid() ? day.format('YYYY年M月D日') : value;
}

/** Sizes of backups in MB, as the list promises, with one decimal. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function encryptionText(backup: Pick<BackupInfo, 'encrypted' | 'keysIncluded'>): string {
  if (!backup.encrypted) return t.notEncrypted;
  return backup.keysIncluded ? t.encryptedWithKeys : t.encryptedNoKeys;
}

/** The light as the traffic-light mark (app.css .dot-*: square, triangle, round) and its word. */
export function BackupLightLabel({ light, size = 'sm' }: { light: BackupLight; size?: 'xs' | 'sm' }) {
  const Icon = light === 'green' ? IconCircleCheck : light === 'yellow' ? IconAlertTriangle : IconCircleX;
  const color = light === 'green' ? 'teal.8' : light === 'yellow' ? 'yellow.9' : 'red.8';
  return (
    <Group gap={6} wrap="nowrap" data-light={light} data-testid="backup-light">
      <span className={`dot dot-${light}`} aria-hidden="true" />
      <Icon size={size === 'sm' ? 18 : 15} aria-hidden="true" />
      <Text size={size} fw={600} c={color} style={{ whiteSpace: 'nowrap' }}>
        {backupLightText[light]}
      </Text>
    </Group>
  );
}

/** The health line at the top of 备份与恢复: light, last good backup, off-machine reminder. */
export function HealthLine({ health }: { health: BackupHealth }) {
  return (
    <Stack gap={4} data-testid="backup-health">
      <Group gap="md" wrap="wrap">
        <BackupLightLabel light={health.light} />
        <Text size="sm" data-testid="backup-health-last">
          {health.lastGoodAt
            ? `${t.lastGood(formatBackupTime(health.lastGoodAt))}${health.ageDays !== null ? t.ageDays(health.ageDays) : ''}`
            : t.noBackupYet}
        </Text>
      </Group>
      {health.offsiteReminder && (
        <Group gap={6} wrap="nowrap" data-testid="backup-offsite-reminder">
          <IconAlertTriangle size={16} color="var(--mantine-color-yellow-9)" aria-hidden="true" />
          <Text size="sm" c="yellow.9">
            {health.lastOffsiteAt ? t.offsiteLast(formatBackupTime(health.lastOffsiteAt)) + '。' : t.offsiteNever}
          </Text>
        </Group>
      )}
      {!health.offsiteReminder && health.lastOffsiteAt && (
        <Text size="sm" c="dimmed">
          {t.offsiteLast(formatBackupTime(health.lastOffsiteAt))}
        </Text>
      )}
      {!health.passphraseSet && (
        <Text size="sm" c="dimmed" data-testid="backup-no-passphrase">
          {t.noPassphrase}
        </Text>
      )}
    </Stack>
  );
}

function VerifiedLabel({ backup }: { backup: BackupInfo }) {
  if (backup.verified === 'ok')
    return (
      <Group gap={4} wrap="nowrap">
        <IconCircleCheck size={15} color="var(--mantine-color-teal-8)" aria-hidden="true" />
        <Text size="sm">{t.verifiedOk}</Text>
      </Group>
    );
  if (backup.verified === 'failed')
    return (
      <Group gap={4} wrap="nowrap">
        <IconCircleX size={15} color="var(--mantine-color-red-8)" aria-hidden="true" />
        <Text size="sm" c="red.8">
          {t.verifiedFailed}
        </Text>
      </Group>
    );
  return (
    <Text size="sm" c="dimmed">
      {t.unverified}
    </Text>
  );
}

/** Backups newest first, with 恢复… (or 选择 on the set-up screen) on each row. */
export function BackupTable({
  backups,
  onPick,
  pickLabel = t.restoreRow,
  pickAriaLabel = t.restoreRowLabel,
  testId,
}: {
  backups: BackupInfo[];
  onPick(backup: BackupInfo): void;
  pickLabel?: string;
  pickAriaLabel?: (when: string) => string;
  testId: string;
}) {
  const rows = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing={6} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.colTime}</Table.Th>
            <Table.Th>{t.colTrigger}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t.colSize}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t.colEvidence}</Table.Th>
            <Table.Th>{t.colEncryption}</Table.Th>
            <Table.Th>{t.colVerified}</Table.Th>
            <Table.Th>{t.colPlace}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t.colActions}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((backup) => {
            const when = formatBackupTime(backup.createdAt);
            return (
              <Table.Tr key={backup.path} data-testid="backup-row" data-trigger={backup.trigger}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{when}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="backup-row-trigger">
                  {backupTriggerText[backup.trigger]}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {formatMegabytes(backup.bytes)}
                </Table.Td>
                <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                  {t.evidenceCount(backup.evidenceFiles)}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {backup.encrypted ? (
                      <IconLock size={15} aria-hidden="true" />
                    ) : (
                      <IconLockOpen size={15} aria-hidden="true" />
                    )}
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {encryptionText(backup)}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <VerifiedLabel backup={backup} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{backupPlaceText[backup.place]}</Table.Td>
                <Table.Td style={{ textAlign: 'right' }}>
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => onPick(backup)}
                    aria-label={pickAriaLabel(when)}
                    data-testid="backup-row-pick"
                  >
                    {pickLabel}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** 从其他文件夹查找备份: a folder typed or chosen, and the backups found there (or why none could be
 * read), each with a button that picks it. Used in 设置 and on the set-up screen. */
export function FindBackupsForm({
  heading,
  onPick,
  folderTestId,
  findTestId,
  foundTestId,
  noneTestId,
  pickLabel,
  pickAriaLabel,
}: {
  heading: ReactNode;
  onPick(backup: BackupInfo): void;
  folderTestId: string;
  findTestId?: string;
  foundTestId: string;
  noneTestId?: string;
  pickLabel?: string;
  pickAriaLabel?: (when: string) => string;
}) {
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<BackupInfo[] | null>(null);
  const find = async () => {
    setFound(null);
    if (!folder.trim()) return setError(t.findFolderRequired);
    setError(null);
    setBusy(true);
    const result = await send('backup.find', { folder: folder.trim() });
    setBusy(false);
    if (!result.ok) return setError(result.fieldErrors?.folder ?? result.message);
    setFound(result.value);
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        // Not up to a form around it (the set-up wizard's, through the dialog's portal).
        event.stopPropagation();
        void find();
      }}
    >
      <Stack gap="sm">
        {heading}
        <FolderField
          value={folder}
          onChange={(value) => {
            setFolder(value);
            setError(null);
          }}
          text={{ label: t.findFolder, description: t.findFolderHint, chooseFolder: t.chooseFolder }}
          error={error}
          disabled={busy}
          testId={folderTestId}
        />
        <Group>
          <Button
            type="submit"
            variant="default"
            leftSection={<IconSearch size={16} />}
            loading={busy}
            data-testid={findTestId}
          >
            {t.find}
          </Button>
          {found && found.length > 0 && (
            <Text size="sm" c="dimmed" role="status">
              {t.findCount(found.length)}
            </Text>
          )}
        </Group>
        {found && found.length === 0 && (
          <Text size="sm" c="dimmed" role="status" data-testid={noneTestId}>
            {t.findNone}
          </Text>
        )}
        {found && found.length > 0 && (
          <BackupTable
            backups={found}
            onPick={onPick}
            pickLabel={pickLabel}
            pickAriaLabel={pickAriaLabel}
            testId={foundTestId}
          />
        )}
      </Stack>
    </form>
  );
}
