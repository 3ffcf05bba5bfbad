// The matrix of 下级法院进度: one row per court, sortable by any column (a button in each header,
// reachable by Tab, with aria-sort), the rank, the court's name and its 合计 sticky while the
// sections scroll sideways, the total (or the chosen jurisdiction's subtotal) pinned first and the
// jurisdictions' subtotals after the courts. Rank 1 is the best current court; stale, missing and
// empty courts are unranked and marked in words, never by colour alone. A checkbox per court (and
// one for every court shown) picks courts for a 督办单 or a 通报; 督办 and 批评 count the orders
// issued to the court (with those overdue) and the criticisms naming it.
// A province's high court lists up to ~500 courts: only the court rows in view (and a few either
// side) are drawn, between two spacer rows that keep the scroll height, as the checklist's table
// does; aria-rowcount and aria-rowindex tell a screen reader where it is in the whole. The arrow
// keys, Page Up/Down, Home and End move between court rows, scrolling the next one in; printing
// (Ctrl+P) draws every row.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { Badge, Box, Paper } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Light, ProvinceBoard, ProvinceCell, ProvinceCourtRow, ProvinceGroup } from '../../shared/model';
import { formatDateTime } from '../lib/dates';
import { campaignRoute, navigate } from '../lib/router';
import { ordersText as ot } from '../orders/text';
import { provinceText as t } from './text';
import './MatrixTable.css';

export type SortKey = 'rank' | 'name' | 'total' | 'delta' | 'age' | 'orders' | 'criticisms' | `s${number}`;
export interface SortState {
  key: SortKey;
  dir: 'asc' | 'desc';
}
export const DEFAULT_SORT: SortState = { key: 'rank', dir: 'asc' };

/** Percentage points between the current completion rate and the previous period's (null: nothing to compare). */
export function deltaPoints(row: { totals: ProvinceCell; previous: { completionRate: number | null } }): number | null {
  if (row.totals.completionRate === null || row.previous.completionRate === null) return null;
  return Math.round((row.totals.completionRate - row.previous.completionRate) * 100);
}

/** The value a column sorts by; null sorts last whichever the direction. */
function sortValue(row: ProvinceCourtRow, key: SortKey): number | string | null {
  if (key === 'rank') return row.rank;
  if (key === 'name') return row.name;
  if (key === 'total') return row.totals.completionRate;
  if (key === 'delta') return deltaPoints(row);
  if (key === 'age') return row.bundleAgeDays;
  if (key === 'orders') return row.orderCount ?? 0;
  if (key === 'criticisms') return row.criticismCount ?? 0;
  return row.cells[Number(key.slice(1))]?.completionRate ?? null;
}

/** The rows in the chosen order; the board's own order (ranked, then unranked) breaks ties. */
export function sortCourts(rows: ProvinceCourtRow[], sort: SortState): ProvinceCourtRow[] {
  const order = new Map(rows.map((row, index) => [row.code, index]));
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else if (va !== vb) {
      return sign * (typeof va === 'string' ? va.localeCompare(vb as string, 'zh-CN') : va - (vb as number));
    }
    return order.get(a.code)! - order.get(b.code)!;
  });
}

const HEAT = {
  high: { background: 'var(--mantine-color-green-1)', color: 'var(--mantine-color-green-9)' },
  middle: { background: 'var(--mantine-color-yellow-1)', color: 'var(--mantine-color-yellow-9)' },
  low: { background: 'var(--mantine-color-red-1)', color: 'var(--mantine-color-red-9)' },
};
export { HEAT };

/** The heat class of a completion rate (the legend's bands). */
function heatClass(rate: number | null): string {
  if (rate === null) return 'pm-none';
  return rate >= 0.9 ? 'pm-high' : rate >= 0.6 ? 'pm-middle' : 'pm-low';
}

