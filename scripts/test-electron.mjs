#!/usr/bin/env node
// `npm run test:electron`: the desktop app's smoke test (tests/electron/smoke.spec.ts, Playwright's
// _electron), plus — with --packaged — two checks of what electron-builder produced.
//
//   node scripts/test-electron.mjs [--packaged release/linux-unpacked] [--required] [--summary FILE]
//     --packaged DIR  the unpacked build of `npm run dist` (release/win-unpacked, release/linux-unpacked,
//                     release/linux-arm64-unpacked): checks what resources/app.asar holds, starts the
//                     packaged executable itself (fuses on) on a fresh data folder until it has opened
//                     its database, then runs the smoke test on that app.asar with the stock Electron of
//                     the same version (the packaged executable has the Node inspector fuse off, and
//                     Playwright drives Electron through it)
//     --required      a smoke test that cannot run counts as failed (the release workflow)
//     --summary FILE  writes { status, passed, failed, reason } for scripts/test-all.mjs
//
// Without --packaged the app is the project itself (dist/ from `npm run build`, and better-sqlite3
// built for Electron in .electron-native/ by scripts/electron-native.mjs).
//
// Where it cannot run — no Electron binary on disk (Electron 45 downloads it on first use, which
// machines without internet cannot), or no display and no xvfb-run — it prints exactly one line
// saying so and why, and counts neither passed nor failed: the test did not prove anything either
// way, and `npm test` must stay usable on such machines. With --required the same is a failure.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { installedElectron, missingElectronReason } from './lib/electron.mjs';
import { packageVersion, projectRoot } from './lib/processes.mjs';

const LAUNCH_TIMEOUT_MS = 90_000;
// After the database is open, the packaged app must keep running this long (no crash, no error box).
const SETTLE_MS = 3_000;

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};
const required = args.includes('--required');
const summaryFile = option('--summary');
const packagedDir = option('--packaged') ? path.resolve(option('--packaged')) : null;

