// The command line's session. Whoever holds the data folder already has full access to it, so the
// command line logs in the folder's first enabled administrator without a password; the audit log
// then names that administrator for everything the command line does.
import type { SessionUser } from '../../shared/model';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { loadSessionUser } from './accounts';

/** The caller name of the command line's session (passed to dispatch). */
export const CLI_CALLER = 'cli';

/** Logs the first enabled administrator in on the 'cli' caller and returns that account. */
export async function openCliSession(ctx: ServiceContext): Promise<SessionUser> {
  const candidates = await ctx.db
    .selectFrom('users')
    .select(['id', 'roles'])
    .where('disabled', '=', 0)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
  const admin = candidates.find((row) => row.roles.split(',').includes('admin'));
  const user = admin ? await loadSessionUser(ctx, admin.id) : null;
  if (!user) {
    throw new ApiError(
      'E_NO_ADMIN',
      '这个数据文件夹里没有可用的管理员账户。请先用 init 命令初始化本院，或在程序中设置管理员。',
    );
  }
  ctx.sessions.logIn(CLI_CALLER, user.id);
  return user;
}
