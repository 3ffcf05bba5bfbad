// `npm run bench`: prints medians of the figures the foundation issue asks for; asserts nothing and
// is not part of the test suite.
//   (a) start-up work on 50 campaigns × 1,000 items (in-process, and as a fresh process)
//   (b) stats.campaignProgress on 5,000 items (target under 20 ms)
//   (c) items.list on 5,000 items (for reference)
//   (d) first render of the 5,000-item table in the preview (target under 150 ms); (d50k) of 50,000 (< 200 ms)
//   (e) loading the demo data set (target under 2 s)
//   (s1-s4) issue 4's province sync: 1 high, 15 intermediate, 150 basic courts, each with
//       5 campaigns × 300 items and 12 monthly notes per item; export, import into the parent,
//       relay into the high court, each import against a raw better-sqlite3 insert of the same
//       rows (issue 18: within 2×, peak memory under 300 MB), measured right after it; the relays'
//       curve as the high court's database grows (the 15th within 1.2× the 1st), and with
//       --relay-rounds N that database over N years of relays. See scripts/bench/provinceBench.ts.
//   (b1-b2) issue 5's higher-court matrix on that province's high court after every relay: the
//       boards.province handler in-process (target under 100 ms; baseline the bare GROUP BY) and
//       the first render of the 下级法院进度 tab in the preview on a copy of the high court's data
//       (target under 500 ms). See scripts/bench/boardsBench.ts and uiBench.mjs.
//   (r1-r2) a 1,000-item checklist report to PDF (target under 1.5 s with the browser running; the
//       first print, which launches it, is row r1c) and to XLSX (target under 2 s),
//   (r3-r4) the written 活动总结 of that campaign to PDF (target under 3 s) and to Word,
//       scripts/bench/reportBench.ts.
//   (m1-m2, p1-p2) issue 13's matrix at province scale: a high court holding 165 roster courts
//       (15 intermediate, 150 basic; 5 campaigns × 300 items each, the matrix's campaign with 12
//       sections; some stale, a few never reported) written straight into its database; the
//       boards.province handler (target under 100 ms; baseline issue 5's bare GROUP BY), the
//       first render of the matrix in the preview (target under 500 ms; baseline the fetch alone),
//       and the province report (下级法院进度表) to PDF and XLSX (each under 3 s). Then issue 18's
//       scale row: m1-m2 again on a synthetic province of 500 roster courts (15 intermediate, 485
//       basic; same targets; no p1-p2). See scripts/bench/provinceMatrix.ts and uiBench.mjs.
//   (t1-t5) issue 12's main-loop stalls: the longest pause of the event loop of the process that
//       dispatches (as the preview server's) while a 1,000-item report is saved as PDF and XLSX, a
//       large 查摆报告表 as DOCX, the demo loads and a 20,000-item daily light sweep runs — through
//       dispatch (the work in worker threads) against the same work called in that thread (as it
//       ran before). Median of 3 runs. See scripts/bench/stallBench.ts.
//   (k1-k4) issue 16's backups: a backup (encrypted, with evidence) of the 50,000-item database
//       (target under 5 s; baseline the bare `VACUUM INTO`) and its verified restore (target under
//       10 s; baseline the plain snapshot copied into place plus integrity_check), and the same
//       two on the province high court's database when the province was built in the run (or
//       given with --province DIR). See scripts/bench/backupBench.ts.
// At the end: issue 18's goals, one line each (the measured median, its baseline, the ratio, met or
// not, and whether the machine was loaded while it ran); goals whose rows did not run say why.
//
// Options: --quick (a developer's run, under three minutes on 2 cores: 3 reps, a 15-court
//   province (--courts 15), browser figures 3 times, the stalls once; no matrix at 165/500 courts,
//   no backups — it says so at the top and prints its wall time at the end; other options still
//   apply), --reps N (default 9), --keep (keep the temp folder), --no-ui (skip the browser),
//   --no-sync (skip the province, and so b1-b2), --only-sync (only the province's sync rows),
//   --courts N (basic courts in the province, default 150; ten per intermediate court, e.g. 1, 3
//   or 15 for a quick run), --sync-cpu-prof DIR (CPU profiles of the first basic import and of the
//   first and last relay import, into DIR), --relay-rounds N (the "years of relays" scale row: N - 1
//   more rounds of a year's notes each through the chain into the same high court; 4 ≈ 5 years), --only-boards --province DIR (only b1-b2 and r1-r2, on a province
//   kept by an earlier `--keep` run: DIR is that run's temp folder or its province/ folder),
//   --only-stall (only t1-t5), --only-matrix (only m1-m2 and p1-p2), --matrix-courts LIST (the
//   provinces of the matrix rows, default 165,500; p1-p2 run on the first), --only-backup (only
//   k1-k4; with --province DIR for k3-k4 on a kept province).
//
// Main-process code is bundled with esbuild into a private temp folder and run there under plain
// Node. For the browser figure the built app in dist/ is used when it is newer than its sources;
// otherwise the same entry points are built into the temp folder, so dist/ (which other runs may
// be using) is never wiped.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runMatrixBench, runUiBench } from './bench/uiBench.mjs';
import { LAZY_PACKAGES, lazyPackages } from './lib/lazyPackages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const repsArg = argv.includes('--reps') ? Number(argv[argv.indexOf('--reps') + 1]) : NaN;
const reps = Number.isInteger(repsArg) && repsArg > 0 ? repsArg : quick ? 3 : 9;
/** Browser figures and cold starts: each sample costs a page load or a process, so fewer of them. */
const slowReps = quick ? Math.min(3, reps) : Math.max(5, Math.ceil(reps / 2));
const keep = argv.includes('--keep');
const withUi = !argv.includes('--no-ui');
const onlySync = argv.includes('--only-sync');
const withSync = !argv.includes('--no-sync');
const courtsArg = argv.includes('--courts') ? Number(argv[argv.indexOf('--courts') + 1]) : quick ? 15 : 150;
const syncCpuProf = argv.includes('--sync-cpu-prof') ? path.resolve(argv[argv.indexOf('--sync-cpu-prof') + 1]) : '';
const onlyBoards = argv.includes('--only-boards');
const onlyStall = argv.includes('--only-stall');
const onlyMatrix = argv.includes('--only-matrix');
const onlyBackup = argv.includes('--only-backup');
const keptProvince = argv.includes('--province') ? path.resolve(argv[argv.indexOf('--province') + 1]) : '';
const matrixCourts = (argv.includes('--matrix-courts') ? argv[argv.indexOf('--matrix-courts') + 1] : '165,500')
  .split(',')
  .map(Number);
if (onlyBoards && (onlySync || !keptProvince)) {
  console.error(
    '--only-boards 需要 --province 目录（先用 --only-sync --keep 运行一次，保留的临时目录即可），且不能与 --only-sync 同时使用。',
  );
  process.exit(2);
}
if (onlyStall && (onlySync || onlyBoards)) {
  console.error('--only-stall 不能与 --only-sync、--only-boards 同时使用。');
  process.exit(2);
}
if (onlyMatrix && (onlySync || onlyBoards || onlyStall)) {
  console.error('--only-matrix 不能与 --only-sync、--only-boards、--only-stall 同时使用。');
  process.exit(2);
}
if (onlyBackup && (onlySync || onlyBoards || onlyStall || onlyMatrix)) {
  console.error('--only-backup 不能与其他 --only-… 选项同时使用。');
  process.exit(2);
}
if (onlySync && !withSync) {
  console.error('--only-sync 与 --no-sync 不能同时使用。');
  process.exit(2);
}
if (!matrixCourts.length || matrixCourts.some((n) => !Number.isInteger(n) || n < 15 || n > 1500)) {
  console.error('--matrix-courts 应为以逗号分隔、15 到 1500 之间的整数（名单上的法院总数，如 165,500）。');
  process.exit(2);
}
if (!Number.isInteger(courtsArg) || courtsArg < 1) {
  console.error('--courts 应为正整数（基层法院个数，如 150、15、3、1）。');
  process.exit(2);
}
const log = (message) => process.stderr.write(`${message}\n`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'court-bench-'));
// Bundles run from the temp folder: let them find better-sqlite3 in this repository, and the
// migrations next to them (the app looks for a migrations folder above its own code).
const env = { ...process.env, NODE_PATH: path.join(root, 'node_modules') };
fs.cpSync(path.join(root, 'migrations'), path.join(work, 'migrations'), { recursive: true });