const LIGHT_COLOR: Record<Light, string> = {
  green: 'var(--mantine-color-green-6)',
  yellow: 'var(--mantine-color-yellow-5)',
  red: 'var(--mantine-color-red-6)',
  none: 'var(--mantine-color-gray-4)',
};

// Plain table cells: each court row is ~20 of them (see MatrixTable.css).
function Cell({
  cell,
  section,
  testId,
  sticky = '',
}: {
  cell: ProvinceCell;
  section: string;
  testId: string;
  sticky?: string;
}) {
  const className = `pm-c ${heatClass(cell.completionRate)}${sticky}`;
  if (cell.completionRate === null)
    return (
      <td data-testid={testId} title={t.noItemsHint} className={className}>
        {t.noItems}
      </td>
    );
  return (
    <td
      data-testid={testId}
      title={t.cellHint(section, cell.total, cell.completed, cell.overdue)}
      className={className}
    >
      <b>{t.cell(cell.completionRate)}</b>
      <span className="pm-dim"> / </span>
      <span className={cell.overdue > 0 ? 'pm-late' : 'pm-dim'}>{t.overdue(cell.overdue)}</span>
    </td>
  );
}

function DeltaCell({ points }: { points: number | null }) {
  const label = t.deltaLabel(points);
  const className = points === null || points === 0 ? 'pm-dim' : points > 0 ? 'pm-up' : 'pm-down';
  return (
    <td
      data-testid="province-delta"
      data-delta={points ?? undefined}
      aria-label={label}
      title={label}
      className={`pm-c ${className}`}
    >
      {points === null ? t.deltaNone : points > 0 ? t.deltaUp(points) : points < 0 ? t.deltaDown(-points) : t.deltaSame}
    </td>
  );
}

