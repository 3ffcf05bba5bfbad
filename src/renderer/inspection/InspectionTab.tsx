// The campaign's 问题查摆 tab: 问题清单 (the catalogue), 查摆报告 (reports and the report form) and,
// for administrators and reviewers, 审核 (the review queue and campaign-wide hints). One report
// opens in place of the list; leaving a form with unsaved text asks first.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconClipboardCheck, IconFileText, IconListTree } from '@tabler/icons-react';
import type { Campaign, EvasionChecks, InspectionReportSummary, ProblemCatalogue } from '../../shared/model';
import { send } from '../api/client';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { notifyFailure } from '../lib/notify';
import { CatalogueView } from './CatalogueView';
import { ReportList } from './ReportList';
import { ReportView, type ReportViewHandle } from './ReportView';
import { ReviewOverview } from './ReviewOverview';
import { inspectionText as t } from './text';

type Section = 'catalogue' | 'reports' | 'review';

export function InspectionTab({ campaign }: { campaign: Campaign }) {
  const { can } = useApp();
  const manager = can('admin', 'reviewer');
  const [section, setSection] = useState<Section>('reports');
  const [openId, setOpenId] = useState<string | null>(null);
  const [catalogue, setCatalogue] = useState<ProblemCatalogue | null>(null);
  const [reports, setReports] = useState<InspectionReportSummary[] | null>(null);
  const [checks, setChecks] = useState<EvasionChecks | null>(null);
  const [error, setError] = useState<string | null>(null);
  const view = useRef<ReportViewHandle>(null);
  const campaignId = campaign.id;
  // A failure on first load replaces the tab with the message; later ones are notices.
  const loaded = useRef(false);
  const failed = useCallback((failure: { message: string }) => {
    if (loaded.current) notifyFailure(failure);
    else setError(failure.message);
  }, []);

  const loadCatalogue = useCallback(async () => {
    const result = await send('problems.catalogue', { campaignId });
    if (result.ok) setCatalogue(result.value);
    else failed(result);
  }, [campaignId, failed]);
  const loadReports = useCallback(async () => {
    const result = await send('inspection.list', { campaignId });
    if (result.ok) setReports(result.value);
    else failed(result);
  }, [campaignId, failed]);
  const loadChecks = useCallback(async () => {
    if (!manager) return;
    const result = await send('inspection.checks', { campaignId });
    if (result.ok) setChecks(result.value);
    else failed(result);
  }, [campaignId, manager, failed]);
  const loadAll = useCallback(() => {
    loaded.current = false;
    setError(null);
    void loadCatalogue();
    void loadReports();
    void loadChecks();
  }, [loadCatalogue, loadReports, loadChecks]);

  useEffect(() => {
    loadAll();
  }, [loadAll]);
  useEffect(() => {
    if (catalogue && reports) loaded.current = true;
  }, [catalogue, reports]);

  /** Runs `then` once the person agrees to leave a form with unsaved text (kept in session storage). */
  const leaveReport = async (then: () => void) => {
    if (openId && view.current?.dirty() && !(await confirmAction({ message: t.leaveConfirm, confirmLabel: t.leave })))
      return;
    then();
  };
  const refresh = () => {
    void loadReports();
    void loadChecks();
  };

  if (error && (!catalogue || !reports)) {
    return (
      <Stack maw={720}>
        <Alert color="red" title={t.loadFailed}>
          {error}
        </Alert>
        <Group>
          <Button variant="default" onClick={loadAll}>
            {t.retry}
          </Button>
        </Group>
      </Stack>
    );
  }

  const tabs = (
    <Tabs
      value={section}
      variant="pills"
      onChange={(value) => {
        if (!value) return;
        void leaveReport(() => {
          setOpenId(null);
          setSection(value as Section);
        });
      }}
    >
      <Tabs.List>
        <Tabs.Tab value="catalogue" leftSection={<IconListTree size={16} />} data-testid="insp-tab-catalogue">
          {t.sectionCatalogue}
        </Tabs.Tab>
        <Tabs.Tab value="reports" leftSection={<IconFileText size={16} />} data-testid="insp-tab-reports">
          {t.sectionReports}
        </Tabs.Tab>
        {manager && (
          <Tabs.Tab value="review" leftSection={<IconClipboardCheck size={16} />} data-testid="insp-tab-review">
            {t.sectionReview}
          </Tabs.Tab>
        )}
      </Tabs.List>
    </Tabs>
  );

  let body;
  if (!catalogue || !reports || (manager && section === 'review' && !checks)) {
    body = <Skeleton h={320} />;
  } else if (openId) {
    body = (
      <ReportView
        key={openId}
        ref={view}
        reportId={openId}
        campaignId={campaignId}
        catalogue={catalogue}
        reports={reports}
        checks={checks}
        onBack={() => void leaveReport(() => setOpenId(null))}
        onOpenReport={(id) => void leaveReport(() => setOpenId(id))}
        onChanged={refresh}
        onDeleted={() => {
          setOpenId(null);
          refresh();
        }}
      />
    );
  } else if (section === 'catalogue') {
    body = (
      <CatalogueView
        campaignId={campaignId}
        catalogue={catalogue}
        onChanged={(next) => {
          setCatalogue(next);
          void loadChecks();
        }}
      />
    );
  } else if (section === 'review' && checks) {
    body = <ReviewOverview reports={reports} checks={checks} onOpen={setOpenId} />;
  } else {
    body = (
      <ReportList
        campaignId={campaignId}
        reports={reports}
        checks={checks}
        onOpen={setOpenId}
        onCreated={(report) => {
          refresh();
          setOpenId(report.id);
        }}
      />
    );
  }

  return (
    <Stack gap="md" data-testid="inspection-tab">
      {tabs}
      {body}
    </Stack>
  );
}