const nodeCommon = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  external: ['better-sqlite3', 'electron'],
  // As scripts/build.mjs: Excel, Word and PDF libraries in vendor/ beside each bundle, loaded on first use.
  plugins: [lazyPackages()],
};

function run(file, args, { capture = true } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], {
      env,
      stdio: ['ignore', 'pipe', capture ? 'pipe' : 'inherit'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : // Scripts run through tsx are named by the script, not by Node's --import option.
          reject(
            new Error(
              `${path.basename(args.find((a) => /\.(ts|cjs|mjs)$/.test(a)) ?? file)} 退出码 ${code}\n${stderr}`,
            ),
          ),
    );
  });
}

const median = (values) => {
  if (!values?.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---------------------------------------------------------------------------------------------
// The app for the browser figure.

function newestMtime(paths) {
  let newest = 0;
  const visit = (p) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach(visit);
  return newest;
}

/** The worker-thread bundles the main-process code starts (src/main/workers/workerPool.ts looks for
 * jobWorker.js, src/main/sync/rowReader.ts for rowReader.js, beside its own bundle), as
 * scripts/build.mjs builds them. */
function buildWorker(dir) {
  return Promise.all([
    build({
      ...nodeCommon,
      // Printing with Chromium is not benchmarked from these bundles; the app's build keeps it external too.
      external: [...nodeCommon.external, 'playwright-core'],
      entryPoints: ['src/main/workers/jobWorker.ts'],
      outfile: path.join(dir, 'jobWorker.js'),
    }),
    build({
      ...nodeCommon,
      plugins: [lazyPackages({ packages: [...LAZY_PACKAGES, 'zod'] })],
      entryPoints: ['src/main/sync/rowReaderWorker.ts'],
      outfile: path.join(dir, 'rowReader.js'),
    }),
  ]);
}

// Built at most once per run: rows (d) and (b2) share it.
let previewApp = null;
function appForPreview() {
  previewApp ??= buildAppForPreview();
  return previewApp;
}

async function buildAppForPreview() {
  const distFiles = ['dist/main/preview.js', 'dist/preload/previewBridge.js', 'dist/renderer/index.html'];
  const sources = newestMtime(['src', 'migrations', 'vite.config.mts', 'scripts/build.mjs', 'package-lock.json']);
  const distOk = distFiles.every((f) => fs.existsSync(f));
  const built = distOk ? Math.min(...distFiles.map((f) => fs.statSync(f).mtimeMs)) : 0;
  if (distOk && built >= sources)
    return { previewJs: path.join(root, 'dist/main/preview.js'), source: '使用现有 dist/（比源码新）' };

  log(distOk ? 'dist/ 比源码旧，在临时目录重新构建（不动 dist/）…' : 'dist/ 不存在，在临时目录构建（不动 dist/）…');
  const app = path.join(work, 'app');
  await build({
    ...nodeCommon,
    entryPoints: ['src/main/preview.ts'],
    outfile: path.join(app, 'main/preview.js'),
    sourcemap: true,
  });
  await buildWorker(path.join(app, 'main'));
  await build({
    bundle: true,
    logLevel: 'warning',
    entryPoints: ['src/preload/previewBridge.ts'],
    outfile: path.join(app, 'preload/previewBridge.js'),
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  });
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    configFile: 'vite.config.mts',
    logLevel: 'error',
    build: { outDir: path.join(app, 'renderer'), emptyOutDir: true },
  });
  return { previewJs: path.join(app, 'main/preview.js'), source: '在临时目录按 scripts/build.mjs 的入口重新构建' };
}

// ---------------------------------------------------------------------------------------------
// Output.

const width = (text) => [...String(text)].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (text, size, right = false) => {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return right ? fill + text : text + fill;
};
const ms = (value) =>
  value === null || value === undefined
    ? '—'
    : value < 10
      ? value.toFixed(2)
      : value < 100
        ? value.toFixed(1)
        : value.toFixed(0);

