// Data shapes shared by several features: the parts every record has, traffic lights, a checked
// row of an imported sheet. Plain data that crosses the process boundary: no SQL, no Node types.

export const lights = ['green', 'yellow', 'red', 'none'] as const;
/** Traffic light: green on track (or done), yellow due soon, red overdue, none without deadline. */
export type Light = (typeof lights)[number];

export interface Owned {
  id: string;
  origin: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const escalationTargets = ['owner', 'department_head', 'lead_leader'] as const;
/** Whom a colour is escalated to: the owner, the department head, or the lead court leader. */
export type EscalationTarget = (typeof escalationTargets)[number];

export interface LightRules {
  yellowDays: number;
  escalateGreen: EscalationTarget;
  escalateYellow: EscalationTarget;
  escalateRed: EscalationTarget;
  /** Months after sign-off when a ledger measure is re-checked (回头看). */
  lookbackMonths: number;
}

export const lightRecordKinds = ['item', 'measure', 'lookback'] as const;
export type LightRecordKind = (typeof lightRecordKinds)[number];

/** One stretch of one colour in a record's history; `until` null while it lasts. */
export interface LightSpan {
  light: 'green' | 'yellow' | 'red';
  since: string;
  until: string | null;
}

/** One row of an imported sheet as read, with what is wrong with it in Chinese (empty: good). */
export interface ImportRowCheck {
  /** The row's number in the sheet, as Excel shows it (1-based). */
  rowNumber: number;
  errors: string[];
}
