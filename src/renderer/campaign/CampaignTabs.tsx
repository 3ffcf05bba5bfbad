// A campaign's faces: its checklist (推进清单), self-inspection (问题查摆), rectification ledger
// (整改台账), indicators (指标), board (挂图作战), subordinates' progress (下级法院进度) and reporting
// (报送情况, both at courts with subordinates), 督办单 and 通报 (督办通报) and reports (报表打印), one tab each, each with its own address. A court with
// subordinates can switch the checklist, ledger, indicators, board and reports to one
// subordinate's work (查看下级法院), read-only; the choice stays while moving between those tabs.
// The address #/campaign/<id>?court=<code> (the drill-down from 下级法院进度) opens that view directly.
import { useState } from 'react';
import { Alert, Anchor, Box, Select, Stack, Tabs } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconChartLine,
  IconClipboardList,
  IconListSearch,
  IconChecklist,
  IconClipboardCheck,
  IconLayoutDashboard,
  IconPrinter,
  IconSitemap,
  IconFlag,
} from '@tabler/icons-react';
import { useRead } from '../api/queries';
import { campaignRoute, navigate, routeHref, type CampaignRoute, type CampaignTab } from '../lib/router';
import { CampaignPage } from './CampaignPage';
import { InspectionTab } from '../inspection/InspectionTab';
import { LedgerTab } from '../ledger/LedgerTab';
import { IndicatorsTab } from '../indicators/IndicatorsTab';
import { indicatorText } from '../indicators/text';
import { CampaignBoardTab } from '../boards/CampaignBoardTab';
import { ProvinceBoardTab } from '../province/ProvinceBoardTab';
import { ReportingTab } from '../province/ReportingTab';
import { reportingText } from '../province/rosterText';
import { ReportsTab } from '../reports/ReportsTab';
import { OrdersTab } from '../orders/OrdersTab';
import { useApp } from '../AppContext';
import { campaignText as t } from './text';
import { usePageTitle } from '../common/usePageTitle';

// The Select's value for this court's own view.
const OWN = '__own__';

