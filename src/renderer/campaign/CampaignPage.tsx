// One campaign: headline figures, progress by section and department, the section tree and the
// item table with filters, search, sorting, selection and bulk actions; a drawer per item. With
// `courtCode` it shows a subordinate court's checklist instead, read-only, with the notes this
// court wrote to it (督导意见); this court's own view shows the notes its superiors sent.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  Collapse,
  Loader,
  CloseButton,
} from '@mantine/core';
import { useDebouncedValue, useLocalStorage } from '@mantine/hooks';
import {
  IconAlarm,
  IconChevronDown,
  IconChevronUp,
  IconEdit,
  IconFileImport,
  IconPlus,
  IconSearch,
} from '@tabler/icons-react';
import type { ItemKind, ItemStatus, Light } from '../../shared/model';
import { itemStatuses, lights } from '../../shared/api';
import { operationKey, queryClient, readOperation, useRead } from '../api/queries';
import { type ItemFilters, useItemWindows } from './itemsPrefetch';
import { useApp } from '../AppContext';
import { RetryAlert } from '../common/RetryAlert';
import { ViewingCourtAlert } from '../common/ViewingCourtAlert';
import { Figure } from '../common/Figure';
import {
  campaignStatusColor,
  campaignStatusText,
  commonText,
  itemKindText,
  itemStatusText,
  lightText,
} from '../common/text';
import { CampaignFormModal } from '../campaigns/CampaignForm';
import { ItemCreateModal } from '../item/ItemCreateModal';
import { ItemDrawer } from '../item/ItemDrawer';
import { TemplateImportModal } from '../imports/TemplateImportModal';
import { importText } from '../imports/text';
import { formatDate } from '../lib/dates';
import { closeRecord, itemRoute, navigate, openRecord, useRoute, withoutRecord } from '../lib/router';
import { notifyFailure } from '../lib/notify';
import { BulkActions } from './BulkActions';
import { useCanCall } from './canCall';
import { CampaignSupervision } from './CampaignSupervision';
import { ItemTable, type SortKey, type SortState } from './ItemTable';
import { LightRulesModal } from './LightRulesModal';
import { ProgressTables } from './ProgressTables';
import { SectionTree, type SectionFilter } from './SectionTree';
import { campaignText as t, lightRulesText } from './text';
import { searchFieldProps } from '../common/searchKey';

const NO_DEPARTMENT = '__none__';
/** Remembered per computer: whether the figures and progress tables above the checklist are shown. */
const STATS_KEY = 'court.checklist.statsOpen';
const TABLE_HEIGHT = 'max(440px, calc(100vh - 150px))';
type Dialog = 'createItem' | 'editCampaign' | 'lightRules' | 'templateImport';

interface Filters {
  section: SectionFilter;
  status: ItemStatus | null;
  light: Light | null;
  department: string | null;
  kind: ItemKind | null;
}
const NO_FILTERS: Filters = { section: 'all', status: null, light: null, department: null, kind: null };