/** One row per figure; rows may carry targetText (instead of a ms target) and peakMb (adds a column). */
function printTable(rows) {
  const withMemory = rows.some((r) => r.peakMb !== undefined);
  const header = ['项目', '中位数 ms', '目标', '基线中位数 ms', '倍数', '次数', ...(withMemory ? ['峰值内存'] : [])];
  const body = rows.map((r) => {
    const m = median(r.samples);
    const b = median(r.baseline);
    return [
      r.name,
      r.skipped ? '未测' : ms(m),
      r.targetText ?? (r.target ? `< ${r.target} ms` : '—'),
      r.skipped ? '—' : ms(b),
      !r.skipped && m !== null && b ? `×${(m / b).toFixed(1)}` : '—',
      r.skipped ? '—' : String(r.samples.length),
      ...(withMemory ? [r.peakMb === undefined || r.peakMb === null ? '—' : `${r.peakMb.toFixed(0)} MB`] : []),
    ];
  });
  const widths = header.map((h, i) => Math.max(width(h), ...body.map((line) => width(line[i]))));
  const line = (cells) => cells.map((c, i) => pad(c, widths[i], i > 0 && i !== 2)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  body.forEach((cells) => console.log(line(cells)));
}

// ---------------------------------------------------------------------------------------------

/** Rows (a)-(f): the foundation's figures, from serviceBench, the cold starts and the browser. */
async function runFoundationRows(bin) {
  const out = await run(path.join(bin, 'serviceBench.cjs'), ['--work', work, '--reps', String(reps)], {
    capture: false,
  });
  const result = JSON.parse(/BENCH_JSON=(.*)/.exec(out)[1]);
  const rows = result.rows;

  log('(a′) 冷启动：新 Node 进程加载主进程代码 + 打开库 + 登录界面所需（本院信息 + 登录状态） …');
  const cold = [];
  const coldRaw = [];
  for (let i = 0; i < slowReps; i += 1) {
    cold.push(
      Number(/COLD_MS=([\d.]+)/.exec(await run(path.join(bin, 'coldStart.cjs'), ['--data', result.dirs.fifty]))[1]),
    );
    coldRaw.push(
      Number(
        /COLD_MS=([\d.]+)/.exec(
          await run(path.join(bin, 'coldRaw.cjs'), ['--data', result.dirs.fifty, '--today', result.today]),
        )[1],
      ),
    );
  }
  rows.splice(1, 0, {
    key: 'coldStart',
    name: '(a′) 冷启动：新进程含加载代码，到登录界面（50×1000）',
    samples: cold,
    target: null,
    baseline: coldRaw,
    note: '从 Node 进程启动算起；基线为新进程只加载 better-sqlite3 并执行同一分组查询',
  });

  const firstRender = async (key, name, target, dataDir, title, campaignId) => {
    const uiRow = { key, name, samples: [], target, baseline: null };
    if (!withUi) {
      uiRow.skipped = '未测（--no-ui）';
      return uiRow;
    }
    let app = null;
    try {
      app = await appForPreview();
      log(`${name.split(' ')[0]} 首次渲染：${app.source}`);
    } catch (error) {
      uiRow.skipped = `未测（构建失败：${String(error.message ?? error)
        .split('\n')[0]
        .slice(0, 80)}）`;
    }
    if (app) {
      const ui = await runUiBench({
        previewJs: app.previewJs,
        dataDir,
        title,
        campaignId,
        reps: slowReps,
        env,
        log,
        account: { username: 'bench', password: 'Bench2026x' },
      });
      if (ui.skipped) uiRow.skipped = ui.skipped;
      else {
        uiRow.samples = ui.samples;
        uiRow.baseline = ui.baseline.length ? ui.baseline : null;
        uiRow.firstScreenOps = ui.firstScreenOps;
        uiRow.note = `${ui.via}到第一行 data-testid="item-row" 可见（页面内计时，含取首个窗口与渲染）；基线为同一页面只经桥接取首个窗口 items.window（前 100 项）不渲染；渲染后 DOM 中的行数 ${ui.rowsInDom}`;
      }
    }
    return uiRow;
  };
  const uiRow = await firstRender(
    'firstRender',
    '(d) 预览中首次渲染 5000 项事项表',
    150,
    result.dirs.big,
    result.bigCampaignTitle,
    result.bigCampaignId,
  );
  const hugeRow = await firstRender(
    'firstRender50k',
    '(d50k) 预览中首次渲染 5 万项事项表',
    200,
    result.dirs.huge,
    result.hugeCampaignTitle,
    result.hugeCampaignId,
  );
  rows.splice(4, 0, uiRow, hugeRow);
  return { rows, result };
}

// ---------------------------------------------------------------------------------------------
// (s1-s4) The province sync bench: scripts/bench/provinceBench.ts does the work in its own
// child processes and reports one PROVINCE_JSON line.

async function runProvince(bin) {
  const args = ['run', '--work', path.join(work, 'province'), '--courts', String(courtsArg)];
  if (syncCpuProf) args.push('--cpu-prof', syncCpuProf);
  // --relay-rounds N: the "years of relays" scale row (N - 1 more rounds into the same high court).
  if (argv.includes('--relay-rounds')) args.push('--relay-rounds', argv[argv.indexOf('--relay-rounds') + 1]);
  const out = await run(path.join(bin, 'provinceBench.cjs'), args, { capture: false });
  return JSON.parse(/PROVINCE_JSON=(.*)/.exec(out)[1]);
}

function provinceRows(p) {
  const basicName = `${p.perCourt.campaigns}×${p.perCourt.itemsPerCampaign} 项`;
  const importTarget = '≤ 基线×2，< 300 MB';
  return [
    {
      name: `(s1) 导出一个基层法院完整快照（${basicName}）`,
      samples: p.basicExport.samples,
      baseline: null,
      peakMb: p.basicExport.memory.maxRssMb,
    },
    {
      name: `(s2) 中院导入一个基层法院上报包（共 ${p.courts.basic} 个）`,
      samples: p.middleImport.samples,
      baseline: p.middleImport.baseline,
      targetText: importTarget,
      peakMb: p.middleImport.memory.maxRssMb,
    },
    {
      name: `(s3) 中院导出转报包（完整快照，含基层原包）`,
      samples: p.relayExport.samples,
      baseline: null,
      peakMb: p.relayExport.memory.maxRssMb,
    },
    {
      name: `(s4) 高院导入一个中院转报包（共 ${p.courts.intermediate} 个）`,
      samples: p.highImport.samples,
      baseline: p.highImport.baseline,
      targetText: importTarget,
      peakMb: p.highImport.memory.maxRssMb,
    },
  ];
}

function printProvince(p) {
  const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
  const ratio = (a, b) => (b ? `×${(a / b).toFixed(1)}` : '—');
  const t = p.totals;
  console.log(
    `省级同步（1 个高院、${p.courts.intermediate} 个中院、${p.courts.basic} 个基层法院；每院 ${p.perCourt.campaigns} 个专项活动 × ${p.perCourt.itemsPerCampaign} 项，每项 ${p.perCourt.notesPerItem} 条月度进展）`,
  );
  console.log('');
  printTable(provinceRows(p));
  console.log('');
  console.log(
    `  (s1) 每个基层法院完整快照 ${p.basicExport.rows} 行，加密后 ${mb(p.basicExport.bytes)}；计时只含导出调用（不含打开数据库）；峰值内存为每组 10 次导出所在进程的最大常驻内存。`,
  );
  console.log(
    `  (s2) 每次导入在新进程中进行，计时只含导入调用（解密、校验、写入、提交）；每包 ${Math.round(p.middleImport.rowsPerBundle)} 行。合计：导入 ${(t.middleImportMs / 1000).toFixed(1)} s，基线 ${(t.middleRawMs / 1000).toFixed(1)} s，${ratio(t.middleImportMs, t.middleRawMs)}。`,
  );
  console.log(
    `       峰值内存为各导入进程最大常驻内存（maxRSS）的最大值，中位数 ${Math.round(p.middleImport.memory.medianRssMb)} MB，开始导入前约 ${Math.round(p.middleImport.startRssMb)} MB；JS 堆峰值 ${p.middleImport.memory.heapUsedMb} MB，外部内存峰值 ${p.middleImport.memory.externalMb} MB。`,
  );
  const m = p.middleImport.spread;
  console.log(
    `       逐包比较：导入 ${ms(m.min)}–${ms(m.max)} ms，基线 ${ms(m.baselineMin)}–${ms(m.baselineMax)} ms，同一包导入÷基线的中位数 ×${m.pairRatio.toFixed(1)}。`,
  );
  console.log(
    `  (s3) 每个转报包含 ${p.relayExport.nested} 个基层法院原包和中院自身 ${Math.round(p.relayExport.rows)} 行（中位数），${mb(p.relayExport.bytes)}。`,
  );
  console.log(
    `  (s4) 每包 ${Math.round(p.highImport.rowsPerBundle)} 行（含基层原包中的行）。合计：导入 ${(t.highImportMs / 1000).toFixed(1)} s，基线 ${(t.highRawMs / 1000).toFixed(1)} s，${ratio(t.highImportMs, t.highRawMs)}。峰值内存中位数 ${Math.round(p.highImport.memory.medianRssMb)} MB，开始导入前约 ${Math.round(p.highImport.startRssMb)} MB；JS 堆峰值 ${p.highImport.memory.heapUsedMb} MB，外部内存峰值 ${p.highImport.memory.externalMb} MB。`,
  );
  const h = p.highImport.spread;
  console.log(
    `       逐包比较：导入 ${ms(h.min)}–${ms(h.max)} ms，基线 ${ms(h.baselineMin)}–${ms(h.baselineMax)} ms，同一包导入÷基线的中位数 ×${h.pairRatio.toFixed(1)}；高院库渐大：第 1 包导入 ${ms(h.first)} ms（基线 ${ms(h.baselineFirst)}），最后一包 ${ms(h.last)} ms（基线 ${ms(h.baselineLast)}）。`,
  );
  printRelayCurve(p);
  console.log(
    `  基线：同样的行由 better-sqlite3 预编译 INSERT 逐行插入，每包一个事务，插入目标为导入前该院数据库的副本（同一迁移、索引、外键与全文检索触发器）；行事先读入内存，不计时。每个中院的导入之后、高院的每包导入之后，紧接着在新进程中测同样行的基线，两者所处的机器负载相近。`,
  );
  console.log(
    `  高院最终：${p.high.items} 项事项、${p.high.notes} 条进展，数据库 ${mb(p.high.bytes)}；基线库 ${p.high.raw.items} 项、${p.high.raw.notes} 条，${p.sameRows ? '与导入结果行数一致' : '与导入结果行数不一致！'}。`,
  );
  console.log(
    `  测量开始与结束时系统 1 分钟平均负载 ${p.load.start.toFixed(1)} / ${p.load.end.toFixed(1)}（${p.load.cpus} 核）；负载高于核数时基线与导入都会变慢、波动变大。`,
  );
  console.log(
    `  生成全省数据 ${(p.buildMs / 1000).toFixed(1)} s（不计入上表），省级同步部分共 ${(p.totalMs / 1000).toFixed(1)} s。${p.cpuProfiles ? `CPU 剖析文件在 ${p.cpuProfiles}。` : ''}`,
  );
}

/** (s4) relay by relay as the high court's database grows, and with --relay-rounds the later rounds. */
function printRelayCurve(p) {
  const curve = p.highImport.curve ?? [];
  if (!curve.length) return;
  const mb = (bytes) => `${(bytes / 1048576).toFixed(0)} MB`;
  const times = (a, b) => (b ? `×${(a / b).toFixed(2)}` : '—');
  const rowsText = (n) => `${(n / 10000).toFixed(1)} 万`;
  const line = (cells) =>
    `       ${cells.map((c, i) => pad(String(c), [4, 6, 8, 8, 6, 10, 8, 5][i], i > 1)).join('  ')}`;
  const firstRound = curve.filter((point) => point.round === 1);
  console.log('       逐包曲线（高院库渐大；每包导入后紧接着测同样行的基线）：');
  console.log(line(['包', '中院', '导入 ms', '基线 ms', '倍数', '高院库行数', '库大小', '负载']));
  firstRound.forEach((point, index) =>
    console.log(
      line([
        index + 1,
        point.relay,
        ms(point.ms),
        ms(point.rawMs),
        times(point.ms, point.rawMs),
        rowsText(point.heldRows),
        mb(point.bytes),
        point.load.toFixed(1),
      ]),
    ),
  );
  const first = firstRound[0];
  const last = firstRound[firstRound.length - 1];
  if (firstRound.length > 1)
    console.log(
      `       第 ${firstRound.length} 包÷第 1 包：导入 ${times(last.ms, first.ms)}（目标 ≤ ×1.2），基线 ${times(last.rawMs, first.rawMs)}；每包 ${Math.round(median(firstRound.map((point) => point.rows)))} 行。`,
    );
  const rounds = [...new Set(curve.map((point) => point.round))];
  if (rounds.length < 2) return;
  console.log(
    `  (s4·${rounds.length} 年) 高院库多年增长（--relay-rounds ${rounds.length}）：第 2 轮起每个基层和中院再加一年的月度进展（每项 ${p.perCourt.notesPerItem} 条），基层增量上报、中院导入并增量转报，高院逐包导入，基线同上。`,
  );
  console.log(line(['轮', '包数', '导入中位', '基线中位', '倍数', '轮末库行数', '轮末库', '首末包']));
  const roundOne = median(firstRound.map((point) => point.ms));
  const rawOne = median(firstRound.map((point) => point.rawMs));
  for (const round of rounds) {
    const points = curve.filter((point) => point.round === round);
    const end = points[points.length - 1];
    const importMedian = median(points.map((point) => point.ms));
    const rawMedian = median(points.map((point) => point.rawMs));
    console.log(
      line([
        round,
        points.length,
        ms(importMedian),
        ms(rawMedian),
        times(importMedian, rawMedian),
        rowsText(end.heldRows),
        mb(end.bytes),
        times(end.ms, points[0].ms),
      ]),
    );
  }
  const lastRound = curve.filter((point) => point.round === rounds[rounds.length - 1]);
  const lastImport = median(lastRound.map((point) => point.ms));
  const lastRaw = median(lastRound.map((point) => point.rawMs));
  console.log(
    `       第 ${rounds.length} 轮÷第 1 轮（中位数）：导入 ${times(lastImport, roundOne)}，基线 ${times(lastRaw, rawOne)}；库从 ${rowsText(p.highImport.startRows ?? firstRound[0].heldRows)} 行增至 ${rowsText(lastRound[lastRound.length - 1].heldRows)} 行。`,
  );
}

// ---------------------------------------------------------------------------------------------
// (b1-b2, r1-r2) Issue 5: the higher court's matrix on the province's high court, and reports.

/** The province folder (with courts/J23) of a run's work folder or of a kept one. */
function provinceFolder(dir) {
  const candidates = [dir, path.join(dir, 'province')];
  const found = candidates.find((candidate) => fs.existsSync(path.join(candidate, 'courts', 'J23', 'court.sqlite3')));
  if (!found) throw new Error(`${dir} 中没有省级数据（courts/J23/court.sqlite3）`);
  return found;
}

/** (b2, m2) The built app for the preview, or null with the reason on `uiRow` (--no-ui, a failed build). */
async function previewAppFor(uiRow, label) {
  if (!withUi) {
    uiRow.skipped = '未测（--no-ui）';
    return null;
  }
  try {
    const app = await appForPreview();
    log(`${label} 首次渲染下级法院进度：${app.source}`);
    return app;
  } catch (error) {
    uiRow.skipped = `未测（构建失败：${String(error.message ?? error)
      .split('\n')[0]
      .slice(0, 80)}）`;
    return null;
  }
}

/** (b2, m2) The matrix's first render in the preview into `uiRow`: the rows it showed, or null if skipped. */
async function measureMatrixUi(uiRow, app, matrix) {
  const ui = await runMatrixBench({
    previewJs: app.previewJs,
    ...matrix,
    reps: slowReps,
    env,
    log,
    account: { username: 'bench', password: 'Bench2026x' },
  });
  if (ui.skipped) {
    uiRow.skipped = ui.skipped;
    return null;
  }
  uiRow.samples = ui.samples;
  uiRow.baseline = ui.baseline.length ? ui.baseline : null;
  return ui.rows;
}

async function runBoardsRows(bin, provinceDir) {
  const rows = [];
  const notes = [];
  if (!provinceDir) {
    rows.push({
      name: '(b1) 下级法院进度矩阵查询（高院）',
      samples: [],
      baseline: null,
      target: 100,
      skipped: '未测（--no-sync：没有生成省级数据）',
    });
    rows.push({
      name: '(b2) 预览中首次渲染下级法院进度',
      samples: [],
      baseline: null,
      target: 500,
      skipped: '未测（--no-sync：没有生成省级数据）',
    });
  } else {
    const high = path.join(provinceFolder(provinceDir), 'courts', 'J23');
    log('(b1) 高院下级法院进度矩阵查询 …');
    const out = await run(path.join(bin, 'boardsBench.cjs'), ['--data', high, '--reps', String(Math.max(15, reps))], {
      capture: false,
    });
    const b = JSON.parse(/BOARDS_JSON=(.*)/.exec(out)[1]);
    rows.push({
      name: `(b1) 下级法院进度矩阵查询（本活动 ${b.items} 项，${b.rows} 个法院 × ${b.columns} 列）`,
      samples: b.samples,
      baseline: b.baseline,
      target: 100,
    });
    notes.push(
      `  (b1) 进程内调用 boards.province 处理函数（查活动、栏目、按 origin、section_id 一次 GROUP BY、折叠到一级栏目、排名、上报时间）；高院库共 ${b.allItems} 项，本活动有事项的下级法院 ${b.origins} 个。`,
    );
    notes.push(`       基线为同一 GROUP BY 以 better-sqlite3 预编译语句单独执行。查询计划：${b.plan}`);

    const uiRow = { name: `(b2) 预览中首次渲染下级法院进度（${b.rows} 行）`, samples: [], baseline: null, target: 500 };
    const app = await previewAppFor(uiRow, '(b2)');
    if (app) {
      // The preview writes (sessions, the audit log): it runs on a copy, the kept province stays as it was.
      const copy = path.join(work, 'matrix-ui', 'J23');
      fs.rmSync(copy, { recursive: true, force: true });
      fs.cpSync(high, copy, { recursive: true });
      try {
        const shown = await measureMatrixUi(uiRow, app, {
          dataDir: copy,
          campaignId: b.campaignId,
          expectedRows: b.rows,
        });
        if (shown !== null)
          notes.push(
            `  (b2) 应用已在活动列表，页面内从设置“下级法院进度”页地址起，到矩阵最后一行（第 ${shown} 行）进入 DOM 并布局完成（含取数与渲染）；基线为同一页面只经桥接取 boards.province 不渲染。`,
          );
      } finally {
        fs.rmSync(path.join(work, 'matrix-ui'), { recursive: true, force: true });
      }
    }
    rows.push(uiRow);
  }

  log('(r1-r2) 1000 项推进清单导出 PDF、XLSX …');
  const runs = Math.max(3, Math.ceil(reps / 2));
  // Run from the repository with tsx, not bundled: the PDF printer loads playwright-core with a
  // dynamic import(), which finds packages only next to the importing file, not on NODE_PATH.
  const reportOut = await run(
    '--import',
    ['tsx', path.join(root, 'scripts/bench/reportBench.ts'), '--runs', String(runs)],
    { capture: false },
  );
  const r = JSON.parse(/REPORT_JSON=(.*)/.exec(reportOut)[1]);
  rows.push({
    name: `(r1) ${r.items} 项推进清单导出 PDF（${r.pages} 页，浏览器已启动）`,
    samples: r.pdf,
    baseline: null,
    target: 1500,
  });
  rows.push({
    name: `(r1c) 同上，首次打印（含启动浏览器）`,
    samples: [r.pdfCold],
    baseline: null,
    target: null,
  });
  rows.push({
    name: `(r2) ${r.items} 项推进清单导出 XLSX（${(r.bytes / 1024).toFixed(0)} KiB）`,
    samples: r.xlsx,
    baseline: null,
    target: 2000,
  });
  rows.push({
    name: `(r3) 同一活动的书面活动总结导出 PDF（${r.summaryPages} 页）`,
    samples: r.summaryPdf,
    baseline: null,
    target: 3000,
  });
  rows.push({
    name: '(r4) 同一活动的书面活动总结导出 Word',
    samples: r.summaryDocx,
    baseline: null,
    target: null,
  });
  notes.push(
    '  (r1) 读数据、生成 HTML、在已启动的 Chromium 中打印为 A4 PDF（应用的工作线程在两次打印之间保留浏览器，空闲 60 秒后关闭）；(r1c) 进程中第一次打印，含启动浏览器（单次）；(r2) 读数据、用 exceljs 生成工作簿字节。',
    '  (r3-r4) 读数据、按数据起草四部分（十分之一事项标为亮点）、生成公文版式 HTML 并打印为 PDF / 用 docx 生成 Word 文件字节。',
  );
  return { rows, notes };
}

// ---------------------------------------------------------------------------------------------
// (t1-t5) Issue 12: the main loop's longest stall. scripts/bench/stallBench.ts runs from the
// repository with tsx (like reportBench: the PDF printer's dynamic import of playwright-core must
// resolve from the source tree) and reports one STALL_JSON line.

async function runStallRows() {
  log('(t1-t5) 主线程最长卡顿：导出 PDF、XLSX、DOCX，载入示例数据，当天首次亮灯记录 …');
  const out = await run(
    '--expose-gc',
    ['--import', 'tsx', path.join(root, 'scripts/bench/stallBench.ts'), '--runs', quick ? '1' : '3'],
    {
      capture: false,
    },
  );
  const t = JSON.parse(/STALL_JSON=(.*)/.exec(out)[1]);
  const rows = t.rows.map((r) => ({
    name: r.name,
    samples: r.via.map((s) => s.gapMs),
    baseline: r.here.map((s) => s.gapMs),
    targetText: '—',
  }));
  const notes = [
    '  最长卡顿：发起操作的进程（同预览服务器）中每 1 ms 触发一次的定时器，两次触发之间的最长间隔，从发起到完成（作业每 300 ms 轮询一次 jobs.get，与进度条相同）。',
    '  中位数列为经 dispatch 执行（重活在工作线程中）；基线列为同样的工作直接在该线程中调用（即移入工作线程之前的做法）。“倍数”小于 1 表示卡顿缩短。',
    ...t.rows.map(
      (r) =>
        `  ${r.name.split(' ')[0]} 总用时中位数：经 dispatch ${ms(median(r.via.map((s) => s.totalMs)))} ms，本线程 ${ms(median(r.here.map((s) => s.totalMs)))} ms。`,
    ),
    `  每项 ${t.runs} 次，${t.cpus} 核；首次运行含模块加载，故取中位数。`,
  ];
  return { rows, notes };
}

// ---------------------------------------------------------------------------------------------
// (m1-m2, p1-p2) Issue 13: the matrix and the province report at province scale; issue 18's scale
// row runs m1-m2 again on a bigger synthetic province.

/** The matrix rows on a province of `courts` roster courts, the reports (p1-p2) only when `withReports`. */
async function runMatrixSize(courts, withReports) {
  const dataDir = path.join(work, `matrix-${courts}`, 'J23');
  const args = [
    'tsx',
    path.join(root, 'scripts/bench/provinceMatrix.ts'),
    '--data',
    dataDir,
    '--courts',
    String(courts),
  ];
  args.push('--reps', String(Math.max(15, reps)));
  if (!withReports) args.push('--no-reports');
  const out = await run('--import', args, { capture: false });
  const m = JSON.parse(/MATRIX_JSON=(.*)/.exec(out)[1]);
  // Issue 13's rows keep their names; a bigger province's rows say its size in the label.
  const label = (row) => (courts === 165 ? `(${row})` : `(${row}·${courts})`);
  const rows = [
    {
      key: courts === 165 ? 'matrixHandler' : `matrixHandler${courts}`,
      name: `${label('m1')} 下级法院进度矩阵查询（${m.rows} 个法院 × ${m.columns} 栏，全库 ${m.items} 项）`,
      samples: m.matrix,
      baseline: m.baseline,
      target: 100,
    },
  ];
  const notes = [
    `  ${label('m1')} 进程内调用 boards.province：应报名单、按 origin、section_id 一次 GROUP BY（含上期完成率和红黄绿灯）、折叠到一级栏目、辖区小计与合计、排名（参加排名 ${m.ranked} 个，数据陈旧 ${m.stale} 个，未报送 ${m.missing} 个）、后进。`,
  ];
  const uiRow = {
    key: courts === 165 ? 'matrixRender' : `matrixRender${courts}`,
    name: `${label('m2')} 预览中首次渲染下级法院进度（${m.rows} 行 × ${m.columns} 栏）`,
    samples: [],
    baseline: null,
    target: 500,
  };
  const app = await previewAppFor(uiRow, label('m2'));
  const shown = app
    ? await measureMatrixUi(uiRow, app, { dataDir, campaignId: m.campaignId, expectedRows: m.rows })
    : null;
  if (shown !== null)
    notes.push(
      `  ${label('m2')} 到矩阵${shown < m.rows ? `首屏（DOM 中 ${shown} / ${m.rows} 行，其余滚动时绘制）` : `最后一行（第 ${shown} 行）`}进入 DOM 并布局完成；生成数据 ${(m.buildMs / 1000).toFixed(1)} s，不计入上表。`,
    );
  rows.push(uiRow);
  // The data folder is not needed after its rows: the 500-court one alone is about 0.5 GB.
  if (!keep) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  if (!withReports) return { rows, notes };
  rows.push({
    name: `(p1) ${m.rows} 个法院下级法院进度表导出 PDF（${m.pages} 页）`,
    samples: m.pdf,
    baseline: null,
    target: 3000,
  });
  rows.push({
    name: `(p2) ${m.rows} 个法院下级法院进度表导出 XLSX（${(m.bytes / 1024).toFixed(0)} KiB）`,
    samples: m.xlsx,
    baseline: null,
    target: 3000,
  });
  notes.push(
    '  (p1) 取数（同 m1）、生成 HTML、启动 Chromium 打印为 A4 横向 PDF（每次新启动浏览器，与命令行相同）；(p2) 取数、用 exceljs 生成工作簿字节。',
  );
  return { rows, notes };
}

/** Every size of --matrix-courts in turn (p1-p2 on the first), as one section. */
async function runMatrixRows() {
  const rows = [];
  const notes = [];
  for (const [index, courts] of matrixCourts.entries()) {
    const size = await runMatrixSize(courts, index === 0);
    rows.push(...size.rows);
    notes.push(...size.notes);
  }
  notes.push(
    '       m1 的基线为第 5 号议题矩阵基准的同一 GROUP BY（只数完成与逾期），以 better-sqlite3 预编译语句单独执行。',
    '       m2 从应用已在活动列表、设置“下级法院进度”页地址起计时（页面内计时，含取数、排序与渲染）；基线为同一页面只经桥接取 boards.province 不渲染。',
    `  全省数据直接写入高院数据库（同步链路见 s1-s4）：15 个中院，其余为基层法院平均分到各中院；每院 5 个专项活动 × 300 项。${matrixCourts.filter((n) => n !== 165).length ? '165 以外的规模为第 18 号议题的合成省份，只测 m1-m2。' : ''}`,
  );
  return { rows, notes };
}

// ---------------------------------------------------------------------------------------------
// (k1-k4) Issue 16: backups and verified restores. scripts/bench/backupBench.ts runs from the
// repository with tsx and reports one BACKUP_JSON line.

async function runBackupRows(provinceDir) {
  log('(k1-k4) 备份与校验后恢复 …');
  const args = ['tsx', path.join(root, 'scripts/bench/backupBench.ts'), '--work', path.join(work, 'backup')];
  args.push('--reps', String(Math.max(3, Math.ceil(reps / 2))));
  if (provinceDir) args.push('--province', provinceDir);
  const out = await run('--import', args, { capture: false });
  const k = JSON.parse(/BACKUP_JSON=(.*)/.exec(out)[1]);
  const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
  const rows = [
    {
      name: `(k1) 备份本院数据（${k.court.items} 项，加密，含佐证材料）`,
      samples: k.court.backup.samples,
      baseline: k.court.backup.baseline,
      target: 5000,
    },
    {
      name: '(k2) 校验后恢复（先另存恢复前备份）',
      samples: k.court.restore.samples,
      baseline: k.court.restore.baseline,
      target: 10000,
    },
  ];
  const notes = [
    `  (k1) 数据库 ${mb(k.court.databaseBytes)}，${k.court.evidenceFiles} 份佐证材料；备份文件 ${mb(k.court.backupBytes)}（scrypt 派生口令密钥、AES-256-GCM 流式加密、写完读回校验）。基线为同一数据库的 VACUUM INTO（一致快照本身）。`,
    '  (k2) 恢复到该数据文件夹的副本：校验（校验和、解密、integrity_check、审计链、每份佐证材料的哈希）、当前数据另存为恢复前备份、替换。基线为把明文快照复制到位再执行 integrity_check。',
  ];
  if (k.province) {
    rows.push(
      {
        name: `(k3) 备份高院数据（${k.province.items} 项）`,
        samples: k.province.backup.samples,
        baseline: k.province.backup.baseline,
        targetText: '报告数字',
      },
      {
        name: '(k4) 高院校验后恢复',
        samples: k.province.restore.samples,
        baseline: k.province.restore.baseline,
        targetText: '报告数字',
      },
    );
    notes.push(
      `  (k3-k4) 省级基准的高院数据库 ${mb(k.province.databaseBytes)}，备份文件 ${mb(k.province.backupBytes)}；恢复到副本（副本复制不计时）。`,
    );
  } else {
    notes.push('  (k3-k4) 未测：本次没有省级数据（不带 --no-sync 运行，或用 --province 指定保留的省级数据）。');
  }
  notes.push(
    `  开始与结束时系统 1 分钟平均负载 ${k.load.start.one.toFixed(1)} / ${k.load.end.one.toFixed(1)}（${k.load.start.cpus} 核）。`,
  );
  return { rows, notes };
}

/** A section of the report: its title, table, the rows not measured and why, then its notes. */
function printSection(title, { rows, notes }, extra = []) {
  console.log(title);
  console.log('');
  printTable(rows);
  console.log('');
  for (const r of rows) if (r.skipped) console.log(`  ${r.name.split(' ')[0]} ${r.skipped}`);
  [...notes, ...extra].forEach((note) => console.log(note));
  console.log('');
}

// ---------------------------------------------------------------------------------------------
// Whether the machine was loaded: the CPU time the whole machine spent (/proc/stat) less what this
// bench and all its children spent (/proc/<pid>/stat), over each section's wall time. The
// 1-minute load average cannot tell the bench's own two busy cores from someone else's.

/** utime + stime + cutime + cstime (clock ticks) and the parent of one /proc/<pid>/stat line. */
function processTimes(stat) {
  // Fields after the command name: state is field 3, so ppid (4) sits at 1 and utime/stime/cutime/cstime (14-17) at 11-14.
  const after = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { ppid: after[1], ticks: after[11] + after[12] + after[13] + after[14] };
}

/**
 * This process's CPU time with that of its children: those that ended (counted in cutime/cstime
 * once waited for) and those still running (the preview server, Chromium, esbuild's service),
 * found by walking /proc. Without the running ones, the bench's own children counted as "others".
 */
function ownTicks() {
  const all = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      all.set(Number(name), processTimes(fs.readFileSync(`/proc/${name}/stat`, 'utf8')));
    } catch {
      // ended meanwhile
    }
  }
  const ours = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, times] of all)
      if (!ours.has(pid) && ours.has(times.ppid)) {
        ours.add(pid);
        grew = true;
      }
  }
  let ticks = 0;
  for (const pid of ours) ticks += all.get(pid)?.ticks ?? 0;
  return ticks;
}

