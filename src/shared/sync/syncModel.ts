// Sync bundles between courts: trusted courts, the overview, what an import or export did, and
// the history. Plain data that crosses the process boundary.

export type BundleKind = 'report_up' | 'package_down';

export type TrustRelation = 'superior' | 'subordinate' | 'relayed';

/** A court whose bundles this installation accepts. */
export interface TrustedCourt {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  relation: TrustRelation;
  /** Read over the phone: eight groups of five digits. */
  fingerprint: string;
  trustedAt: string;
  /** Who confirmed the fingerprint here, or 经 <code> 转报 when a relaying court vouched for it. */
  trustedBy: string;
  vouchedBy: string | null;
  lastSeq: number;
  lastBundleAt: string | null;
  lastImportedAt: string | null;
  /** 审计日志与上次上报不一致: what the witness found, or null. */
  auditAlert: string | null;
}

export interface SyncOverview {
  court: { code: string; name: string; level: string; parentCode: string | null; parentName: string | null };
  fingerprint: string;
  /** The parent court's trusted entry once a package down from it was imported (bundles up are then encrypted). */
  parent: TrustedCourt | null;
  /** The sequence number the next report-up bundle will carry. */
  nextSeq: number;
  lastExport: { seq: number; at: string; fileName: string; full: boolean } | null;
  /** Own changes not yet in any bundle to the parent. */
  pendingChanges: number;
  /** Subordinates' bundles imported and not yet forwarded upward. */
  pendingRelays: number;
  defaultFolder: string;
  /** Removable drives and the like found on this computer, offered as export folders. */
  drives: { path: string; label: string }[];
  /** Campaigns a superior issued whose package this court holds and may pass down (转发). */
  relayable: RelayableCampaign[];
}

/** A superior's campaign this court can pass down to its subordinates. */
export interface RelayableCampaign {
  campaignId: string;
  title: string;
  superior: { code: string; name: string };
  /** The newest package of the superior held here: its number and when it was written. */
  superiorSeq: number;
  superiorCreatedAt: string | null;
  receivedAt: string;
  /** This court's last pass-down of the campaign, or null when never passed down. */
  lastPassedDown: { seq: number; at: string; superiorSeq: number | null } | null;
  /** A newer superior package arrived since the last pass-down (or it was never passed down). */
  newerSincePassedDown: boolean;
}

/** New / updated / unchanged / older rows of one court in one campaign (campaignId null: court-wide rows). */
export interface SyncChangeCount {
  courtCode: string;
  courtName: string;
  campaignId: string | null;
  campaignTitle: string;
  added: number;
  updated: number;
  unchanged: number;
  older: number;
}

export interface BundleSummary {
  kind: BundleKind;
  full: boolean;
  source: { code: string; name: string; fingerprint: string };
  target: { code: string; name: string };
  seq: number;
  changeFrom: number;
  changeThrough: number;
  createdAt: string;
  encrypted: boolean;
  rows: number;
  files: number;
  /** Other courts' own signed bundles carried inside (relay), each verified on its own. */
  nested: NestedBundleSummary[];
  campaign: { id: string; title: string } | null;
}

/**
 * What a nested bundle is, for the screens: 'subordinate_report' a subordinate's report up relayed
 * (下级法院同步包); 'superior_package' the superior's own broadcast package passed down
 * (上级法院的原始下发包); 'addressed_package' a sealed package addressed to one court (督导意见),
 * the superior's or this court's, carried down the path to that court.
 */
export type NestedRole = 'subordinate_report' | 'superior_package' | 'addressed_package';

export interface NestedBundleSummary {
  role: NestedRole;
  kind: BundleKind;
  source: { code: string; name: string };
  /** Its addressee: a court, or { code: '*', name: '各下级法院' } for a broadcast package. */
  target: { code: string; name: string };
  seq: number;
  full: boolean;
  rows: number;
  files: number;
}

/** A direct sender of a report up that is not on this court's roster (不在本院应报名单中). */
export interface NotOnRosterCourt {
  code: string;
  name: string;
  level: string;
  parentCode: string;
}

