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

export interface ServicesOptions {
  dataDir: string;
  host?: Host;
  now?: () => Date;
  migrations?: Migration[];
  nativeBinding?: string;
}

export interface Services {
  ctx: ServiceContext;
  database: OpenedDatabase;
  close(): Promise<void>;
}

const noHost: Host = { openPath: async () => false };

export function createServices(options: ServicesOptions): Services {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const database = openDatabase(path.join(options.dataDir, DATABASE_FILE), {
    migrations: options.migrations,
    nativeBinding: options.nativeBinding,
  });
  // Whatever a process that died mid-operation left behind is settled before any work starts.
  recoverUnfinishedWork(options.dataDir, database.sqlite);
  const jobs = new JobRegistry();
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
    sessions: new SessionStore(),
    caller: 'none',
    user: null,
  };
  return {
    ctx,
    database,
    async close() {
      await jobs.waitForAll();
      await database.close();
    },
  };
}
