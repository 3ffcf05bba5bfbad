// 下级法院进度 (a campaign tab at high and intermediate courts): every court this court expects
// reports from × the campaign's top-level sections (MatrixTable), with the total and the subtotals
// per intermediate jurisdiction, a filter by jurisdiction and a switch to show only the 后进 courts
// (the same courts the badge counts: the campaign's one rule, computed by boards.province). The
// filter, the switch and the sort live in the address (…/courts?j=…&sort=…&lag=1) and in the
// session, so drilling down into a court and coming back keeps them. Courts ticked in the matrix
// (or 选中后进法院) get a 督办单 (发督办单) or are named in a draft 通报 (起草通报).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Select, Skeleton, Stack, Switch, Text, Title } from '@mantine/core';
import { IconFileImport, IconInfoCircle, IconPrinter, IconSend, IconSpeakerphone, IconX } from '@tabler/icons-react';
import type { Campaign } from '../../shared/model';
import { useRead } from '../api/queries';
import { useApp } from '../AppContext';
import { IssueOrderDialog } from '../orders/IssueOrderDialog';
import { ordersText as ot } from '../orders/text';
import { campaignRoute, navigate } from '../lib/router';
import { RetryAlert } from '../common/RetryAlert';
import { provinceText as t } from './text';
import { EmptyState } from '../common/EmptyState';
import { REPORT_KIND_KEY } from '../reports/ReportsTab';
import { DEFAULT_SORT, HEAT, MatrixTable, sortCourts, type SortKey, type SortState } from './MatrixTable';

interface ViewState {
  jurisdiction: string | null;
  onlyLaggards: boolean;
  sort: SortState;
}

const storageKey = (campaignId: string) => `province-view:${campaignId}`;

function parseView(query: URLSearchParams): ViewState | null {
  if (!query.has('j') && !query.has('sort') && !query.has('lag')) return null;
  const [key, dir] = (query.get('sort') ?? '').split(':');
  const validKey = /^(rank|name|total|delta|age|orders|criticisms|s\d+)$/.test(key);
  return {
    jurisdiction: query.has('j') ? query.get('j') : null,
    onlyLaggards: query.get('lag') === '1',
    sort: validKey ? { key: key as SortKey, dir: dir === 'desc' ? 'desc' : 'asc' } : DEFAULT_SORT,
  };
}

/** The view named in the address, else the one last used in this session for the campaign. */
function initialView(campaignId: string): ViewState {
  const query = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  const fromAddress = parseView(query);
  if (fromAddress) return fromAddress;
  try {
    const kept = window.sessionStorage.getItem(storageKey(campaignId));
    const fromSession = kept ? parseView(new URLSearchParams(kept)) : null;
    if (fromSession) return fromSession;
  } catch {
    // No session storage: the defaults.
  }
  return { jurisdiction: null, onlyLaggards: false, sort: DEFAULT_SORT };
}

function viewQuery(view: ViewState): string {
  const query = new URLSearchParams();
  if (view.jurisdiction !== null) query.set('j', view.jurisdiction);
  if (view.onlyLaggards) query.set('lag', '1');
  if (view.sort.key !== DEFAULT_SORT.key || view.sort.dir !== DEFAULT_SORT.dir)
    query.set('sort', `${view.sort.key}:${view.sort.dir}`);
  return query.toString();
}

function Legend() {
  const swatch = (background: string, label: string) => (
    <Group gap={4} wrap="nowrap">
      <span
        style={{
          display: 'inline-block',
          width: 14,
          height: 14,
          borderRadius: 3,
          background,
          border: '1px solid var(--mantine-color-gray-3)',
        }}
      />
      <Text size="xs">{label}</Text>
    </Group>
  );
  return (
    <Group gap="md">
      <Text size="xs" c="dimmed">
        {t.legend}
      </Text>
      {swatch(HEAT.high.background, t.legendHigh)}
      {swatch(HEAT.middle.background, t.legendMiddle)}
      {swatch(HEAT.low.background, t.legendLow)}
      <Text size="xs" c="red.8">
        {t.legendOverdue}
      </Text>
    </Group>
  );
}

