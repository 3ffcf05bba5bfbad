// Main-process benchmarks, run by scripts/bench.mjs as a bundled child process:
//   (a) start-up work on 50 campaigns x 1,000 items: open + migrations check + first campaigns.list
//   (b) stats.campaignProgress on a campaign of 5,000 items
//   (c) items.list on the same campaign
//   (e) loading the demo data set
// each through dispatch (the same path the transports use), several repetitions, with a plain
// better-sqlite3 baseline where one is meaningful. Prints one line `BENCH_JSON=...` with results;
// never asserts timings.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { createServices } from '../../src/main/app/services';
import { dispatch } from '../../src/main/api/dispatch';
import { today as todayOf } from '../../src/main/court/courtProfile';
import { DATABASE_FILE } from '../../src/main/data/database';
import { BENCH_ADMIN, BENCH_COURT, setupCourt, writeFixture } from './fixtures';
import { sweepLightsHere } from '../../src/main/lights/lightHistory';
import { campaignFigures, ITEM_ROWS_SQL, PROGRESS_GROUPS_SQL } from './rawQueries';

export interface BenchRow {
  key: string;
  name: string;
  samples: number[];
  target: number | null;
  baseline: number[] | null;
  note?: string;
}

const arg = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const log = (message: string) => process.stderr.write(`${message}\n`);

async function time<T>(work: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; message: string }, what: string): T {
  if (!result.ok) throw new Error(`${what} 失败：${result.message}`);
  return result.value;
}

const HUGE_TITLE = '性能基准：五万项推进清单';
const WINDOW_ROWS = 100;

/**
 * items.window's first window (what the checklist page asks for first) against the raw query
 * of the same 100 rows with their counts (ITEM_ROWS_SQL limited, no numbering, no lights).
 */
async function windowRow(
  services: ReturnType<typeof createServices>,
  raw: BetterSqlite3.Database,
  campaignId: string,
  reps: number,
  expected: number,
  name: string,
): Promise<BenchRow> {
  const rawStmt = raw.prepare(`${ITEM_ROWS_SQL} ORDER BY i.section_id, i.sort_order LIMIT ${WINDOW_ROWS}`);
  const input = { campaignId, offset: 0, limit: WINDOW_ROWS };
  for (let i = 0; i < 2; i += 1) {
    await dispatch(services.ctx, 'items.window', input);
    rawStmt.all({ campaignId });
  }
  const samples: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    const measured = await time(() => dispatch(services.ctx, 'items.window', input));
    const window = expectOk(measured.value, 'items.window');
    if (window.total !== expected || window.rows.length !== WINDOW_ROWS)
      throw new Error(`items.window 返回 ${window.rows.length}/${window.total} 项`);
    samples.push(measured.ms);
    baseline.push((await time(() => rawStmt.all({ campaignId }))).ms);
  }
  return {
    key: expected === 5000 ? 'itemsWindow' : 'itemsWindowHuge',
    name,
    samples,
    target: null,
    baseline,
    note: `含全表序号（ROW_NUMBER）、筛选总数和这 ${WINDOW_ROWS} 行的灯色与计数；基线为 better-sqlite3 取同样 ${WINDOW_ROWS} 行的连接查询（含部门名、材料数、进展数，无序号）`,
  };
}

