// `npm run bench`: prints medians of the figures the foundation issue asks for; asserts nothing and
// is not part of the test suite.
//   (a) start-up work on 50 campaigns × 1,000 items (in-process, and as a fresh process)
//   (b) stats.campaignProgress on 5,000 items (target under 20 ms)
//   (c) items.list on 5,000 items (for reference)
//   (d) first render of the 5,000-item table in the preview (target under 300 ms)
//   (e) loading the demo data set (target under 2 s)
//   (s1-s4) issue 4's province sync: 1 high, 15 intermediate, 150 basic courts, each with
//       5 campaigns × 300 items and 12 monthly notes per item; export, import into the parent,
//       relay into the high court, each import against a raw better-sqlite3 insert of the same
//       rows (target: within 3×, peak memory under 300 MB). See scripts/bench/provinceBench.ts.
//   (b1-b2) issue 5's higher-court matrix on that province's high court after every relay: the
//       boards.province handler in-process (target under 100 ms; baseline the bare GROUP BY) and
//       the first render of the 下级法院进度 tab in the preview on a copy of the high court's data
//       (target under 500 ms). See scripts/bench/boardsBench.ts and uiBench.mjs.
//   (r1-r2) a 1,000-item checklist report to PDF (target under 5 s) and to XLSX (target under 2 s),
//   (r3-r4) the written 活动总结 of that campaign to PDF (target under 3 s) and to Word,
//       scripts/bench/reportBench.ts.
//   (m1-m2, p1-p2) issue 13's matrix at province scale: a high court holding 165 roster courts
//       (15 intermediate, 150 basic; 5 campaigns × 300 items each, the matrix's campaign with 12
//       sections; some stale, a few never reported) written straight into its database; the
//       boards.province handler (target under 100 ms; baseline issue 5's bare GROUP BY), the
//       first render of the matrix in the preview (target under 500 ms; baseline the fetch alone),
//       and the province report (下级法院进度表) to PDF and XLSX (each under 3 s). See
//       scripts/bench/provinceMatrix.ts and uiBench.mjs.
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
// Options: --reps N (default 9), --keep (keep the temp folder), --no-ui (skip the browser),
//   --no-sync (skip the province, and so b1-b2), --only-sync (only the province's sync rows),
//   --courts N (basic courts in the province, default 150; ten per intermediate court, e.g. 1, 3
//   or 15 for a quick run), --sync-cpu-prof DIR (CPU profiles of the first basic and the first
//   relay import, into DIR), --only-boards --province DIR (only b1-b2 and r1-r2, on a province
//   kept by an earlier `--keep` run: DIR is that run's temp folder or its province/ folder),
//   --only-stall (only t1-t5), --only-matrix (only m1-m2 and p1-p2), --only-backup (only k1-k4;
//   with --province DIR for k3-k4 on a kept province).
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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const argv = process.argv.slice(2);
const repsArg = argv.includes('--reps') ? Number(argv[argv.indexOf('--reps') + 1]) : NaN;
const reps = Number.isInteger(repsArg) && repsArg > 0 ? repsArg : 9;
const keep = argv.includes('--keep');
const withUi = !argv.includes('--no-ui');
const onlySync = argv.includes('--only-sync');
const withSync = !argv.includes('--no-sync');
const courtsArg = argv.includes('--courts') ? Number(argv[argv.indexOf('--courts') + 1]) : 150;
const syncCpuProf = argv.includes('--sync-cpu-prof') ? path.resolve(argv[argv.indexOf('--sync-cpu-prof') + 1]) : '';
const onlyBoards = argv.includes('--only-boards');
const onlyStall = argv.includes('--only-stall');
const onlyMatrix = argv.includes('--only-matrix');
const onlyBackup = argv.includes('--only-backup');
const keptProvince = argv.includes('--province') ? path.resolve(argv[argv.indexOf('--province') + 1]) : '';
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
      code === 0 ? resolve(stdout) : reject(new Error(`${path.basename(file)} 退出码 ${code}\n${stderr}`)),
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

/** The worker-thread bundle the main-process code starts (src/main/workers/workerPool.ts looks for
 * jobWorker.js beside its own bundle), as scripts/build.mjs builds it. */
