// 备份与恢复: what the screens and the command line see of the court's backups. Plain data that
// crosses the process boundary; the files themselves are read and written only in src/main/backup.

/** What made a backup: the daily one on first use, before an import, before a database upgrade,
 * on request, or the copy of the current data a restore keeps before it replaces anything. */
export type BackupTrigger = 'daily' | 'import' | 'migration' | 'manual' | 'restore' | 'recovery';

/** Where a backup was found: the data folder's backups/, the second folder set in 设置, or a folder
 * the person pointed at (a USB drive brought from elsewhere). */
export type BackupPlace = 'local' | 'second' | 'other';

export interface BackupInfo {
  /** The backup file's name (备份-龙江县人民法院-2026-12-05-0930-每日.dtbak style). */
  fileName: string;
  /** Full path of the file; the screens pass it back to inspect or restore this backup. */
  path: string;
  place: BackupPlace;
  /** ISO time the snapshot was taken. */
  createdAt: string;
  trigger: BackupTrigger;
  /** Size of the backup file itself. */
  bytes: number;
  /** Evidence files it refers to (kept once, by hash, in the folder's shared evidence store). */
  evidenceFiles: number;
  evidenceBytes: number;
  courtCode: string;
  courtName: string;
  /** Database structure version and program version that wrote it. */
  schemaVersion: number;
  appVersion: string;
  /** Encrypted with the administrator's backup passphrase (it then holds the court's keys). */
  encrypted: boolean;
  /** Holds the court's private signing keys (only ever when encrypted). */
  keysIncluded: boolean;
  /** 'ok': checked whole after writing or at the last verification; 'failed': a check found a fault. */
  verified: 'ok' | 'failed' | 'unverified';
  verifiedAt: string | null;
}

export interface BackupKeep {
  daily: number;
  weekly: number;
  monthly: number;
  /** Backups taken before imports, restores and upgrades (newest kept). */
  other: number;
}

export interface BackupSettings {
  /** A second folder (USB drive, network share) every backup is also copied to; null: none. */
  secondFolder: string | null;
  keep: BackupKeep;
  /** Remind after this many days without a copy outside this computer. */
  offsiteReminderDays: number;
  /** A backup passphrase is set: backups are encrypted and hold the court's keys. */
  passphraseSet: boolean;
  passphraseSetAt: string | null;
}

export type BackupLight = 'green' | 'yellow' | 'red';

export interface BackupHealth {
  /** ISO time of the newest backup known good; null: none yet. */
  lastGoodAt: string | null;
  /** Whole days since then (null: none). */
  ageDays: number | null;
  light: BackupLight;
  /** ISO time of the newest copy in the second folder; null: never. */
  lastOffsiteAt: string | null;
  /** No copy outside this computer for longer than offsiteReminderDays (or never). */
  offsiteReminder: boolean;
  passphraseSet: boolean;
  /** One sentence for 本院挂图, in Chinese (e.g. “最近一次备份：今天 09:30，已校验”). */
  summary: string;
}

export interface BackupOverview {
  backups: BackupInfo[];
  settings: BackupSettings;
  health: BackupHealth;
  /** The second folder exists and can be written now; null when none is set. */
  secondFolderReachable: boolean | null;
}

/** One check a restore makes before it replaces anything. */
export interface BackupCheck {
  kind: 'file' | 'passphrase' | 'court' | 'version' | 'database' | 'audit' | 'evidence';
  ok: boolean;
  /** What was found, in Chinese. */
  message: string;
}

export interface CampaignHolding {
  campaignId: string;
  title: string;
  items: number;
  doneItems: number;
  ledgerFindings: number;
  evidenceFiles: number;
}

/** What a database holds, to set a backup against the current data before restoring. */
export interface DataSummary {
  courtCode: string | null;
  courtName: string | null;
  campaigns: CampaignHolding[];
  evidenceFiles: number;
  auditEntries: number;
  people: number;
  /** ISO time of the last recorded change (the audit log's last entry); null: none. */
  lastChangeAt: string | null;
}

export interface BackupInspection {
  backup: BackupInfo;
  /** Every check passed: the backup may be restored. */
  ok: boolean;
  checks: BackupCheck[];
  holds: DataSummary | null;
  /** What the data folder holds now; null when it holds no court yet (a reinstalled computer). */
  current: DataSummary | null;
  /** Things to know before restoring (keys not included, reports sent after the backup, …). */
  warnings: string[];
}

export interface RestoreResult {
  restored: BackupInfo;
  /** The copy of the data as it was just before the restore; null when there was no court yet. */
  safetyBackup: BackupInfo | null;
  holds: DataSummary;
}
