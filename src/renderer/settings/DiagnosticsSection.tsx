// 诊断信息: the administrator saves one zip for IT (logs, versions, integrity check, row counts —
// never the database, keys or evidence) into a folder of their choice, often a USB stick.
import { useState } from 'react';
import { Alert, Button, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconCircleCheck, IconFileZip } from '@tabler/icons-react';
import type { DiagnosticsFile } from '../../shared/api';
import { send } from '../api/client';
import { useApp } from '../AppContext';
import { FolderField } from '../common/FolderField';
import { commonText } from '../common/text';
import { formatSize } from '../lib/format';
import { settingsText as t } from './text';

type Outcome = { kind: 'saved'; file: DiagnosticsFile } | { kind: 'failed'; message: string } | null;

export function DiagnosticsSection() {
  const { can } = useApp();
  const [folder, setFolder] = useLocalStorage({ key: 'court.diagnostics.folder', defaultValue: '' });
  const [folderError, setFolderError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  if (!can('admin')) return null;

  const exportNow = async () => {
    setOutcome(null);
    if (!folder.trim()) return setFolderError(t.diagnosticsFolderRequired);
    setFolderError(null);
    setBusy(true);
    const result = await send('diagnostics.export', { folder: folder.trim() });
    setBusy(false);
    if (!result.ok) {
      if (result.fieldErrors?.folder) return setFolderError(result.fieldErrors.folder);
      return setOutcome({ kind: 'failed', message: result.message });
    }
    setOutcome({ kind: 'saved', file: result.value });
  };

  return (
    <Paper withBorder p="lg" maw={640} data-testid="diagnostics-section">
      <Stack gap="sm">
        <Title order={4}>{t.diagnosticsTitle}</Title>
        <Text size="sm" c="dimmed">
          {t.diagnosticsHint}
        </Text>
        <FolderField
          value={folder}
          onChange={(value) => {
            setFolder(value);
            setFolderError(null);
          }}
          text={{ label: t.diagnosticsFolder, description: t.diagnosticsFolderHint, chooseFolder: t.chooseFolder }}
          disabled={busy}
          error={folderError}
          testId="diagnostics-folder"
        />
        <Group gap="sm">
          <Button
            leftSection={<IconFileZip size={16} />}
            onClick={() => void exportNow()}
            loading={busy}
            data-testid="diagnostics-export"
          >
            {t.diagnosticsExport}
          </Button>
          {busy && (
            <Text size="sm" c="dimmed" data-testid="diagnostics-busy">
              {t.diagnosticsBusy}
            </Text>
          )}
        </Group>
        {outcome?.kind === 'saved' && (
          <Paper
            withBorder
            p="md"
            style={{ borderLeft: '4px solid var(--mantine-color-teal-6)' }}
            data-testid="diagnostics-saved"
          >
            <Group justify="space-between" wrap="nowrap" mb={6}>
              <Group gap="xs" wrap="nowrap">
                <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" />
                <Text fw={600} c="teal.8">
                  {t.diagnosticsSaved}
                </Text>
              </Group>
              <CloseButton onClick={() => setOutcome(null)} aria-label={commonText.close} />
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="diagnostics-saved-name">
              {outcome.file.fileName}
            </Text>
            <Text size="xs" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
              {t.diagnosticsSavedWhere(outcome.file.path, formatSize(outcome.file.bytes))}
            </Text>
          </Paper>
        )}
        {outcome?.kind === 'failed' && (
          <Alert
            color="red"
            title={t.diagnosticsFailedTitle}
            withCloseButton
            onClose={() => setOutcome(null)}
            data-testid="diagnostics-failed"
          >
            {outcome.message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
