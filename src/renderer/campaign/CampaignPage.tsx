// One campaign: headline figures, progress by section and department, the section tree and the
// item table with filters, search, sorting, selection and bulk actions; a drawer per item. With
// `courtCode` it shows a subordinate court's checklist instead, read-only, with the notes this
// court wrote to it (督导意见); this court's own view shows the notes its superiors sent.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
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
import { useDebouncedValue } from '@mantine/hooks';
import {
  IconAlarm,
  IconChevronDown,
  IconChevronUp,
  IconEdit,
  IconFileImport,
  IconPlus,
  IconSearch,
} from '@tabler/icons-react';
import type {
  CampaignDetail,
  CampaignProgress,
  ItemDetail,
  ItemKind,
  ItemRow,
  ItemStatus,
  Light,
} from '../../shared/model';
import { itemStatuses, lights } from '../../shared/api';
import { send, type Result } from '../api/client';
import { takeItems } from './itemsPrefetch';
import { useApp } from '../AppContext';
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
import { compareText } from '../lib/format';
import { navigate } from '../lib/router';
import { notifyFailure } from '../lib/notify';
import { BulkActions } from './BulkActions';
import { CampaignSupervision } from './CampaignSupervision';
import { ItemTable, type SortKey, type SortState } from './ItemTable';
import { LightRulesModal } from './LightRulesModal';
import { ProgressTables } from './ProgressTables';
import { SectionTree, type SectionFilter } from './SectionTree';
import { campaignText as t, lightRulesText } from './text';

const NO_DEPARTMENT = '__none__';
const TABLE_HEIGHT = 'max(440px, calc(100vh - 150px))';
const statusOrder: Record<ItemStatus, number> = {
  not_started: 0,
  in_progress: 1,
  returned: 2,
  completed: 3,
  signed_off: 4,
};
const lightOrder: Record<Light, number> = { red: 0, yellow: 1, green: 2, none: 3 };

