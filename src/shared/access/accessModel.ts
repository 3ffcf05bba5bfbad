// Accounts and roles: who is logged in and the accounts an administrator manages. Plain data
// that crosses the process boundary: no SQL, no Node types.

export const roles = ['admin', 'reviewer', 'filer'] as const;
/** 管理员: court profile, users, departments. 审核人: reviews reports, signs off. 填报人: records
 * work for their own department. One account may hold several roles. */
export type Role = (typeof roles)[number];

/** Who is logged in, as the renderer sees it. Never carries the password hash. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  departmentName: string;
  personId: string | null;
  mustChangePassword: boolean;
}

export interface UserAccount extends SessionUser {
  version: number;
  disabled: boolean;
  /** Locked after repeated failed log-ins until this time (ISO), or null. */
  lockedUntil: string | null;
  failedAttempts: number;
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AuthStatus {
  /** The court profile exists (otherwise: the setup wizard). */
  hasProfile: boolean;
  /** At least one account exists (otherwise: create the first administrator). */
  hasUsers: boolean;
  user: SessionUser | null;
}