function AgeCell({ court }: { court: ProvinceCourtRow }) {
  return (
    <td
      data-testid="province-age"
      data-light={court.bundleLight}
      title={court.lastBundleAt ? t.reportedHint(formatDateTime(court.lastBundleAt)) : undefined}
    >
      <span className="pm-dot" style={{ background: LIGHT_COLOR[court.bundleLight] }} />
      {court.bundleAgeDays === null ? <span className="pm-missing">{t.never}</span> : t.ageDays(court.bundleAgeDays)}
    </td>
  );
}

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  className = '',
  testId,
  title,
}: {
  label: string;
  sortKey: SortKey;
  sort: SortState;
  onSort(next: SortState): void;
  className?: string;
  testId?: string;
  title?: string;
}) {
  const active = sort.key === sortKey;
  return (
    <th
      className={className}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      data-testid={testId}
      data-sort-key={sortKey}
      title={title}
    >
      <button
        type="button"
        className="pm-sort"
        aria-label={t.sortBy(label)}
        onClick={() =>
          onSort({ key: sortKey, dir: active ? (sort.dir === 'asc' ? 'desc' : 'asc') : defaultDir(sortKey) })
        }
        data-testid="province-sort"
      >
        {label}
        <span aria-hidden style={{ marginLeft: 4, color: active ? undefined : 'var(--mantine-color-gray-5)' }}>
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** Rank and names read best ascending; figures read best descending. */
const defaultDir = (key: SortKey): 'asc' | 'desc' =>
  key === 'rank' || key === 'name' || key === 'age' ? 'asc' : 'desc';

function GroupRow({
  group,
  label,
  board,
  testId,
  rowIndex,
  rowRef,
}: {
  group: ProvinceGroup;
  label: string;
  board: ProvinceBoard;
  testId: string;
  /** aria-rowindex: this row's place among all the matrix's rows (the header is 1). */
  rowIndex: number;
  rowRef?: Ref<HTMLTableRowElement>;
}) {
  const hint = t.groupHint(group.courtCount, group.currentCount);
  return (
    <tr data-testid={testId} data-group={group.code} className="pm-group" aria-rowindex={rowIndex} ref={rowRef}>
      <td className="pm-sticky pm-pick" />
      <td className="pm-sticky pm-rank" />
      <th scope="row" className="pm-sticky pm-court" title={hint}>
        <span className="pm-name-text" style={{ fontWeight: 700, display: 'block' }}>
          {label}
        </span>
      </th>
      <Cell cell={group.totals} section={label} testId={`${testId}-total`} sticky=" pm-sticky pm-total" />
      <DeltaCell points={deltaPoints(group)} />
      <td title={hint}>{group.code === 'own' ? '' : `${t.summaryReporting} ${t.percent(group.reportingRate)}`}</td>
      <td />
      <td />
      {group.cells.map((cell, index) => (
        <Cell key={index} cell={cell} section={board.sections[index]?.title ?? ''} testId={`${testId}-cell`} />
      ))}
    </tr>
  );
}

function OrdersCell({ court }: { court: ProvinceCourtRow }) {
  const count = court.orderCount ?? 0;
  const overdue = court.overdueOrderCount ?? 0;
  return (
    <td
      className={`pm-c${count === 0 ? ' pm-dim' : ''}${overdue > 0 ? ' pm-late' : ''}`}
      data-testid="province-orders"
      data-count={count}
      data-overdue={overdue}
      title={ot.orderCountHint}
    >
      {ot.orderCell(count, overdue)}
    </td>
  );
}

function PickCell({ court, picked, onPick }: { court: ProvinceCourtRow; picked: boolean; onPick(code: string): void }) {
  return (
    <td
      className="pm-sticky pm-pick"
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <input
        type="checkbox"
        className="pm-check"
        checked={picked}
        onChange={() => onPick(court.code)}
        aria-label={ot.select(court.name)}
        data-testid="province-pick"
      />
    </td>
  );
}

const CourtRow = memo(function CourtRow({
  court,
  board,
  picked,
  onPick,
  index,
  rowIndex,
  measureRef,
}: {
  court: ProvinceCourtRow;
  board: ProvinceBoard;
  picked: boolean;
  onPick(code: string): void;
  /** Its place among the courts shown (the virtualizer's index). */
  index: number;
  /** aria-rowindex: its place among all the matrix's rows. */
  rowIndex: number;
  measureRef?: (row: HTMLTableRowElement | null) => void;
}) {
  const standing = t.standing[court.standing];
  const hint =
    court.standing === 'stale'
      ? t.standingHint.stale(board.rules.staleDays)
      : court.standing === 'missing'
        ? t.standingHint.missing
        : court.standing === 'empty'
          ? t.standingHint.empty
          : undefined;
  const open = () => navigate(campaignRoute(board.campaignId, 'checklist', court.code));
  return (
    <tr
      className={`pm-row${picked ? ' pm-picked' : ''}`}
      onClick={open}
      onKeyDown={(event) => {
        if (event.key === 'Enter') open();
      }}
      tabIndex={0}
      ref={measureRef}
      data-index={index}
      aria-rowindex={rowIndex}
      data-testid="province-row"
      data-court={court.code}
      data-rank={court.rank ?? ''}
      data-standing={court.standing}
      title={t.rowHint}
      data-picked={picked || undefined}
    >
      <PickCell court={court} picked={picked} onPick={onPick} />
      <td className="pm-sticky pm-rank" data-testid="province-rank">
        {court.rank ?? (
          <span className="pm-unranked" title={hint}>
            {t.unranked}
          </span>
        )}
      </td>
      <th scope="row" className="pm-sticky pm-court">
        <div className="pm-name">
          <span
            className={`pm-name-text${court.standing === 'missing' ? ' pm-missing' : ''}`}
            data-testid="province-court-name"
            title={`${court.name}（${court.code}）`}
          >
            {court.name}
          </span>
          <span className="pm-level">{t.level[court.level] ?? ''}</span>
          {standing && (
            <Badge
              size="xs"
              color={court.standing === 'missing' ? 'red' : court.standing === 'stale' ? 'orange' : 'gray'}
              variant={court.standing === 'missing' ? 'filled' : 'light'}
              className="pm-badge"
              title={hint}
              data-testid="province-standing"
            >
              {standing}
            </Badge>
          )}
          {court.laggard && (
            <Badge
              size="xs"
              color="red"
              variant="filled"
              className="pm-badge"
              title={t.laggardHint}
              data-testid="province-laggard"
            >
              {t.laggard}
            </Badge>
          )}
          {!court.onRoster && (
            <Badge
              size="xs"
              color="gray"
              variant="outline"
              className="pm-badge"
              title={t.offRosterHint}
              data-testid="province-off-roster"
            >
              {t.offRoster}
            </Badge>
          )}
        </div>
      </th>
      <Cell cell={court.totals} section={t.total} testId="province-total" sticky=" pm-sticky pm-total" />
      <DeltaCell points={deltaPoints(court)} />
      <AgeCell court={court} />
      <OrdersCell court={court} />
      <td
        className={`pm-c${(court.criticismCount ?? 0) === 0 ? ' pm-dim' : ' pm-late'}`}
        data-testid="province-criticisms"
        title={ot.criticismCountHint}
      >
        {court.criticismCount ?? 0}
      </td>
      {court.cells.map((cell, index) => (
        <Cell
          key={board.sections[index]?.id ?? 'own'}
          cell={cell}
          section={board.sections[index]?.title ?? ''}
          testId="province-cell"
        />
      ))}
    </tr>
  );
});

/** A court row's height before it is measured (one line of text with its padding and border). */
const ROW_ESTIMATE = 35;
/** Court rows drawn beyond the window on each side: Tab and short scrolls find them ready. */
const OVERSCAN = 10;

/** The height of the court rows not drawn above (or below) those in view. */
function SpacerRow({ height, span }: { height: number; span: number }) {
  return (
    <tr aria-hidden="true" className="pm-spacer" data-testid="province-spacer">
      <td colSpan={span} style={{ height }} />
    </tr>
  );
}

export function groupLabel(board: ProvinceBoard, group: ProvinceGroup): string {
  if (group.code === '*') return t.provinceTotal(board.level);
  if (group.code === '') return t.directSubtotal;
  return t.subtotal(group.name);
}

export function MatrixTable({
  board,
  courts,
  pinned,
  subtotals,
  sort,
  onSort,
  picked,
  onPick,
  onPickAll,
  pickable = true,
}: {
  board: ProvinceBoard;
  courts: ProvinceCourtRow[];
  /** The total (or the chosen jurisdiction's subtotal) shown first. */
  pinned: ProvinceGroup;
  /** The jurisdictions' subtotals listed after the courts. */
  subtotals: ProvinceGroup[];
  sort: SortState;
  onSort(next: SortState): void;
  /** The courts chosen for a 督办单 or a 通报. */
  picked: ReadonlySet<string>;
  onPick(code: string): void;
  /** Every court shown chosen (true) or none (false). */
  onPickAll(all: boolean): void;
  /** false: no checkboxes (a person who may not issue orders or draft notices). */
  pickable?: boolean;
}) {
  const span = 8 + board.sections.length;
  const pickedShown = courts.filter((c) => picked.has(c.code)).length;
  const allPicked = courts.length > 0 && pickedShown === courts.length;

  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const pinnedRef = useRef<HTMLTableRowElement>(null);
  // The sticky header's height (rows scrolled in by the keyboard go below it) and where the first
  // court row starts in the scrolled content (below the header and the pinned row).
  const [offsets, setOffsets] = useState({ head: 0, courtsTop: 0 });
  useLayoutEffect(() => {
    const head = headRef.current;
    const pinnedRow = pinnedRef.current;
    if (!head || !pinnedRow) return;
    const measure = () => {
      const top = head.getBoundingClientRect().top;
      const next = {
        head: Math.round(head.offsetHeight),
        courtsTop: Math.round(pinnedRow.getBoundingClientRect().bottom - top),
      };
      setOffsets((old) => (old.head === next.head && old.courtsTop === next.courtsTop ? old : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(head);
    observer.observe(pinnedRow);
    return () => observer.disconnect();
  }, []);

  // Ctrl+P prints what is drawn: every court row while printing.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  const virtualizer = useVirtualizer({
    count: courts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => courts[index]?.code ?? index,
    overscan: OVERSCAN,
    scrollMargin: offsets.courtsTop,
    scrollPaddingStart: offsets.head,
    initialRect: { width: 1200, height: 600 },
  });
  const virtualRows = virtualizer.getVirtualItems();
  const shownRows = printing ? courts.map((_, index) => ({ index })) : virtualRows;
  const spaceAbove = printing || !virtualRows.length ? 0 : virtualRows[0].start - offsets.courtsTop;
  const spaceBelow =
    printing || !virtualRows.length
      ? 0
      : virtualizer.getTotalSize() - (virtualRows[virtualRows.length - 1].end - offsets.courtsTop);

  // The keyboard: a court row takes focus once it is drawn (it may first have to be scrolled in).
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const pendingFocus = useRef<number | null>(null);
  const rowAt = (index: number) => bodyRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`) ?? null;
  // Into view in the box (below its sticky header: the box's scroll-padding) and in the window.
  const reveal = (row: HTMLElement) => {
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  };
  useEffect(() => {
    if (pendingFocus.current === null) return;
    const row = rowAt(pendingFocus.current);
    if (row) {
      pendingFocus.current = null;
      reveal(row);
    }
  });
  const onRowKeys = useCallback(
    (event: KeyboardEvent<HTMLTableSectionElement>) => {
      const row = event.target as HTMLElement;
      if (row.tagName !== 'TR' || row.dataset.index === undefined || !courts.length) return;
      const index = Number(row.dataset.index);
      const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_ESTIMATE) - 2);
      const moves: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        PageDown: index + page,
        PageUp: index - page,
        Home: 0,
        End: courts.length - 1,
      };
      if (!(event.key in moves)) return;
      event.preventDefault();
      const next = Math.max(0, Math.min(courts.length - 1, moves[event.key]));
      const drawn = rowAt(next);
      if (drawn) {
        reveal(drawn);
      } else {
        // Not drawn yet: its estimated place scrolled into the middle of the box draws it, and the
        // effect above then focuses it. (The virtualizer's scrollToIndex would take the last court
        // to the very bottom of the box, past it to the subtotals below.)
        const [offset] = virtualizer.getOffsetForIndex(next, 'center') ?? [0];
        scrollRef.current?.scrollTo({ top: offset });
        pendingFocus.current = next;
      }
    },
    [courts.length, virtualizer],
  );

  // aria-rowindex: the header row is 1, the pinned row 2, the courts from 3, then the subtotals.
  const firstCourtRow = 3;
  const afterCourts = firstCourtRow + Math.max(courts.length, 1);
  const rowCount = afterCourts - 1 + (subtotals.length > 0 ? 1 + subtotals.length : 0);
  return (
    <Paper withBorder>
      <Box
        ref={scrollRef}
        className="pm-scroll"
        style={{ overflow: 'auto', maxHeight: 'calc(100vh - 300px)', minHeight: 200, scrollPaddingTop: offsets.head }}
        data-testid="province-scroll"
        tabIndex={0}
        aria-label={t.title}
      >
        <table
          className={`pm-table${pickable ? '' : ' pm-nopick'}`}
          data-testid="province-table"
          data-rows={courts.length}
          aria-rowcount={rowCount}
        >
          <thead ref={headRef}>
            <tr aria-rowindex={1}>
              <th className="pm-sticky pm-pick">
                <input
                  type="checkbox"
                  className="pm-check"
                  checked={allPicked}
                  ref={(box) => {
                    if (box) box.indeterminate = pickedShown > 0 && !allPicked;
                  }}
                  onChange={() => onPickAll(!allPicked)}
                  aria-label={ot.selectAll}
                  disabled={courts.length === 0}
                  data-testid="province-pick-all"
                />
              </th>
              <SortHeader
                label={t.rank}
                sortKey="rank"
                sort={sort}
                onSort={onSort}
                className="pm-sticky pm-rank"
                testId="province-head-rank"
              />
              <SortHeader
                label={t.court}
                sortKey="name"
                sort={sort}
                onSort={onSort}
                className="pm-sticky pm-court"
                testId="province-head-name"
              />
              <SortHeader
                label={t.total}
                sortKey="total"
                sort={sort}
                onSort={onSort}
                className="pm-sticky pm-total pm-c"
                testId="province-head-total"
              />
              <SortHeader
                label={t.delta}
                sortKey="delta"
                sort={sort}
                onSort={onSort}
                className="pm-c"
                testId="province-head-delta"
                title={t.deltaHint(board.previousPeriod.start, board.previousPeriod.end)}
              />
              <SortHeader label={t.reportedAt} sortKey="age" sort={sort} onSort={onSort} testId="province-head-age" />
              <SortHeader
                label={ot.orderCount}
                sortKey="orders"
                sort={sort}
                onSort={onSort}
                className="pm-c"
                testId="province-head-orders"
                title={ot.orderCountHint}
              />
              <SortHeader
                label={ot.criticismCount}
                sortKey="criticisms"
                sort={sort}
                onSort={onSort}
                className="pm-c"
                testId="province-head-criticisms"
                title={ot.criticismCountHint}
              />
              {board.sections.map((section, index) => (
                <SortHeader
                  key={section.id ?? 'own'}
                  label={section.title}
                  sortKey={`s${index}`}
                  sort={sort}
                  onSort={onSort}
                  className="pm-sec"
                  testId="province-section"
                />
              ))}
            </tr>
          </thead>
          <tbody ref={bodyRef} onKeyDown={onRowKeys}>
            <GroupRow
              group={pinned}
              label={groupLabel(board, pinned)}
              board={board}
              testId="province-pinned"
              rowIndex={2}
              rowRef={pinnedRef}
            />
            {spaceAbove > 0 && <SpacerRow height={spaceAbove} span={span} />}
            {shownRows.map(({ index }) => {
              const court = courts[index];
              return (
                <CourtRow
                  key={court.code}
                  court={court}
                  board={board}
                  picked={picked.has(court.code)}
                  onPick={onPick}
                  index={index}
                  rowIndex={firstCourtRow + index}
                  measureRef={printing ? undefined : virtualizer.measureElement}
                />
              );
            })}
            {spaceBelow > 0 && <SpacerRow height={spaceBelow} span={span} />}
            {courts.length === 0 && (
              <tr aria-rowindex={firstCourtRow}>
                <td colSpan={span} className="pm-c pm-dim" style={{ padding: 16 }}>
                  {t.noneShown}
                </td>
              </tr>
            )}
            {subtotals.length > 0 && (
              <tr aria-rowindex={afterCourts}>
                <td colSpan={span} style={{ background: 'var(--mantine-color-gray-0)', fontWeight: 700 }}>
                  <span style={{ position: 'sticky', left: 8 }}>{t.subtotalsHeading}</span>
                </td>
              </tr>
            )}
            {subtotals.map((group, index) => (
              <GroupRow
                key={group.code}
                group={group}
                label={group.code === 'own' ? t.ownRow(group.name) : groupLabel(board, group)}
                board={board}
                testId="province-subtotal"
                rowIndex={afterCourts + 1 + index}
              />
            ))}
          </tbody>
        </table>
      </Box>
    </Paper>
  );
}