function cpuSnapshot() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
    return {
      busy: user + nice + system + irq + softirq + steal,
      total: user + nice + system + idle + iowait + irq + softirq + steal,
      ours: ownTicks(),
    };
  } catch {
    return null; // not Linux: only the load average is printed
  }
}

/** Wall time and machine load of each section that ran, in order. */
const sections = [];

/**
 * Runs one section, noting its wall time and how many cores other processes kept busy meanwhile.
 * A section that fails is noted and yields null, so the others' figures are still printed (the
 * stack goes to stderr; the run's exit code is then 1).
 */
async function timedSection(key, label, runSection) {
  const before = cpuSnapshot();
  const startedAt = Date.now();
  let result = null;
  let failed = null;
  try {
    result = await runSection();
  } catch (error) {
    failed = String(error?.message ?? error)
      .split('\n')
      .find((line) => line.trim())
      ?.slice(0, 120);
    log(`${label} 未能完成：${error?.stack ?? error}`);
    process.exitCode = 1;
  }
  const after = cpuSnapshot();
  const othersCores =
    before && after && after.total > before.total
      ? Math.max(
          0,
          ((after.busy - before.busy - (after.ours - before.ours)) / (after.total - before.total)) * os.cpus().length,
        )
      : null;
  // Clock ticks are 1/100 s on Linux (USER_HZ).
  const ownCpuS = before && after ? (after.ours - before.ours) / 100 : null;
  sections.push({ key, label, ms: Date.now() - startedAt, othersCores, ownCpuS, loadEnd: os.loadavg()[0], failed });
  return result;
}

