// Saving the previewed report as a file: the folder (remembered on this computer), one button per
// format the report offers, the job's progress, and where the file went.
import { useState } from 'react';
import { Alert, Button, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import { IconCircleCheck, IconFileTypePdf, IconFileSpreadsheet, IconFileWord } from '@tabler/icons-react';
import type { JobStatus, ReportFile, ReportFormat, ReportKind } from '../../shared/model';
import { useWrite } from '../api/queries';
import { FolderField } from '../common/FolderField';
import { JobProgress } from '../common/JobProgress';
import { commonText } from '../common/text';
import { formatSize } from '../lib/format';
import { reportFormatText, reportText as t } from './text';

/** The formats with a button, in the order clerks want them. HTML is for the command line. */
const SAVE_FORMATS: Array<{ format: ReportFormat; icon: typeof IconFileTypePdf }> = [
  { format: 'pdf', icon: IconFileTypePdf },
  { format: 'xlsx', icon: IconFileSpreadsheet },
  { format: 'docx', icon: IconFileWord },
];

type Outcome = { kind: 'saved'; file: ReportFile } | { kind: 'failed'; message: string } | { kind: 'cancelled' } | null;

export function ReportSavePanel({
  campaignId,
  kind,
  courtCode,
  formats,
  baseName,
  disabled,
  noticeId,
  testIdPrefix = 'report-save',
}: {
  campaignId: string;
  kind: ReportKind;
  courtCode: string | null;
  /** What the shown report can be saved as; empty while there is no report to save. */
  formats: ReportFormat[];
  baseName: string | null;
  disabled: boolean;
  /** For kind 'notice': the 通报 to save. */
  noticeId?: string;
  /** The buttons' data-testid before "-pdf", "-docx"… */
  testIdPrefix?: string;
}) {
  const [folder, setFolder] = useLocalStorage({ key: 'court.reports.folder', defaultValue: '' });
  const [folderError, setFolderError] = useState<string | null>(null);
  const startExport = useWrite('reports.export');
  /** The format whose job is being started (its button spins, the others wait). */
  const starting = startExport.isPending ? (startExport.variables?.format ?? null) : null;
  const [job, setJob] = useState<{ id: string; format: ReportFormat } | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const save = async (format: ReportFormat) => {
    setOutcome(null);
    if (!folder.trim()) return setFolderError(t.folderRequired);
    setFolderError(null);
    const result = await startExport.mutateAsync({
      campaignId,
      kind,
      format,
      courtCode: courtCode ?? undefined,
      ...(noticeId ? { noticeId } : {}),
      folder: folder.trim(),
    });
    if (!result.ok) {
      if (result.fieldErrors?.folder) return setFolderError(result.fieldErrors.folder);
      return setOutcome({ kind: 'failed', message: result.message });
    }
    setJob({ id: result.value.jobId, format });
  };

  const finished = (status: JobStatus) => {
    setJob(null);
    if (status.state === 'done' && status.result?.kind === 'reportExport')
      setOutcome({ kind: 'saved', file: status.result.report });
    else if (status.state === 'cancelled') setOutcome({ kind: 'cancelled' });
    else setOutcome({ kind: 'failed', message: status.error ?? status.message });
  };

  const offered = SAVE_FORMATS.filter(({ format }) => formats.includes(format));
  return (
    <Stack gap="sm">
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Title order={5}>{t.saveTitle}</Title>
          <FolderField
            value={folder}
            onChange={(value) => {
              setFolder(value);
              setFolderError(null);
            }}
            text={{ label: t.folder, description: t.folderHint, chooseFolder: t.chooseFolder }}
            disabled={!!job}
            error={folderError}
            testId="report-folder"
            stacked
          />
          {baseName && (
            <div data-testid="report-file-name">
              <Text size="xs" c="dimmed">
                {t.fileName}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {baseName}
              </Text>
              <Text size="xs" c="dimmed">
                {t.fileNameHint}
              </Text>
            </div>
          )}
          {job ? (
            <div>
              <Text size="sm" fw={600} mb="xs">
                {t.saving(reportFormatText[job.format])}
              </Text>
              <JobProgress jobId={job.id} onFinished={finished} />
            </div>
          ) : (
            <Group gap="xs">
              {offered.map(({ format, icon: Icon }) => (
                <Button
                  key={format}
                  variant={format === 'pdf' ? 'filled' : 'light'}
                  leftSection={<Icon size={16} />}
                  onClick={() => void save(format)}
                  loading={starting === format}
                  disabled={disabled || (starting !== null && starting !== format)}
                  data-testid={`${testIdPrefix}-${format}`}
                >
                  {t.saveAs(reportFormatText[format])}
                </Button>
              ))}
            </Group>
          )}
        </Stack>
      </Paper>

      {outcome?.kind === 'saved' && (
        <Paper
          withBorder
          p="md"
          style={{ borderLeft: '4px solid var(--mantine-color-teal-6)' }}
          data-testid="report-saved"
        >
          <Group justify="space-between" wrap="nowrap" mb={6}>
            <Group gap="xs" wrap="nowrap">
              <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" />
              <Text fw={600} c="teal.8">
                {t.savedTitle(reportFormatText[outcome.file.format])}
              </Text>
            </Group>
            <CloseButton onClick={() => setOutcome(null)} aria-label={commonText.close} />
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="report-saved-path">
            {t.savedLine(outcome.file.path, outcome.file.pages)}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {t.savedSize(formatSize(outcome.file.bytes))}
          </Text>
        </Paper>
      )}
      {outcome?.kind === 'failed' && (
        <Alert
          color="red"
          title={t.saveFailedTitle}
          withCloseButton
          onClose={() => setOutcome(null)}
          data-testid="report-save-failed"
        >
          {outcome.message}
        </Alert>
      )}
      {outcome?.kind === 'cancelled' && (
        <Alert color="gray" withCloseButton onClose={() => setOutcome(null)}>
          {t.saveCancelled}
        </Alert>
      )}
    </Stack>
  );
}
