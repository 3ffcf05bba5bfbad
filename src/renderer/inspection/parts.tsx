// Small pieces shared by the inspection screens: the status badge, catalogue look-ups and the
// "may this account work on that department's report" rule as the UI applies it.
import { Badge } from '@mantine/core';
import type { InspectionStatus, ProblemCatalogue, Role, SessionUser } from '../../shared/model';
import { inspectionStatusColor, inspectionStatusText } from './text';

export function StatusBadge({ status, testId }: { status: InspectionStatus; testId?: string }) {
  return (
    <Badge
      color={inspectionStatusColor[status]}
      variant={status === 'accepted' ? 'filled' : 'light'}
      radius="sm"
      data-testid={testId}
    >
      {inspectionStatusText[status]}
    </Badge>
  );
}

export interface ProblemInfo {
  number: number;
  title: string;
  aspectNumber: string;
  aspectTitle: string;
}

/** Catalogue problems by id, with their aspect, for labels like "3. 学习贯彻不深入". */
export function problemIndex(catalogue: ProblemCatalogue | null): Map<string, ProblemInfo> {
  const index = new Map<string, ProblemInfo>();
  for (const aspect of catalogue?.aspects ?? []) {
    for (const problem of aspect.problems) {
      index.set(problem.id, {
        number: problem.number,
        title: problem.title,
        aspectNumber: aspect.number,
        aspectTitle: aspect.title,
      });
    }
  }
  return index;
}

export function problemLabel(info: ProblemInfo): string {
  return `${info.number}. ${info.title}`;
}

/**
 * Whether this account may change a report or ledger entry of that department. The main process
 * decides; this only keeps buttons away from people who would be refused.
 */
export function canWorkFor(
  user: SessionUser,
  can: (...roles: Role[]) => boolean,
  departmentId: string | null,
): boolean {
  if (can('admin', 'reviewer')) return true;
  return can('filer') && departmentId !== null && departmentId === user.departmentId;
}
