#!/usr/bin/env node
// `npm run dist`: builds the app and its installers with electron-builder (electron-builder.yml),
// e.g. `npm run dist -- --win --x64` or `npm run dist -- --linux --x64 --arm64`.
//
// electron-builder rebuilds better-sqlite3 *in place* for Electron's ABI (npmRebuild), which would
// leave node_modules unusable for plain Node (`npm test`, the preview). So the Node build of the
// native module is set aside first and put back afterwards, whatever happens.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot, run } from './lib/processes.mjs';

const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const builderArgs = args.filter((a) => a !== '--no-build');
// The installers are handed to courts by hand, never uploaded anywhere: without this, electron-builder
// on a CI tag build would try to publish to GitHub Releases.
if (!builderArgs.some((a) => a === '--publish' || a.startsWith('--publish=') || a === '-p')) {
  builderArgs.push('--publish', 'never');
}

const releaseDir = path.join(projectRoot, 'node_modules', 'better-sqlite3', 'build', 'Release');
const nodeBinaries = fs.existsSync(releaseDir) ? fs.readdirSync(releaseDir).filter((f) => f.endsWith('.node')) : [];
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-node-binding-'));

function restore() {
  for (const name of nodeBinaries) fs.copyFileSync(path.join(backupDir, name), path.join(releaseDir, name));
  fs.rmSync(backupDir, { recursive: true, force: true });
  if (nodeBinaries.length) console.log('已恢复 Node 版数据库组件（npm test 与本地预览继续可用）。');
}

let code = 1;
try {
  for (const name of nodeBinaries) fs.copyFileSync(path.join(releaseDir, name), path.join(backupDir, name));
  if (!skipBuild) {
    const build = await run(process.execPath, [path.join(projectRoot, 'scripts', 'build.mjs')]);
    if (build.code !== 0) throw new Error('构建失败');
  }
  const result = await run(process.execPath, [
    path.join(projectRoot, 'node_modules', 'electron-builder', 'cli.js'),
    '--config',
    'electron-builder.yml',
    ...builderArgs,
  ]);
  code = result.code ?? 1;
  console.log(
    code === 0
      ? '安装包已生成，位于 release/ 文件夹。'
      : '生成安装包失败，请查看上面的错误信息（需要联网下载 Electron 及打包工具）。',
  );
} catch (error) {
  console.error(`生成安装包失败：${error.message}`);
} finally {
  restore();
}
process.exit(code);
