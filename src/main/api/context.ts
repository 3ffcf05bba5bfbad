// What every handler gets: the open database, the data folder, the clock, the host (things only
// the desktop shell or the preview can do), and the job registry for long work.
import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../data/schema';
import type { JobRegistry } from '../jobs/jobRegistry';
import type { WorkerPool } from '../workers/workerPool';
import type { SessionStore } from '../access/sessions';
import type { SessionUser } from '../../shared/model';

export interface Host {
  /** Opens a file with the system's viewer (Electron: shell.openPath; preview: the OS opener). */
  openPath(filePath: string): Promise<boolean>;
  /** Lets the person pick a folder (Electron: the system dialog); absent where there is none. */
  chooseFolder?(): Promise<string | null>;
  /**
   * Prints a self-contained HTML document to an A4 PDF with the page-number footer (Electron:
   * printToPDF in a hidden sandboxed window). Absent elsewhere: reports then use Chromium.
   */
  printPdf?(html: string, options: { landscape: boolean }): Promise<Buffer>;
}

export interface ServiceContext {
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
  dataDir: string;
  /** The better-sqlite3 binary this runtime needs (Electron), for connections opened in workers. */
  nativeBinding?: string;
  schemaVersion: number;
  appVersion: string;
  /** Wall-clock time for people to read; injected so tests can fix "today". */
  now(): Date;
  host: Host;
  jobs: JobRegistry;
  /** Worker threads for heavy work, so this thread keeps answering (see workers/workerPool.ts). */
  workers: WorkerPool;
  sessions: SessionStore;
  /** Which transport's session this call belongs to (set per call by dispatch). */
  caller: string;
  /** The logged-in account making this call, re-read from the database on every call. */
  user: SessionUser | null;
}
