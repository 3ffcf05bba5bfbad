#!/usr/bin/env node
// Builds better-sqlite3's native module for Electron's ABI into .electron-native/ WITHOUT touching
// node_modules/better-sqlite3 (whose build serves plain Node: `npm test`, the preview, the command
// line). A copy of the package is built in a temporary folder: first a prebuilt binary via
// prebuild-install, else a source build with node-gyp against Electron's headers.
//
//   node scripts/electron-native.mjs [--force] [--arch x64|arm64]
//
// Exit code 0 when .electron-native/better_sqlite3.node matches the installed Electron, else 1.
// Development only: packaged apps get their module rebuilt by electron-builder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBuildEnv, packageVersion, projectRoot, run } from './lib/processes.mjs';

const PREBUILT_TIMEOUT_MS = 3 * 60_000;
const SOURCE_TIMEOUT_MS = 20 * 60_000;
const HEADERS_URL = 'https://electronjs.org/headers';

const args = process.argv.slice(2);
const force = args.includes('--force');
const archIndex = args.indexOf('--arch');
const arch = archIndex >= 0 ? args[archIndex + 1] : process.arch;

const outDir = path.join(projectRoot, '.electron-native');
const outFile = path.join(outDir, 'better_sqlite3.node');
const infoFile = path.join(outDir, 'build-info.json');
const sourceDir = path.join(projectRoot, 'node_modules', 'better-sqlite3');

function expectedInfo() {
  return {
    electron: packageVersion('electron'),
    platform: process.platform,
    arch,
    betterSqlite3: packageVersion('better-sqlite3'),
  };
}

function isUpToDate(expected = expectedInfo()) {
  try {
    const info = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
    return (
      ['electron', 'platform', 'arch', 'betterSqlite3'].every((k) => info[k] === expected[k]) &&
      fs.statSync(outFile).size > 0
    );
  } catch {
    return false;
  }
}

async function headersReachable(version) {
  try {
    const response = await fetch(`${HEADERS_URL}/v${version}/SHASUMS256.txt`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(15_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function main() {
  const expected = expectedInfo();
  if (!force && isUpToDate(expected)) {
    console.log(
      `Electron 版数据库组件已就绪（Electron ${expected.electron}，${expected.platform}-${expected.arch}）。`,
    );
    return 0;
  }
  console.log(
    `正在为 Electron ${expected.electron}（${expected.platform}-${expected.arch}）准备数据库组件 better-sqlite3 ${expected.betterSqlite3}……`,
  );

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'court-electron-native-'));
  const moduleDir = path.join(tmp, 'better-sqlite3');
  try {
    // Everything but the Node build: that one stays where it is, untouched.
    fs.cpSync(sourceDir, moduleDir, {
      recursive: true,
      filter: (src) => path.relative(sourceDir, src).split(path.sep)[0] !== 'build',
    });
    const built = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
    const env = electronBuildEnv();
    let method = '';

    const prebuilt = await run(
      process.execPath,
      [
        path.join(projectRoot, 'node_modules', 'prebuild-install', 'bin.js'),
        '--runtime',
        'electron',
        '--target',
        expected.electron,
        '--arch',
        arch,
        '--platform',
        process.platform,
        '--tag-prefix',
        'v',
      ],
      { cwd: moduleDir, env, timeoutMs: PREBUILT_TIMEOUT_MS, quiet: true },
    );
    if (prebuilt.code === 0 && fs.existsSync(built)) {
      method = 'prebuilt';
    } else {
      const devdir = path.join(os.homedir(), '.electron-gyp');
      const haveHeaders = fs.existsSync(path.join(devdir, expected.electron, 'include', 'node', 'common.gypi'));
      if (!haveHeaders && !(await headersReachable(expected.electron))) {
        console.error(
          '没有现成的 Electron 版数据库组件可下载，也无法连接 electronjs.org 获取编译所需的头文件（可能没有连接互联网）。',
        );
        return 1;
      }
      console.log('没有可下载的现成组件，改为从源码编译（需要 C++ 编译环境，约需数分钟）……');
      const source = await run(
        process.execPath,
        [
          path.join(projectRoot, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
          'rebuild',
          '--release',
          `--target=${expected.electron}`,
          `--arch=${arch}`,
          `--dist-url=${HEADERS_URL}`,
          '--runtime=electron',
          `--devdir=${devdir}`,
        ],
        { cwd: moduleDir, env, timeoutMs: SOURCE_TIMEOUT_MS, quiet: true },
      );
      if (source.code !== 0 || !fs.existsSync(built)) {
        console.error(source.timedOut ? '编译超时，已停止。' : '从源码编译失败。');
        console.error(source.output.split('\n').slice(-25).join('\n'));
        return 1;
      }
      method = 'source';
    }

    fs.mkdirSync(outDir, { recursive: true });
    const partial = `${outFile}.partial`;
    fs.copyFileSync(built, partial);
    fs.renameSync(partial, outFile);
    fs.writeFileSync(
      infoFile,
      `${JSON.stringify({ ...expected, method, builtAt: new Date().toISOString() }, null, 2)}\n`,
    );
    console.log(
      `Electron 版数据库组件已生成：${path.relative(projectRoot, outFile)}（${method === 'prebuilt' ? '下载的现成组件' : '源码编译'}）。`,
    );
    return 0;
  } catch (error) {
    console.error('准备 Electron 版数据库组件时出错：', error);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

process.exitCode = await main();
