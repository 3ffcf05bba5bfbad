// The campaign's rectification ledger (整改台账): closure figures on top, then every finding with
// its measures, filtered by source, status, department and colour; a drawer per measure.
// `#/campaign/<id>/ledger/<measureId>` opens that measure (links from 我的待办 and 回头看).
// With `courtCode` it shows a subordinate court's ledger instead, read-only.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Anchor, Button, Group, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import type { Campaign, LedgerFinding, LedgerSource, Light, MeasureStatus } from '../../shared/model';
import { ledgerSources, lights, measureStatuses } from '../../shared/api';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { RetryAlert } from '../common/RetryAlert';
import { ViewingCourtAlert } from '../common/ViewingCourtAlert';
import { commonText, lightText } from '../common/text';
import { campaignRoute, closeRecord, navigate, openRecord, parseRoute, type CampaignRoute } from '../lib/router';
import { ClosureFigures } from './ClosureFigures';
import { FindingFormModal } from './FindingForm';
import { groupRows, LedgerTable } from './LedgerTable';
import { MeasureCreateModal } from './MeasureForm';
import { MeasureDrawer } from './MeasureDrawer';
import { ledgerSourceText, ledgerText as t, measureStatusText } from './text';
import './ledger.css';

const TABLE_HEIGHT = 'max(420px, calc(100vh - 230px))';

