// The GitHub workflows (.github/workflows) parsed with the yaml package: CI runs the tests on the
// Node 20 these machines have; the release workflow builds every installer with Node 22 on its own
// platform and proves it with the Electron smoke test; every command they run names files and npm
// scripts that exist. And the smoke test's runner where no Electron binary is on disk (as here):
// one line, counted neither passed nor failed — or failed, where it must run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};
const builderConfig = YAML.parse(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8'));

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  'runs-on': string;
  container?: { image: string; options?: string };
  strategy?: { matrix: { include: Array<Record<string, string>> } };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflowsDir = path.join(repoRoot, '.github', 'workflows');
const load = (file: string) => YAML.parse(fs.readFileSync(path.join(workflowsDir, file), 'utf8')) as Workflow;
const ci = load('ci.yml');
const release = load('release.yml');
const packageJob = release.jobs.package;
const matrix = packageJob.strategy!.matrix.include;
const allSteps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepRunning = (job: Job, pattern: RegExp) => job.steps.filter((step) => step.run && pattern.test(step.run));

/** Replaces ${{ matrix.x }} with a matrix entry's value. */
const expand = (text: string, entry: Record<string, string> = {}) =>
  text.replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, key: string) => entry[key] ?? '');

/** Every file and npm script a shell command names, with the npm scripts' own `node file` followed. */
function references(command: string): { scripts: string[]; files: string[] } {
  const scripts = [...command.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]);
  const files = [...command.matchAll(/\b(?:node|bash) ((?:\.?[\w.-]+\/)+[\w.-]+)/g)].map((m) => m[1]);
  for (const script of scripts) {
    const body = pkg.scripts[script] ?? '';
    files.push(...[...body.matchAll(/\bnode ((?:[\w.-]+\/)+[\w.-]+)/g)].map((m) => m[1]));
  }
  return { scripts, files };
}

describe('the workflows', () => {
  it('both parse, and pin GitHub’s actions by major tag', () => {
    expect(ci.name).toBe('CI');
    expect(release.name).toBeTruthy();
    const used = [...allSteps(ci), ...allSteps(release)].flatMap((step) => (step.uses ? [step.uses] : []));
    expect(used.length).toBeGreaterThan(0);
    for (const action of used) expect(action).toMatch(/^actions\/(checkout|setup-node|upload-artifact)@v4$/);
  });

  it('every run: names npm scripts and files that exist', () => {
    const commands = [
      ...allSteps(ci).flatMap((step) => (step.run ? [step.run] : [])),
      ...matrix.flatMap((entry) => packageJob.steps.flatMap((step) => (step.run ? [expand(step.run, entry)] : []))),
    ];
    expect(commands.length).toBeGreaterThan(8);
    let named = 0;
    for (const command of commands) {
      const { scripts, files } = references(command);
      for (const script of scripts) expect(pkg.scripts[script], `npm run ${script}`).toBeTruthy();
      for (const file of files) expect(fs.existsSync(path.join(repoRoot, file)), file).toBe(true);
      named += scripts.length + files.length;
      // npm itself: only the commands that exist (and `install -g npm@11`, the runners' npm upgrade).
      const own = command.replace(/^npm install -g npm@\d+( --[\w-]+)*$/, '');
      for (const [, verb] of own.matchAll(/\bnpm (\w+)/g)) expect(['ci', 'run', 'test'], command).toContain(verb);
    }
    expect(named).toBeGreaterThan(8);
  });

  it('control: a missing npm script or file is noticed', () => {
    expect(references('npm run no-such-script').scripts).toEqual(['no-such-script']);
    expect(pkg.scripts['no-such-script']).toBeUndefined();
    const { files } = references('npm run test:electron && bash .ci/missing');
    expect(files).toEqual(['.ci/missing', 'scripts/test-electron.mjs']);
    expect(fs.existsSync(path.join(repoRoot, '.ci/missing'))).toBe(false);
  });
});

describe('CI (every push and pull request)', () => {
  it('runs the tests as .ci/run does, on Node 20 in Debian', () => {
    const test = ci.jobs.test;
    expect(test.container?.image).toMatch(/^node:20-bookworm$/);
    expect(test.container?.options).toMatch(/--shm-size=\dg/);
    expect(stepRunning(test, /^bash \.ci\/run$/)).toHaveLength(1);
    expect(fs.readFileSync(path.join(repoRoot, '.ci', 'run'), 'utf8')).toMatch(/^npm test$/m);
  });

  it('type-checks, lints and checks formatting on Node 20', () => {
    const checks = ci.jobs.checks;
    const setup = checks.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version'])).toBe('20');
    for (const script of ['typecheck', 'lint'])
      expect(stepRunning(checks, new RegExp(`^npm run ${script}$`)), script).toHaveLength(1);
    expect(pkg.scripts.lint).toMatch(/prettier --check/);
  });
});

