// Pieces shared by the sync tabs: the export folder chooser (common/FolderField in sync's words),
// a refusal with its code, and the card telling where a written bundle went.
import { Alert, Button, CloseButton, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconRefresh } from '@tabler/icons-react';
import type { ExportReport } from '../../shared/model';
import { FolderField as SharedFolderField } from '../common/FolderField';
import { commonText } from '../common/text';
import { formatSize } from '../lib/format';
import type { Refusal } from './syncRules';
import { syncText as t } from './text';

/** The folder a bundle is written to (the shared field, with the sync screens' words and test ids). */
export function FolderField({
  value,
  onChange,
  drives,
  disabled,
}: {
  value: string;
  onChange(folder: string): void;
  drives: { path: string; label: string }[];
  disabled?: boolean;
}) {
  return (
    <SharedFolderField
      value={value}
      onChange={onChange}
      drives={drives}
      disabled={disabled}
      text={{
        label: t.folder,
        description: t.folderHint,
        chooseFolder: t.chooseFolder,
        drives: t.drives,
        noDrives: t.noDrives,
      }}
      testId="sync-folder"
      driveTestId="sync-drive"
    />
  );
}

/** A refused or failed step: the plain message, the stable code small, and that nothing was written. */
/** A refusal in plain words (its stable code stays in data-code for support, off the screen);
 * `onRetry` adds a 重试 button for refusals a second try can cure (a busy database). */
export function RefusalAlert({
  title,
  refusal,
  untouched = true,
  onClose,
  onRetry,
}: {
  title: string;
  refusal: Refusal;
  untouched?: boolean;
  onClose?(): void;
  onRetry?(): void;
}) {
  return (
    <Alert
      color="red"
      title={title}
      withCloseButton={!!onClose}
      onClose={onClose}
      data-testid="sync-refusal"
      data-code={refusal.code ?? ''}
    >
      <Stack gap={4}>
        <Text size="sm" data-testid="sync-refusal-message">
          {refusal.message}
        </Text>
        {untouched && <Text size="sm">{t.untouched}</Text>}
        {onRetry && (
          <Group mt={4}>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconRefresh size={14} />}
              onClick={onRetry}
              data-testid="sync-refusal-retry"
            >
              {t.retry}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** Where the bundle was written and what it holds. */
export function ExportResult({
  title,
  report,
  carryHint,
  onClose,
}: {
  title: string;
  report: ExportReport;
  carryHint: string;
  onClose(): void;
}) {
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
    <Paper
      withBorder
      p="lg"
      style={{ borderLeft: '4px solid var(--mantine-color-teal-6)' }}
      data-testid="sync-export-result"
    >
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
          {line(
            t.contentLine,
            t.contentText(report.rows, report.files, report.nested, formatSize(report.bytes), report.kind),
            'sync-export-counts',
          )}
          {line(t.encryptedLine, report.encrypted ? t.encryptedShort : t.notEncryptedShort, 'sync-export-encrypted')}
        </Table.Tbody>
      </Table>
      {report.packages.length > 1 && <WrittenFiles report={report} />}
      {report.skipped.length > 0 && (
        <Alert color="yellow" mt="sm" title={t.skippedTitle} data-testid="sync-export-skipped">
          <Stack gap={2}>
            {report.skipped.map((court) => (
              <Text key={court.code} size="sm">
                {t.courtWithCode(court.name, court.code)}：{court.reason}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
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

/** Every file a publish or relay wrote: the broadcast package first, then one sealed package per court. */
function WrittenFiles({ report }: { report: ExportReport }) {
  return (
    <Stack gap={4} mt="sm">
      <Text size="sm" fw={600}>
        {t.filesTitle(report.packages.length)}
      </Text>
      <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="sync-export-files">
        <Table.Thead bg="gray.0">
          <Table.Tr>
            <Table.Th>{t.fileLine}</Table.Th>
            <Table.Th w={220}>{t.fileTarget}</Table.Th>
            <Table.Th w={130}>{t.contentLine}</Table.Th>
            <Table.Th w={150}>{t.encryptedLine}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.packages.map((file) => (
            <Table.Tr
              key={file.filePath}
              data-testid="sync-export-file-row"
              data-encrypted={file.encrypted}
              data-path={file.filePath}
              data-target={file.target.code}
            >
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{file.fileName}</Table.Td>
              <Table.Td>
                {file.target.code === '*' ? t.broadcast : t.courtWithCode(file.target.name, file.target.code)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{t.fileNotes(file.target.code === '*', file.notes)}</Table.Td>
              <Table.Td>{file.encrypted ? t.encrypted : t.notEncrypted}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
