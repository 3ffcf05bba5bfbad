// The court itself: its profile (本院信息), departments and people, and what the app reports about
// itself. Plain data that crosses the process boundary: no SQL, no Node types.
import type { Owned } from '../common/commonModel';

export const courtLevels = ['high', 'intermediate', 'basic'] as const;
export type CourtLevel = (typeof courtLevels)[number];

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  today: string;
}

export interface CourtProfile {
  code: string;
  name: string;
  level: CourtLevel;
  parentCode: string | null;
  parentName: string | null;
  operatorName: string;
}

export interface Department extends Owned {
  name: string;
  sortOrder: number;
  /** 部门负责人: the escalation target for yellow lights by default. */
  headName: string;
}

export interface Person extends Owned {
  name: string;
  title: string;
  departmentId: string | null;
}
