// Pieces shared by the sync tabs: the export folder chooser, a refusal with its code, and the
// card telling where a written bundle went.
import { Alert, Button, CloseButton, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconDeviceUsb, IconFolderOpen } from '@tabler/icons-react';
import { useState } from 'react';
import type { ExportReport } from '../../shared/model';
import { send } from '../api/client';
import { commonText } from '../common/text';
import { formatSize } from '../lib/format';
import { notifyFailure } from '../lib/notify';
import type { Refusal } from './syncRules';
import { syncText as t } from './text';

/**
 * The folder a bundle is written to: typed, one of the detected drives, or picked with the
 * system dialog (files.chooseFolder answers null where there is none, as in the browser preview).
 */
export function FolderField({ value, onChange, drives, disabled }: { value: string; onChange(folder: string): void; drives: { path: string; label: string }[]; disabled?: boolean }) {
  const [choosing, setChoosing] = useState(false);
  const choose = async () => {
    setChoosing(true);
    const result = await send('files.chooseFolder');
    setChoosing(false);
    if (!result.ok) return notifyFailure(result);
    if (result.value.path) onChange(result.value.path);
  };
  return (
    <Stack gap={6}>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t.folder}
          description={t.folderHint}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          disabled={disabled}
          style={{ flex: 1 }}
          data-testid="sync-folder"
        />
        <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void choose()} loading={choosing} disabled={disabled}>
          {t.chooseFolder}
        </Button>
      </Group>
      {drives.length > 0 ? (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t.drives}
          </Text>
          {drives.map((drive) => (
            <Button
              key={drive.path}
              size="xs"
              variant={value === drive.path ? 'filled' : 'light'}
              leftSection={<IconDeviceUsb size={14} />}
              onClick={() => onChange(drive.path)}
              disabled={disabled}
              data-testid="sync-drive"
            >
              {drive.label || drive.path}
            </Button>
          ))}
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          {t.noDrives}
        </Text>
      )}
    </Stack>
  );
}

/** A refused or failed step: the plain message, the stable code small, and that nothing was written. */
export function RefusalAlert({ title, refusal, untouched = true, onClose }: { title: string; refusal: Refusal; untouched?: boolean; onClose?(): void }) {
  return (
    <Alert color="red" title={title} withCloseButton={!!onClose} onClose={onClose} data-testid="sync-refusal" data-code={refusal.code ?? ''}>
      <Stack gap={4}>
        <Text size="sm" data-testid="sync-refusal-message">
          {refusal.message}
        </Text>
        {untouched && <Text size="sm">{t.untouched}</Text>}
        {refusal.code && (
          <Text size="xs" c="dimmed" data-testid="sync-refusal-code">
            {t.errorCode(refusal.code)}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

/** Where the bundle was written and what it holds. */
export function ExportResult({ title, report, carryHint, onClose }: { title: string; report: ExportReport; carryHint: string; onClose(): void }) {
  const line = (label: string, value: React.ReactNode, testId?: string, strong = false) => (
    <Table.Tr>
      <Table.Td w={90} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Td>
      <Table.Td fw={strong ? 600 : undefined} style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {value}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Paper withBorder p="lg" style={{ borderLeft: '4px solid var(--mantine-color-teal-6)' }} data-testid="sync-export-result">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <IconCircleCheck size={22} color="var(--mantine-color-teal-7)" />
          <Text fw={600} size="lg" c="teal.8">
            {title}
          </Text>
        </Group>
        <CloseButton onClick={onClose} aria-label={commonText.close} />
      </Group>
      <Table withRowBorders={false} verticalSpacing={3} layout="fixed" fz="sm">
        <Table.Tbody>
          {line(t.fileLine, report.fileName, 'sync-export-file', true)}
          {line(t.pathLine, report.filePath, 'sync-export-path')}
          {line(t.seqLabel, `${t.seq(report.seq)}${report.full ? `（${t.fullSnapshot}）` : ''}`, 'sync-export-seq')}
          {line(t.contentLine, t.contentText(report.rows, report.files, report.nested, formatSize(report.bytes)), 'sync-export-counts')}
          {line(t.encryptedLine, report.encrypted ? t.encryptedShort : t.notEncryptedShort, 'sync-export-encrypted')}
        </Table.Tbody>
      </Table>
      {report.message && (
        <Text size="sm" mt="xs">
          {report.message}
        </Text>
      )}
      <Text size="sm" c="dimmed" mt={4}>
        {carryHint}
      </Text>
    </Paper>
  );
}
