// The campaign's 报表打印 tab: pick a report (推进清单, 查摆报告表, 整改台账, 活动总结 and, at a court with
// subordinates, 下级法院进度表), see it as it will
// print on A4, print it (Ctrl+P) or save it as PDF / Excel / Word into a folder. With `courtCode`
// the reports are built from that subordinate court's data, read-only. The 活动总结's words are
// edited here too, beside its paper (writtenSummary/SummaryEditor).
import { useRef, useState } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPrinter } from '@tabler/icons-react';
import { reportKinds } from '../../shared/api';
import type { Campaign, ReportKind } from '../../shared/model';
import { useRead } from '../api/queries';
import { ViewingCourtAlert } from '../common/ViewingCourtAlert';
import { notifyFailure } from '../lib/notify';
import { ReportPaper, type ReportPaperHandle } from './ReportPaper';
import { ReportSavePanel } from './ReportSavePanel';
import { reportKindText, reportText as t } from './text';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { SummaryEditor } from '../writtenSummary/SummaryEditor';
import { summaryDraftKey, useSummaryDraft } from '../writtenSummary/summaryDrafts';
import { summaryText } from '../writtenSummary/text';

/** The kind the 下级法院进度 tab's 保存为 Excel asks this tab to open with (kept for the session). */
export const REPORT_KIND_KEY = (campaignId: string) => `report-kind:${campaignId}`;

function initialKind(campaignId: string, kinds: readonly ReportKind[]): ReportKind {
  try {
    const asked = window.sessionStorage.getItem(REPORT_KIND_KEY(campaignId));
    window.sessionStorage.removeItem(REPORT_KIND_KEY(campaignId));
    const found = kinds.find((kind) => kind === asked);
    if (found) return found;
  } catch {
    // No session storage: the first kind.
  }
  return 'checklist';
}

export function ReportsTab({
  campaign,
  courtCode,
  courtName,
  onBackToOwn,
}: {
  campaign: Campaign;
  courtCode: string | null;
  courtName?: string;
  onBackToOwn(): void;
}) {
  const { court, user } = useApp();
  // The province report and the 督办台账 are the higher court's own: not at a basic court, not for a
  // subordinate. A 通报 is printed from the notice itself, never from here.
  const kinds = reportKinds.filter(
    (k) => k !== 'notice' && ((k !== 'province' && k !== 'orders') || (court.level !== 'basic' && courtCode === null)),
  );
  const [kind, setKind] = useState<ReportKind>(() => initialKind(campaign.id, kinds));
  const paper = useRef<ReportPaperHandle>(null);
  const campaignId = campaign.id;
  // The 活动总结 is edited here (own court only): its unsaved text is asked about before switching away.
  const summaryDraft = useSummaryDraft(summaryDraftKey(user.id, campaignId));
  const summaryUnsaved = courtCode === null && Object.keys(summaryDraft).length > 0;
  const chooseKind = async (next: ReportKind) => {
    if (next === kind) return;
    if (kind === 'summary' && summaryUnsaved) {
      const leave = await confirmAction({
        title: summaryText.leaveTitle,
        message: summaryText.leaveMessage,
        confirmLabel: summaryText.leaveConfirm,
        cancelLabel: summaryText.leaveKeep,
        focusCancel: true,
      });
      if (!leave) return;
    }
    setKind(next);
  };
  const editing = kind === 'summary';

  // Each report is its own read: switching back to one already seen shows it at once.
  const read = useRead('reports.preview', { campaignId, kind, ...(courtCode ? { courtCode } : {}) });
  const preview = read.data ?? null;
  const failure = preview ? null : read.error;
  // 重试 after a failure shows the wait again, as the first load did.
  const loading = !preview && (read.isPending || read.isFetching);
  const print = () => {
    if (!preview) return;
    if (!paper.current?.print()) notifyFailure({ message: t.printFailed });
  };
  const savePanel = (
    <ReportSavePanel
      campaignId={campaignId}
      kind={kind}
      courtCode={courtCode}
      formats={preview?.formats ?? []}
      baseName={preview?.baseName ?? null}
      disabled={!preview}
    />
  );
  // Ctrl+P prints the report, not the app's window, wherever the focus is on this tab.
  useHotkeys([['mod+P', print]], []);

  return (
    <Stack gap="md" data-testid="reports-tab">
      {courtCode !== null && (
        <ViewingCourtAlert
          title={t.viewingCourt(courtName ?? courtCode)}
          hint={t.viewingHint}
          backLabel={t.backToOwn}
          onBack={onBackToOwn}
          testId="reports-viewing-court"
        />
      )}
      <Group justify="space-between" align="center">
        <SegmentedControl
          aria-label={t.kindLabel}
          value={kind}
          onChange={(value) => void chooseKind(value as ReportKind)}
          data={kinds.map((value) => ({ value, label: reportKindText[value] }))}
          data-testid="report-kind"
        />
        <Tooltip label={t.printHint}>
          <Button
            leftSection={<IconPrinter size={16} />}
            variant="default"
            onClick={print}
            disabled={!preview}
            rightSection={
              <Text size="xs" c="dimmed">
                {t.printShortcut}
              </Text>
            }
            data-testid="report-print"
          >
            {t.print}
          </Button>
        </Tooltip>
      </Group>

      <Group gap="md" align="flex-start" wrap="nowrap">
        {/* 活动总结: the words are edited on the left, the paper and the files beside them (1366 px wide
            screens keep both in view); the other reports are only printed, so their paper is wide. */}
        {editing && (
          <Box style={{ flex: 1, minWidth: 0 }}>
            <SummaryEditor campaignId={campaignId} courtCode={courtCode} courtName={courtName} />
          </Box>
        )}
        <Stack gap={6} style={editing ? { width: 440, flexShrink: 0 } : { flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs">
            <Group gap="xs">
              <Text fw={600}>{t.previewTitle}</Text>
              {preview && (
                <Badge variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {t.paper(preview.landscape)}
                </Badge>
              )}
              {courtCode !== null && (
                <Badge variant="light" color="court" style={{ textTransform: 'none' }} data-testid="report-court">
                  {t.courtLine(courtName ?? courtCode)}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t.previewNote}
            </Text>
          </Group>
          {loading && (
            <Paper bg="gray.3" h={420}>
              <Center h="100%">
                <Group gap="xs">
                  <Loader size="sm" />
                  <Text c="gray.8">{t.previewLoading}</Text>
                </Group>
              </Center>
            </Paper>
          )}
          {failure &&
            !loading &&
            (failure.code === 'E_UNAVAILABLE' ? (
              <Alert color="gray" title={t.unavailableTitle(reportKindText[kind])} data-testid="report-unavailable">
                {failure.message}
              </Alert>
            ) : (
              <Alert color="red" title={t.loadFailedTitle} data-testid="report-load-failed">
                <Text size="sm">{failure.message}</Text>
                <Button size="xs" variant="light" mt="xs" onClick={() => void read.refetch()}>
                  {t.retry}
                </Button>
              </Alert>
            ))}
          {preview && (
            <ReportPaper
              ref={paper}
              html={preview.html}
              landscape={preview.landscape}
              title={t.previewFrameTitle(preview.title)}
            />
          )}
          {editing && savePanel}
        </Stack>
        {!editing && (
          <Box w={340} style={{ flexShrink: 0, position: 'sticky', top: 16 }}>
            {savePanel}
          </Box>
        )}
      </Group>
    </Stack>
  );
}
