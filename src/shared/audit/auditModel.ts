// The audit log and the court's integrity check. Plain data that crosses the process boundary.

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  court: string;
  operation: string;
  tableName: string;
  rowId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditProblem {
  /** The audit entry concerned; 0 for problems of the database file or of evidence files. */
  seq: number;
  kind: 'edited' | 'inserted' | 'deleted' | 'head' | 'database' | 'evidence-missing' | 'evidence-damaged';
  message: string;
}

/** The court's integrity check: database file, audit chain, evidence files. */
export interface AuditVerifyResult {
  ok: boolean;
  /** Audit entries checked. */
  checked: number;
  /** Distinct evidence files checked (every one a live record cites). */
  evidenceChecked?: number;
  problems: AuditProblem[];
  /** A court rebuilt from a 恢复包: its chain starts after the head its parent court witnessed
   * (entries before it were lost with the old data folder). Information, not a fault. */
  anchor?: { seq: number; at: string; from: string; message: string };
}
