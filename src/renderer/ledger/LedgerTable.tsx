// The ledger table, ruled as the paper ledger is: a finding's 序号 and 问题 cells span the rows
// of its measures. Plain elements (no Mantine component per cell) so hundreds of rows stay quick.
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import { ActionIcon, Button } from '@mantine/core';
import { IconEdit, IconPlus } from '@tabler/icons-react';
import type { LedgerFinding, LedgerMeasure, LedgerRow } from '../../shared/model';
import { completedLateText, lightShortText } from '../common/text';
import { formatDate } from '../lib/dates';
import { ledgerSourceColor, ledgerSourceText, ledgerText as t, measureStatusText, measureStatusTone } from './text';

export interface FindingGroup {
  finding: LedgerFinding;
  measures: LedgerMeasure[];
}

/** Consecutive rows of one finding become one group, in the order the server gave them. */
export function groupRows(rows: LedgerRow[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const byId = new Map<string, FindingGroup>();
  for (const row of rows) {
    let group = byId.get(row.finding.id);
    if (!group) {
      group = { finding: row.finding, measures: [] };
      byId.set(row.finding.id, group);
      groups.push(group);
    }
    if (row.measure) group.measures.push(row.measure);
  }
  return groups;
}

interface Props {
  groups: FindingGroup[];
  /** Measures closed of total per finding (from the closure figures), for the finding cell. */
  findingStats: Map<string, { measures: number; closedMeasures: number }>;
  activeMeasureId: string | null;
  emptyText: string;
  maxHeight: string;
  canWorkOn(departmentId: string | null): boolean;
  onOpenMeasure(id: string): void;
  onAddMeasure(finding: LedgerFinding): void;
  onEditFinding(finding: LedgerFinding): void;
}

export function LedgerTable({
  groups,
  findingStats,
  activeMeasureId,
  emptyText,
  maxHeight,
  canWorkOn,
  onOpenMeasure,
  onAddMeasure,
  onEditFinding,
}: Props) {
  const measureFrom = (event: { target: EventTarget }) => {
    const target = event.target as HTMLElement;
    // Clicks in the spanning finding cells belong to the finding, not to its first measure.
    if (target.closest('.lg-f')) return null;
    return target.closest<HTMLElement>('[data-measure-id]')?.dataset.measureId ?? null;
  };
  const onClick = (event: MouseEvent<HTMLTableSectionElement>) => {
    const id = measureFrom(event);
    if (id) onOpenMeasure(id);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (event.key !== 'Enter') return;
    const id = (event.target as HTMLElement).dataset.measureId;
    if (id) onOpenMeasure(id);
  };

  return (
    <div className="lg-wrap" style={{ maxHeight }} data-testid="ledger-table">
      <table className="lg-table">
        <colgroup>
          <col style={{ width: 50 }} />
          <col style={{ width: '27%' }} />
          <col />
          <col style={{ width: 76 }} />
          <col style={{ width: 96 }} />
          <col style={{ width: 96 }} />
          <col style={{ width: 112 }} />
          <col style={{ width: 84 }} />
          <col style={{ width: 50 }} />
          <col style={{ width: 100 }} />
        </colgroup>
        <thead>
          <tr>
            <th style={{ textAlign: 'center' }}>{t.colNumber}</th>
            <th>{t.colFinding}</th>
            <th>{t.colMeasure}</th>
            <th>{t.colOwner}</th>
            <th>{t.colDepartment}</th>
            <th>{t.colDeadline}</th>
            <th>{t.colStatus}</th>
            <th>{t.colLight}</th>
            <th>{t.colEvidence}</th>
            <th>{t.colNextLookback}</th>
          </tr>
        </thead>
        {groups.length === 0 ? (
          <tbody>
            <tr>
              <td colSpan={10} className="lg-empty" data-testid="ledger-empty">
                {emptyText}
              </td>
            </tr>
          </tbody>
        ) : (
          <tbody onClick={onClick} onKeyDown={onKeyDown}>
            {groups.map((group) => (
              <GroupRows
                key={group.finding.id}
                group={group}
                stats={findingStats.get(group.finding.id)}
                canWork={canWorkOn(group.finding.departmentId)}
                // Only the group holding the open measure re-renders when it changes.
                activeId={
                  activeMeasureId && group.measures.some((m) => m.id === activeMeasureId) ? activeMeasureId : null
                }
                onAddMeasure={onAddMeasure}
                onEditFinding={onEditFinding}
              />
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}

const GroupRows = memo(function GroupRows({
  group,
  stats,
  canWork,
  activeId,
  onAddMeasure,
  onEditFinding,
}: {
  group: FindingGroup;
  stats: { measures: number; closedMeasures: number } | undefined;
  canWork: boolean;
  activeId: string | null;
  onAddMeasure(finding: LedgerFinding): void;
  onEditFinding(finding: LedgerFinding): void;
}) {
  const span = Math.max(group.measures.length, 1);
  const findingCells = (
    <>
      <td rowSpan={span} className="lg-f lg-seq">
        {group.finding.number}
      </td>
      <td rowSpan={span} className="lg-f" data-testid="finding-cell">
        <FindingCell
          finding={group.finding}
          stats={stats}
          canWork={canWork}
          onAddMeasure={onAddMeasure}
          onEditFinding={onEditFinding}
        />
      </td>
    </>
  );
  if (group.measures.length === 0) {
    return (
      <tr className="lg-last" data-testid="finding-row" data-finding-id={group.finding.id}>
        {findingCells}
        <td colSpan={8} className="lg-none">
          {t.noMeasureYet}
        </td>
      </tr>
    );
  }
  return (
    <>
      {group.measures.map((measure, index) => (
        <tr
          key={measure.id}
          className={`lg-m${index === group.measures.length - 1 ? ' lg-last' : ''}${measure.id === activeId ? ' is-active' : ''}`}
          data-testid="measure-row"
          data-measure-id={measure.id}
          data-finding-id={group.finding.id}
          tabIndex={0}
        >
          {index === 0 && findingCells}
          <MeasureCells measure={measure} />
        </tr>
      ))}
    </>
  );
});

function FindingCell({
  finding,
  stats,
  canWork,
  onAddMeasure,
  onEditFinding,
}: {
  finding: LedgerFinding;
  stats: { measures: number; closedMeasures: number } | undefined;
  canWork: boolean;
  onAddMeasure(finding: LedgerFinding): void;
  onEditFinding(finding: LedgerFinding): void;
}) {
  return (
    <>
      <div>
        <span className="lg-src" style={{ color: `var(--mantine-color-${ledgerSourceColor[finding.source]}-8)` }}>
          {ledgerSourceText[finding.source]}
        </span>
        {finding.reference && <span className="lg-ref">{finding.reference}</span>}
      </div>
      <div className="lg-ftitle" style={{ marginTop: 3 }} data-testid="finding-title">
        {finding.title}
      </div>
      <div className="lg-fmeta">
        {finding.closed ? (
          <span className="lg-closed">{t.findingClosed}</span>
        ) : (
          stats && stats.measures > 0 && <span>{t.measureCount(stats.closedMeasures, stats.measures)}</span>
        )}
        {finding.departmentName && <span>{finding.departmentName}</span>}
        {canWork && (
          <span style={{ marginLeft: 'auto', display: 'inline-flex', alignItems: 'center', gap: 2 }}>
            <Button
              size="compact-xs"
              variant="light"
              leftSection={<IconPlus size={12} />}
              onClick={() => onAddMeasure(finding)}
              data-testid="add-measure"
            >
              {t.addMeasure}
            </Button>
            {/* A plain title, not a Tooltip: one per finding adds up on a ledger of hundreds. */}
            <ActionIcon
              size="sm"
              variant="subtle"
              color="gray"
              onClick={() => onEditFinding(finding)}
              title={t.editFinding}
              aria-label={t.editFinding}
              data-testid="edit-finding"
            >
              <IconEdit size={14} />
            </ActionIcon>
          </span>
        )}
      </div>
    </>
  );
}

function MeasureCells({ measure }: { measure: LedgerMeasure }) {
  const lightTitle = measure.escalateTo
    ? `${lightShortText[measure.light]}　${t.escalateTo(measure.escalateTo)}`
    : lightShortText[measure.light];
  return (
    <>
      <td>
        <div className="lg-mtext" title={measure.text}>
          {measure.longTerm && <span className="lg-lt">{t.longTerm}</span>}
          {measure.text}
        </div>
      </td>
      <td>{measure.owner || <span className="lg-muted">—</span>}</td>
      <td>{measure.departmentName || <span className="lg-muted">—</span>}</td>
      <td className={`lg-num${measure.light === 'red' ? ' lg-late' : ''}`}>
        {measure.longTerm && !measure.deadline ? (
          <span className="lg-muted">{t.longTerm}</span>
        ) : (
          formatDate(measure.deadline) || <span className="lg-muted">—</span>
        )}
      </td>
      <td>
        <span className={`lg-st lg-st-${measureStatusTone[measure.status]}`} data-testid="measure-row-status">
          {measureStatusText[measure.status]}
        </span>
      </td>
      <td>
        <div className="lg-light" title={lightTitle} data-light={measure.light} data-testid="measure-row-light">
          <span className={`dot dot-${measure.light}`} role="img" aria-label={lightTitle} />
          {/* Only worth saying once it is no longer red. */}
          {measure.wasRed && measure.light !== 'red' && <span className="lg-wasred">{t.wasRed}</span>}
          {measure.completedLate && <span className="late-tag">{completedLateText}</span>}
        </div>
      </td>
      <td className="lg-num" data-testid="measure-row-evidence">
        {measure.evidenceCount || <span className="lg-muted">0</span>}
      </td>
      <td className="lg-num">{formatDate(measure.nextLookback) || <span className="lg-muted">—</span>}</td>
    </>
  );
}
