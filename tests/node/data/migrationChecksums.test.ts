// A migration that has landed cannot change silently: each applied migration's checksum is kept
// in schema_migrations, and a database whose applied migration differs from the file shipped with
// the program refuses to open, untouched, with a plain Chinese message.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  DATABASE_FILE,
  DatabaseOpenError,
  loadMigrations,
  migrationChecksum,
  openDatabase,
} from '../../../src/main/data/database';
import { createServices } from '../../../src/main/app/services';
import { tempDir } from './tempFolder';

const shipped = loadMigrations();
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** A copy of the shipped migrations folder that a test may edit. */
function copyMigrations(): string {
  const dir = tempDir('court-migrations-');
  for (const file of fs.readdirSync(path.resolve('migrations'))) {
    fs.copyFileSync(path.join(path.resolve('migrations'), file), path.join(dir, file));
  }
  return dir;
}

function migrationFile(dir: string, version: number): string {
  const name = fs.readdirSync(dir).find((file) => file.startsWith(`${String(version).padStart(4, '0')}_`));
  if (!name) throw new Error(`no migration ${version} in ${dir}`);
  return path.join(dir, name);
}

function storedChecksums(file: string): { version: number; checksum: string | null }[] {
  const sqlite = new BetterSqlite3(file, { readonly: true });
  try {
    return sqlite.prepare('SELECT version, checksum FROM schema_migrations ORDER BY version').all() as {
      version: number;
      checksum: string | null;
    }[];
  } finally {
    sqlite.close();
  }
}

/** Builds a database in its own folder with `migrations`, then leaves it in rollback-journal mode
 * so that "nothing changed" can be checked on the folder listing as well as the file's bytes. */
function buildDatabase(migrations = shipped): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, DATABASE_FILE);
  const db = openDatabase(file, { migrations });
  db.sqlite.pragma('journal_mode = DELETE');
  db.sqlite.close();
  return { dir, file };
}

function openError(open: () => unknown): DatabaseOpenError {
  try {
    open();
  } catch (error) {
    if (error instanceof DatabaseOpenError) return error;
    throw error;
  }
  throw new Error('the database opened');
}

describe('migration checksums', () => {
  it('are recorded for every migration as it is applied', () => {
    const { file } = buildDatabase();
    expect(storedChecksums(file)).toEqual(
      shipped.map((migration) => ({ version: migration.version, checksum: migrationChecksum(migration.sql) })),
    );
  });

  it('are recorded on first open for migrations an older program applied without them', () => {
    const checksumsAdded = shipped.findIndex((migration) => migration.name === 'migration_checksums');
    expect(checksumsAdded).toBeGreaterThan(0);
    const { file } = buildDatabase(shipped.slice(0, checksumsAdded));
    const db = openDatabase(file);
    db.sqlite.close();
    expect(storedChecksums(file)).toEqual(
      shipped.map((migration) => ({ version: migration.version, checksum: migrationChecksum(migration.sql) })),
    );
  });

  it('refuse a database whose applied migration differs from the shipped file, touching nothing', () => {
    const folder = copyMigrations();
    const { dir, file } = buildDatabase(loadMigrations(folder));
    const edited = migrationFile(folder, 3);
    fs.appendFileSync(edited, '\nCREATE INDEX items_owner ON items (owner);\n');
    const before = sha(file);
    const listing = fs.readdirSync(dir).sort();

    const error = openError(() => openDatabase(file, { migrations: loadMigrations(folder) }));
    expect(error.code).toBe('E_DB_MIGRATION_CHANGED');
    expect(error.message).toBe(
      '数据库由另一版本的程序建立，其中第 0003 号结构变更与本程序不一致。为保护数据，本程序没有打开它，数据未被改动。请联系技术人员。',
    );
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
    // The services (window, preview, command line) refuse with the same words.
    expect(() => createServices({ dataDir: dir, migrations: loadMigrations(folder) })).toThrow(/第 0003 号结构变更/);
    expect(sha(file)).toBe(before);
  });

  it('refuse an edit of a migration whose checksum was recorded on first open', () => {
    const folder = copyMigrations();
    const checksumsAdded = shipped.findIndex((migration) => migration.name === 'migration_checksums');
    const { file } = buildDatabase(loadMigrations(folder).slice(0, checksumsAdded));
    openDatabase(file, { migrations: loadMigrations(folder) }).sqlite.close();
    const edited = migrationFile(folder, 1);
    fs.writeFileSync(
      edited,
      fs.readFileSync(edited, 'utf8').replace('yellow_days BETWEEN 0 AND 90', 'yellow_days BETWEEN 0 AND 99'),
    );
    expect(openError(() => openDatabase(file, { migrations: loadMigrations(folder) })).message).toContain(
      '第 0001 号结构变更与本程序不一致',
    );
  });

  it('name every changed migration at once', () => {
    const folder = copyMigrations();
    const { file } = buildDatabase(loadMigrations(folder));
    for (const version of [2, 4]) fs.appendFileSync(migrationFile(folder, version), '\n-- edited\n');
    expect(openError(() => openDatabase(file, { migrations: loadMigrations(folder) })).message).toContain(
      '第 0002、0004 号结构变更',
    );
  });

  it('read CRLF line endings and a byte-order mark as the same text (git autocrlf on Windows)', () => {
    const folder = copyMigrations();
    const { file } = buildDatabase(loadMigrations(folder));
    for (const migration of loadMigrations(folder)) {
      const target = migrationFile(folder, migration.version);
      fs.writeFileSync(target, `\uFEFF${migration.sql.replace(/\n/g, '\r\n')}`);
    }
    expect(fs.readFileSync(migrationFile(folder, 1), 'utf8')).toContain('\r\n');
    const db = openDatabase(file, { migrations: loadMigrations(folder) });
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(shipped.length);
    db.sqlite.close();
  });

  it('leave migrations not applied yet unchecked: a database at an earlier version still upgrades', () => {
    const folder = copyMigrations();
    const { file } = buildDatabase(loadMigrations(folder));
    // A later migration the program ships that this database never ran.
    fs.writeFileSync(
      path.join(folder, `${String(shipped.length + 1).padStart(4, '0')}_probe.sql`),
      'CREATE TABLE probe (id INTEGER PRIMARY KEY) STRICT;\n',
    );
    const db = openDatabase(file, { migrations: loadMigrations(folder) });
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(shipped.length + 1);
    db.sqlite.close();
  });
});
