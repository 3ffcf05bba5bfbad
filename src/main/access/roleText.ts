// Role names in Chinese for the main process's messages (the renderer has its own copy in its
// text file, so a Traditional Chinese locale can replace it).
import type { Role } from '../../shared/model';

export const ROLE_NAMES: Record<Role, string> = { admin: '管理员', reviewer: '审核人', filer: '填报人' };

export const roleList = (roles: readonly Role[]) => roles.map((role) => ROLE_NAMES[role]).join('或');
