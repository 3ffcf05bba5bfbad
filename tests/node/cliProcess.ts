// The command line run as people run it, for the tests that check what it writes: a real process
// (node + tsx on src/cli/main.ts) in the repository root, its exit code and its output read back.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
/**
 * node's arguments that run the command line: from source by default; the bundle just built from
 * the same source when COURT_TEST_CLI_BUNDLE names it (`npm test` does, right after its build).
 * tsx compiles the whole program again in every process and in every job's worker thread (seconds
 * each on the 2-core CI machine, for a few hundred processes); the bundle starts in under a second.
 * `npm run cli` itself (tsx) is still run by cli.test.ts.
 */
export const CLI_ARGS = process.env.COURT_TEST_CLI_BUNDLE
  ? [path.resolve(ROOT, process.env.COURT_TEST_CLI_BUNDLE)]
  : ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts')];

/** `court init` options for the basic court the command-line tests set up. */
export const BASIC = [
  '--code',
  'J2301',
  '--name',
  '龙江县人民法院',
  '--level',
  'basic',
  '--parent',
  'J23',
  '--parent-name',
  '齐齐哈尔市中级人民法院',
];

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `court <args>` to the end, with `input` (nothing by default) on stdin, no colours in its
 * output, and any extra environment (e.g. COURT_TEST_CRASH_AT). */
export function runCli(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...CLI_ARGS, ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
