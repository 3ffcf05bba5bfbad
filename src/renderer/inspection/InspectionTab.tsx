// The campaign's 问题查摆 tab: 问题清单 (the catalogue), 查摆报告 (reports and the report form) and,
// for administrators and reviewers, 审核 (the review queue and campaign-wide hints). One report
// opens in place of the list; leaving a form with unsaved text asks first.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconClipboardCheck, IconFileText, IconListTree } from '@tabler/icons-react';
import { parseRoute } from '../lib/router';
import { useQueryClient } from '@tanstack/react-query';
import type { Campaign, ProblemCatalogue } from '../../shared/model';
import { operationKey, useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { confirmAction } from '../common/confirm';
import { notifyFailure } from '../lib/notify';
import { CatalogueView } from './CatalogueView';
import { ReportList } from './ReportList';
import { ReportView, type ReportViewHandle } from './ReportView';
import { ReviewOverview } from './ReviewOverview';
import { inspectionText as t } from './text';

type Section = 'catalogue' | 'reports' | 'review';

function reportFromAddress(): string | null {
  const route = parseRoute(window.location.hash);
  return route.name === 'campaign' && route.tab === 'inspection' ? (route.report ?? null) : null;
}

export function InspectionTab({ campaign }: { campaign: Campaign }) {
  const { can } = useApp();
  const manager = can('admin', 'reviewer');
  const [section, setSection] = useState<Section>('reports');
  // #/campaign/<id>/inspection?report=<id> (a 我的待办 row, a link) opens that 查摆报告.
  const [openId, setOpenId] = useState<string | null>(reportFromAddress);
  useEffect(() => {
    const onHash = () => {
      const id = reportFromAddress();
      if (id) setOpenId(id);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const view = useRef<ReportViewHandle>(null);
  const campaignId = campaign.id;
  const queryClient = useQueryClient();
  const catalogueRead = useRead('problems.catalogue', { campaignId });
  const reportsRead = useRead('inspection.list', { campaignId });
  // The campaign-wide hints are for managers only.
  const checksRead = useRead('inspection.checks', { campaignId }, { enabled: manager });
  const catalogue = catalogueRead.data ?? null;
  const reports = reportsRead.data ?? null;
  const checks = manager ? (checksRead.data ?? null) : null;
  const reads = [catalogueRead, reportsRead, ...(manager ? [checksRead] : [])];
  const loadAll = () => reads.forEach((read) => void read.refetch());

  // A failure before anything was read replaces the tab with the message; a failed refresh of
  // what is already shown is a notice.
  const error =
    (!catalogue && catalogueRead.error) ||
    (!reports && reportsRead.error) ||
    (section === 'review' && !checks && checksRead.error) ||
    null;
  const refreshFailure = reads.find((read) => read.data && read.error)?.error ?? null;
  useEffect(() => {
    if (refreshFailure) notifyFailure(refreshFailure);
  }, [refreshFailure]);

  /** Runs `then` once the person agrees to leave a form with unsaved text (kept in session storage). */
  const leaveReport = async (then: () => void) => {
    if (openId && view.current?.dirty() && !(await confirmAction({ message: t.leaveConfirm, confirmLabel: t.leave })))
      return;
    then();
  };
  // A catalogue change answers with the whole catalogue: shown at once, before the refresh.
  const showCatalogue = (next: ProblemCatalogue) =>
    queryClient.setQueryData(operationKey('problems.catalogue', { campaignId }), next);

  if (error) {
    return (
      <Stack maw={720}>
        <Alert color="red" title={t.loadFailed}>
          {error.message}
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
        onDeleted={() => setOpenId(null)}
      />
    );
  } else if (section === 'catalogue') {
    body = <CatalogueView campaignId={campaignId} catalogue={catalogue} onChanged={showCatalogue} />;
  } else if (section === 'review' && checks) {
    body = <ReviewOverview reports={reports} checks={checks} onOpen={setOpenId} />;
  } else {
    body = (
      <ReportList
        campaignId={campaignId}
        reports={reports}
        checks={checks}
        onOpen={setOpenId}
        onCreated={(report) => setOpenId(report.id)}
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
