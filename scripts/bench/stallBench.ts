// Stall bench (issue 12 §5): how long the main process's event loop stops answering (the window's
// calls, progress polls, cancel) while heavy work runs. Each row starts the work the way the app
// does — through dispatch, polling jobs.get every 300 ms like the progress bar — and records the
// longest gap between the ticks of a 1 ms interval timer in this process. (perf_hooks'
// monitorEventLoopDelay is not used: it misses a stall that ends just before the measurement does.)
// The baseline is the same work called directly in this thread — the functions the worker runs —
// as it ran before it moved to the worker threads.
//   (t1) a 1,000-item 推进清单 saved as PDF (Chromium via playwright-core, as in the preview and CLI)
//   (t2) the same report saved as XLSX (exceljs)
//   (t3) a large 查摆报告表 saved as DOCX (docx), ~300 forms
//   (t4) loading the demo data set (one transaction, evidence files)
//   (t5) the first list of the day on a court of 20 × 1,000 items (the daily light sweep)
// Run: node --expose-gc --import tsx scripts/bench/stallBench.ts [--runs 3]; `npm run bench` runs
// it too (rows t1-t5, or only these with --only-stall) and reads the last line, STALL_JSON=….
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createServices, type Services } from '../../src/main/app/services';
import type { ServiceContext } from '../../src/main/api/context';
import { dispatch } from '../../src/main/api/dispatch';
import { loadDemoHere } from '../../src/main/demo/demoJob';
import type { JobControl } from '../../src/main/jobs/jobRegistry';
import { sweepLights, sweepLightsHere } from '../../src/main/lights/lightHistory';
import { saveReportHere } from '../../src/main/reports/reportExport';
import { closeSharedPdfPrinter } from '../../src/main/reports/reportPdf';
import type { ReportFormat, ReportKind } from '../../src/shared/model';
import { BENCH_ADMIN, setupCourt, writeFixture } from './fixtures';
// The ledger's measures and look-backs join the daily sweep when the ledger area is loaded.
import '../../src/main/api/handlers';

const TODAY = '2026-11-24';
const NOW = () => new Date(`${TODAY}T10:00:00+08:00`);
const CALLER = 'stall-bench';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const log = (message: string) => process.stderr.write(`${message}\n`);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The longest stall of this thread's event loop between start() and stop(). */
function stallProbe() {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    stop(): number {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last);
    },
  };
}

interface Sample {
  gapMs: number;
  totalMs: number;
}