describe('release packages', () => {
  it('builds Windows NSIS x64, Linux deb + AppImage x64 and arm64, each on its own runner', () => {
    const targets = matrix.map((entry) => [entry.os, entry.targets, entry.unpacked]);
    expect(targets).toEqual([
      ['windows-latest', '--win nsis --x64', 'release/win-unpacked'],
      ['ubuntu-latest', '--linux deb AppImage --x64', 'release/linux-unpacked'],
      ['ubuntu-24.04-arm', '--linux deb AppImage --arm64', 'release/linux-arm64-unpacked'],
    ]);
    // The same targets electron-builder.yml declares.
    const declared = (platform: { target: Array<{ target: string; arch: string[] }> }) =>
      platform.target.flatMap((t) => t.arch.map((arch) => `${t.target} ${arch}`));
    expect(declared(builderConfig.win)).toEqual(['nsis x64']);
    expect(declared(builderConfig.linux).sort()).toEqual(['AppImage arm64', 'AppImage x64', 'deb arm64', 'deb x64']);
  });

  it('uses Node 22, installs with npm ci, fetches the Electron binary, packages with npm run dist', () => {
    const setup = packageJob.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(String(setup?.with?.['node-version'])).toBe('22');
    const runs = packageJob.steps.flatMap((step) => (step.run ? [step.run] : []));
    const order = [
      /^npm ci\b/,
      /^node node_modules\/electron\/install\.js$/,
      /^npm run dist -- \$\{\{ matrix\.targets \}\}$/,
    ];
    const positions = order.map((pattern) => runs.findIndex((run) => pattern.test(run)));
    for (const position of positions) expect(position).toBeGreaterThanOrEqual(0);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('runs the smoke test on every target after packaging: required, on the packaged app, xvfb-run on Linux', () => {
    const smoke = stepRunning(
      packageJob,
      /npm run test:electron -- --required --packaged \$\{\{ matrix\.unpacked \}\}$/,
    );
    expect(smoke.map((step) => step.if).sort()).toEqual(["runner.os == 'Linux'", "runner.os == 'Windows'"]);
    expect(smoke.find((step) => step.if?.includes('Linux'))?.run).toMatch(/^xvfb-run -a /);
    const dist = packageJob.steps.findIndex((step) => step.run?.startsWith('npm run dist'));
    for (const step of smoke) expect(packageJob.steps.indexOf(step)).toBeGreaterThan(dist);
    expect(pkg.scripts['test:electron']).toBe('node scripts/test-electron.mjs');
  });

  it('keeps the installers and the smoke test’s traces as artifacts', () => {
    const uploads = packageJob.steps.filter((step) => step.uses?.startsWith('actions/upload-artifact@'));
    const paths = uploads.map((step) => String(step.with?.path));
    expect(
      paths.some((p) => /release\/\*\.exe/.test(p) && /release\/\*\.deb/.test(p) && /release\/\*\.AppImage/.test(p)),
    ).toBe(true);
    const traces = uploads.find((step) => String(step.with?.path).includes('test-results'));
    expect(traces?.if).toBe('always()');
  });
});

describe('scripts/test-electron.mjs where no Electron binary is on disk', () => {
  const runRunner = (extra: string[]) => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'court-electron-runner-'));
    const summaryFile = path.join(folder, 'summary.json');
    // An empty override folder stands in for "not downloaded", whatever this machine has.
    const result = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'scripts', 'test-electron.mjs'), '--summary', summaryFile, ...extra],
      {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: path.join(folder, 'empty') },
      },
    );
    const summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
    fs.rmSync(folder, { recursive: true, force: true });
    return { result, summary };
  };

  it('says in exactly one line that it did not run and why, and counts neither passed nor failed', () => {
    const { result, summary } = runRunner([]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Electron 冒烟测试未运行：本机没有 Electron 程序文件.*。不计入通过或失败。$/);
    expect(summary).toMatchObject({ status: 'not-run', passed: 0, failed: 0 });
    expect(summary.reason).toContain('Electron');
  });

  it('with --required (the release workflow) the same is a failure', () => {
    const { result, summary } = runRunner(['--required']);
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('按失败计');
    expect(summary).toMatchObject({ status: 'failed', passed: 0, failed: 1 });
  });
});