const results = [];
function record(name, ok, detail = '') {
  results.push({ name, ok });
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? `：${detail}` : ''}`);
}

function finish(status, reason = '') {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  if (summaryFile) {
    fs.mkdirSync(path.dirname(path.resolve(summaryFile)), { recursive: true });
    fs.writeFileSync(summaryFile, `${JSON.stringify({ status, passed, failed, reason }, null, 2)}\n`);
  }
  process.exit(status === 'failed' ? 1 : 0);
}

function notRun(reason) {
  if (required) {
    console.error(`Electron 冒烟测试无法运行：${reason}。此处必须运行，按失败计。`);
    results.push({ name: 'electron', ok: false });
    finish('failed', reason);
  }
  console.log(`Electron 冒烟测试未运行：${reason}。不计入通过或失败。`);
  finish('not-run', reason);
}

// ── What must run: an Electron binary, a display, an app ────────────────────────────────────────

const electronExecutable = installedElectron();
if (!electronExecutable) notRun(missingElectronReason());

const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
if (!hasDisplay) {
  const xvfb = spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' });
  if (xvfb.error) notRun('没有图形显示（DISPLAY），也没有 xvfb-run（apt-get install -y xvfb）');
  // Everything below, the packaged executable included, runs on a virtual screen of office size.
  const child = spawnSync(
    'xvfb-run',
    ['-a', '-s', '-screen 0 1440x900x24', process.execPath, ...process.execArgv, process.argv[1], ...args],
    { stdio: 'inherit' },
  );
  process.exit(child.status ?? 1);
}

function projectApp() {
  if (!fs.existsSync(path.join(projectRoot, 'dist', 'main', 'electron.js'))) {
    record('桌面程序已构建', false, '缺少 dist/main/electron.js，请先运行 npm run build');
    finish('failed');
  }
  // better-sqlite3 for Electron's ABI beside the Node build (quick when already there).
  const native = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'electron-native.mjs')], {
    stdio: 'inherit',
  });
  if (native.status !== 0) notRun('未能为 Electron 准备数据库组件 better-sqlite3（npm run electron:native）');
  return projectRoot;
}

// ── --packaged: what app.asar holds, and the packaged executable starting ──────────────────────

/** Paths in app.asar that the desktop app loads; and what must have been left out (see electron-builder.yml). */
const SHIPPED = [
  'package.json',
  'dist/main/electron.js',
  'dist/main/jobWorker.js',
  'dist/main/rowReader.js',
  'dist/main/vendor/zod.js',
  'dist/preload/preload.js',
  'dist/renderer/index.html',
  'migrations/0001_foundation.sql',
  'node_modules/better-sqlite3/package.json',
  'node_modules/better-sqlite3/lib/index.js',
  'node_modules/bindings/bindings.js',
];
const LEFT_OUT = [
  /^dist\/cli\//,
  /^dist\/main\/preview\.js$/,
  /^dist\/preload\/previewBridge\.js$/,
  /\.map$/,
  /^src\//,
  /^tests\//,
  /(^|\/)node_modules\/prebuild-install\//,
  /(^|\/)node_modules\/better-sqlite3\/(deps|src)\//,
  /(^|\/)node_modules\/better-sqlite3\/build\/(?!Release(\/better_sqlite3\.node)?$)/,
];

function checkAsar(resources) {
  const archive = path.join(resources, 'app.asar');
  if (!fs.existsSync(archive)) {
    record('app.asar 的内容', false, `找不到 ${archive}`);
    return null;
  }
  const { listPackage } = createRequire(import.meta.url)('@electron/asar');
  const entries = new Set(
    listPackage(archive, { isPack: false }).map((entry) => entry.replace(/\\/g, '/').replace(/^\//, '')),
  );
  const missing = SHIPPED.filter((file) => !entries.has(file));
  const extra = [...entries].filter((entry) => LEFT_OUT.some((rule) => rule.test(entry)));
  const nativeModule = path.join(
    resources,
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  const unpacked = fs.existsSync(nativeModule);
  const size = (fs.statSync(archive).size / 1024 / 1024).toFixed(1);
  const problems = [
    ...missing.map((file) => `缺少 ${file}`),
    ...extra.slice(0, 10).map((file) => `不应打包 ${file}`),
    ...(unpacked ? [] : ['app.asar.unpacked 中缺少 better_sqlite3.node']),
  ];
  record(
    'app.asar 的内容',
    problems.length === 0,
    problems.length ? problems.join('；') : `${entries.size} 个条目，${size} MB`,
  );
  return archive;
}

function packagedExecutable(dir) {
  // win.executableName and linux.executableName in electron-builder.yml.
  const file = path.join(
    dir,
    process.platform === 'win32' ? 'CourtCampaignSupervisor.exe' : 'court-campaign-supervisor',
  );
  return fs.existsSync(file) ? file : null;
}

function killTree(child) {
  if (child.exitCode !== null) return;
  if (process.platform === 'win32') spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
  else {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }
}

/** The packaged executable (fuses, asar integrity, its own native module) opens a fresh data folder. */
async function checkPackagedLaunch(dir) {
  const executable = packagedExecutable(dir);
  if (!executable) return record('安装版程序启动', false, `在 ${dir} 中找不到程序文件`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-packaged-'));
  const database = path.join(dataDir, 'court.sqlite3');
  // Linux CI runners lack the SUID sandbox helper and unprivileged user namespaces.
  const launchArgs = [`--user-data-dir=${dataDir}`, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])];
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(executable, launchArgs, { env, detached: process.platform !== 'win32', stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const started = Date.now();
  let opened = false;
  while (Date.now() - started < LAUNCH_TIMEOUT_MS && child.exitCode === null) {
    if (fs.existsSync(database)) {
      opened = true;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (opened) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const stillRunning = child.exitCode === null;
  killTree(child);
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  const ok = opened && stillRunning;
  const detail = ok
    ? `${path.basename(executable)} 已打开数据库（${((Date.now() - started) / 1000).toFixed(1)} 秒）`
    : `${opened ? '打开数据库后退出' : '没有打开数据库'}（退出码 ${child.exitCode}）\n${output.split('\n').slice(-30).join('\n')}`;
  record('安装版程序启动', ok, detail);
  const mainLog = path.join(dataDir, 'logs', 'main.log');
  if (!ok && fs.existsSync(mainLog)) console.log(fs.readFileSync(mainLog, 'utf8').split('\n').slice(-30).join('\n'));
  fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
}

// ── The smoke test ──────────────────────────────────────────────────────────────────────────────

let app;
if (packagedDir) {
  app = checkAsar(path.join(packagedDir, 'resources'));
  await checkPackagedLaunch(packagedDir);
  if (!app) finish('failed');
} else {
  app = projectApp();
}

console.log(
  `Electron ${packageVersion('electron')}（${path.relative(projectRoot, electronExecutable)}）启动 ${path.relative(projectRoot, app) || '本项目'}`,
);
const report = path.join(projectRoot, 'test-results', 'electron.json');
fs.rmSync(report, { force: true });
const playwright = spawnSync(
  process.execPath,
  [
    path.join(projectRoot, 'node_modules', '@playwright', 'test', 'cli.js'),
    'test',
    '--config',
    path.join(projectRoot, 'tests', 'electron', 'playwright.config.ts'),
  ],
  { stdio: 'inherit', cwd: projectRoot, env: { ...process.env, COURT_ELECTRON_APP: app } },
);
let stats = null;
try {
  stats = JSON.parse(fs.readFileSync(report, 'utf8')).stats;
} catch {
  stats = null;
}
if (!stats || stats.expected + stats.unexpected + stats.flaky + stats.skipped === 0) {
  record('Electron 冒烟测试', false, `没有得到测试结果（退出码 ${playwright.status}）`);
} else {
  for (let i = 0; i < stats.expected; i += 1) results.push({ name: 'smoke', ok: true });
  // Flaky or skipped did not pass cleanly, so it did not pass.
  for (let i = 0; i < stats.unexpected + stats.flaky + stats.skipped; i += 1)
    results.push({ name: 'smoke', ok: false });
  if (playwright.status !== 0 && !results.some((r) => !r.ok)) results.push({ name: 'smoke', ok: false });
}
finish(results.every((r) => r.ok) ? 'passed' : 'failed');
