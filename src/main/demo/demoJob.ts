// Loads the demo campaigns (built from the seed articles) as a background job with progress, in a
// worker thread. Everything is written in one transaction: a cancel or failure leaves nothing behind.
// Loading twice is refused with a plain message: at once when the demo campaigns are already
// here or a demo job is still running, and again inside the transaction (so two starts in a row
// cannot both write).
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { currentActor, LOCAL_COURT_KEY, timestamp, today } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import { withBlobWriter } from '../evidence/blobStore';
import { crashPoint } from '../durability/crashPoints';
import { JobCancelled, type JobControl, type JobRegistry } from '../jobs/jobRegistry';
import { DEMO_ALREADY_LOADED, DEMO_TITLES, writeDemoData } from './demoData';

const runningDemo = new WeakMap<JobRegistry, string>();

/**
 * This court's own live demo campaigns (other courts' copies held here do not count), read
 * synchronously so the refusal reaches the caller before any job starts.
 */
function loadedTitles(ctx: ServiceContext): string[] {
  const placeholders = DEMO_TITLES.map(() => '?').join(', ');
  const rows = ctx.sqlite
    .prepare(
      `SELECT title FROM campaigns WHERE deleted_at IS NULL AND title IN (${placeholders}) AND origin = (SELECT value FROM settings WHERE key = ?)`,
    )
    .all(...DEMO_TITLES, LOCAL_COURT_KEY) as Array<{ title: string }>;
  return rows.map((row) => row.title);
}

export function startDemoJob(ctx: ServiceContext): string {
  const running = runningDemo.get(ctx.jobs);
  if (running && ctx.jobs.get(running)?.state === 'running') {
    throw new ApiError('E_DEMO_RUNNING', '示例数据正在载入，请稍候，不必重复点击。');
  }
  const already = loadedTitles(ctx);
  if (already.length) throw DEMO_ALREADY_LOADED(already);

  const jobId = ctx.jobs.start('demo', async (control) => {
    await ctx.workers.run({ op: 'demo' }, { user: ctx.user, now: ctx.now(), control });
  });
  runningDemo.set(ctx.jobs, jobId);
  return jobId;
}

/**
 * In a worker thread (on its own connection to the same database): the demo job's work. Written
 * through the ChangeWriter like any other change, in one transaction with the evidence files.
 */
export async function loadDemoHere(ctx: ServiceContext, control: JobControl): Promise<void> {
  const actor = await currentActor(ctx);
  await withBlobWriter(ctx.dataDir, (blobs) =>
    withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
      await writeDemoData(writer, {
        today: today(ctx),
        blobs,
        progress: (done, total, message) => {
          if (control.cancelled) throw new JobCancelled();
          control.progress(done, total, message);
          crashPoint('demo.progress');
        },
      });
      crashPoint('demo.before-commit');
    }),
  );
  crashPoint('demo.committed');
}