/** Other processes keeping more than half a core busy on average make the figures of that section suspect. */
const LOADED_CORES = 0.5;
const machineText = (section) => {
  if (!section) return '—';
  if (section.othersCores === null) return `负载 ${section.loadEnd.toFixed(1)}`;
  return `${section.othersCores > LOADED_CORES ? '繁忙' : '空闲'}（他人 ${section.othersCores.toFixed(1)} 核）`;
};

function printSections(totalMs) {
  console.log('各部分用时与机器负载（“他人”为本基准以外的进程平均占用的核数，超过 0.5 核记为繁忙）');
  console.log('');
  const widths = [Math.max(...sections.map((s) => width(s.label)), 4), 8];
  for (const s of sections)
    console.log(
      `  ${pad(s.label, widths[0])}  ${pad(`${(s.ms / 1000).toFixed(1)} s`, widths[1], true)}  ${s.failed ? `未能完成（${s.failed}），` : ''}${machineText(s)}，${s.ownCpuS === null ? '' : `本基准 CPU ${s.ownCpuS.toFixed(1)} s，`}结束时 1 分钟平均负载 ${s.loadEnd.toFixed(1)}`,
    );
  // The bench's own CPU time depends little on the load: a rough measure of its work when the wall time is inflated.
  const ownCpuS = sections.reduce((sum, s) => sum + (s.ownCpuS ?? 0), 0);
  console.log(
    `  ${pad('合计', widths[0])}  ${pad(`${(totalMs / 1000).toFixed(1)} s`, widths[1], true)}  本基准 CPU ${ownCpuS.toFixed(1)} s`,
  );
  console.log('');
}

