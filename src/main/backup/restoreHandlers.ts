// backup.inspect and backup.restore as the screens call them: each a job in this (the main)
// process, because a restore swaps the database under the app's own open connection and must
// coordinate with it. Open before a court is set up (a reinstalled computer restores its data
// first); once a court exists, only its administrators may.
import type { ParsedInput } from '../../shared/api';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { hasRole } from '../access/access';
import { actorName } from '../access/accounts';
import { LOCAL_COURT_KEY } from '../court/courtProfile';
import type { JobControl } from '../jobs/jobRegistry';
import { inspectBackup } from './restoreChecks';
import { restoreBackup } from './restore';

async function refuseUnlessAllowed(ctx: ServiceContext): Promise<void> {
  const court = await ctx.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', LOCAL_COURT_KEY)
    .executeTakeFirst();
  if (court && !hasRole(ctx.user, 'admin'))
    throw new ApiError('E_FORBIDDEN', '只有本院管理员可以核对或恢复备份，请用管理员账户登录。');
}

/** Another job of this process still running (the restore's own excepted), by what it is doing. */
function otherRunningJob(ctx: ServiceContext, ownId: () => string | null): string | null {
  const other = ctx.jobs.running().find((job) => job.id !== ownId());
  return other ? other.message || other.kind : null;
}

const progressOf = (control: JobControl) => (done: number, total: number, message: string) =>
  control.progress(done, total, message);

export async function startInspectJob(
  ctx: ServiceContext,
  input: ParsedInput<'backup.inspect'>,
): Promise<{ jobId: string }> {
  await refuseUnlessAllowed(ctx);
  const jobId = ctx.jobs.start('backup.inspect', async (control) => {
    const inspection = await inspectBackup({
      dataDir: ctx.dataDir,
      services: ctx,
      file: input.path,
      passphrase: input.passphrase,
      onProgress: progressOf(control),
    });
    return { kind: 'backupInspect', inspection };
  });
  return { jobId };
}

export async function startRestoreJob(
  ctx: ServiceContext,
  input: ParsedInput<'backup.restore'>,
): Promise<{ jobId: string }> {
  await refuseUnlessAllowed(ctx);
  const actor = ctx.user ? actorName(ctx.user) : '系统管理员';
  let jobId: string | null = null;
  const busyWith = () => otherRunningJob(ctx, () => jobId);
  // Refused at once, before a job starts, when other work is under way (and again before the swap).
  const busy = busyWith();
  if (busy) throw new ApiError('E_IN_USE', `本程序正在进行“${busy}”，请等它完成后再恢复，数据没有改动。`);
  jobId = ctx.jobs.start('backup.restore', async (control) => {
    const result = await restoreBackup({
      dataDir: ctx.dataDir,
      services: ctx,
      file: input.path,
      passphrase: input.passphrase,
      onProgress: progressOf(control),
      actor,
      now: ctx.now,
      busyWith,
    });
    return { kind: 'backupRestore', result };
  });
  return { jobId };
}