/** What an import did (or, for a preview, would do). */
export interface ImportReport {
  dryRun: boolean;
  /** 'imported': changes written; 'unchanged': nothing to do (e.g. the same bundle again). */
  outcome: 'imported' | 'unchanged';
  bundle: BundleSummary;
  /** Courts met for the first time: a person must compare these fingerprints before importing.
   * `replacesVouched`: a relay had vouched for a key of this court; the confirmed one replaces it. */
  needsTrust: { code: string; name: string; level: string; fingerprint: string; replacesVouched?: boolean }[];
  /** Courts whose keys this import would trust because the court relaying their bundles vouches for them. */
  newlyVouched: {
    code: string;
    name: string;
    level: string;
    fingerprint: string;
    vouchedBy: { code: string; name: string };
  }[];
  /** Subordinates whose audit log no longer agrees with what they reported before (the witness). */
  auditAlerts: { code: string; name: string; message: string }[];
  /** Evidence files that were missing or damaged here and were restored from the bundle. */
  restoredFiles: number;
  changes: SyncChangeCount[];
  totals: { added: number; updated: number; unchanged: number; older: number; files: number };
  /** Mandatory items created or updated in this court's own checklist from a package down. */
  materialized: { added: number; updated: number; removed: number };
  /** Direct senders not on this court's roster: importable only when named in `addToRoster`. */
  notOnRoster: NotOnRosterCourt[];
  /** Senders on the roster as 已撤并: still imported (their history), said so in the preview. */
  mergedOnRoster: { code: string; name: string; mergedAt: string }[];
  /** Courts this import adds (or, for a preview, would add) to the roster: named by a person
   * ('manual') or first seen through a relay ('relay'). */
  addedToRoster: { code: string; name: string; level: string; parentCode: string; addedBy: 'manual' | 'relay' }[];
  /** This very bundle was imported before: nothing to record. A new bundle without changes is
   * still imported (its number and receipt are recorded). */
  alreadyHeld: boolean;
  message: string;
}

export interface ExportReport {
  filePath: string;
  fileName: string;
  kind: BundleKind;
  full: boolean;
  seq: number;
  target: { code: string; name: string };
  encrypted: boolean;
  rows: number;
  files: number;
  nested: number;
  bytes: number;
  /** Every file this action wrote (a publish writes the broadcast package plus one sealed package
   * per court that has supervision notes or orders); an export up lists its one file. */
  packages: ExportedFile[];
  /** Courts with notes or orders for whom no package was written (their key is not known here). */
  skipped: { code: string; name: string; reason: string }[];
  message: string;
}

export interface ExportedFile {
  fileName: string;
  filePath: string;
  /** '*' (各下级法院) for the broadcast package, else the court it is addressed to. */
  target: { code: string; name: string };
  seq: number;
  encrypted: boolean;
  /** This court's supervision notes and orders (督办单) inside, on the addressee and on courts below
   * it; 0 for the broadcast package. */
  notes: number;
  bytes: number;
}

export type SyncDirection = 'export' | 'import' | 'preview';

export type SyncResultKind = 'ok' | 'unchanged' | 'refused' | 'cancelled' | 'failed';

export interface SyncHistoryEntry {
  id: string;
  at: string;
  direction: SyncDirection;
  kind: BundleKind | null;
  fileName: string;
  courtCode: string;
  courtName: string;
  seq: number | null;
  rows: number;
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  result: SyncResultKind;
  /** Stable code on refusal, e.g. E_TAMPERED. */
  code: string | null;
  message: string;
  actor: string;
}

export interface SubordinateCourt {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  /** Direct subordinate, or relayed through an intermediate court (its code). */
  via: string | null;
  lastSeq: number;
  lastBundleAt: string | null;
  lastImportedAt: string | null;
  /** Whole days since the last bundle was written; null before the first. */
  ageDays: number | null;
  /** The first missing sequence number when a later bundle was refused for a gap. */
  missingSeq: number | null;
  itemCount: number;
  /** 审计日志与上次上报不一致: what the witness found (and when), or null. */
  auditAlert: { message: string; at: string } | null;
}

/** Which roster courts hold each package this court published for one campaign (learned from
 * the package receipts in their reports up). */
export interface PackageReach {
  campaignId: string;
  campaignTitle: string;
  /** This court's broadcast packages of the campaign, newest first. */
  packages: { seq: number; createdAt: string; fileName: string }[];
  courts: PackageReachCourt[];
}

export interface PackageReachCourt {
  code: string;
  name: string;
  level: string;
  parentCode: string;
  merged: boolean;
  /** The newest of this court's packages (of this campaign) it has imported, or null. */
  heldSeq: number | null;
  heldImportedAt: string | null;
  /** It holds the newest package (or a newer one). */
  current: boolean;
  /** Per package (same order as `packages`): holds that package or a newer one. */
  holds: boolean[];
}
