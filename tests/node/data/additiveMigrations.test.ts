// Courts run different versions and exchange bundles whose rows carry the synced tables' columns by
// name, so a migration may add to a synced table but never drop or rename a column (a court on the
// older version would refuse or mis-read every bundle). The migrations are applied one at a time
// through the real runner, and each synced table's columns after each step must include all it had
// before. Planted migrations that rename or drop a column, or drop a table, show the check fires.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, loadMigrations, openDatabase, type Migration } from '../../../src/main/data/database';
import { SYNC_TABLES } from '../../../src/main/sync/syncTables';
import { tempDir } from './tempFolder';

const padded = (version: number) => String(version).padStart(4, '0');

/** Every column a synced table lost between one migration and the next, one line each. */
function droppedSyncColumns(migrations: Migration[]): string[] {
  const file = path.join(tempDir(), DATABASE_FILE);
  const problems: string[] = [];
  let previous = new Map<string, string[]>();
  for (let step = 1; step <= migrations.length; step += 1) {
    // The runner applies only what the file lacks: one more migration per open.
    const db = openDatabase(file, { migrations: migrations.slice(0, step) });
    const current = new Map<string, string[]>();
    try {
      for (const { name } of SYNC_TABLES) {
        const columns = (
          db.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(name) as { name: string }[]
        ).map((column) => column.name);
        if (columns.length > 0) current.set(name, columns);
      }
    } finally {
      db.sqlite.close();
    }
    const migration = migrations[step - 1];
    for (const [table, columns] of previous) {
      for (const column of columns) {
        if (!current.get(table)?.includes(column)) {
          problems.push(
            `${table}.${column}: removed or renamed by migration ${padded(migration.version)}_${migration.name}`,
          );
        }
      }
    }
    previous = current;
  }
  return problems;
}

/** The shipped migrations and one more, written to a temporary migrations folder. */
function withPlanted(sql: string): Migration[] {
  const dir = tempDir('court-migrations-');
  for (const file of fs.readdirSync(path.resolve('migrations'))) {
    fs.copyFileSync(path.join(path.resolve('migrations'), file), path.join(dir, file));
  }
  const next = loadMigrations(dir).length + 1;
  fs.writeFileSync(path.join(dir, `${padded(next)}_planted.sql`), sql);
  return loadMigrations(dir);
}

describe('migrations of synced tables', () => {
  const shipped = loadMigrations();

  it('only ever add columns', () => {
    expect(droppedSyncColumns(shipped)).toEqual([]);
  });

  it('cover every synced table', () => {
    const file = path.join(tempDir(), DATABASE_FILE);
    const db = openDatabase(file);
    try {
      for (const { name } of SYNC_TABLES) {
        expect(db.sqlite.prepare('SELECT count(*) AS n FROM pragma_table_info(?)').get(name), name).not.toEqual({
          n: 0,
        });
      }
    } finally {
      db.sqlite.close();
    }
  });

  it('are caught renaming a column', () => {
    const planted = withPlanted('ALTER TABLE items RENAME COLUMN owner TO owner_name;\n');
    expect(droppedSyncColumns(planted)).toEqual([
      `items.owner: removed or renamed by migration ${padded(planted.length)}_planted`,
    ]);
  });

  it('are caught dropping a column', () => {
    const planted = withPlanted('ALTER TABLE signoffs DROP COLUMN opinion;\n');
    expect(droppedSyncColumns(planted)).toEqual([
      `signoffs.opinion: removed or renamed by migration ${padded(planted.length)}_planted`,
    ]);
  });

  it('are caught rebuilding a table without one of its columns', () => {
    const planted = withPlanted(
      [
        'CREATE TABLE supervision_notes_new AS SELECT id, origin, version, change_seq, created_at, updated_at, deleted_at,',
        '  campaign_id, court_code, item_id, kind, text FROM supervision_notes;',
        'DROP TABLE supervision_notes;',
        'ALTER TABLE supervision_notes_new RENAME TO supervision_notes;',
        '',
      ].join('\n'),
    );
    expect(droppedSyncColumns(planted)).toEqual([
      `supervision_notes.author: removed or renamed by migration ${padded(planted.length)}_planted`,
    ]);
  });
});
