// A 通报 as it prints (A4, the 公文 layout of the 'notice' report) beside the panel that saves it as
// PDF or Word into a folder — the same paper and save panel as 报表打印.
import type { CSSProperties } from 'react';
import { Alert, Box, Button, Center, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import type { Notice } from '../../shared/notices/noticesModel';
import { useRead } from '../api/queries';
import { ReportPaper } from '../reports/ReportPaper';
import { ReportSavePanel } from '../reports/ReportSavePanel';
import { noticeText as t } from './text';

/** The drawer's head (title and actions) stays in view while the long text scrolls under it. */
export const stickyHead: CSSProperties = {
  position: 'sticky',
  top: 0,
  zIndex: 5,
  background: 'var(--mantine-color-body)',
  paddingBlock: 8,
  marginBlock: -8,
};

export function NoticePreview({ notice }: { notice: Notice }) {
  const read = useRead('reports.preview', { campaignId: notice.campaignId, kind: 'notice', noticeId: notice.id });
  const preview = read.data ?? null;
  const loading = !preview && (read.isPending || read.isFetching);
  return (
    <Group gap="md" align="flex-start" wrap="nowrap" data-testid="notice-preview-pane">
      <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
        {loading && (
          <Paper bg="gray.3" h={420}>
            <Center h="100%">
              <Group gap="xs">
                <Loader size="sm" />
                <Text c="dimmed">{t.previewLoading}</Text>
              </Group>
            </Center>
          </Paper>
        )}
        {!preview && !loading && read.error && (
          <Alert color="red" title={t.previewFailed} data-testid="notice-preview-failed">
            <Text size="sm">{read.error.message}</Text>
            <Button size="xs" variant="light" mt="xs" onClick={() => void read.refetch()}>
              {t.retry}
            </Button>
          </Alert>
        )}
        {preview && (
          <ReportPaper html={preview.html} landscape={preview.landscape} title={t.previewFrame(notice.title)} />
        )}
      </Stack>
      <Box w={300} style={{ flexShrink: 0 }}>
        <ReportSavePanel
          campaignId={notice.campaignId}
          kind="notice"
          courtCode={null}
          noticeId={notice.id}
          formats={(preview?.formats ?? []).filter((format) => format === 'pdf' || format === 'docx')}
          baseName={preview?.baseName ?? null}
          disabled={!preview}
          testIdPrefix="notice-export"
        />
      </Box>
    </Group>
  );
}
