// Loads the demo campaigns (built from the seed articles) as a background job with progress, in a
// worker thread. The campaigns a higher court issues come as real packages from a demo superior
// (demoSuperior.ts), imported in the same transaction as the rest, and so do its 督办单 and 通报
// (demoOrders.ts): a cancel or failure leaves nothing behind.
// Loading twice is refused with a plain message: at once when the demo campaigns are already
// here or a demo job is still running, and again inside the transaction (so two starts in a row
// cannot both write).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServiceContext } from '../api/context';
import { ApiError } from '../api/errors';
import { currentActor, LOCAL_COURT_KEY, requireProfile, timestamp, today } from '../court/courtProfile';
import { withChanges } from '../data/ownedRows';
import { withBlobWriter } from '../evidence/blobStore';
import { crashPoint } from '../durability/crashPoints';
import { JobCancelled, type JobControl, type JobRegistry } from '../jobs/jobRegistry';
import { runImport, type ImportOptions } from '../sync/importBundle';
import {
  campaignDates,
  DEMO_ALREADY_LOADED,
  DEMO_CAMPAIGNS,
  DEMO_TITLES,
  demoStepCount,
  loadedDemoTitles,
  writeDemoData,
} from './demoData';
import {
  buildDemoPackages,
  DEMO_SUPERIOR,
  openDemoSuperior,
  type DemoPackages,
  type DemoSuperior,
} from './demoSuperior';
import { demoOrderItems, issueDemoOrders, signDemoOrder } from './demoOrders';
import { ensureCourtKeys } from '../sync/courtKeys';

const runningDemo = new WeakMap<JobRegistry, string>();

/**
 * The live demo campaigns loaded here, this court's own or issued by the demo superior (other
 * courts' copies held here do not count), read synchronously so the refusal reaches the caller
 * before any job starts.
 */
export function loadedTitles(ctx: Pick<ServiceContext, 'sqlite'>): string[] {
  const placeholders = DEMO_TITLES.map(() => '?').join(', ');
  const rows = ctx.sqlite
    .prepare(
      `SELECT title FROM campaigns WHERE deleted_at IS NULL AND title IN (${placeholders}) AND (origin = ? OR origin = (SELECT value FROM settings WHERE key = ?))`,
    )
    .all(...DEMO_TITLES, DEMO_SUPERIOR.code, LOCAL_COURT_KEY) as Array<{ title: string }>;
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
  const profile = await requireProfile(ctx);
  const day = today(ctx);
  const progress = (done: number, total: number, message: string) => {
    if (control.cancelled) throw new JobCancelled();
    control.progress(done, total, message);
    crashPoint('demo.progress');
  };
  // A high court issues its campaigns itself; below it, the demo superior issues those its files
  // say a higher court issued, through real packages.
  const issuedCampaigns =
    profile.level === 'high' || profile.code === DEMO_SUPERIOR.code
      ? []
      : DEMO_CAMPAIGNS.filter((campaign) => campaign.issuer.kind === 'higher');
  const total = demoStepCount(issuedCampaigns.length > 0);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-demo-packages-'));
  const placed: NonNullable<ImportOptions['within']>['placed'] = [];
  // Read before the transaction: the court's public keys, as its report up would carry them.
  const keys = issuedCampaigns.length ? await ensureCourtKeys(ctx) : null;
  let superior: DemoSuperior | null = null;
  try {
    let packages: DemoPackages | null = null;
    if (issuedCampaigns.length) {
      progress(0, total, `${DEMO_SUPERIOR.name}（示例）正在发布专项活动下发包…`);
      superior = await openDemoSuperior(ctx);
      packages = await buildDemoPackages(
        superior,
        issuedCampaigns.map((campaign) => ({ campaign, dates: campaignDates(campaign, day) })),
        outDir,
      );
    }
    try {
      await withBlobWriter(ctx.dataDir, (blobs) =>
        withChanges(ctx.db, actor, timestamp(ctx), async (writer) => {
          const already = await loadedDemoTitles(writer);
          if (already.length) throw DEMO_ALREADY_LOADED(already);
          // As a person would after comparing the superior's fingerprint by phone.
          const importAll = async (files: string[]) => {
            for (const file of files)
              await runImport(ctx, {
                file,
                dryRun: false,
                trust: [packages!.fingerprint],
                within: { trx: writer.trx, placed },
              });
          };
          if (packages) {
            progress(1, total, `正在导入${DEMO_SUPERIOR.name}（示例）的下发包…`);
            await importAll(packages.files);
          }
          await writeDemoData(writer, { today: day, blobs, progress, issued: packages?.issued });
          if (packages && superior && keys) {
            // The superior's 督办单 on this court's items and its 通报, sent down on the first campaign.
            const campaignId = packages.issued.get(issuedCampaigns[0])!.campaignId;
            const sent = await issueDemoOrders(superior, {
              court: { code: profile.code, name: profile.name, level: profile.level, keys },
              campaignId,
              today: day,
              items: await demoOrderItems(writer, campaignId, day),
              outDir,
            });
            await importAll(sent.files);
            if (sent.redOrderId) await signDemoOrder(writer, sent.redOrderId);
          }
          crashPoint('demo.before-commit');
        }),
      );
    } catch (error) {
      for (const files of placed) files.discard();
      throw error;
    }
    for (const files of placed) await files.keep();
  } finally {
    await superior?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  crashPoint('demo.committed');
}
