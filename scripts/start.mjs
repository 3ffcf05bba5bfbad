#!/usr/bin/env node
// `npm start`: builds the app, then opens it in its Electron window. Where Electron cannot be
// downloaded (no internet) or cannot start (no desktop, missing system libraries), it says so in
// plain Chinese and opens the local preview in the browser instead — same app, same data folder.
//
//   node scripts/start.mjs [--preview] [--no-build] [--data DIR] [--port N]
//     --preview    skip Electron, open the local preview directly
//     --no-build   use the existing dist/ as is
//     --data/--port are passed to the local preview
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { electronDir, installedElectron } from './lib/electron.mjs';
import { electronBuildEnv, projectRoot, run } from './lib/processes.mjs';

const ELECTRON_INSTALL_TIMEOUT_MS = 10 * 60_000;
const NATIVE_TIMEOUT_MS = 25 * 60_000;
// An Electron that exits with an error this soon never showed a usable window.
const EARLY_FAILURE_MS = 20_000;

const args = process.argv.slice(2);
const previewOnly = args.includes('--preview') || process.env.COURT_PREVIEW_ONLY === '1';
const skipBuild = args.includes('--no-build');
const previewArgs = [];
for (const flag of ['--data', '--port']) {
  const index = args.indexOf(flag);
  if (index >= 0 && args[index + 1]) previewArgs.push(flag, args[index + 1]);
}

async function ensureElectron() {
  if (!fs.existsSync(path.join(electronDir, 'install.js')))
    return { executable: null, reason: '没有安装 electron 开发包' };
  const ready = installedElectron();
  if (ready) return { executable: ready };
  console.log('正在下载 Electron 桌面程序组件（约 100 MB，只需一次）……');
  const result = await run(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: electronDir,
    env: electronBuildEnv(),
    timeoutMs: ELECTRON_INSTALL_TIMEOUT_MS,
    quiet: true,
  });
  const executable = installedElectron();
  if (executable) return { executable };
  return { executable: null, reason: result.timedOut ? '下载超时' : '无法下载（可能没有连接互联网）' };
}

async function ensureNativeModule() {
  const result = await run(process.execPath, [path.join(projectRoot, 'scripts', 'electron-native.mjs')], {
    timeoutMs: NATIVE_TIMEOUT_MS,
  });
  return result.code === 0;
}

function hasDesktop() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function forwardSignals(child) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
}

const DOWNLOAD_HINT = [
  '如需桌面窗口：请在能上网的电脑上重新运行 npm start（只需下载一次）；境内网络较慢时，',
  '可先设置环境变量 ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ 再运行。',
];

async function runPreview(reason, hint = []) {
  if (reason) {
    console.log('');
    console.log(`【提示】${reason}`);
    console.log('已改为打开本地预览：督导台在本机浏览器中运行，功能与桌面版相同，使用同一个数据文件夹，数据不会外传。');
    for (const line of hint) console.log(line);
    console.log('');
  }
  const child = spawn(
    process.execPath,
    [path.join(projectRoot, 'dist', 'main', 'preview.js'), '--open', ...previewArgs],
    {
      cwd: projectRoot,
      stdio: 'inherit',
    },
  );
  forwardSignals(child);
  child.on('close', (code) => process.exit(code ?? 0));
}

function runElectron(executable) {
  const started = Date.now();
  let settled = false;
  const fallBack = (reason) => {
    if (settled) return;
    settled = true;
    void runPreview(reason);
  };
  const child = spawn(executable, [projectRoot], {
    cwd: projectRoot,
    stdio: 'inherit',
    env: electronBuildEnv(),
    windowsHide: false,
  });
  forwardSignals(child);
  child.once('error', () => fallBack('Electron 桌面程序无法启动。'));
  child.once('close', (code, signal) => {
    const interrupted = signal === 'SIGINT' || signal === 'SIGTERM';
    if (code !== 0 && !interrupted && Date.now() - started < EARLY_FAILURE_MS) {
      fallBack('Electron 桌面窗口没能正常打开（可能缺少图形界面或系统组件）。');
      return;
    }
    if (!settled) process.exit(code ?? 0);
  });
}

async function main() {
  if (!skipBuild) {
    console.log('正在构建督导台……');
    const build = await run(process.execPath, [path.join(projectRoot, 'scripts', 'build.mjs')]);
    if (build.code !== 0) {
      console.error('构建失败，请查看上面的错误信息。');
      process.exit(1);
    }
  }
  if (!fs.existsSync(path.join(projectRoot, 'dist', 'main', 'preview.js'))) {
    console.error('找不到构建结果 dist/，请去掉 --no-build 重新运行。');
    process.exit(1);
  }
  if (previewOnly) return runPreview('');
  if (!fs.existsSync(path.join(projectRoot, 'dist', 'main', 'electron.js')))
    return runPreview('桌面程序尚未构建（缺少 dist/main/electron.js）。');

  const electron = await ensureElectron();
  if (!electron.executable) {
    return runPreview(`未能在这台电脑上下载 Electron 桌面程序组件：${electron.reason}。`, DOWNLOAD_HINT);
  }
  if (!(await ensureNativeModule())) {
    return runPreview(
      '未能为 Electron 准备数据库组件 better-sqlite3（需要联网下载，或本机具备 C++ 编译环境）。',
      DOWNLOAD_HINT,
    );
  }
  if (!hasDesktop()) return runPreview('这台电脑当前没有图形桌面，无法打开 Electron 桌面窗口。');
  console.log('正在打开督导台桌面窗口……');
  return runElectron(electron.executable);
}

await main();
