// The item table: as long as the filtered list, but only the ~30 visible rows are rendered, as
// plain elements (no Mantine components per row), and only their windows are read (the page asks
// for the range this table reports); a row whose window is still on its way shows as a placeholder. A copy of a
// superior's mandatory item says 上级下发 in the kind column; another court's list has no selection.
import { memo, useCallback, useEffect, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ItemRow } from '../../shared/model';
import { completedLateText, itemKindText, itemStatusText, lightShortText } from '../common/text';
import { campaignText as t } from './text';
import { HighlightTag } from '../writtenSummary/HighlightToggle';

export type SortKey =
  | 'number'
  | 'title'
  | 'kind'
  | 'leadLeader'
  | 'departmentName'
  | 'owner'
  | 'deadline'
  | 'status'
  | 'percent'
  | 'light'
  | 'evidenceCount';
export interface SortState {
  key: SortKey;
  desc: boolean;
}

const ROW_HEIGHT = 40;
const columns: Array<{ key: SortKey; label: string }> = [
  { key: 'number', label: t.colNumber },
  { key: 'title', label: t.colTitle },
  { key: 'kind', label: t.colKind },
  { key: 'leadLeader', label: t.colLeader },
  { key: 'departmentName', label: t.colDepartment },
  { key: 'owner', label: t.colOwner },
  { key: 'deadline', label: t.colDeadline },
  { key: 'status', label: t.colStatus },
  { key: 'percent', label: t.colProgress },
  { key: 'light', label: t.colLight },
  { key: 'evidenceCount', label: t.colEvidence },
];

interface Props {
  /** Rows matching the filters. */
  total: number;
  /** The row at an index, or undefined while its window loads. */
  rowAt(index: number): ItemRow | undefined;
  /** Called with the rendered rows' index range whenever it changes. */
  onRange(first: number, last: number): void;
  selected: ReadonlySet<string>;
  /** Whether every row matching the filters is selected (the header checkbox), or only some. */
  allChecked: boolean;
  someChecked: boolean;
  activeId: string | null;
  sort: SortState | null;
  emptyText: string;
  height: number | string;
  /** False on another court's (read-only) list: no checkboxes, nothing to act on. */
  selectable?: boolean;
  onSort(key: SortKey): void;
  onToggle(id: string): void;
  onToggleAll(): void;
  onOpen(id: string): void;
}