/** Runs `work` under the probe; the probe starts a few ticks early so its own start is not counted. */
async function measure(work: () => Promise<void>): Promise<Sample> {
  // Each measurement starts from a collected heap (node --expose-gc), so it is not charged with
  // the garbage of the one before.
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const probe = stallProbe();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  await work();
  const totalMs = performance.now() - started;
  return { gapMs: probe.stop(), totalMs };
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what} 失败：${result.message}`);
  return result.value;
}

async function openCourt(dataDir: string): Promise<Services> {
  const services = createServices({ dataDir, now: NOW });
  expectOk(await dispatch(services.ctx, 'auth.login', BENCH_ADMIN, CALLER), 'auth.login');
  return services;
}

/** As the window does: start the job, poll jobs.get every 300 ms until it has ended. */
async function runJob(ctx: ServiceContext, start: () => Promise<{ jobId: string }>): Promise<void> {
  const { jobId } = await start();
  for (;;) {
    const status = expectOk(await dispatch(ctx, 'jobs.get', { jobId }, CALLER), 'jobs.get');
    if (status.state === 'done') return;
    if (status.state !== 'running') throw new Error(`后台任务未完成：${status.error ?? status.message}`);
    await Promise.race([ctx.jobs.waitFor(jobId), new Promise((resolve) => setTimeout(resolve, 300))]);
  }
}

async function exportViaDispatch(
  ctx: ServiceContext,
  campaignId: string,
  kind: ReportKind,
  format: ReportFormat,
  folder: string,
): Promise<void> {
  await runJob(ctx, async () =>
    expectOk(await dispatch(ctx, 'reports.export', { campaignId, kind, format, folder }, CALLER), 'reports.export'),
  );
}

/** The work a job's worker does, called in this thread instead (as it ran before the move). */
const quietControl: JobControl = { progress: () => undefined, cancelled: false };

async function exportHere(
  ctx: ServiceContext,
  campaignId: string,
  kind: ReportKind,
  format: ReportFormat,
  folder: string,
): Promise<void> {
  await saveReportHere(ctx, { campaignId, kind }, format, folder, false, quietControl);
}

/**
 * A court with the demo loaded and its 查摆 forms multiplied: each person-scoped report of the
 * demo copied (with its claims) for `copies` new people. Written raw, like the other fixtures.
 */
async function inspectionCourt(dataDir: string, copies: number): Promise<string> {
  await setupCourt(dataDir);
  const services = await openCourt(dataDir);
  try {
    const { jobId } = expectOk(await dispatch(services.ctx, 'demo.start', {}, CALLER), 'demo.start');
    const job = await services.ctx.jobs.waitFor(jobId);
    if (job?.state !== 'done') throw new Error(`示例数据载入未完成：${job?.error ?? job?.state}`);
    const db = services.ctx.sqlite;
    const reports = db
      .prepare("SELECT * FROM inspection_reports WHERE scope = 'person' AND deleted_at IS NULL")
      .all() as Array<Record<string, unknown>>;
    const claimsOf = db.prepare('SELECT * FROM inspection_claims WHERE report_id = ? AND deleted_at IS NULL');
    const insert = (table: string, row: Record<string, unknown>) => {
      const columns = Object.keys(row);
      db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
        ...columns.map((c) => row[c]),
      );
    };
    const person = db.prepare('SELECT * FROM people WHERE id = ?');
    db.transaction(() => {
      for (let n = 0; n < copies; n += 1) {
        const source = reports[n % reports.length];
        const personRow = person.get(source.person_id) as Record<string, unknown>;
        const personId = crypto.randomUUID();
        insert('people', { ...personRow, id: personId, name: `${personRow.name as string}${n + 1}` });
        const reportId = crypto.randomUUID();
        insert('inspection_reports', {
          ...source,
          id: reportId,
          person_id: personId,
          subject_name: `${source.subject_name as string}${n + 1}`,
        });
        for (const claim of claimsOf.all(source.id) as Array<Record<string, unknown>>)
          insert('inspection_claims', { ...claim, id: crypto.randomUUID(), report_id: reportId });
      }
    })();
    return (
      db
        .prepare('SELECT campaign_id AS id FROM inspection_reports GROUP BY campaign_id ORDER BY count(*) DESC LIMIT 1')
        .get() as { id: string }
    ).id;
  } finally {
    await services.close();
  }
}

interface Row {
  key: string;
  name: string;
  /** Through dispatch, as the app runs it now. */
  via: Sample[];
  /** The same work called directly in this thread. */
  here: Sample[];
}

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'court-stall-bench-'));
  const out = path.join(work, 'out');
  fs.mkdirSync(out);
  try {
    log('(t1-t5) 生成数据：1,000 项推进清单、约 300 份查摆报告表、20 × 1,000 项 …');
    const checklistDir = path.join(work, 'checklist');
    await setupCourt(checklistDir);
    const { campaignIds } = writeFixture(checklistDir, {
      campaigns: 1,
      itemsPerCampaign: 1000,
      topSections: 4,
      childSections: 2,
      noteEvery: 2,
      today: TODAY,
      titlePrefix: '',
    });
    const checklistId = campaignIds[0];
    const inspectionDir = path.join(work, 'inspection');
    const inspectionId = await inspectionCourt(inspectionDir, 300);
    const sweepDir = path.join(work, 'sweep');
    await setupCourt(sweepDir);
    const sweepCampaigns = writeFixture(sweepDir, {
      campaigns: 20,
      itemsPerCampaign: 1000,
      topSections: 4,
      childSections: 2,
      noteEvery: 0,
      today: TODAY,
      titlePrefix: '亮灯',
    }).campaignIds;

    const rows: Row[] = [
      { key: 'pdf', name: '(t1) 1000 项推进清单导出 PDF', via: [], here: [] },
      { key: 'xlsx', name: '(t2) 1000 项推进清单导出 XLSX', via: [], here: [] },
      { key: 'docx', name: '(t3) 约 300 份查摆报告表导出 DOCX', via: [], here: [] },
      { key: 'demo', name: '(t4) 载入示例数据', via: [], here: [] },
      { key: 'sweep', name: '(t5) 当天首次列表（20×1000 项亮灯记录）', via: [], here: [] },
    ];
    const row = (key: string) => rows.find((r) => r.key === key)!;

    const checklist = await openCourt(checklistDir);
    const inspection = await openCourt(inspectionDir);
    const sweep = await openCourt(sweepDir);
    try {
      // Today's sweep of the report courts is done before measuring: it is row t5's subject.
      await sweepLights(checklist.ctx);
      await sweepLights(inspection.ctx);
      const resetSweep = () =>
        sweep.ctx.sqlite.exec("DELETE FROM light_history; DELETE FROM settings WHERE key = 'lights_swept_on'");
      for (let run = 0; run < RUNS; run += 1) {
        log(`  第 ${run + 1}/${RUNS} 轮 …`);
        const c = { ...checklist.ctx, caller: CALLER };
        const i = { ...inspection.ctx, caller: CALLER };
        row('pdf').via.push(await measure(() => exportViaDispatch(c, checklistId, 'checklist', 'pdf', out)));
        row('pdf').here.push(
          await measure(async () => exportHere(await asUser(c), checklistId, 'checklist', 'pdf', out)),
        );
        row('xlsx').via.push(await measure(() => exportViaDispatch(c, checklistId, 'checklist', 'xlsx', out)));
        row('xlsx').here.push(
          await measure(async () => exportHere(await asUser(c), checklistId, 'checklist', 'xlsx', out)),
        );
        row('docx').via.push(await measure(() => exportViaDispatch(i, inspectionId, 'inspection', 'docx', out)));
        row('docx').here.push(
          await measure(async () => exportHere(await asUser(i), inspectionId, 'inspection', 'docx', out)),
        );

        for (const how of ['via', 'here'] as const) {
          const dir = path.join(work, `demo-${how}-${run}`);
          await setupCourt(dir);
          const demo = await openCourt(dir);
          try {
            const ctx = { ...demo.ctx, caller: CALLER };
            row('demo')[how].push(
              await measure(async () => {
                if (how === 'here') await loadDemoHere(await asUser(ctx), quietControl);
                else
                  await runJob(ctx, async () => expectOk(await dispatch(ctx, 'demo.start', {}, CALLER), 'demo.start'));
              }),
            );
            const campaigns = demo.ctx.sqlite.prepare('SELECT count(*) AS n FROM campaigns').get() as { n: number };
            if (campaigns.n !== 3) throw new Error(`示例数据应有 3 个活动，实有 ${campaigns.n} 个`);
          } finally {
            await demo.close();
          }
        }

        const s = { ...sweep.ctx, caller: CALLER };
        resetSweep();
        row('sweep').via.push(
          await measure(async () => {
            expectOk(await dispatch(s, 'items.list', { campaignId: sweepCampaigns[0] }, CALLER), 'items.list');
          }),
        );
        resetSweep();
        // The same list, its sweep done in this thread first (the list then finds today swept).
        row('sweep').here.push(
          await measure(async () => {
            await sweepLightsHere(s);
            expectOk(await dispatch(s, 'items.list', { campaignId: sweepCampaigns[0] }, CALLER), 'items.list');
          }),
        );
        const spans = sweep.ctx.sqlite.prepare('SELECT count(*) AS n FROM light_history').get() as { n: number };
        if (spans.n < 10_000) throw new Error(`亮灯记录只有 ${spans.n} 条`);
      }
    } finally {
      await checklist.close();
      await inspection.close();
      await sweep.close();
      // The browser the in-thread PDF exports kept warm (the workers close their own).
      await closeSharedPdfPrinter();
    }

    console.log(`longest main-loop stall, median of ${RUNS} runs (through dispatch / called in this thread)`);
    for (const r of rows) {
      const m = (samples: Sample[], key: keyof Sample) => median(samples.map((s) => s[key])).toFixed(0);
      console.log(
        `  ${r.name}: ${m(r.via, 'gapMs')} ms / ${m(r.here, 'gapMs')} ms  (elapsed ${m(r.via, 'totalMs')} / ${m(r.here, 'totalMs')} ms)`,
      );
    }
    console.log(
      `STALL_JSON=${JSON.stringify({ runs: RUNS, cpus: os.cpus().length, rows: rows.map((r) => ({ key: r.key, name: r.name, via: r.via, here: r.here })) })}`,
    );
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** The context acting as the logged-in administrator (what dispatch gives a handler). */
async function asUser(ctx: ServiceContext): Promise<ServiceContext> {
  const status = expectOk(await dispatch(ctx, 'auth.status', {}, CALLER), 'auth.status');
  return { ...ctx, user: status.user };
}

main().catch((error: unknown) => {
  console.error(error);
  // Exit now: a failed job can leave worker threads that keep the process (and npm run bench) waiting.
  process.exit(1);
});
