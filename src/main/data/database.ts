// Opens the court database: refuses files from a newer app version, and files whose applied
// migrations differ from the ones shipped with this program, before writing a byte; then applies
// migrations/NNNN_name.sql in order, each in its own transaction, recording each one's checksum.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely } from 'kysely';
import type { Database } from './schema';
import { CourtSqliteDialect } from './transactions';

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
    readonly code: 'E_DB_TOO_NEW' | 'E_DB_FOREIGN' | 'E_DB_MIGRATION' | 'E_DB_MIGRATION_CHANGED' | 'E_DB_BACKUP',
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

/**
 * SHA-256 of a migration's text, with CRLF (and a lone CR) read as LF and a leading BOM dropped:
 * git's autocrlf on a Windows build machine, or an editor saving with a BOM, changes the bytes of
 * a file but not the SQL it runs, and must not make a court's database refuse to open.
 */
export function migrationChecksum(sql: string): string {
  const text = sql.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
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
  /** Called before migrating an existing database (fromVersion ≥ 1), before any write: a backup of
   * the data as it is. Throwing refuses the migration and leaves the file untouched. */
  beforeMigrate?: (sqlite: BetterSqlite3.Database, fromVersion: number, toVersion: number) => void;
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
    refuseChangedMigrations(sqlite, migrations);
    if (options.beforeMigrate && userVersion >= 1 && userVersion < latest)
      options.beforeMigrate(sqlite, userVersion, latest);
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
    // Transactions on this connection are opened only through ./transactions.
    dialect: new CourtSqliteDialect(sqlite),
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

const pad = (version: number) => String(version).padStart(4, '0');

function hasChecksumColumn(sqlite: BetterSqlite3.Database): boolean {
  return (
    sqlite.prepare("SELECT 1 FROM pragma_table_info('schema_migrations') WHERE name = 'checksum'").get() !== undefined
  );
}

/**
 * Read-only: every migration this file records with a checksum must be, text for text, the one
 * this program ships. Otherwise the database was built by a program whose migration of that
 * number did something else, and nothing this program assumes about its tables can be trusted.
 */
function refuseChangedMigrations(sqlite: BetterSqlite3.Database, migrations: Migration[]): void {
  if (!hasChecksumColumn(sqlite)) return;
  const applied = sqlite
    .prepare('SELECT version, checksum FROM schema_migrations WHERE checksum IS NOT NULL ORDER BY version')
    .all() as { version: number; checksum: string }[];
  const changed = applied.filter(({ version, checksum }) => {
    const shipped = migrations.find((migration) => migration.version === version);
    return shipped !== undefined && migrationChecksum(shipped.sql) !== checksum;
  });
  if (changed.length === 0) return;
  throw new DatabaseOpenError(
    'E_DB_MIGRATION_CHANGED',
    `数据库由另一版本的程序建立，其中第 ${changed.map(({ version }) => pad(version)).join('、')} 号结构变更与本程序不一致。为保护数据，本程序没有打开它，数据未被改动。请联系技术人员。`,
  );
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
      // From the migration that added the column on (0006), each records its checksum as it lands.
      const checksum = hasChecksumColumn(sqlite) ? migrationChecksum(migration.sql) : null;
      if (checksum) {
        sqlite
          .prepare('INSERT INTO schema_migrations (version, name, applied_at, checksum) VALUES (?, ?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString(), checksum);
      } else {
        sqlite
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, new Date().toISOString());
      }
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
  recordMissingChecksums(sqlite, migrations);
}

/**
 * Migrations applied before checksums were recorded (by an older program, or just now before
 * 0006 added the column) get the checksum of the file shipped with this program. That is safe:
 * migrations are append-only and a landed file is never edited, so the shipped text is the text
 * that older program ran — and no record exists to compare it with, so nothing better is known.
 * From here on any later change to those files is refused. A stored checksum is never replaced.
 */
function recordMissingChecksums(sqlite: BetterSqlite3.Database, migrations: Migration[]): void {
  if (!hasChecksumColumn(sqlite)) return;
  // Usually there is none: no write then, so opening does not wait for another process's import.
  if (!sqlite.prepare('SELECT 1 FROM schema_migrations WHERE checksum IS NULL').get()) return;
  const record = sqlite.prepare('UPDATE schema_migrations SET checksum = ? WHERE version = ? AND checksum IS NULL');
  sqlite.transaction(() => {
    for (const migration of migrations) record.run(migrationChecksum(migration.sql), migration.version);
  })();
}
