// Builds the service context for one data folder. Used by every face of the app: the Electron
// main process, the local preview server, the command line and the tests.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, DATABASE_FILE, type Migration, type OpenedDatabase } from '../data/database';
import type { Host, ServiceContext } from '../api/context';
import { JobRegistry } from '../jobs/jobRegistry';
import { SessionStore } from '../access/sessions';
import { APP_VERSION } from './version';
import { recoverUnfinishedWork } from '../durability/startupRecovery';
import { currentLogProcess, logFor, runtimeVersions } from '../logging/log';
import { WorkerPool } from '../workers/workerPool';
import { backupBeforeMigration } from '../backup/backupJobs';
import { registerFolderUse } from '../backup/folderUse';

export interface ServicesOptions {
  dataDir: string;
  host?: Host;
  now?: () => Date;
  migrations?: Migration[];
  nativeBinding?: string;
  /**
   * Settle what dead processes left behind (default). A worker thread opens the folder with
   * false: the process that started it has already done so, and a recovery run while sibling
   * workers are mid-operation could release an export number one of them has just reserved.
   */
  recover?: boolean;
}

export interface Services {
  ctx: ServiceContext;
  database: OpenedDatabase;
  close(): Promise<void>;
}

const noHost: Host = { openPath: async () => false };

export function createServices(options: ServicesOptions): Services {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const log = logFor(options.dataDir);
  let database: OpenedDatabase;
  try {
    database = openDatabase(path.join(options.dataDir, DATABASE_FILE), {
      migrations: options.migrations,
      nativeBinding: options.nativeBinding,
      beforeMigrate: (sqlite, fromVersion) => backupBeforeMigration(options.dataDir, sqlite, fromVersion),
    });
  } catch (error) {
    log.error('data folder could not be opened', error, { appVersion: APP_VERSION, dataDir: options.dataDir });
    throw error;
  }
  // The first lines support reads: which program, on what, opened which folder at which version.
  log.info('data folder opened', {
    process: currentLogProcess(),
    appVersion: APP_VERSION,
    schemaVersion: database.schemaVersion,
    platform: process.platform,
    arch: process.arch,
    ...runtimeVersions(),
    pid: process.pid,
    dataDir: options.dataDir,
  });
  // Whatever a process that died mid-operation left behind is settled before any work starts.
  if (options.recover !== false) recoverUnfinishedWork(options.dataDir, database.sqlite);
  // Noted as a holder of the folder, so a restore elsewhere refuses while this process has it open.
  const folderUse = registerFolderUse(options.dataDir);
  const jobs = new JobRegistry(log);
  const workers = new WorkerPool({ dataDir: options.dataDir, nativeBinding: options.nativeBinding });
  const ctx: ServiceContext = {
    db: database.db,
    sqlite: database.sqlite,
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    schemaVersion: database.schemaVersion,
    appVersion: APP_VERSION,
    now: options.now ?? (() => new Date()),
    host: options.host ?? noHost,
    jobs,
    workers,
    sessions: new SessionStore(),
    caller: 'none',
    user: null,
  };
  return {
    ctx,
    database,
    async close() {
      await jobs.waitForAll();
      await workers.close();
      await database.close();
      folderUse.release();
    },
  };
}
