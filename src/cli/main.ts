// The command line: the headless face of the same API, for a court's IT staff and for scripts.
// Exit codes: 0 success, 1 refused (the stable error code and the Chinese message are printed),
// 2 usage error (a short Chinese usage text is printed).
import fs from 'node:fs';
import path from 'node:path';
import { DATABASE_FILE, DatabaseOpenError } from '../main/data/database';
import { ApiError } from '../main/api/errors';
import { databaseFault } from '../main/api/databaseFaults';
import { JobCancelled } from '../main/jobs/jobRegistry';
import { isCommandName, parseCommandLine, UsageError, type CommandName, type ParsedCommand } from './args';
import { runCall, runDemo, runInit, runStatus } from './courtCommands';
import { DetailedRefusal, Output } from './output';
import { commandUsage, fullUsage, MESSAGES, USAGE } from './text';
import { logFor, setLogProcess, type AppLog } from '../main/logging/log';

// Lines go to cli.log in the data folder; stdout and stderr stay the command's own.
setLogProcess('cli');

const EXIT_OK = 0;
const EXIT_REFUSED = 1;
const EXIT_USAGE = 2;

/** Each command; false from a runner means "answered, but refused" (call's ok:false). */
type Runner = (parsed: ParsedCommand, output: Output) => Promise<void | boolean>;

// The sync engine is loaded only by the commands that use it, so the others start quickly.
const sync = () => import('./syncCommands');

const RUNNERS: Record<CommandName, Runner> = {
  init: runInit,
  // `demo --province DIR` builds a whole demo province instead of loading one court's demo.
  demo: async (parsed, output) =>
    parsed.values.province === undefined
      ? runDemo(parsed, output)
      : (await import('./provinceDemo')).runProvinceDemo(parsed, output),
  status: runStatus,
  call: runCall,
  fingerprint: async (parsed, output) => (await sync()).runFingerprint(parsed, output),
  export: async (parsed, output) => (await sync()).runExport(parsed, output),
  publish: async (parsed, output) => (await sync()).runPublish(parsed, output),
  inspect: async (parsed, output) => (await sync()).runInspect(parsed, output),
  import: async (parsed, output) => (await sync()).runImport(parsed, output),
  // Reports load exceljs and the PDF printer only when asked for.
  report: async (parsed, output) => (await import('./reportCommands')).runReport(parsed, output),
  diagnostics: async (parsed, output) => (await import('./diagnosticsCommands')).runDiagnostics(parsed, output),
  backup: async (parsed, output) => (await import('./backupCommands')).runBackup(parsed, output),
  restore: async (parsed, output) => (await import('./restoreCommands')).runRestore(parsed, output),
  verify: async (parsed, output) => (await import('./restoreCommands')).runVerify(parsed, output),
  recovery: async (parsed, output) => (await import('./recoveryCommands')).runRecovery(parsed, output),
  help: async (parsed) => {
    const [about] = parsed.positionals;
    process.stdout.write(`${about && isCommandName(about) ? commandUsage(about) : fullUsage()}\n`);
  },
};

function reportUsage(error: UsageError, json: boolean): number {
  if (json) process.stdout.write(`${JSON.stringify({ ok: false, code: 'E_USAGE', message: error.message })}\n`);
  process.stderr.write(`${USAGE.prefix}${error.message}\n${commandUsage(error.command)}\n`);
  return EXIT_USAGE;
}

/** The command's log, once its data folder holds a court: a mistyped --data gets no logs folder. */
function commandLog(parsed: ParsedCommand): AppLog | null {
  const dir = parsed.values.data;
  if (typeof dir !== 'string' || !fs.existsSync(path.join(path.resolve(dir), DATABASE_FILE))) return null;
  return logFor(path.resolve(dir));
}

async function runCli(argv: string[]): Promise<number> {
  const wantsJson = argv.includes('--json');
  let parsed: ParsedCommand;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    if (error instanceof UsageError) return reportUsage(error, wantsJson);
    throw error;
  }
  // `call` always answers with the operation's Result as JSON.
  const output = new Output(parsed.json || parsed.command === 'call');
  const started = Date.now();
  // The command and the names of its options, never their values (names of people, passwords).
  const finished = (exitCode: number, code?: string) => {
    commandLog(parsed)?.info('command finished', {
      command: parsed.command,
      options: Object.keys(parsed.values),
      exitCode,
      ...(code ? { code } : {}),
      ms: Date.now() - started,
    });
    return exitCode;
  };
  try {
    const answer = await RUNNERS[parsed.command](parsed, output);
    return finished(answer === false ? EXIT_REFUSED : EXIT_OK);
  } catch (thrown) {
    const error = databaseFault(thrown) ?? thrown;
    if (error instanceof UsageError) return reportUsage(error, output.json);
    if (error instanceof JobCancelled) {
      output.refusal('E_CANCELLED', MESSAGES.jobCancelled);
      return finished(EXIT_REFUSED, 'E_CANCELLED');
    }
    if (error instanceof ApiError || error instanceof DatabaseOpenError) {
      output.refusal(error.code, error.message, error instanceof DetailedRefusal ? error.details : {});
      return finished(EXIT_REFUSED, error.code);
    }
    commandLog(parsed)?.error('command failed unexpectedly', error, { command: parsed.command });
    const detail = error instanceof Error ? error.message : String(error);
    if (output.json) output.document({ ok: false, code: 'E_INTERNAL', message: MESSAGES.internal(detail) });
    process.stderr.write(`${MESSAGES.internal(detail)}\n`);
    // The trace is for developers only, on request.
    if (process.env.COURT_CLI_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return finished(EXIT_REFUSED, 'E_INTERNAL');
  }
}

// `cli status | head` closes the pipe early: stop quietly, as other command-line tools do. (An
// import cut short this way is rolled back by SQLite like any other interruption.)
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw error;
});
process.stderr.on('error', () => {
  // Nobody is reading the progress lines any more; the work itself goes on.
});

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${MESSAGES.internal(error instanceof Error ? error.message : String(error))}\n`);
    process.exitCode = EXIT_REFUSED;
  },
);
