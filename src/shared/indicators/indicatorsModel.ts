// Indicators (指标) and their period values, and a value sheet imported from a workbook. Plain data
// that crosses the process boundary.
import type { ImportRowCheck } from '../common/commonModel';

export const indicatorLines = [
  'filing',
  'criminal',
  'civil_commercial',
  'ip',
  'administrative',
  'enforcement',
  'general',
] as const;
export type IndicatorLine = (typeof indicatorLines)[number];

export const indicatorUnits = ['percent', 'cases', 'days', 'yuan'] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

export const indicatorDirections = ['up', 'down'] as const;
/** up: higher is better (正向); down: lower is better (负向). */
export type IndicatorDirection = (typeof indicatorDirections)[number];

export const indicatorPeriodKinds = ['monthly', 'quarterly'] as const;
export type IndicatorPeriodKind = (typeof indicatorPeriodKinds)[number];

/** met: target reached; close: within the close margin of it; missed: further off. */
export type Attainment = 'met' | 'close' | 'missed';

export interface IndicatorValue {
  id: string;
  origin: string;
  version: number;
  indicatorId: string;
  /** 2026-03 (monthly) or 2026-Q1 (quarterly). */
  period: string;
  value: number;
  note: string;
  evidenceName: string | null;
  /** 录入人: the display name of the account that last wrote the value ('' for values from before it was kept). */
  enteredBy: string;
  attainment: Attainment | null;
  /** The value of the same period a year earlier, when held. */
  lastYear: number | null;
  /** value − lastYear, in the indicator's unit (percentage points for %). */
  changeFromLastYear: number | null;
  updatedAt: string;
}

export interface IndicatorRow {
  id: string;
  origin: string;
  version: number;
  campaignId: string;
  name: string;
  line: IndicatorLine;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  target: number | null;
  period: IndicatorPeriodKind;
  rankingGoal: string;
  sortOrder: number;
  /** Issued by a superior: only its values are this court's to enter. */
  issued: boolean;
  /** This court's (or the viewed court's) values, oldest period first. */
  values: IndicatorValue[];
  latest: IndicatorValue | null;
  /** Compared with the previous period: better, worse or the same, respecting direction. */
  trend: 'better' | 'worse' | 'same' | null;
}

export interface IndicatorImportRow extends ImportRowCheck {
  indicatorName: string;
  /** The matched indicator; null when no indicator of the campaign has that name. */
  indicatorId: string | null;
  period: string;
  value: number | null;
  note: string;
  /** A value for this period is already held and would be replaced. */
  replaces: boolean;
}

/** indicators.importValues: the rows read and, after confirm, how many were written. */
export interface IndicatorImport {
  fileName: string;
  rows: IndicatorImportRow[];
  goodRows: number;
  badRows: number;
  /** null for a preview. */
  written: number | null;
}