function compareRows(key: SortKey): (a: ItemRow, b: ItemRow) => number {
  switch (key) {
    case 'number':
    case 'percent':
    case 'evidenceCount':
      return (a, b) => a[key] - b[key];
    case 'status':
      return (a, b) => statusOrder[a.status] - statusOrder[b.status];
    case 'light':
      return (a, b) => lightOrder[a.light] - lightOrder[b.light];
    case 'deadline':
      return (a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999');
    default:
      return (a, b) => compareText(a[key], b[key]);
  }
}

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
  const { court, departments, can } = useApp();
  // Another court's checklist: look, and comment; never change.
  const readOnly = courtCode !== null;
  const [noteVersion, setNoteVersion] = useState(0);
  const [detail, setDetail] = useState<CampaignDetail | null>(null);
  const [items, setItems] = useState<ItemRow[] | null>(null);
  const [progress, setProgress] = useState<CampaignProgress | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const [section, setSection] = useState<SectionFilter>('all');
  const [status, setStatus] = useState<ItemStatus | null>(null);
  const [light, setLight] = useState<Light | null>(null);
  const [department, setDepartment] = useState<string | null>(null);
  const [kind, setKind] = useState<ItemKind | null>(null);
  const [query, setQuery] = useState('');
  const [debouncedQuery] = useDebouncedValue(query.trim(), 250);
  const [search, setSearch] = useState<{ query: string; ids: Set<string> } | null>(null);
  const [searching, setSearching] = useState(false);
  const [sort, setSort] = useState<SortState | null>(null);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [editingCampaign, setEditingCampaign] = useState(false);
  const [editingRules, setEditingRules] = useState(false);
  const [importingTemplate, setImportingTemplate] = useState(false);
  const [showProgress, setShowProgress] = useState(true);

  // A failure on first load replaces the page with the message; later ones are notices.
  const loaded = useRef(false);
  const failed = useCallback((failure: { message: string }) => {
    if (loaded.current) notifyFailure(failure);
    else setLoadError(failure.message);
  }, []);
  // The first load starts while this page renders, not after it mounts.
  const [firstItems] = useState(() =>
    courtCode ? send('items.list', { campaignId, courtCode }) : takeItems(campaignId),
  );
  const loadItems = useCallback(
    async (request?: Promise<Result<ItemRow[]>>) => {
      const result = await (request ?? send('items.list', { campaignId, ...(courtCode ? { courtCode } : {}) }));
      if (result.ok) {
        loaded.current = true;
        setItems(result.value);
        const live = new Set(result.value.map((row) => row.id));
        setSelected((prev) => (prev.size === 0 ? prev : new Set([...prev].filter((id) => live.has(id)))));
      } else failed(result);
    },
    [campaignId, courtCode, failed],
  );
  const loadDetail = useCallback(async () => {
    const result = await send('campaigns.get', { id: campaignId });
    if (result.ok) setDetail(result.value);
    else failed(result);
  }, [campaignId, failed]);
  const loadProgress = useCallback(async () => {
    const result = await send('stats.campaignProgress', { campaignId, ...(courtCode ? { courtCode } : {}) });
    if (result.ok) setProgress(result.value);
  }, [campaignId, courtCode]);
  const searchSeq = useRef(0);
  const runSearch = useCallback(
    async (text: string) => {
      const seq = ++searchSeq.current;
      if (!text) {
        setSearch(null);
        setSearching(false);
        return;
      }
      setSearching(true);
      const result = await send('items.search', { campaignId, query: text, ...(courtCode ? { courtCode } : {}) });
      if (seq !== searchSeq.current) return;
      setSearching(false);
      if (result.ok) setSearch({ query: text, ids: new Set(result.value.ids) });
      else notifyFailure(result);
    },
    [campaignId, courtCode],
  );

  useEffect(() => {
    // The table comes first; the header and figures are asked for once the rows are in, so the
    // smaller requests do not compete with the big one.
    void loadItems(firstItems).finally(() => {
      void loadDetail();
      void loadProgress();
    });
  }, [firstItems, loadItems, loadDetail, loadProgress]);

  useEffect(() => {
    void runSearch(debouncedQuery);
  }, [debouncedQuery, runSearch]);

  /** After anything that changes figures: the campaign's numbers and the progress tables. */
  const refreshFigures = useCallback(() => {
    void loadDetail();
    void loadProgress();
  }, [loadDetail, loadProgress]);
  const refreshAll = useCallback(() => {
    void loadItems();
    refreshFigures();
    if (search) void runSearch(search.query);
  }, [loadItems, refreshFigures, runSearch, search]);

  const onItemChanged = useCallback(
    (item: ItemDetail, structural = false) => {
      if (structural) return refreshAll();
      const { notes: _n, evidence: _e, signoffs: _s, ...row } = item;
      setItems((prev) => prev?.map((r) => (r.id === row.id ? { ...row, number: r.number } : r)) ?? prev);
      refreshFigures();
    },
    [refreshAll, refreshFigures],
  );

  // Section filter covers the chosen section and everything below it.
  const sectionIds = useMemo(() => {
    if (section === 'all' || section === 'none' || !detail) return null;
    const ids = new Set([section]);
    for (const s of detail.sections) if (s.parentId && ids.has(s.parentId)) ids.add(s.id);
    return ids;
  }, [section, detail]);

  const sectionCounts = useMemo(() => {
    const counts = new Map<string | null, number>();
    if (!items) return counts;
    const parent = new Map(detail?.sections.map((s) => [s.id, s.parentId]) ?? []);
    for (const row of items) {
      if (!row.sectionId || !parent.has(row.sectionId)) {
        counts.set(null, (counts.get(null) ?? 0) + 1);
        continue;
      }
      for (let id: string | null = row.sectionId; id; id = parent.get(id) ?? null)
        counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  }, [items, detail]);

  const rows = useMemo(() => {
    if (!items) return [];
    const knownSections = detail ? new Set(detail.sections.map((s) => s.id)) : null;
    let list = items.filter(
      (row) =>
        (!sectionIds || (row.sectionId !== null && sectionIds.has(row.sectionId))) &&
        (section !== 'none' || !row.sectionId || (knownSections !== null && !knownSections.has(row.sectionId))) &&
        (!status || row.status === status) &&
        (!light || row.light === light) &&
        (!department || (department === NO_DEPARTMENT ? !row.departmentId : row.departmentId === department)) &&
        (!kind || row.kind === kind) &&
        (!search || search.ids.has(row.id)),
    );
    if (sort) {
      const compare = compareRows(sort.key);
      list = [...list].sort((a, b) => (sort.desc ? compare(b, a) : compare(a, b)) || a.number - b.number);
    }
    return list;
  }, [items, detail, sectionIds, section, status, light, department, kind, search, sort]);

  // Another court's items name its own departments, not ours.
  const departmentOptions = useMemo(() => {
    if (!readOnly) return departments.map((d) => ({ value: d.id, label: d.name }));
    const named = new Map<string, string>();
    for (const row of items ?? []) if (row.departmentId) named.set(row.departmentId, row.departmentName);
    return [...named].map(([value, label]) => ({ value, label }));
  }, [readOnly, departments, items]);

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
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const onToggleAll = useCallback(() => {
    setSelected((prev) => {
      const shown = rowsRef.current;
      const allShown = shown.length > 0 && shown.every((row) => prev.has(row.id));
      const next = new Set(prev);
      for (const row of shown) {
        if (allShown) next.delete(row.id);
        else next.add(row.id);
      }
      return next;
    });
  }, []);
  const onOpen = useCallback((id: string) => setOpenId(id), []);

  const filtersActive = status || light || department || kind || section !== 'all' || query;
  const clearFilters = () => {
    setStatus(null);
    setLight(null);
    setDepartment(null);
    setKind(null);
    setSection('all');
    setQuery('');
  };

  if (loadError && !items) {
    return (
      <Stack maw={720}>
        <Alert color="red" title={t.loadFailed}>
          {loadError}
        </Alert>
        <Anchor onClick={() => navigate({ name: 'campaigns' })}>{t.back}</Anchor>
      </Stack>
    );
  }

  const campaign = detail?.campaign;
  // On another court's checklist the campaign's own figures (ours) would mislead: wait for theirs.
  const figures = progress?.overall ?? (readOnly ? undefined : campaign?.figures);
  const issuedToUs = !!campaign && campaign.origin !== court.code;
  const defaultSection = section !== 'all' && section !== 'none' ? section : null;

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
          {/* The campaign's own settings are the issuer's to change. */}
          {can('admin', 'reviewer') && !readOnly && !issuedToUs && (
            <Button
              variant="default"
              leftSection={<IconAlarm size={16} />}
              onClick={() => setEditingRules(true)}
              disabled={!campaign}
              data-testid="open-light-rules"
            >
              {lightRulesText.open}
            </Button>
          )}
          {!readOnly && !issuedToUs && (
            <Button
              variant="default"
              leftSection={<IconEdit size={16} />}
              onClick={() => setEditingCampaign(true)}
              disabled={!campaign}
            >
              {t.editCampaign}
            </Button>
          )}
          {/* Items from a template go into this court's own checklist, of its own or an issued campaign. */}
          {can('admin', 'reviewer') && !readOnly && campaign?.status !== 'closed' && (
            <Button
              variant="default"
              leftSection={<IconFileImport size={16} />}
              onClick={() => setImportingTemplate(true)}
              disabled={!detail}
              data-testid="open-template-import"
            >
              {importText.templateOpen}
            </Button>
          )}
          {!readOnly && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} disabled={!detail}>
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
        <CampaignSupervision
          campaignId={campaignId}
          courtCode={courtCode}
          courtName={courtName}
          version={noteVersion}
        />
      ) : (
        <CampaignSupervision campaignId={campaignId} courtCode={null} version={noteVersion} />
      )}

      {/* Headline figures */}
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
            <Button
              variant="subtle"
              size="xs"
              ml="auto"
              style={{ alignSelf: 'flex-end' }}
              rightSection={showProgress ? <IconChevronUp size={14} /> : <IconChevronDown size={14} />}
              onClick={() => setShowProgress((v) => !v)}
            >
              {showProgress ? t.hideProgress : t.showProgress}
            </Button>
          </>
        ) : (
          [0, 1, 2, 3, 4].map((i) => <Skeleton key={i} h={70} w={120} />)
        )}
      </Group>

      <Collapse expanded={showProgress}>
        {progress ? <ProgressTables progress={progress} /> : <Skeleton h={120} />}
      </Collapse>

      {/* Tree + table */}
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Paper withBorder p="xs" w={220} style={{ flex: 'none' }}>
          {detail ? (
            <SectionTree
              detail={detail}
              counts={sectionCounts}
              totalCount={items?.length ?? 0}
              value={section}
              onChange={setSection}
              onDetail={(d) => {
                setDetail(d);
                void loadProgress();
              }}
              height={`calc(${TABLE_HEIGHT} + 50px)`}
              readOnly={readOnly}
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
              data-testid="item-search"
            />
            <Select
              w={130}
              placeholder={t.filterStatus}
              data={itemStatuses.map((s) => ({ value: s, label: itemStatusText[s] }))}
              value={status}
              onChange={(v) => setStatus(v as ItemStatus | null)}
              clearable
              data-testid="filter-status"
            />
            <Select
              w={130}
              placeholder={t.filterLight}
              data={lights.map((l) => ({ value: l, label: lightText[l] }))}
              value={light}
              onChange={(v) => setLight(v as Light | null)}
              clearable
              data-testid="filter-light"
            />
            <Select
              w={140}
              placeholder={t.filterDepartment}
              data={[...departmentOptions, { value: NO_DEPARTMENT, label: t.noDepartment }]}
              value={department}
              onChange={setDepartment}
              clearable
              searchable
              data-testid="filter-department"
            />
            <Select
              w={116}
              placeholder={t.filterKind}
              data={(['mandatory', 'own'] as const).map((k) => ({ value: k, label: itemKindText[k] }))}
              value={kind}
              onChange={(v) => setKind(v as ItemKind | null)}
              clearable
              data-testid="filter-kind"
            />
          </Group>
          <Group justify="space-between" h={selected.size ? undefined : 22}>
            <Text size="sm" c="dimmed" data-testid="shown-count">
              {items ? t.shown(rows.length, items.length) : ''}
              {search && !searching ? `（${t.searchResult(search.ids.size)}）` : ''}
            </Text>
            {filtersActive && (
              <Anchor size="sm" onClick={clearFilters}>
                {t.clearFilters}
              </Anchor>
            )}
          </Group>
          {selected.size > 0 && !readOnly && (
            <BulkActions
              ids={[...selected]}
              onClear={() => setSelected(new Set())}
              onDone={(what) => {
                if (what === 'deleted') setSelected(new Set());
                refreshAll();
              }}
            />
          )}
          {items ? (
            <ItemTable
              rows={rows}
              selected={selected}
              activeId={openId}
              sort={sort}
              height={TABLE_HEIGHT}
              emptyText={items.length === 0 ? (readOnly ? t.emptyCourt : t.emptyCampaign) : t.emptyTable}
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
          opened={creating}
          campaignId={campaignId}
          sections={detail.sections}
          defaultSectionId={defaultSection}
          onClose={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            refreshAll();
          }}
        />
      )}
      {!readOnly && can('admin', 'reviewer') && (
        <TemplateImportModal
          opened={importingTemplate}
          campaignId={campaignId}
          onClose={() => setImportingTemplate(false)}
          onImported={() => {
            setImportingTemplate(false);
            refreshAll();
          }}
        />
      )}
      {campaign && (
        <CampaignFormModal
          opened={editingCampaign}
          campaign={campaign}
          defaultIssuer={court.name}
          onClose={() => setEditingCampaign(false)}
          onSaved={() => {
            setEditingCampaign(false);
            refreshAll();
          }}
        />
      )}
      {campaign && can('admin', 'reviewer') && (
        <LightRulesModal
          opened={editingRules}
          campaign={campaign}
          onClose={() => setEditingRules(false)}
          onSaved={() => {
            setEditingRules(false);
            // New thresholds recolour every row.
            refreshAll();
          }}
        />
      )}
      <ItemDrawer
        itemId={openId}
        items={items ?? []}
        sections={detail?.sections ?? []}
        onClose={() => {
          setOpenId(null);
          // Notes written in the drawer show in the court's list too.
          if (readOnly) setNoteVersion((v) => v + 1);
        }}
        onChanged={onItemChanged}
        onDeleted={() => {
          setOpenId(null);
          refreshAll();
        }}
      />
    </Stack>
  );
}
