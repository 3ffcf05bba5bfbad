// Opens the court database: refuses files from a newer app version before writing a byte, then
// applies migrations/NNNN_name.sql in order, each in its own transaction.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

/** Marks the file as ours ("CSV1" in ASCII), so a stranger's SQLite file is not migrated. */
export const APPLICATION_ID = 0x43535631;
export const DATABASE_FILE = 'court.sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class DatabaseOpenError extends Error {
  constructor(
    readonly code: 'E_DB_TOO_NEW' | 'E_DB_FOREIGN' | 'E_DB_MIGRATION',
    message: string,
  ) {
    super(message);
  }
}

/** Finds the top-level migrations folder from wherever this code was bundled to. */
export function defaultMigrationsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i += 1) {
    const candidate = path.join(dir, 'migrations');
    if (fs.existsSync(path.join(candidate, '0001_foundation.sql'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('找不到数据库迁移文件夹 migrations');
}

export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: fs.readFileSync(path.join(dir, file), 'utf8'),
    }));
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`迁移文件编号不连续：应为 ${index + 1}，实际为 ${migration.version}`);
    }
  });
  return migrations;
}

export interface OpenedDatabase {
  sqlite: BetterSqlite3.Database;
  db: Kysely<Database>;
  schemaVersion: number;
  close(): Promise<void>;
}

export interface OpenOptions {
  migrations?: Migration[];
  /** Path to a better_sqlite3.node built for this runtime (Electron needs its own ABI). */
  nativeBinding?: string;
}

export function openDatabase(file: string, options: OpenOptions = {}): OpenedDatabase {
  const migrations = options.migrations ?? loadMigrations();
  const latest = migrations.length;
  const sqlite = new BetterSqlite3(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  try {
    // Read-only checks first: nothing below writes until we know the file is ours and not newer.
    const applicationId = sqlite.pragma('application_id', { simple: true }) as number;
    const userVersion = sqlite.pragma('user_version', { simple: true }) as number;
    const hasTables =
      (sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0;
    if (applicationId !== APPLICATION_ID && (applicationId !== 0 || hasTables)) {
      throw new DatabaseOpenError('E_DB_FOREIGN', '这个文件不是督导台的数据库，为保护它，本程序没有做任何改动。');
    }
    if (userVersion > latest) {
      throw new DatabaseOpenError(
        'E_DB_TOO_NEW',
        `此数据库由更新版本的督导台写入（数据结构第 ${userVersion} 版，本程序只支持到第 ${latest} 版）。为保护数据，本程序没有做任何改动，请安装新版本后再打开。`,
      );
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 5000');
    applyMigrations(sqlite, migrations, userVersion);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    sqlite,
    db,
    schemaVersion: latest,
    async close() {
      await db.destroy();
    },
  };
}

function applyMigrations(sqlite: BetterSqlite3.Database, migrations: Migration[], fromVersion: number): void {
  // Claim the file before creating anything in it, so a half-initialised file is still ours.
  sqlite.pragma(`application_id = ${APPLICATION_ID}`);
  sqlite.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT',
  );
  for (const migration of migrations.slice(fromVersion)) {
    const run = sqlite.transaction(() => {
      sqlite.exec(migration.sql);
      sqlite
        .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
        .run(migration.version, migration.name, new Date().toISOString());
      sqlite.pragma(`user_version = ${migration.version}`);
    });
    try {
      run();
    } catch (error) {
      throw new DatabaseOpenError(
        'E_DB_MIGRATION',
        `升级数据库到第 ${migration.version} 版（${migration.name}）时出错，数据库保持原状：${(error as Error).message}`,
      );
    }
  }
}