export function CampaignPage({
  campaignId,
  courtCode = null,
  courtName,
  onBackToOwn,
}: {
  campaignId: string;
  courtCode?: string | null;
  courtName?: string;
  onBackToOwn?(): void;
}) {
  const { court, departments } = useApp();
  const canCall = useCanCall();
  // Another court's checklist: look, and comment; never change.
  const readOnly = courtCode !== null;
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const setFilter = <F extends keyof Filters>(name: F, value: Filters[F]) =>
    setFilters((prev) => ({ ...prev, [name]: value }));
  const { section, status, light, department, kind } = filters;
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query.trim(), 250);
  const [sort, setSort] = useState<SortState | null>(null);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  // The open item is in the address (?item=<id>&tab=…): a link, a reload or the back button lands on it.
  const route = useRoute();
  const recordRoute = route.name === 'campaign' && route.id === campaignId ? route : null;
  const openId = recordRoute?.item ?? null;
  const [dialog, setDialog] = useState<Dialog | null>(null);
  // At 1366×768 the statistics take the room of the rows: they fold away, and stay so next time.
  const [statsOpen, setStatsOpen] = useLocalStorage({
    key: STATS_KEY,
    defaultValue: true,
    getInitialValueInEffect: false,
  });

  // The own view's first window is the one prefetchItems reads on the click that opened the page.
  const scope = useMemo(() => (courtCode ? { campaignId, courtCode } : { campaignId }), [campaignId, courtCode]);
  // Filtering, sorting and search happen in the main process; the table reads the windows it shows.
  const windowFilters = useMemo(() => {
    const chosen: ItemFilters = {};
    if (section !== 'all') chosen.section = section;
    if (status) chosen.status = status;
    if (light) chosen.light = light;
    if (department) chosen.department = department;
    if (kind) chosen.kind = kind;
    if (debouncedQuery) chosen.query = debouncedQuery;
    return chosen;
  }, [section, status, light, department, kind, debouncedQuery]);
  const [range, setRange] = useState({ first: 0, last: 0 });
  const onRange = useCallback((first: number, last: number) => setRange({ first, last }), []);
  const { firstRead, total, rowAt, moreError } = useItemWindows(scope, windowFilters, sort, range);
  // The table comes first; the header, tree counts and figures are asked for once its first
  // window is in, so the smaller requests do not compete with it.
  const rowsSettled = !firstRead.isPending;
  const detailRead = useRead('campaigns.get', { id: campaignId }, { enabled: rowsSettled });
  const overviewRead = useRead('items.overview', scope, { enabled: rowsSettled });
  // Without the progress tables the checklist stays usable: a failure leaves their placeholder.
  const progressRead = useRead('stats.campaignProgress', scope, { enabled: rowsSettled });
  const firstWindow = firstRead.data ?? null;
  const detail = detailRead.data ?? null;
  const overview = overviewRead.data ?? null;
  const progress = progressRead.data ?? null;
  const searching = debouncedQuery !== '' && firstRead.isFetching;
  const searchCount = debouncedQuery && firstWindow && !firstRead.isPlaceholderData ? firstWindow.searchCount : null;

  // A failure on first load replaces the page with the message; later ones are notices.
  const laterFailure = (firstWindow ? firstRead.error : null) ?? moreError ?? detailRead.error ?? overviewRead.error;
  useEffect(() => {
    if (laterFailure) notifyFailure(laterFailure);
  }, [laterFailure]);

  // Only with a selection: which rows still exist, and which the filters show (全选's state).
  const selecting = selected.size > 0;
  const liveRead = useRead('items.ids', scope, { enabled: selecting });
  const shownRead = useRead('items.ids', { ...scope, filters: windowFilters }, { enabled: selecting });
  // Rows deleted meanwhile (here, in the drawer, by an import) drop out of the selection.
  const liveSelected = useMemo(() => {
    if (selected.size === 0 || !liveRead.data) return selected;
    const live = new Set(liveRead.data.ids);
    const kept = [...selected].filter((id) => live.has(id));
    return kept.length === selected.size ? selected : new Set(kept);
  }, [selected, liveRead.data]);
  const selectedShown = shownRead.data ? shownRead.data.ids.filter((id) => liveSelected.has(id)).length : 0;
  // 全选 shows its new state at once, while the ids it acts on are read.
  const [pendingAll, setPendingAll] = useState<boolean | null>(null);
  const allChecked = pendingAll ?? (total > 0 && selectedShown === total);
  const someChecked = pendingAll === null && selectedShown > 0 && !allChecked;

  const sectionCounts = useMemo(
    () => new Map(overview?.sectionCounts.map((entry) => [entry.sectionId, entry.count]) ?? []),
    [overview],
  );

  // Another court's items name its own departments, not ours.
  const departmentOptions = useMemo(() => {
    if (!readOnly) return departments.map((d) => ({ value: d.id, label: d.name }));
    return (overview?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  }, [readOnly, departments, overview]);

  // The open item's section siblings, in order: the drawer's 上移/下移 needs them.
  const openItemRead = useRead('items.get', { id: openId ?? '' }, { enabled: openId !== null });
  const openSection = openId && openItemRead.data?.id === openId ? openItemRead.data.sectionId : undefined;
  const siblingsRead = useRead(
    'items.ids',
    { ...scope, filters: { section: openSection ?? 'none', subSections: false } },
    { enabled: openSection !== undefined },
  );
  const siblings = useMemo(
    () => (siblingsRead.data?.ids ?? []).map((id) => ({ id, sectionId: openSection ?? null })),
    [siblingsRead.data, openSection],
  );

  const onSort = useCallback((key: SortKey) => {
    setSort((prev) => (prev?.key !== key ? { key, desc: false } : prev.desc ? null : { key, desc: true }));
  }, []);
  const onToggle = useCallback((id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  // 全选 asks for the ids the filters show (one small read), then selects or clears them all.
  const onToggleAll = useCallback(() => {
    const input = { ...scope, filters: windowFilters };
    const selectAll = !allChecked;
    setPendingAll(selectAll);
    void queryClient
      .fetchQuery({ queryKey: operationKey('items.ids', input), queryFn: () => readOperation('items.ids', input) })
      .then(({ ids }) =>
        setSelected((prev) => {
          const next = new Set(prev);
          for (const id of ids) {
            if (selectAll) next.add(id);
            else next.delete(id);
          }
          return next;
        }),
      )
      .catch(notifyFailure)
      .finally(() => setPendingAll(null));
  }, [scope, windowFilters, allChecked]);
  const onOpen = useCallback(
    (id: string) => openRecord(itemRoute(campaignId, id, undefined, courtCode ?? undefined)),
    [campaignId, courtCode],
  );
  const closeItem = () => {
    if (recordRoute) closeRecord(withoutRecord(recordRoute));
  };
  const closeDialog = () => setDialog(null);

  const filtersActive = status || light || department || kind || section !== 'all' || query;
  const clearFilters = () => {
    setFilters(NO_FILTERS);
    setQuery('');
  };

  if (firstRead.error && !firstWindow) {
    return (
      <Stack maw={720}>
        <RetryAlert title={t.loadFailed} error={firstRead.error.message} onRetry={() => void firstRead.refetch()} />
        <Anchor onClick={() => navigate({ name: 'campaigns' })}>{t.back}</Anchor>
      </Stack>
    );
  }

  const campaign = detail?.campaign;
  // On another court's checklist the campaign's own figures (ours) would mislead: wait for theirs.
  const figures = progress?.overall ?? (readOnly ? undefined : campaign?.figures);
  const issuedToUs = !!campaign && campaign.origin !== court.code;
  const defaultSection = section !== 'all' && section !== 'none' ? section : null;
  const manager = canCall('items.bulkUpdate');

  return (
    <Stack gap="md">
      {/* Header */}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Box style={{ minWidth: 0 }}>
          <Anchor size="sm" onClick={() => navigate({ name: 'campaigns' })}>
            ‹ {t.back}
          </Anchor>
          {campaign ? (
            <>
              <Title order={2} mt={4} data-testid="campaign-heading">
                {campaign.title}
              </Title>
              <Group gap="xs" mt={6}>
                <Badge
                  color={campaignStatusColor[campaign.status]}
                  variant={campaign.status === 'active' ? 'light' : 'outline'}
                  radius="sm"
                >
                  {campaignStatusText[campaign.status]}
                </Badge>
                <Badge color="gray" variant="outline" radius="sm">
                  {t.year(campaign.year)}
                </Badge>
                {issuedToUs && (
                  <Badge
                    color="court"
                    variant="outline"
                    radius="sm"
                    title={t.issuedCampaignHint}
                    data-testid="campaign-issued"
                  >
                    {t.issuedCampaign}
                  </Badge>
                )}
                <Text size="sm" c="dimmed">
                  {t.issuedBy}：{campaign.issuingCourtName}
                </Text>
                {(campaign.startDate || campaign.endDate) && (
                  <Text size="sm" c="dimmed">
                    {t.period}：{commonText.period(formatDate(campaign.startDate), formatDate(campaign.endDate))}
                  </Text>
                )}
              </Group>
            </>
          ) : (
            <Skeleton h={34} w={420} mt={6} />
          )}
        </Box>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="subtle"
            leftSection={statsOpen ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
            onClick={() => setStatsOpen((open) => !open)}
            aria-expanded={statsOpen}
            aria-controls="campaign-stats"
            data-testid="toggle-stats"
          >
            {statsOpen ? t.hideStats : t.showStats}
          </Button>
          {/* The campaign's own settings are the issuer's to change. */}
          {canCall('campaigns.setLightRules') && !readOnly && !issuedToUs && (
            <Button
              variant="default"
              leftSection={<IconAlarm size={16} />}
              onClick={() => setDialog('lightRules')}
              disabled={!campaign}
              data-testid="open-light-rules"
            >
              {lightRulesText.open}
            </Button>
          )}
          {canCall('campaigns.update') && !readOnly && !issuedToUs && (
            <Button
              variant="default"
              leftSection={<IconEdit size={16} />}
              onClick={() => setDialog('editCampaign')}
              disabled={!campaign}
            >
              {t.editCampaign}
            </Button>
          )}
          {/* Items from a template go into this court's own checklist, of its own or an issued campaign. */}
          {canCall('items.importTemplate') && !readOnly && campaign?.status !== 'closed' && (
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={() => setDialog('templateImport')}
              disabled={!detail}
              data-testid="open-template-import"
            >
              {importText.templateOpen}
            </Button>
          )}
          {canCall('items.create') && !readOnly && (
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setDialog('createItem')}
              disabled={!detail}
              data-testid="add-item"
            >
              {t.addItem}
            </Button>
          )}
        </Group>
      </Group>

      {readOnly && (
        <ViewingCourtAlert
          title={t.viewingCourt(courtName ?? courtCode)}
          hint={t.viewingHint}
          backLabel={t.backToOwn}
          onBack={onBackToOwn}
          testId="viewing-court"
        />
      )}
      {readOnly ? (
        <CampaignSupervision campaignId={campaignId} courtCode={courtCode} courtName={courtName} />
      ) : (
        <CampaignSupervision campaignId={campaignId} courtCode={null} />
      )}

      {/* Headline figures and progress tables: folded away (the button in the header) to give the
          checklist the room; folded, one line of figures stays beside the row count. */}
      <Collapse expanded={statsOpen} id="campaign-stats" transitionDuration={150}>
        <Stack gap="md">
          <Group gap="sm" data-testid="campaign-figures" align="stretch">
            {figures ? (
              <>
                <Figure
                  label={t.percentDone}
                  value={`${figures.percentDone}`}
                  suffix="%"
                  color="court.9"
                  testId="fig-percent"
                />
                <Figure label={t.total} value={figures.total} testId="fig-total" />
                <Figure label={t.done} value={figures.done} testId="fig-done" />
                <Figure label={t.signedOff} value={figures.signedOff} color="teal.8" testId="fig-signed" />
                <Figure
                  label={t.overdue}
                  value={figures.overdue}
                  color={figures.overdue ? 'red.7' : undefined}
                  testId="fig-overdue"
                />
                <Figure
                  label={t.yellow}
                  value={figures.yellow}
                  color={figures.yellow ? 'yellow.8' : undefined}
                  testId="fig-yellow"
                />
              </>
            ) : (
              [0, 1, 2, 3, 4].map((i) => <Skeleton key={i} h={70} w={120} />)
            )}
          </Group>
          {progress ? <ProgressTables progress={progress} /> : <Skeleton h={120} />}
        </Stack>
      </Collapse>

      {/* Tree + table */}
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Paper withBorder p="xs" w={220} style={{ flex: 'none' }}>
          {detail ? (
            <SectionTree
              detail={detail}
              counts={sectionCounts}
              totalCount={overview?.total ?? 0}
              value={section}
              onChange={(value) => setFilter('section', value)}
              height={`calc(${TABLE_HEIGHT} + 50px)`}
              // Sections are arranged by managers (sections.create and the rest are MANAGERS).
              readOnly={readOnly || !canCall('sections.create')}
            />
          ) : (
            <Stack gap="xs">
              {[0, 1, 2, 3].map((i) => (
                <Skeleton key={i} h={22} />
              ))}
            </Stack>
          )}
        </Paper>
        <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="nowrap">
            <TextInput
              placeholder={t.search}
              leftSection={searching ? <Loader size={14} /> : <IconSearch size={16} />}
              rightSection={
                query ? <CloseButton size="sm" onClick={() => setQuery('')} aria-label={t.clearFilters} /> : null
              }
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 200 }}
              aria-label={t.search}
              {...searchFieldProps}
              data-testid="item-search"
            />
            <Select
              w={130}
              placeholder={t.filterStatus}
              data={itemStatuses.map((s) => ({ value: s, label: itemStatusText[s] }))}
              value={status}
              onChange={(v) => setFilter('status', v as ItemStatus | null)}
              clearable
              data-testid="filter-status"
            />
            <Select
              w={130}
              placeholder={t.filterLight}
              data={lights.map((l) => ({ value: l, label: lightText[l] }))}
              value={light}
              onChange={(v) => setFilter('light', v as Light | null)}
              clearable
              data-testid="filter-light"
            />
            <Select
              w={140}
              placeholder={t.filterDepartment}
              data={[...departmentOptions, { value: NO_DEPARTMENT, label: t.noDepartment }]}
              value={department}
              onChange={(v) => setFilter('department', v)}
              clearable
              searchable
              data-testid="filter-department"
            />
            <Select
              w={116}
              placeholder={t.filterKind}
              data={(['mandatory', 'own'] as const).map((k) => ({ value: k, label: itemKindText[k] }))}
              value={kind}
              onChange={(v) => setFilter('kind', v as ItemKind | null)}
              clearable
              data-testid="filter-kind"
            />
          </Group>
          <Group justify="space-between" h={liveSelected.size ? undefined : 22}>
            <Text size="sm" c="dimmed" data-testid="shown-count">
              {firstWindow && overview ? t.shown(total, overview.total) : ''}
              {searchCount !== null && !searching ? `（${t.searchResult(searchCount)}）` : ''}
              {!statsOpen && figures && (
                <Text span size="sm" c="dark.6" ml="md" data-testid="stats-summary">
                  {t.statsSummary(figures)}
                </Text>
              )}
            </Text>
            {filtersActive && (
              <Anchor size="sm" onClick={clearFilters}>
                {t.clearFilters}
              </Anchor>
            )}
          </Group>
          {liveSelected.size > 0 && !readOnly && (
            <BulkActions
              ids={[...liveSelected]}
              mayUpdate={manager}
              onClear={() => setSelected(new Set())}
              onDone={(what) => {
                if (what === 'deleted') setSelected(new Set());
              }}
            />
          )}
          {firstWindow ? (
            <ItemTable
              total={total}
              rowAt={rowAt}
              onRange={onRange}
              selected={liveSelected}
              allChecked={allChecked}
              someChecked={someChecked}
              activeId={openId}
              sort={sort}
              height={TABLE_HEIGHT}
              emptyText={
                (overview ? overview.total === 0 : !filtersActive)
                  ? readOnly
                    ? t.emptyCourt
                    : t.emptyCampaign
                  : t.emptyTable
              }
              selectable={!readOnly}
              onSort={onSort}
              onToggle={onToggle}
              onToggleAll={onToggleAll}
              onOpen={onOpen}
            />
          ) : (
            <Skeleton h={400} />
          )}
        </Stack>
      </Group>

      {detail && !readOnly && (
        <ItemCreateModal
          opened={dialog === 'createItem'}
          campaignId={campaignId}
          sections={detail.sections}
          defaultSectionId={defaultSection}
          onClose={closeDialog}
          onCreated={closeDialog}
        />
      )}
      {!readOnly && canCall('items.importTemplate') && (
        <TemplateImportModal
          opened={dialog === 'templateImport'}
          campaignId={campaignId}
          onClose={closeDialog}
          onImported={closeDialog}
        />
      )}
      {campaign && canCall('campaigns.update') && (
        <CampaignFormModal
          opened={dialog === 'editCampaign'}
          campaign={campaign}
          defaultIssuer={court.name}
          onClose={closeDialog}
          onSaved={closeDialog}
        />
      )}
      {campaign && canCall('campaigns.setLightRules') && (
        <LightRulesModal
          opened={dialog === 'lightRules'}
          campaign={campaign}
          onClose={closeDialog}
          // The rows recolour by themselves: every read is refreshed after the save.
          onSaved={closeDialog}
        />
      )}
      <ItemDrawer
        itemId={openId}
        items={siblings}
        sections={detail?.sections ?? []}
        onClose={closeItem}
        onDeleted={closeItem}
        tab={recordRoute?.itemTab}
        onTab={(itemTab) => recordRoute && openRecord({ ...recordRoute, itemTab }, true)}
      />
    </Stack>
  );
}