// ---------------------------------------------------------------------------------------------
// Issue 18's goals, from the rows by key (or by their label when a row has no key), so rows that
// other sections add or rename are picked up, and a row that is absent prints why.

/** Why a goal has no figure in this run: its section failed, or the options given left it out. */
function notRunReason(section) {
  const failed = sections.find((s) => s.key === section)?.failed;
  if (failed) return `该部分未能完成：${failed}`;
  if (section === 'foundation')
    return onlySync || onlyBoards || onlyStall || onlyMatrix || onlyBackup ? '本次只运行了 --only-… 指定的部分' : '';
  if (section === 'province') {
    if (!withSync) return '--no-sync';
    return onlyBoards || onlyStall || onlyMatrix || onlyBackup ? '本次只运行了 --only-… 指定的部分' : '';
  }
  if (section === 'boards')
    return onlySync || onlyStall || onlyMatrix || onlyBackup ? '本次只运行了 --only-… 指定的部分' : '';
  if (section === 'matrix') {
    if (quick && !onlyMatrix) return '快速运行不含全省规模矩阵，请单独运行 --only-matrix';
    return onlySync || onlyBoards || onlyStall || onlyBackup ? '本次只运行了 --only-… 指定的部分' : '';
  }
  return '';
}

/** The row with one of `keys`, else the one whose name starts with one of `labels` (each a key or a list). */
function findRow(rows, keys, labels = []) {
  const keyList = [keys].flat();
  const labelList = [labels].flat();
  return (
    rows.find((r) => keyList.includes(r.key)) ??
    rows.find((r) => labelList.some((label) => r.name.startsWith(`${label} `)))
  );
}

