// 恢复包: rebuilding a court from what its parent court holds after a disk failure with no backup.
// The reinstalled court writes a 恢复申请 (its new public keys), the parent checks the new key's
// fingerprint by phone, exports a 恢复包 sealed to that key and retires the old one; the court
// imports it and continues its sequence. Plain data that crosses the process boundary.

/** The 恢复申请 file written by the reinstalled court, to carry to the parent court. */
export interface RecoveryRequestFile {
  fileName: string;
  path: string;
  courtCode: string;
  courtName: string;
  /** The new key's fingerprint, read out to the parent court by phone. */
  fingerprint: string;
  requestedAt: string;
}

/** A request already made on this computer, so the set-up screen continues where it left off. */
export interface PendingRecovery {
  courtCode: string;
  courtName: string;
  fingerprint: string;
  requestedAt: string;
}

export interface RecoveryCampaignHolding {
  title: string;
  items: number;
}

/** At the parent: what a 恢复申请 asks for, and what this court holds of the requesting court. */
export interface RecoveryRequestView {
  courtCode: string;
  courtName: string;
  /** The new key's fingerprint as the request states it; compare it with what the clerk reads. */
  fingerprint: string;
  requestedAt: string;
  /** Why this court cannot make the package (not a court it receives reports from, …); null: it can. */
  refusal: string | null;
  held: {
    name: string;
    level: string;
    /** The key now trusted for it (to be retired). */
    currentFingerprint: string;
    lastSeq: number;
    lastReportAt: string | null;
    rows: number;
    evidenceFiles: number;
    campaigns: RecoveryCampaignHolding[];
  } | null;
}

/** At the parent: the 恢复包 written. */
export interface RecoveryPackageFile {
  fileName: string;
  path: string;
  bytes: number;
  rows: number;
  files: number;
  courtCode: string;
  courtName: string;
  /** The fingerprint of the key retired by this export. */
  retiredFingerprint: string;
  newFingerprint: string;
}

/** At the reinstalled court: what a 恢复包 holds, before importing it. */
export interface RecoveryPreview {
  court: { code: string; name: string; level: string; parentCode: string; parentName: string };
  parent: { code: string; name: string; fingerprint: string };
  rows: number;
  files: number;
  campaigns: RecoveryCampaignHolding[];
  /** The last report of this court the parent holds: the next one continues after it. */
  lastSeq: number;
  createdAt: string;
}

export interface RecoveryImportResult {
  courtCode: string;
  courtName: string;
  rows: number;
  files: number;
  /** The number the court's next report up to its parent will carry. */
  nextSeq: number;
}
