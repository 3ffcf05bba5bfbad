// The program's own log: plain-text files in <data folder>/logs/, one per face of the program
// (main.log for the desktop window's main process, worker.log, preview.log, cli.log), so
// what went wrong on a clerk's computer can be read afterwards — a packaged Windows app has no
// console — and handed to IT with 导出诊断信息. electron-log's Node entry does the writing: it
// never loads Electron, so the same module serves the Electron main process, the sync worker
// thread (which loads its own copy and writes its own file), the preview server and the CLI.
// Every detail passes through redact() first; see redact.ts for what is never written.
import fs from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { errorText, redact, redactText } from './redact';

export type LogProcess = 'main' | 'worker' | 'preview' | 'cli';

export const LOGS_DIR = 'logs';
/**
 * A file is archived once it passes 1 MiB (some 5 000 lines; weeks of ordinary use) and three
 * archives are kept, so a face of the program holds at most 4 MiB of log and the whole folder
 * at most 16 MiB — small enough to zip onto any USB stick, long enough to reach back to the fault.
 */
export const LOG_MAX_BYTES = 1024 * 1024;
export const LOG_ARCHIVES = 3;

export type LogDetails = Record<string, unknown>;

export interface AppLog {
  /** The file this log writes to. */
  readonly file: string;
  info(event: string, details?: LogDetails): void;
  warn(event: string, details?: LogDetails, error?: unknown): void;
  error(event: string, error?: unknown, details?: LogDetails): void;
}

export function logsFolder(dataDir: string): string {
  return path.join(dataDir, LOGS_DIR);
}

export function logFilePath(dataDir: string, processName: LogProcess): string {
  return path.join(logsFolder(path.resolve(dataDir)), `${processName}.log`);
}

/**
 * Rotation: main.log becomes main.1.log, main.1.log becomes main.2.log … and the oldest archive
 * beyond `keep` is removed. electron-log itself keeps a single main.old.log.
 */
export function archiveLogFile(file: string, keep = LOG_ARCHIVES): void {
  const { dir, name, ext } = path.parse(file);
  const archive = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  fs.rmSync(archive(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) {
    if (fs.existsSync(archive(n))) fs.renameSync(archive(n), archive(n + 1));
  }
  fs.renameSync(file, archive(1));
}

/** One line (plus a stack, for errors): the event, then its details as redacted JSON. */
function entryText(event: string, details?: LogDetails, error?: unknown): string {
  let text = redactText(event);
  if (details && Object.keys(details).length > 0) text += ` ${JSON.stringify(redact(details))}`;
  if (error !== undefined) text += `\n${errorText(error)}`;
  return text;
}

const logs = new Map<string, AppLog>();
let currentProcess: LogProcess = 'main';

// The app's name is told up front: electron-log otherwise looks for it in the nearest
// package.json and throws when it finds none (a bundled CLI copied elsewhere).
electronLog.transports.file.setAppName('court-campaign-supervisor');

/** The log of `processName` in `dataDir` (the same object for the same file). Never throws. */
export function createLog(dataDir: string, processName: LogProcess): AppLog {
  const file = logFilePath(dataDir, processName);
  const known = logs.get(file);
  if (known) return known;

  const logger = electronLog.create({ logId: `court-log:${file}` });
  logger.variables.pid = String(process.pid);
  const transport = logger.transports.file;
  transport.resolvePathFn = () => file;
  transport.maxSize = LOG_MAX_BYTES;
  transport.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}{z}] [{level}] [pid {pid}] {text}';
  transport.archiveLogFn = (current) => {
    try {
      archiveLogFile(current.path);
    } catch {
      // Renaming can fail on Windows while another program holds the file open (an editor, a
      // virus scanner): keep the newest quarter instead of growing without bound.
      (current as unknown as { crop(bytes: number): void }).crop(LOG_MAX_BYTES / 4);
    }
  };
  // The CLI's stderr belongs to its user (and scripts); elsewhere warnings also reach a console.
  logger.transports.console.level = processName === 'cli' ? false : 'warn';
  // Nothing leaves the computer, and there is no renderer to forward lines to (the ipc transport
  // exists only under Electron).
  for (const name of ['ipc', 'remote'] as const) {
    const other = logger.transports[name] as { level: false | string } | undefined;
    if (other) other.level = false;
  }

  const write = (level: 'info' | 'warn' | 'error', text: () => string) => {
    try {
      logger[level](text());
    } catch {
      // A log that cannot be written must never turn into a failure of the work being logged.
    }
  };
  const log: AppLog = {
    file,
    info: (event, details) => write('info', () => entryText(event, details)),
    warn: (event, details, error) => write('warn', () => entryText(event, details, error)),
    error: (event, error, details) => write('error', () => entryText(event, details, error)),
  };
  logs.set(file, log);
  return log;
}

/** Names the face of the program this process (or worker thread) is; call before any logging. */
export function setLogProcess(processName: LogProcess): void {
  currentProcess = processName;
}

export function currentLogProcess(): LogProcess {
  return currentProcess;
}

/** This process's log in `dataDir`. */
export function logFor(dataDir: string): AppLog {
  return createLog(dataDir, currentProcess);
}

/** What support needs to know about the program that wrote the lines that follow. */
export function runtimeVersions(): Record<string, string> {
  const versions: Record<string, string> = { node: process.versions.node };
  const extra = process.versions as Record<string, string | undefined>;
  if (extra.electron) versions.electron = extra.electron;
  if (extra.chrome) versions.chromium = extra.chrome;
  return versions;
}

let crashesWatched = false;

/**
 * Writes an uncaught exception (or an unhandled rejection, which Node turns into one) to `log`
 * before the process ends. A monitor only: what the process then does is unchanged.
 */
export function watchCrashes(log: AppLog): void {
  if (crashesWatched) return;
  crashesWatched = true;
  process.on('uncaughtExceptionMonitor', (error, origin) => log.error('uncaught exception', error, { origin }));
}