function buildWorker(dir) {
  return build({
    ...nodeCommon,
    // Printing with Chromium is not benchmarked from these bundles; the app's build keeps it external too.
    external: [...nodeCommon.external, 'playwright-core'],
    entryPoints: ['src/main/workers/jobWorker.ts'],
    outfile: path.join(dir, 'jobWorker.js'),
  });
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
  for (let i = 0; i < Math.max(5, Math.ceil(reps / 2)); i += 1) {
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

  let uiRow = {
    key: 'firstRender',
    name: '(d) 预览中首次渲染 5000 项事项表',
    samples: [],
    target: 300,
    baseline: null,
  };
  if (!withUi) {
    uiRow.skipped = '未测（--no-ui）';
  } else {
    let app = null;
    try {
      app = await appForPreview();
      log(`(d) 首次渲染：${app.source}`);
    } catch (error) {
      uiRow.skipped = `未测（构建失败：${String(error.message ?? error)
        .split('\n')[0]
        .slice(0, 80)}）`;
    }
    if (app) {
      const ui = await runUiBench({
        previewJs: app.previewJs,
        dataDir: result.dirs.big,
        title: result.bigCampaignTitle,
        campaignId: result.bigCampaignId,
        reps: Math.max(5, Math.ceil(reps / 2)),
        env,
        log,
        account: { username: 'bench', password: 'Bench2026x' },
      });
      if (ui.skipped) uiRow.skipped = ui.skipped;
      else {
        uiRow.samples = ui.samples;
        uiRow.baseline = ui.baseline.length ? ui.baseline : null;
        uiRow.note = `${ui.via}到第一行 data-testid="item-row" 可见（页面内计时，含取数与渲染）；基线为同一页面只经桥接取 items.list 不渲染；渲染后 DOM 中的行数 ${ui.rowsInDom}`;
      }
    }
  }
  rows.splice(4, 0, uiRow);
  return { rows, result };
}

// ---------------------------------------------------------------------------------------------
// (s1-s4) The province sync bench: scripts/bench/provinceBench.ts does the work in its own
// child processes and reports one PROVINCE_JSON line.

async function runProvince(bin) {
  const args = ['run', '--work', path.join(work, 'province'), '--courts', String(courtsArg)];
  if (syncCpuProf) args.push('--cpu-prof', syncCpuProf);
  const out = await run(path.join(bin, 'provinceBench.cjs'), args, { capture: false });
  return JSON.parse(/PROVINCE_JSON=(.*)/.exec(out)[1]);
}

function provinceRows(p) {
  const basicName = `${p.perCourt.campaigns}×${p.perCourt.itemsPerCampaign} 项`;
  const importTarget = '≤ 基线×3，< 300 MB';
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
  console.log(
    `  基线：同样的行由 better-sqlite3 预编译 INSERT 逐行插入，每包一个事务，插入目标为导入前该院数据库的副本（同一迁移、索引、外键与全文检索触发器）；行事先读入内存，不计时。`,
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
    reps: Math.max(5, Math.ceil(reps / 2)),
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
    name: `(r1) ${r.items} 项推进清单导出 PDF（${r.pages} 页）`,
    samples: r.pdf,
    baseline: null,
    target: 5000,
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
    '  (r1) 读数据、生成 HTML、启动 Chromium 打印为 A4 PDF（每次新启动浏览器，与应用和命令行相同）；(r2) 读数据、用 exceljs 生成工作簿字节。',
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
    ['--import', 'tsx', path.join(root, 'scripts/bench/stallBench.ts'), '--runs', '3'],
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
// (m1-m2, p1-p2) Issue 13: the matrix and the province report at province scale.

async function runMatrixRows() {
  const dataDir = path.join(work, 'matrix', 'J23');
  const out = await run(
    '--import',
    [
      'tsx',
      path.join(root, 'scripts/bench/provinceMatrix.ts'),
      '--data',
      dataDir,
      '--reps',
      String(Math.max(15, reps)),
    ],
    { capture: false },
  );
  const m = JSON.parse(/MATRIX_JSON=(.*)/.exec(out)[1]);
  const rows = [
    {
      name: `(m1) 下级法院进度矩阵查询（${m.rows} 个法院 × ${m.columns} 栏，全库 ${m.items} 项）`,
      samples: m.matrix,
      baseline: m.baseline,
      target: 100,
    },
  ];
  const notes = [
    `  (m1) 进程内调用 boards.province：应报名单、按 origin、section_id 一次 GROUP BY（含上期完成率和红黄绿灯）、折叠到一级栏目、辖区小计与合计、排名（参加排名 ${m.ranked} 个，数据陈旧 ${m.stale} 个，未报送 ${m.missing} 个）、后进。`,
    '       基线为第 5 号议题矩阵基准的同一 GROUP BY（只数完成与逾期），以 better-sqlite3 预编译语句单独执行。',
  ];
  const uiRow = {
    name: `(m2) 预览中首次渲染下级法院进度（${m.rows} 行 × ${m.columns} 栏）`,
    samples: [],
    baseline: null,
    target: 500,
  };
  const app = await previewAppFor(uiRow, '(m2)');
  const shown = app
    ? await measureMatrixUi(uiRow, app, { dataDir, campaignId: m.campaignId, expectedRows: m.rows })
    : null;
  if (shown !== null)
    notes.push(
      `  (m2) 应用已在活动列表，页面内从设置“下级法院进度”页地址起，到矩阵最后一行（第 ${shown} 行）进入 DOM 并布局完成（含取数、排序与渲染）；基线为同一页面只经桥接取 boards.province 不渲染。`,
    );
  rows.push(uiRow);
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
    `  全省数据直接写入高院数据库（同步链路见 s1-s4），生成用时 ${(m.buildMs / 1000).toFixed(1)} s，不计入上表。`,
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

async function main() {
  const started = Date.now();
  log(`基准测试临时目录：${work}`);
  const bin = path.join(work, 'bin');
  const entries =
    onlyBoards || onlyStall || onlyMatrix || onlyBackup
      ? []
      : [...(onlySync ? [] : ['serviceBench', 'coldStart', 'coldRaw']), ...(withSync ? ['provinceBench'] : [])];
  if (!onlySync && !onlyStall && !onlyMatrix && !onlyBackup) entries.push('boardsBench');
  await Promise.all([
    ...entries.map((name) =>
      build({ ...nodeCommon, entryPoints: [`scripts/bench/${name}.ts`], outfile: path.join(bin, `${name}.cjs`) }),
    ),
    // The demo and a big light sweep run in worker threads started from beside these bundles.
    ...(entries.length ? [buildWorker(bin)] : []),
  ]);

  const only = onlySync || onlyBoards || onlyStall || onlyMatrix || onlyBackup;
  const foundation = only ? null : await runFoundationRows(bin);
  const province = withSync && !onlyBoards && !onlyStall && !onlyMatrix && !onlyBackup ? await runProvince(bin) : null;
  const boards =
    onlySync || onlyStall || onlyMatrix || onlyBackup
      ? null
      : await runBoardsRows(bin, onlyBoards ? keptProvince : province ? path.join(work, 'province') : '');
  const matrix = !only || onlyMatrix ? await runMatrixRows() : null;
  const stall = onlySync || onlyBoards || onlyMatrix || onlyBackup ? null : await runStallRows();
  const backup =
    !only || onlyBackup
      ? await runBackupRows(onlyBackup ? keptProvince : province ? path.join(work, 'province') : '')
      : null;
  const today = foundation?.result.today ?? new Date().toLocaleDateString('sv-SE');

  console.log('');
  console.log(
    `专项活动督导台 基准测试（${today}，Node ${process.version}，${os.cpus()[0]?.model ?? ''} × ${os.cpus().length}）`,
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
  if (province) {
    printProvince(province);
    console.log('');
  }
  if (boards)
    printSection(`挂图与报表（第 5 号议题）${onlyBoards ? `：使用保留的省级数据 ${keptProvince}` : ''}`, boards);
  if (matrix) {
    const load = os.loadavg();
    printSection('全省矩阵与下级法院进度表（第 13 号议题）', matrix, [
      `  结束时系统平均负载 ${load.map((v) => v.toFixed(2)).join(' / ')}（1/5/15 分钟，${os.cpus().length} 核）。`,
    ]);
  }
  if (stall) printSection('主线程最长卡顿（第 12 号议题 §5：重活移入工作线程）', stall);
  if (backup) printSection('备份与校验后恢复（第 16 号议题）', backup);
  console.log(
    `  所有数字均为中位数（另有说明的除外）；本脚本只打印，不判定通过与否。总用时 ${((Date.now() - started) / 1000).toFixed(1)} s。`,
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