const ratioText = (value) =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : `×${value.toFixed(2)}`;

/**
 * One goal line from a row: `limit` in ms (median under it) or `maxRatio` (median ÷ baseline
 * median at most it). Returns the cells of the goal table.
 */
function goalFromRow(goal, requirement, row, section, { limit, maxRatio }) {
  const reason = notRunReason(section);
  if (!row) return [goal, requirement, '—', '—', '—', `未测（${reason || '本次输出中没有这一行'}）`, '—'];
  if (row.skipped || !row.samples?.length)
    return [
      goal,
      requirement,
      '—',
      '—',
      '—',
      `未测（${String(row.skipped ?? '没有样本').replace(/^未测（(.*)）$/, '$1')}）`,
      '—',
    ];
  const m = median(row.samples);
  const b = median(row.baseline);
  const ratio = b ? m / b : null;
  const met = limit !== undefined ? m < limit : ratio !== null && ratio <= maxRatio;
  return [
    goal,
    requirement,
    ms(m),
    ms(b),
    ratioText(ratio),
    ratio === null && limit === undefined ? '未测（没有基线）' : met ? '达到' : '未达到',
    machineText(sections.find((s) => s.key === section)),
  ];
}

/** The first round's relays into the high court in order: import time and its raw baseline. */
function relayCurve(p) {
  const curve = p.highImport?.curve;
  if (Array.isArray(curve) && curve.length)
    return curve
      .filter((point) => (point.round ?? 1) === 1)
      .map((point) => ({ import: point.ms, raw: point.rawMs ?? null }));
  const raws = p.highImport?.baseline ?? [];
  return (p.highImport?.samples ?? []).map((value, index) => ({ import: value, raw: raws[index] ?? null }));
}

function goalRows({ foundation, province, boards, matrix }) {
  const all = [...(foundation?.rows ?? []), ...(boards?.rows ?? []), ...(matrix?.rows ?? [])];
  const lines = [
    goalFromRow('(d) 首次渲染 5000 项事项表', '< 150 ms', findRow(all, 'firstRender', '(d)'), 'foundation', {
      limit: 150,
    }),
    goalFromRow(
      '(d50k) 首次渲染 50000 项事项表',
      '< 200 ms',
      findRow(all, ['firstRender50k', 'firstRenderHuge'], ['(d50k)', '(d5w)']),
      'foundation',
      {
        limit: 200,
      },
    ),
    goalFromRow('(c) items.list，5000 项', '≤ 原生×1.3', findRow(all, 'itemsList', '(c)'), 'foundation', {
      maxRatio: 1.3,
    }),
  ];
  // (c) is also met when the first screen does not call items.list at all; the (d) row says which
  // operations its first render called when uiBench records them.
  const render = findRow(all, 'firstRender', '(d)');
  const calls = render?.firstScreenOps;
  lines.push([
    '(c) 或：首屏不调用 items.list',
    '首屏不用',
    '—',
    '—',
    '—',
    Array.isArray(calls)
      ? calls.includes('items.list')
        ? '未达到（首屏调用了 items.list）'
        : '达到（所调用的接口见表下）'
      : `未测（${render && !render.skipped ? '(d) 未记录首屏调用的接口' : notRunReason('foundation') || '(d) 未运行'}）`,
    machineText(sections.find((s) => s.key === 'foundation')),
  ]);
  lines.push(
    goalFromRow('(a′) 冷启动到登录界面', '≤ 原生×2', findRow(all, 'coldStart', '(a′)'), 'foundation', { maxRatio: 2 }),
  );

  const p = province;
  const provinceReason = notRunReason('province');
  const syncRow = (key, part) => (p ? { key, name: key, samples: part.samples, baseline: part.baseline } : undefined);
  lines.push(
    goalFromRow('(s2) 中院导入基层法院上报包', '≤ 原生×2', syncRow('s2', p?.middleImport), 'province', { maxRatio: 2 }),
    goalFromRow('(s4) 高院导入中院转报包', '≤ 原生×2', syncRow('s4', p?.highImport), 'province', { maxRatio: 2 }),
  );
  const curve = p ? relayCurve(p) : [];
  if (curve.length >= 15) {
    const first = curve[0];
    const fifteenth = curve[14];
    const ratio = fifteenth.import / first.import;
    lines.push([
      '(s4) 第 15 包÷第 1 包',
      '≤ ×1.2',
      `${ms(fifteenth.import)} / ${ms(first.import)}`,
      first.raw && fifteenth.raw ? `${ms(fifteenth.raw)} / ${ms(first.raw)}` : '—',
      ratioText(ratio),
      ratio <= 1.2 ? '达到' : '未达到',
      machineText(sections.find((s) => s.key === 'province')),
    ]);
  } else {
    lines.push([
      '(s4) 第 15 包÷第 1 包',
      '≤ ×1.2',
      '—',
      '—',
      '—',
      `未测（${p ? `本次只有 ${curve.length} 个转报包；需 --courts 141 以上` : provinceReason || '没有省级数据'}）`,
      '—',
    ]);
  }
  lines.push(
    goalFromRow('(r1) 1000 项推进清单导出 PDF', '< 1500 ms', findRow(all, 'reportPdf', '(r1)'), 'boards', {
      limit: 1500,
    }),
  );
  // Every import of every round counts (with --relay-rounds the high court's database is biggest last).
  const peaks = p
    ? [p.middleImport?.memory?.maxRssMb, p.highImport?.memory?.maxRssMb, p.highImport?.allMemory?.maxRssMb].filter(
        Number.isFinite,
      )
    : [];
  if (peaks.length) {
    const peak = Math.max(...peaks);
    lines.push([
      '导入峰值内存（s2、s4）',
      '< 300 MB',
      `${peak.toFixed(0)} MB`,
      '—',
      '—',
      peak < 300 ? '达到' : '未达到',
      machineText(sections.find((s) => s.key === 'province')),
    ]);
  } else
    lines.push([
      '导入峰值内存（s2、s4）',
      '< 300 MB',
      '—',
      '—',
      '—',
      `未测（${provinceReason || '没有省级数据'}）`,
      '—',
    ]);
  for (const courts of matrixCourts.filter((n) => n !== 165)) {
    lines.push(
      goalFromRow(
        // The issue sets no figure for the bigger province: 165 courts' targets, for reference.
        `(m1·${courts}) 矩阵查询，${courts} 个法院（规模行）`,
        '参照 165 院 < 100 ms',
        findRow(all, `matrixHandler${courts}`),
        'matrix',
        {
          limit: 100,
        },
      ),
      goalFromRow(
        `(m2·${courts}) 首次渲染矩阵，${courts} 个法院（规模行）`,
        '参照 165 院 < 500 ms',
        findRow(all, `matrixRender${courts}`),
        'matrix',
        {
          limit: 500,
        },
      ),
    );
  }
  return lines;
}

