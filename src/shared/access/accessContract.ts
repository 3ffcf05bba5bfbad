// Accounts and log-in: the first administrator, logging in and out, passwords, and the accounts
// an administrator manages.
import * as z from 'zod';
import { ADMIN, defineOperation } from '../contract';
import { empty, requiredText, rowId, version } from '../common/schemas';
import { hasControlCharacters } from '../controlCharacters';
import { type AuthStatus, roles, type SessionUser, type UserAccount } from './accessModel';

/** Log-in names: 2-32 letters, digits, Chinese characters, '.', '_' or '-'. */
export const username = z
  .string({ error: '请填写用户名' })
  .trim()
  .min(2, '用户名至少 2 个字符')
  .max(32, '用户名不能超过 32 个字符')
  .regex(/^[A-Za-z0-9_.\-\u4e00-\u9fa5]+$/, '用户名只能由字母、数字、汉字和 . _ - 组成');

const PASSWORD_CONTROLS = '密码不能包含制表符、换行等控制字符';
/** At least 8 characters with both letters and digits; no trimming (spaces count). */
export const newPassword = z
  .string({ error: '请填写密码' })
  .min(8, '密码至少 8 位')
  .max(128, '密码不能超过 128 位')
  .refine((v) => !hasControlCharacters(v), PASSWORD_CONTROLS)
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), '密码须同时包含字母和数字');
const givenPassword = z
  .string({ error: '请填写密码' })
  .min(1, '请填写密码')
  .max(128, '密码不能超过 128 位')
  .refine((v) => !hasControlCharacters(v), PASSWORD_CONTROLS);
const roleList = z
  .array(z.enum(roles, { error: '角色不正确' }))
  .min(1, '请至少选择一个角色')
  .max(3)
  .refine((v) => new Set(v).size === v.length, '角色不能重复');

export const accessOperations = {
  'auth.status': defineOperation<AuthStatus>()(empty, 'public'),
  'auth.bootstrap': defineOperation<SessionUser>()(
    z.object({ username, displayName: requiredText(20, '姓名'), password: newPassword }),
    'public',
  ),
  'auth.login': defineOperation<SessionUser>()(
    z.object({
      username: z
        .string({ error: '请填写用户名' })
        .refine((v) => !hasControlCharacters(v), '用户名不能包含控制字符')
        .trim()
        .min(1, '请填写用户名')
        .max(32, '用户名不能超过 32 个字符'),
      password: givenPassword,
    }),
    'public',
  ),
  'auth.logout': defineOperation<{ loggedOut: true }>()(empty, 'user'),
  'auth.changePassword': defineOperation<SessionUser>()(
    z
      .object({ currentPassword: givenPassword, newPassword })
      .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: '新密码不能与原密码相同' }),
    'user',
  ),
  'users.list': defineOperation<UserAccount[]>()(empty, ADMIN),
  'users.create': defineOperation<UserAccount>()(
    z.object({
      username,
      displayName: requiredText(20, '姓名'),
      roles: roleList,
      departmentId: z.union([rowId, z.null()]).optional().default(null),
      personId: z.union([rowId, z.null()]).optional().default(null),
      password: newPassword,
    }),
    ADMIN,
  ),
  'users.update': defineOperation<UserAccount>()(
    z.object({
      id: rowId,
      version,
      displayName: requiredText(20, '姓名'),
      roles: roleList,
      departmentId: z.union([rowId, z.null()]).optional().default(null),
      personId: z.union([rowId, z.null()]).optional().default(null),
      disabled: z.boolean().optional().default(false),
    }),
    ADMIN,
  ),
  /** Sets a temporary password the user must change at next log-in; also lifts a lock-out. */
  'users.resetPassword': defineOperation<UserAccount>()(z.object({ id: rowId, password: newPassword }), ADMIN),
};