async function main(): Promise<void> {
  const work = arg('--work', '');
  if (!work) throw new Error('缺少 --work 目录');
  const reps = Number(arg('--reps', '9'));
  const today = todayOf({ now: () => new Date() });
  const rows: BenchRow[] = [];
  const info: Record<string, string | number> = {};

  // ---- Fixture A: 50 campaigns x 1,000 items.
  const fiftyDir = path.join(work, 'fifty-campaigns');
  log('正在生成基准数据：50 个专项活动 × 1,000 项事项 …');
  const fixtureA = await time(async () => {
    await setupCourt(fiftyDir);
    return writeFixture(fiftyDir, {
      campaigns: 50,
      itemsPerCampaign: 1000,
      topSections: 4,
      childSections: 3,
      noteEvery: 4,
      today,
      titlePrefix: '基准专项活动',
    });
  });
  info.fixtureFiftyMs = Math.round(fixtureA.ms);
  info.fixtureFiftyItems = fixtureA.value.items;
  info.fixtureFiftyBytes = fs.statSync(path.join(fiftyDir, DATABASE_FILE)).size;

  // (a) start-up: open services (database, pragmas, migration check) and answer campaigns.list.
  // The log-in in between (a password hash, deliberately slow) is timed on its own row.
  log('(a) 启动：打开数据库 + 检查迁移 + 登录状态 + 首次 campaigns.list …');
  const startup: number[] = [];
  const logins: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    const start = performance.now();
    const services = createServices({ dataDir: fiftyDir });
    expectOk(await dispatch(services.ctx, 'auth.status', undefined), 'auth.status');
    const opened = performance.now() - start;
    const login = await time(() => dispatch(services.ctx, 'auth.login', BENCH_ADMIN));
    expectOk(login.value, 'auth.login');
    logins.push(login.ms);
    const listed = await time(() => dispatch(services.ctx, 'campaigns.list', undefined));
    const list = expectOk(listed.value, 'campaigns.list');
    startup.push(opened + listed.ms);
    if (list.length !== 50 || list[0].figures.total !== 1000)
      throw new Error(`campaigns.list 返回 ${list.length} 个活动`);
    await services.close();
  }
  const startupRaw: number[] = [];
  for (let i = 0; i < reps; i += 1) {
    const start = performance.now();
    const db = new BetterSqlite3(path.join(fiftyDir, DATABASE_FILE));
    const figures = campaignFigures(db, today);
    startupRaw.push(performance.now() - start);
    db.close();
    if (figures.length !== 50) throw new Error('基线查询结果不对');
  }
  rows.push({
    key: 'startup',
    name: '(a) 启动：打开库+迁移检查+首个活动列表（50×1000）',
    samples: startup,
    target: null,
    baseline: startupRaw,
    note: '同一进程内每次关闭后重新打开（不含登录）；基线为 better-sqlite3 打开 + GROUP BY campaign_id',
  });
  rows.push({
    key: 'login',
    name: '(a2) 登录（scrypt 口令校验）',
    samples: logins,
    target: null,
    baseline: null,
    note: 'scrypt N=2^15, r=8：有意放慢以抵御暴力破解',
  });

  // (f) the once-a-day light sweep over every open item (50 × 1,000), paid by the first list of a day.
  // The sweep's own work, in this thread (the app runs one this big in a worker: stallBench's t5).
  log('(f) 每日首次亮灯记录：50,000 项事项 …');
  const sweeps: number[] = [];
  {
    const services = createServices({ dataDir: fiftyDir });
    for (let i = 0; i < Math.max(3, Math.ceil(reps / 2)); i += 1) {
      services.ctx.sqlite.exec("DELETE FROM light_history; DELETE FROM settings WHERE key = 'lights_swept_on'");
      sweeps.push((await time(() => sweepLightsHere(services.ctx))).ms);
    }
    const spans = services.ctx.sqlite.prepare('SELECT count(*) AS n FROM light_history').get() as { n: number };
    info.sweepSpans = spans.n;
    await services.close();
  }
  rows.push({
    key: 'sweep',
    name: '(f) 每日首次亮灯记录（50×1000 项，全部首次记录）',
    samples: sweeps,
    target: null,
    baseline: null,
    note: '每天只在第一次需要灯色时运行一次',
  });

  // ---- Fixture B: one campaign of 5,000 items (also used for the preview first-render bench).
  const bigDir = path.join(work, 'five-thousand');
  log('正在生成基准数据：1 个专项活动 × 5,000 项事项 …');
  const fixtureB = await time(async () => {
    await setupCourt(bigDir);
    return writeFixture(bigDir, {
      campaigns: 1,
      itemsPerCampaign: 5000,
      topSections: 5,
      childSections: 4,
      noteEvery: 3,
      today,
      titlePrefix: '性能基准：五千项推进清单',
    });
  });
  info.fixtureBigMs = Math.round(fixtureB.ms);
  const campaignId = fixtureB.value.campaignIds[0];

  const services = createServices({ dataDir: bigDir });
  expectOk(await dispatch(services.ctx, 'auth.login', BENCH_ADMIN), 'auth.login');
  const raw = new BetterSqlite3(path.join(bigDir, DATABASE_FILE), { readonly: true });
  try {
    // (b) stats.campaignProgress
    log('(b) stats.campaignProgress（5,000 项）…');
    const progressStmt = raw.prepare(PROGRESS_GROUPS_SQL);
    const progressSamples: number[] = [];
    const progressRaw: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await dispatch(services.ctx, 'stats.campaignProgress', { campaignId });
      progressStmt.all({ campaignId, today });
    }
    for (let i = 0; i < reps * 3; i += 1) {
      const measured = await time(() => dispatch(services.ctx, 'stats.campaignProgress', { campaignId }));
      const figures = expectOk(measured.value, 'stats.campaignProgress');
      if (figures.overall.total !== 5000) throw new Error(`进度统计总数为 ${figures.overall.total}`);
      progressSamples.push(measured.ms);
      progressRaw.push((await time(() => progressStmt.all({ campaignId, today }))).ms);
    }
    rows.push({
      key: 'progress',
      name: '(b) 活动进度统计 stats.campaignProgress（5000 项）',
      samples: progressSamples,
      target: 20,
      baseline: progressRaw,
      note: '基线为 better-sqlite3 按栏目/部门/状态/灯色分组计数',
    });

    // (c) items.list
    log('(c) items.list（5,000 项）…');
    const listStmt = raw.prepare(ITEM_ROWS_SQL);
    const listSamples: number[] = [];
    const listRaw: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      await dispatch(services.ctx, 'items.list', { campaignId });
      listStmt.all({ campaignId });
    }
    for (let i = 0; i < reps; i += 1) {
      const measured = await time(() => dispatch(services.ctx, 'items.list', { campaignId }));
      const list = expectOk(measured.value, 'items.list');
      if (list.length !== 5000) throw new Error(`items.list 返回 ${list.length} 项`);
      listSamples.push(measured.ms);
      listRaw.push((await time(() => listStmt.all({ campaignId }))).ms);
    }
    rows.push({
      key: 'itemsList',
      name: '(c) 事项列表 items.list（5000 项，参考）',
      samples: listSamples,
      target: null,
      baseline: listRaw,
      note: '基线为 better-sqlite3 同样的连接查询（含部门名、材料数、进展数），不排序不转换',
    });

    // (c2) the checklist page's first read: one window of the list (the first screen and more).
    log('(c2) items.window 首屏窗口（5,000 项中的前 100 项）…');
    rows.push(
      await windowRow(services, raw, campaignId, reps, 5000, '(c2) 首屏窗口 items.window（5000 项中前 100 项）'),
    );
  } finally {
    raw.close();
    await services.close();
  }

  // ---- Fixture C: one campaign of 50,000 items (the province-scale checklist, row d50k).
  const hugeDir = path.join(work, 'fifty-thousand');
  log('正在生成基准数据：1 个专项活动 × 50,000 项事项 …');
  const fixtureC = await time(async () => {
    await setupCourt(hugeDir);
    return writeFixture(hugeDir, {
      campaigns: 1,
      itemsPerCampaign: 50_000,
      topSections: 8,
      childSections: 5,
      noteEvery: 3,
      today,
      titlePrefix: HUGE_TITLE,
    });
  });
  info.fixtureHugeMs = Math.round(fixtureC.ms);
  const hugeCampaignId = fixtureC.value.campaignIds[0];
  {
    const huge = createServices({ dataDir: hugeDir });
    expectOk(await dispatch(huge.ctx, 'auth.login', BENCH_ADMIN), 'auth.login');
    const hugeRaw = new BetterSqlite3(path.join(hugeDir, DATABASE_FILE), { readonly: true });
    try {
      log('(c50k) items.window 首屏窗口（50,000 项中的前 100 项）…');
      rows.push(
        await windowRow(
          huge,
          hugeRaw,
          hugeCampaignId,
          reps,
          50_000,
          '(c50k) 首屏窗口 items.window（5 万项中前 100 项）',
        ),
      );
    } finally {
      hugeRaw.close();
      await huge.close();
    }
  }

  // (e) demo data, loaded as a clerk loads it: court.setup with loadDemo, until the job is done.
  log('(e) 载入示例数据 …');
  const demoSamples: number[] = [];
  for (let i = 0; i < Math.max(3, Math.ceil(reps / 2)); i += 1) {
    const dir = path.join(work, `demo-${i}`);
    const demo = createServices({ dataDir: dir });
    const start = performance.now();
    const setup = expectOk(
      await dispatch(demo.ctx, 'court.setup', { profile: BENCH_COURT, admin: BENCH_ADMIN, loadDemo: true }),
      'court.setup',
    );
    const job = await demo.ctx.jobs.waitFor(setup.demoJobId!);
    demoSamples.push(performance.now() - start);
    if (job?.state !== 'done') throw new Error(`示例数据载入未完成：${job?.error ?? job?.state}`);
    await demo.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  rows.push({
    key: 'demo',
    name: '(e) 载入示例数据（3 个活动，约 110 项）',
    samples: demoSamples,
    target: 2000,
    baseline: null,
  });

  process.stdout.write(
    `BENCH_JSON=${JSON.stringify({ today, rows, info, dirs: { fifty: fiftyDir, big: bigDir, huge: hugeDir }, bigCampaignTitle: '性能基准：五千项推进清单', bigCampaignId: campaignId, hugeCampaignTitle: HUGE_TITLE, hugeCampaignId })}\n`,
  );
}

main().catch((error: unknown) => {
  log(`基准测试出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