/** `route`: the campaign's address; the shell remounts this per campaign (keyed by its id). */
export function CampaignTabs({ route }: { route: CampaignRoute }) {
  const { id: campaignId, tab } = route;
  // The checklist reads the campaign itself, after its rows; the other tabs need it first.
  const campaignRead = useRead('campaigns.get', { id: campaignId }, { enabled: tab !== 'checklist' });
  const campaign = campaignRead.data?.campaign ?? null;
  // Courts whose bundles this court received; none at a basic court. A failure just hides the choice.
  const subordinatesRead = useRead('sync.subordinates');
  const subordinates = subordinatesRead.data ?? (subordinatesRead.isError ? [] : null);
  const requestedCourt = route.court ?? null;
  const [viewed, setViewed] = useState<string>(() => requestedCourt ?? OWN);
  // Every arrival at a ?court= address (a new route object per hash change) switches to that
  // court. Adjusted while rendering, so this court's own view is never loaded first.
  const [arrival, setArrival] = useState(route);
  if (arrival !== route) {
    setArrival(route);
    if (requestedCourt) setViewed(requestedCourt);
  }

  const chooseCourt = (value: string) => {
    setViewed(value);
    // The address no longer names the court once another view is chosen by hand.
    if (requestedCourt) window.history.replaceState(null, '', routeHref(campaignRoute(campaignId, tab)));
  };

  const { court } = useApp();
  const hasSubordinates = court.level !== 'basic';
  const viewable =
    tab === 'checklist' || tab === 'ledger' || tab === 'indicators' || tab === 'board' || tab === 'reports';
  const viewedCourt = viewable && viewed !== OWN ? (subordinates?.find((s) => s.code === viewed) ?? null) : null;
  // A drill-down waits for the list of courts rather than showing this court's own view first.
  const waitingForCourt = requestedCourt !== null && subordinates === null;
  const courtCode = viewedCourt?.code ?? null;
  const courtName = viewedCourt ? t.courtOption(viewedCourt.name, viewedCourt.code) : undefined;
  // What each switchable tab gets: the court viewed (null: this court's own work) and the way back.
  const courtView = { courtCode, courtName, onBackToOwn: () => chooseCourt(OWN) };
  const tabNames: Record<CampaignTab, string> = {
    checklist: t.tabChecklist,
    inspection: t.tabInspection,
    ledger: t.tabLedger,
    indicators: indicatorText.tabLabel,
    board: t.tabBoard,
    courts: t.tabCourts,
    reporting: reportingText.tab,
    orders: t.tabOrders,
    reports: t.tabReports,
  };
  // "推进清单 · 清廉法院建设“六大工程” – 专项活动督导台" (on the checklist, once it has read its campaign).
  usePageTitle(campaign ? `${tabNames[tab]} · ${campaign.title}` : tabNames[tab]);

  return (
    <Stack gap="sm">
      {/* The court choice sits beside the tab list, not in it: a tablist holds only tabs. */}
      <Box pos="relative">
        <Tabs
          value={tab}
          onChange={(value) => value && navigate(campaignRoute(campaignId, value as CampaignTab))}
          variant="outline"
        >
          <Tabs.List>
            <Tabs.Tab value="checklist" leftSection={<IconClipboardList size={16} />} data-testid="tab-checklist">
              {t.tabChecklist}
            </Tabs.Tab>
            <Tabs.Tab value="inspection" leftSection={<IconListSearch size={16} />} data-testid="tab-inspection">
              {t.tabInspection}
            </Tabs.Tab>
            <Tabs.Tab value="ledger" leftSection={<IconChecklist size={16} />} data-testid="tab-ledger">
              {t.tabLedger}
            </Tabs.Tab>
            <Tabs.Tab value="indicators" leftSection={<IconChartLine size={16} />} data-testid="tab-indicators">
              {indicatorText.tabLabel}
            </Tabs.Tab>
            <Tabs.Tab value="board" leftSection={<IconLayoutDashboard size={16} />} data-testid="tab-board">
              {t.tabBoard}
            </Tabs.Tab>
            {hasSubordinates && (
              <Tabs.Tab value="courts" leftSection={<IconSitemap size={16} />} data-testid="tab-courts">
                {t.tabCourts}
              </Tabs.Tab>
            )}
            {hasSubordinates && (
              <Tabs.Tab value="reporting" leftSection={<IconClipboardCheck size={16} />} data-testid="tab-reporting">
                {reportingText.tab}
              </Tabs.Tab>
            )}
            <Tabs.Tab value="orders" leftSection={<IconFlag size={16} />} data-testid="tab-orders">
              {t.tabOrders}
            </Tabs.Tab>
            <Tabs.Tab value="reports" leftSection={<IconPrinter size={16} />} data-testid="tab-reports">
              {t.tabReports}
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {viewable && subordinates && subordinates.length > 0 && (
          <Box pos="absolute" right={0} top={0} pb={4}>
            <Select
              w={260}
              size="sm"
              aria-label={t.viewCourt}
              title={t.viewCourtHint}
              leftSection={<IconBuildingCommunity size={16} />}
              data={[
                { value: OWN, label: t.viewOwn },
                {
                  group: t.viewCourt,
                  items: (subordinates ?? []).map((s) => ({ value: s.code, label: t.courtOption(s.name, s.code) })),
                },
              ]}
              value={viewed}
              onChange={(value) => chooseCourt(value ?? OWN)}
              allowDeselect={false}
              searchable
              data-testid="court-view"
            />
          </Box>
        )}
      </Box>
      {/* A new court remounts the page, so nothing of the other court's view lingers. */}
      {tab === 'checklist' && !waitingForCourt && (
        <CampaignPage key={courtCode ?? OWN} campaignId={campaignId} {...courtView} />
      )}
      {tab !== 'checklist' && campaignRead.error && !campaign && (
        <Alert color="red" title={t.loadFailed}>
          {campaignRead.error.message} <Anchor onClick={() => navigate({ name: 'campaigns' })}>{t.back}</Anchor>
        </Alert>
      )}
      {tab === 'inspection' && campaign && <InspectionTab campaign={campaign} />}
      {tab === 'ledger' && campaign && <LedgerTab key={courtCode ?? OWN} campaign={campaign} {...courtView} />}
      {tab === 'indicators' && campaign && <IndicatorsTab key={courtCode ?? OWN} campaign={campaign} {...courtView} />}
      {tab === 'board' && campaign && <CampaignBoardTab key={courtCode ?? OWN} campaign={campaign} {...courtView} />}
      {tab === 'courts' && campaign && <ProvinceBoardTab campaign={campaign} />}
      {tab === 'reporting' && campaign && <ReportingTab campaign={campaign} />}
      {tab === 'orders' && campaign && <OrdersTab campaign={campaign} route={route} />}
      {tab === 'reports' && campaign && <ReportsTab key={courtCode ?? OWN} campaign={campaign} {...courtView} />}
    </Stack>
  );
}