export function ProvinceBoardTab({ campaign }: { campaign: Campaign }) {
  const { data: board, error, refetch } = useRead('boards.province', { campaignId: campaign.id });
  const [view, setView] = useState<ViewState>(() => initialView(campaign.id));
  const { can } = useApp();
  const [picked, setPicked] = useState<ReadonlySet<string>>(() => new Set());
  const [issuing, setIssuing] = useState(false);
  // Stable, so ticking one court redraws only its row.
  const pick = useCallback(
    (code: string) =>
      setPicked((old) => {
        const next = new Set(old);
        if (next.has(code)) next.delete(code);
        else next.add(code);
        return next;
      }),
    [],
  );

  // Keep the view in the address (replacing it: no new history entry) and in the session.
  useEffect(() => {
    const query = viewQuery(view);
    const base = window.location.hash.split('?')[0];
    const next = query ? `${base}?${query}` : base;
    if (base.includes('/courts') && window.location.hash !== next)
      window.history.replaceState(window.history.state, '', next);
    try {
      window.sessionStorage.setItem(storageKey(campaign.id), query || 'sort=rank:asc');
    } catch {
      // No session storage: the address alone keeps it.
    }
  }, [view, campaign.id]);

  const jurisdictions = useMemo(() => board?.jurisdictions ?? [], [board]);
  const shown = useMemo(() => {
    if (!board) return [];
    let rows = board.courts;
    if (view.jurisdiction !== null) rows = rows.filter((c) => c.jurisdiction === view.jurisdiction);
    if (view.onlyLaggards) rows = rows.filter((c) => c.laggard);
    return sortCourts(rows, view.sort);
  }, [board, view]);

  if (error && !board) {
    return <RetryAlert title={t.loadFailed} error={error.message} onRetry={() => void refetch()} />;
  }
  if (!board) return <Skeleton h={320} />;
  if (board.courts.length === 0) {
    return (
      <EmptyState title={t.emptyTitle} text={t.emptyText} testId="province-empty">
        <Button leftSection={<IconFileImport size={16} />} onClick={() => navigate({ name: 'sync', tab: 'import' })}>
          {t.goSync}
        </Button>
      </EmptyState>
    );
  }

  const chosen = view.jurisdiction === null ? null : jurisdictions.find((j) => j.code === view.jurisdiction);
  const pinned = chosen ?? board.total;
  const subtotals = view.jurisdiction === null ? [{ ...board.own, code: 'own' }, ...jurisdictions] : [];
  const named = jurisdictions.length > 1 || jurisdictions.some((j) => j.code !== '');
  // In the board's order, whatever the sort: the courts the dialog and the draft start from.
  const pickedCodes = board.courts.filter((c) => picked.has(c.code)).map((c) => c.code);
  const laggards = board.courts.filter((c) => c.laggard).map((c) => c.code);
  const manager = can('admin', 'reviewer');

  return (
    <Stack gap="sm" data-testid="province-tab">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={4}>{t.title}</Title>
          <Text size="sm" c="dimmed" mt={2}>
            {t.subtitle(board.today, board.courts.length, board.fromRoster)}
          </Text>
        </div>
        <Group gap="md" align="center">
          {named && (
            <Select
              w={240}
              size="sm"
              aria-label={t.filterParent}
              placeholder={t.filterAll}
              data={[
                { value: '*', label: t.filterAll },
                ...jurisdictions.map((j) => ({
                  value: j.code === '' ? '-' : j.code,
                  label: j.code === '' ? t.directOption : t.parentOption(j.name),
                })),
              ]}
              value={view.jurisdiction === null ? '*' : view.jurisdiction === '' ? '-' : view.jurisdiction}
              onChange={(value) =>
                setView((v) => ({
                  ...v,
                  jurisdiction: !value || value === '*' ? null : value === '-' ? '' : value,
                }))
              }
              allowDeselect={false}
              data-testid="province-parent"
            />
          )}
          <Switch
            label={
              <Group gap={6} wrap="nowrap">
                <span>{t.onlyLaggards(board.laggardCount)}</span>
              </Group>
            }
            aria-label={t.onlyLaggards(board.laggardCount)}
            checked={view.onlyLaggards}
            onChange={(event) => {
              const checked = event.currentTarget.checked;
              setView((v) => ({ ...v, onlyLaggards: checked }));
            }}
            data-testid="province-only-laggards"
          />
          <Button
            variant="default"
            size="sm"
            leftSection={<IconPrinter size={16} />}
            title={t.saveHint}
            onClick={() => {
              try {
                window.sessionStorage.setItem(REPORT_KIND_KEY(campaign.id), 'province');
              } catch {
                // No session storage: the tab opens on its first report.
              }
              navigate(campaignRoute(campaign.id, 'reports'));
            }}
            data-testid="province-save"
          >
            {t.saveExcel}
          </Button>
        </Group>
      </Group>
      {!board.fromRoster && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} />} py={6}>
          {t.noRoster}
        </Alert>
      )}
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="sm">
          <Badge color="red" variant="light" data-testid="province-laggard-count">
            {t.laggard} {board.laggardCount}
          </Badge>
          <Text size="xs" c="dimmed">
            {t.laggardRule(board.rules.laggardRule, board.rules.laggardCount, board.rules.laggardBelow)}；
            {t.rankingNote(board.rules.staleDays)}
          </Text>
        </Group>
        <Group gap="md">
          <Legend />
          <Text size="xs" c="dimmed" data-testid="province-shown">
            {t.shown(shown.length, board.courts.length)}
          </Text>
        </Group>
      </Group>
      {manager && (
        <Group gap="sm" wrap="wrap" data-testid="province-pick-bar">
          <Button
            size="xs"
            variant="light"
            onClick={() => setPicked(new Set([...picked, ...laggards]))}
            disabled={laggards.length === 0}
            data-testid="province-pick-laggards"
          >
            {ot.selectLaggards}
          </Button>
          {pickedCodes.length > 0 && (
            <>
              <Text size="sm" fw={600} aria-live="polite" data-testid="province-picked-count">
                {ot.selected(pickedCodes.length)}
              </Text>
              <Button
                size="xs"
                leftSection={<IconSend size={14} />}
                onClick={() => setIssuing(true)}
                data-testid="province-issue-order"
              >
                {ot.issueSelected(pickedCodes.length)}
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconSpeakerphone size={14} />}
                onClick={() =>
                  navigate({
                    name: 'campaign',
                    id: campaign.id,
                    tab: 'orders',
                    draft: 'criticism',
                    draftCourts: pickedCodes,
                  })
                }
                data-testid="province-draft-notice"
              >
                {ot.draftCriticism}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                leftSection={<IconX size={14} />}
                onClick={() => setPicked(new Set())}
                data-testid="province-pick-clear"
              >
                {ot.clearSelection}
              </Button>
            </>
          )}
        </Group>
      )}
      <MatrixTable
        board={board}
        courts={shown}
        pinned={pinned}
        subtotals={subtotals}
        sort={view.sort}
        onSort={(sort) => setView((v) => ({ ...v, sort }))}
        picked={picked}
        pickable={manager}
        onPick={pick}
        onPickAll={(all) =>
          setPicked((old) => {
            const next = new Set(old);
            for (const c of shown) {
              if (all) next.add(c.code);
              else next.delete(c.code);
            }
            return next;
          })
        }
      />
      {issuing && (
        <IssueOrderDialog
          campaign={campaign}
          initialCourts={pickedCodes}
          onClose={() => setIssuing(false)}
          onIssued={() => setPicked(new Set())}
        />
      )}
    </Stack>
  );
}