export function ItemTable({
  total,
  rowAt,
  onRange,
  selected,
  allChecked,
  someChecked,
  activeId,
  sort,
  emptyText,
  height,
  selectable = true,
  onSort,
  onToggle,
  onToggleAll,
  onOpen,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 1000, height: 800 },
  });

  const virtualRows = virtualizer.getVirtualItems();
  const firstIndex = virtualRows[0]?.index ?? 0;
  const lastIndex = virtualRows[virtualRows.length - 1]?.index ?? 0;
  useEffect(() => onRange(firstIndex, lastIndex), [onRange, firstIndex, lastIndex]);

  const rowFromEvent = (event: { target: EventTarget }) =>
    (event.target as HTMLElement).closest<HTMLElement>('[data-item-id]');
  const onClick = useCallback(
    (event: MouseEvent<HTMLDivElement>) => {
      const row = rowFromEvent(event);
      if (!row) return;
      const id = row.dataset.itemId!;
      if ((event.target as HTMLElement).closest('.it-check')) {
        if (selectable) onToggle(id);
        return;
      }
      onOpen(id);
    },
    [onOpen, onToggle, selectable],
  );
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const row = rowFromEvent(event);
      if (!row || (event.target as HTMLElement).tagName === 'INPUT') return;
      if (event.key === 'Enter') onOpen(row.dataset.itemId!);
      if (event.key === ' ' && selectable) {
        event.preventDefault();
        onToggle(row.dataset.itemId!);
      }
    },
    [onOpen, onToggle, selectable],
  );

  return (
    <div className="it-wrap" style={{ height }} data-testid="item-table">
      <div className="it-scroll" ref={scrollRef}>
        <div className="it-grid it-head">
          <div className="it-check">
            {selectable && (
              <input
                type="checkbox"
                aria-label={t.selectAll}
                title={t.selectAll}
                checked={allChecked}
                ref={(el) => {
                  if (el) el.indeterminate = someChecked;
                }}
                onChange={onToggleAll}
                disabled={total === 0}
                data-testid="select-all"
              />
            )}
          </div>
          {columns.map((column) => (
            <div
              key={column.key}
              className="it-sort"
              role="button"
              tabIndex={0}
              onClick={() => onSort(column.key)}
              onKeyDown={(e) => e.key === 'Enter' && onSort(column.key)}
              data-testid={`sort-${column.key}`}
            >
              {column.label}
              {sort?.key === column.key && <span className="it-sort-mark">{sort.desc ? '▼' : '▲'}</span>}
            </div>
          ))}
        </div>
        {total === 0 ? (
          <div className="it-empty">{emptyText}</div>
        ) : (
          <div
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
            onClick={onClick}
            onKeyDown={onKeyDown}
          >
            {virtualRows.map((virtual) => {
              const row = rowAt(virtual.index);
              if (!row) return <LoadingRow key={`loading-${virtual.index}`} top={virtual.start} />;
              return (
                <Row
                  key={row.id}
                  row={row}
                  top={virtual.start}
                  checked={selected.has(row.id)}
                  active={row.id === activeId}
                  selectable={selectable}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}

const Row = memo(function Row({
  row,
  top,
  checked,
  active,
  selectable,
}: {
  row: ItemRow;
  top: number;
  checked: boolean;
  active: boolean;
  selectable: boolean;
}) {
  return (
    <div
      className={`it-row it-grid${checked ? ' is-selected' : ''}${active ? ' is-active' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-testid="item-row"
      data-item-id={row.id}
      tabIndex={0}
    >
      <div className="it-check">
        {selectable && (
          <input type="checkbox" checked={checked} aria-label={t.selectRow} onChange={noop} data-testid="row-check" />
        )}
      </div>
      <div className="it-num it-seq">{row.number}</div>
      <div className="it-title" title={row.title}>
        {row.highlight && <HighlightTag />}
        {row.title}
      </div>
      <div>
        {row.sourceItemId ? (
          <span className={`it-kind ${row.kind}`} title={t.issuedItemHint} data-testid="row-issued">
            {t.issuedItem}
          </span>
        ) : (
          <span className={`it-kind ${row.kind}`}>{itemKindText[row.kind]}</span>
        )}
      </div>
      <div title={row.leadLeader}>{row.leadLeader || <span className="it-muted">—</span>}</div>
      <div title={row.departmentName}>{row.departmentName || <span className="it-muted">—</span>}</div>
      <div title={row.owner}>{row.owner || <span className="it-muted">—</span>}</div>
      <div className="it-num">{row.deadline ?? <span className="it-muted">—</span>}</div>
      <div>
        <span className={`it-status st-${row.status}`}>{itemStatusText[row.status]}</span>
      </div>
      <div className="it-bar">
        <div className="it-bar-track">
          <div className="it-bar-fill" style={{ width: `${row.percent}%` }} />
        </div>
        <span className="it-bar-text">{row.percent}%</span>
      </div>
      <div className="it-light" title={lightShortText[row.light]} data-light={row.light}>
        <span className={`dot dot-${row.light}`} role="img" aria-label={lightShortText[row.light]} />
        {row.completedLate ? (
          <span className="late-tag">{completedLateText}</span>
        ) : (
          // Red now says it already; 逾期完成 implies it. Otherwise the past red is easy to miss.
          row.wasRed &&
          row.light !== 'red' && (
            <span className="late-tag" title={t.wasRedHint} data-testid="row-was-red">
              {t.wasRed}
            </span>
          )
        )}
      </div>
      <div className="it-num">{row.evidenceCount || <span className="it-muted">0</span>}</div>
    </div>
  );
});

const loadingBar = {
  gridColumn: '2 / -1',
  alignSelf: 'center',
  height: 12,
  borderRadius: 4,
  background: '#eef1f4',
} as const;

/** A row whose window is on its way: the row's shape, no content, not focusable. */
function LoadingRow({ top }: { top: number }) {
  return (
    <div
      className="it-row it-grid"
      style={{ transform: `translateY(${top}px)`, cursor: 'default' }}
      aria-busy="true"
      aria-label={t.rowLoading}
      data-testid="item-row-loading"
    >
      <div className="it-check" />
      <div style={loadingBar} />
    </div>
  );
}

function noop() {}