/** `calls`: the operations the checklist's first screen called, when the (d) row recorded them. */
function printGoals(lines, calls) {
  console.log('第 18 号议题目标（中位数；倍数为中位数÷同次运行的基线中位数；“机器”为该部分运行时本基准以外的负载）');
  console.log('');
  const header = ['目标', '要求', '中位数 ms', '基线 ms', '倍数', '结论', '机器'];
  const widths = header.map((h, i) => Math.max(width(h), ...lines.map((line) => width(line[i]))));
  const right = new Set([2, 3, 4]);
  const line = (cells) =>
    cells
      .map((c, i) => pad(c, widths[i], right.has(i)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  lines.forEach((cells) => console.log(line(cells)));
  if (calls?.length) console.log(`\n  (c) 首屏（点击活动到第一行可见）调用的接口：${calls.join('、')}。`);
  const met = lines.filter((cells) => cells[5].startsWith('达到')).length;
  const missed = lines.filter((cells) => cells[5].startsWith('未达到')).length;
  console.log('');
  console.log(
    `  达到 ${met} 项，未达到 ${missed} 项，未测 ${lines.length - met - missed} 项。机器繁忙时的数字只作参考，请在空闲时重测。`,
  );
  console.log('');
}

async function main() {
  const started = Date.now();
  log(`基准测试临时目录：${work}`);
  if (quick)
    console.log(
      `快速运行（--quick）：每项 ${reps} 次、浏览器与冷启动 ${slowReps} 次，${courtsArg} 个基层法院的小省份，主线程卡顿各 1 轮；不含 165/500 个法院的全省矩阵与备份。数字只用于发现退步，目标以完整运行为准。`,
    );
  const bin = path.join(work, 'bin');
  const entries =
    onlyBoards || onlyStall || onlyMatrix || onlyBackup
      ? []
      : [...(onlySync ? [] : ['serviceBench', 'coldStart', 'coldRaw']), ...(withSync ? ['provinceBench'] : [])];
  if (!onlySync && !onlyStall && !onlyMatrix && !onlyBackup) entries.push('boardsBench');
  if (entries.length)
    await timedSection('build', '构建基准程序', () =>
      Promise.all([
        ...entries.map((name) =>
          build({ ...nodeCommon, entryPoints: [`scripts/bench/${name}.ts`], outfile: path.join(bin, `${name}.cjs`) }),
        ),
        // The demo and a big light sweep run in worker threads started from beside these bundles.
        ...(entries.length ? [buildWorker(bin)] : []),
      ]),
    );

  const only = onlySync || onlyBoards || onlyStall || onlyMatrix || onlyBackup;
  // The app for the browser rows is built (when dist/ is stale) before any section, so the build
  // is not counted in, nor loads the machine during, the first section that renders. A failed
  // build is reported by the rows that need it.
  if (withUi && (!only || onlyBoards || onlyMatrix))
    await timedSection('app', '构建预览应用', () => appForPreview().catch(() => null));
  const foundation = only ? null : await timedSection('foundation', '(a)-(f) 基础', () => runFoundationRows(bin));
  const province =
    withSync && !onlyBoards && !onlyStall && !onlyMatrix && !onlyBackup
      ? await timedSection('province', '(s1-s4) 省级同步', () => runProvince(bin))
      : null;
  const boards =
    onlySync || onlyStall || onlyMatrix || onlyBackup
      ? null
      : await timedSection('boards', '(b1-b2, r1-r4) 挂图与报表', () =>
          runBoardsRows(bin, onlyBoards ? keptProvince : province ? path.join(work, 'province') : ''),
        );
  const matrix =
    (!only && !quick) || onlyMatrix ? await timedSection('matrix', '(m1-m2, p1-p2) 全省矩阵', runMatrixRows) : null;
  const stall =
    onlySync || onlyBoards || onlyMatrix || onlyBackup
      ? null
      : await timedSection('stall', '(t1-t5) 主线程卡顿', runStallRows);
  const backup =
    (!only && !quick) || onlyBackup
      ? await timedSection('backup', '(k1-k4) 备份与恢复', () =>
          runBackupRows(onlyBackup ? keptProvince : province ? path.join(work, 'province') : ''),
        )
      : null;
  const today = foundation?.result.today ?? new Date().toLocaleDateString('sv-SE');
  const failedNote = (key) => {
    const section = sections.find((s) => s.key === key && s.failed);
    if (section) console.log(`${section.label}：未能完成（${section.failed}；详见标准错误输出）。\n`);
  };

  console.log('');
  console.log(
    `专项活动督导台 基准测试${quick ? '（快速运行）' : ''}（${today}，Node ${process.version}，${os.cpus()[0]?.model ?? ''} × ${os.cpus().length}）`,
  );
  console.log('');
  if (foundation) {
    const { rows, result } = foundation;
    printTable(rows);
    console.log('');
    for (const r of rows) {
      const note = r.skipped ?? r.note;
      if (note) console.log(`  ${r.name.split(' ')[0]} ${note}`);
    }
    console.log(
      `  基准数据：50×1000 库 ${result.info.fixtureFiftyItems} 项、${(result.info.fixtureFiftyBytes / 1048576).toFixed(1)} MB，生成用时 ${result.info.fixtureFiftyMs} ms；5000 项库生成用时 ${result.info.fixtureBigMs} ms。`,
    );
    console.log('');
  }
  failedNote('foundation');
  if (province) {
    printProvince(province);
    console.log('');
  }
  failedNote('province');
  if (boards)
    printSection(`挂图与报表（第 5 号议题）${onlyBoards ? `：使用保留的省级数据 ${keptProvince}` : ''}`, boards);
  if (matrix) printSection('全省矩阵与下级法院进度表（第 13 号议题；第 18 号议题的规模行）', matrix);
  if (stall) printSection('主线程最长卡顿（第 12 号议题 §5：重活移入工作线程）', stall);
  if (backup) printSection('备份与校验后恢复（第 16 号议题）', backup);
  ['app', 'boards', 'matrix', 'stall', 'backup'].forEach(failedNote);
  const totalMs = Date.now() - started;
  printSections(totalMs);
  printGoals(
    goalRows({ foundation, province, boards, matrix }),
    foundation?.rows.find((r) => r.key === 'firstRender')?.firstScreenOps,
  );
  console.log(
    `  所有数字均为中位数（另有说明的除外）；上表“结论”只对照目标；退出码只表示各部分是否都跑完，不表示是否达到目标。总用时 ${(totalMs / 1000).toFixed(1)} s${quick ? `（快速运行，目标 < 180 s：${totalMs < 180_000 ? '达到' : '未达到'}）` : ''}。`,
  );
}

main()
  .catch((error) => {
    console.error(`基准测试未能完成：${error.stack ?? error}`);
    process.exitCode = 1;
  })
  .finally(() => {
    if (keep) log(`保留临时目录：${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  });
