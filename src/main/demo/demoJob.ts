// Loads the demo campaigns (built from the seed articles) as a background job with progress.
// Everything is written in one transaction: a cancel or failure leaves nothing behind.
import type { ServiceContext } from '../api/context';
import { currentActor, timestamp, today } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import { JobCancelled } from '../jobs/jobRegistry';
import { writeDemoData } from './demoData';

export function startDemoJob(ctx: ServiceContext): string {
  return ctx.jobs.start('demo', async (control) => {
    const actor = await currentActor(ctx);
    await withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
      await writeDemoData(writer, {
        today: today(ctx),
        progress: (done, total, message) => {
          if (control.cancelled) throw new JobCancelled();
          control.progress(done, total, message);
        },
      });
    });
  });
}
