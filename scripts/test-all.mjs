// `npm test`: type-check, build, lint (ESLint, with the process-boundary rules, and Prettier), the
// Node suites (vitest) and the browser suites (Playwright on Debian's Chromium), then one line
// `N passed, N failed` summing them all. Exits non-zero when anything fails or a suite could not
// run at all; nothing is skipped silently.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const results = [];
const run = (command, args, env = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });

function step(name, command, args) {
  console.log(`\n=== ${name} ===`);
  const status = run(command, args).status;
  results.push({ name, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
  return status === 0;
}

function suiteFromReport(name, status, reportFile, read) {
  let counts = null;
  try {
    counts = read(JSON.parse(fs.readFileSync(reportFile, 'utf8')));
  } catch {
    counts = null;
  }
  if (!counts || counts.passed + counts.failed === 0) {
    console.error(`${name}：没有得到测试结果（退出码 ${status}），按失败计。`);
    results.push({ name, passed: 0, failed: 1 });
    return;
  }
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  results.push({ name, ...counts });
}

fs.rmSync('test-results', { recursive: true, force: true });
fs.mkdirSync('test-results', { recursive: true });

const typed = step('类型检查 (tsc)', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
const built = step('构建 (build)', 'node', ['scripts/build.mjs']);
step('代码检查 (lint)', 'npm', ['run', 'lint']);
// Every workbook and Word file opened in LibreOffice (standing in for WPS and Excel) and its pages read back.
step('Office 文件 (check:office)', 'node', ['scripts/check-office.mjs']);

console.log('\n=== Node 测试 (vitest) ===');
// The command-line tests run the CLI bundle just built from the same sources, and job worker
// threads the bundled worker, instead of compiling the program with tsx in each process and thread
// (tests/node/cliProcess.ts, src/main/workers/workerPool.ts): half those tests' time.
const distDir = process.env.COURT_DIST ?? 'dist';
const bundles = {
  COURT_TEST_CLI_BUNDLE: `${distDir}/cli/main.js`,
  COURT_TEST_JOB_WORKER: `${distDir}/main/jobWorker.js`,
  COURT_TEST_ROW_READER: `${distDir}/main/rowReader.js`,
};
const builtBundles = built ? Object.fromEntries(Object.entries(bundles).filter(([, file]) => fs.existsSync(file))) : {};
const vitest = run(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/node.json'],
  builtBundles,
).status;
suiteFromReport('vitest', vitest, 'test-results/node.json', (r) => ({
  passed: r.numPassedTests,
  failed: r.numFailedTests + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
}));

console.log('\n=== 浏览器端到端测试 (Playwright + Chromium) ===');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`找不到 Chromium（${chromium}）。请先安装：apt-get install -y chromium fonts-noto-cjk`);
  results.push({ name: 'playwright', passed: 0, failed: 1 });
} else if (!built) {
  console.error('构建失败，端到端测试无法运行，按失败计。');
  results.push({ name: 'playwright', passed: 0, failed: 1 });
} else {
  const e2e = run('npx', ['playwright', 'test']).status;
  suiteFromReport('playwright', e2e, 'test-results/e2e.json', (r) => ({
    passed: r.stats.expected,
    // Flaky and skipped tests count as failures: a test that did not pass cleanly did not pass.
    failed: r.stats.unexpected + r.stats.flaky + r.stats.skipped,
  }));
}

// The desktop app's smoke test (Electron) runs where the Electron binary is on disk; elsewhere it is
// reported as not run, in one line, and counted neither way (scripts/test-electron.mjs says why).
console.log('\n=== 桌面程序冒烟测试 (Electron) ===');
run('node', ['scripts/test-electron.mjs', '--summary', 'test-results/electron-summary.json']);
try {
  const smoke = JSON.parse(fs.readFileSync('test-results/electron-summary.json', 'utf8'));
  const note = smoke.status === 'not-run' ? `未运行：${smoke.reason}；不计入通过或失败` : undefined;
  results.push({ name: 'electron', passed: smoke.passed, failed: smoke.failed, note });
} catch {
  results.push({ name: 'electron', passed: 0, failed: 1 });
}

const passed = results.reduce((sum, r) => sum + r.passed, 0);
const failed = results.reduce((sum, r) => sum + r.failed, 0);
console.log('\n汇总：');
for (const r of results) console.log(`  ${r.name}: ${r.note ?? `${r.passed} passed, ${r.failed} failed`}`);
void typed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