/** The measure named in the address, if any: #/campaign/<id>/ledger/<measureId>. */
/** The measure the address opens: #/campaign/<id>/ledger?measure=<id> (or the older …/ledger/<id>). */
function measureFromHash(): string | null {
  const route = parseRoute(window.location.hash);
  if (route.name === 'campaign' && route.tab === 'ledger' && route.measure) return route.measure;
  const parts = window.location.hash.split('?')[0].replace(/^#\/?/, '').split('/');
  return parts[0] === 'campaign' && parts[2] === 'ledger' && parts[3] ? decodeURIComponent(parts[3]) : null;
}

interface Filters {
  source: LedgerSource | null;
  status: MeasureStatus | null;
  departmentId: string | null;
  light: Light | null;
}
const noFilters: Filters = { source: null, status: null, departmentId: null, light: null };

export function LedgerTab({
  campaign,
  courtCode = null,
  courtName,
  onBackToOwn,
}: {
  campaign: Campaign;
  courtCode?: string | null;
  courtName?: string;
  onBackToOwn?(): void;
}) {
  const { departments, user, can } = useApp();
  const readOnly = courtCode !== null;
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [openId, setOpenId] = useState<string | null>(measureFromHash);
  const [findingForm, setFindingForm] = useState<{ finding: LedgerFinding | null } | null>(null);
  const [measureFor, setMeasureFor] = useState<LedgerFinding | null>(null);

  const campaignId = campaign.id;
  // Each filter choice is its own read; the rows of the last one stay on screen until the next arrive.
  const list = useRead(
    'ledger.list',
    {
      campaignId,
      source: filters.source ?? undefined,
      status: filters.status ?? undefined,
      departmentId: filters.departmentId ?? undefined,
      light: filters.light ?? undefined,
      courtCode: courtCode ?? undefined,
    },
    { placeholderData: keepPreviousData },
  );
  const rows = list.data ?? null;
  const closureRead = useRead('ledger.closure', { campaignId, courtCode: courtCode ?? undefined });
  const closure = closureRead.data ?? null;

  useEffect(() => {
    // The address leads: back and forward open and close the measure too.
    const onHash = () => setOpenId(measureFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const closeDrawer = useCallback(() => {
    setOpenId(null);
    // Back to the address without the measure (back in history when it was opened from here).
    if (measureFromHash()) closeRecord(campaignRoute(campaignId, 'ledger', courtCode ?? undefined));
  }, [campaignId, courtCode]);
  const openMeasure = useCallback(
    (id: string) => {
      setOpenId(id);
      openRecord({ ...(campaignRoute(campaignId, 'ledger', courtCode ?? undefined) as CampaignRoute), measure: id });
    },
    [campaignId, courtCode],
  );

  const groups = useMemo(() => groupRows(rows ?? []), [rows]);
  const measureTotal = useMemo(() => groups.reduce((n, g) => n + g.measures.length, 0), [groups]);
  const findingStats = useMemo(
    () =>
      new Map(
        (closure?.byFinding ?? []).map((f) => [
          f.findingId,
          { measures: f.measures, closedMeasures: f.closedMeasures },
        ]),
      ),
    [closure],
  );
  const canWorkOn = useCallback(
    (departmentId: string | null) =>
      !readOnly &&
      (can('admin', 'reviewer') || (can('filer') && !!user.departmentId && user.departmentId === departmentId)),
    [readOnly, can, user.departmentId],
  );
  // Another court's measures name its own departments, not ours. Remembered across filter
  // choices, so a department stays on offer once the list is filtered by it.
  const [seenDepartments] = useState(() => new Map<string, string>());
  const departmentOptions = useMemo(() => {
    if (!readOnly) return departments.map((d) => ({ value: d.id, label: d.name }));
    for (const row of rows ?? []) {
      if (row.measure?.departmentId) seenDepartments.set(row.measure.departmentId, row.measure.departmentName);
      if (row.finding.departmentId) seenDepartments.set(row.finding.departmentId, row.finding.departmentName);
    }
    return [...seenDepartments].map(([value, label]) => ({ value, label }));
  }, [readOnly, departments, rows, seenDepartments]);
  const editFinding = useCallback((finding: LedgerFinding) => setFindingForm({ finding }), []);
  const filtersActive = Object.values(filters).some((v) => v !== null);
  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K]) => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <Stack gap="md" data-testid="ledger-tab">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Anchor size="sm" onClick={() => navigate({ name: 'campaigns' })}>
            ‹ {t.backToCampaigns}
          </Anchor>
          <Title order={2} mt={4} data-testid="ledger-heading">
            {campaign.title}
          </Title>
        </div>
        {!readOnly && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setFindingForm({ finding: null })}
            data-testid="add-finding"
          >
            {t.addFinding}
          </Button>
        )}
      </Group>

      {readOnly && (
        <ViewingCourtAlert
          title={t.viewingCourt(courtName ?? courtCode)}
          hint={t.viewingHint}
          backLabel={t.backToOwn}
          onBack={onBackToOwn}
          testId="ledger-viewing-court"
        />
      )}

      <ClosureFigures closure={closure} error={closureRead.error?.message ?? null} />

      <Group gap="xs" wrap="wrap">
        <Select
          w={150}
          placeholder={t.filterSource}
          data={ledgerSources.map((s) => ({ value: s, label: ledgerSourceText[s] }))}
          value={filters.source}
          onChange={(v) => setFilter('source', v as LedgerSource | null)}
          clearable
          data-testid="ledger-filter-source"
        />
        <Select
          w={150}
          placeholder={t.filterStatus}
          data={measureStatuses.map((s) => ({ value: s, label: measureStatusText[s] }))}
          value={filters.status}
          onChange={(v) => setFilter('status', v as MeasureStatus | null)}
          clearable
          data-testid="ledger-filter-status"
        />
        <Select
          w={150}
          placeholder={t.filterDepartment}
          data={departmentOptions}
          value={filters.departmentId}
          onChange={(v) => setFilter('departmentId', v)}
          clearable
          searchable
          nothingFoundMessage={commonText.nothingFound}
          data-testid="ledger-filter-department"
        />
        <Select
          w={140}
          placeholder={t.filterLight}
          data={lights.map((l) => ({ value: l, label: lightText[l] }))}
          value={filters.light}
          onChange={(v) => setFilter('light', v as Light | null)}
          clearable
          data-testid="ledger-filter-light"
        />
        <Text size="sm" c="dimmed" ml="sm" data-testid="ledger-count">
          {rows ? t.shown(groups.length, measureTotal) : ''}
        </Text>
        {filtersActive && (
          <Anchor size="sm" onClick={() => setFilters(noFilters)} data-testid="ledger-clear-filters">
            {t.clearFilters}
          </Anchor>
        )}
      </Group>

      {list.error && !rows ? (
        <RetryAlert title={t.loadFailed} error={list.error.message} onRetry={() => void list.refetch()} />
      ) : rows ? (
        <LedgerTable
          groups={groups}
          findingStats={findingStats}
          activeMeasureId={openId}
          emptyText={filtersActive ? t.emptyFiltered : readOnly ? t.emptyCourtLedger : t.emptyLedger}
          maxHeight={TABLE_HEIGHT}
          canWorkOn={canWorkOn}
          onOpenMeasure={openMeasure}
          onAddMeasure={setMeasureFor}
          onEditFinding={editFinding}
        />
      ) : (
        <Skeleton h={320} />
      )}

      <FindingFormModal
        opened={!!findingForm}
        campaignId={campaignId}
        finding={findingForm?.finding ?? null}
        onClose={() => setFindingForm(null)}
        onSaved={() => setFindingForm(null)}
        onDeleted={() => setFindingForm(null)}
      />
      <MeasureCreateModal
        finding={measureFor}
        onClose={() => setMeasureFor(null)}
        onCreated={() => setMeasureFor(null)}
      />
      <MeasureDrawer measureId={openId} onClose={closeDrawer} onDeleted={closeDrawer} />
    </Stack>
  );
}
