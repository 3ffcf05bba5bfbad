// src/main/data/schema.ts (hand-written Kysely table types) cannot drift from the migrations: it is
// compared with a database migrated by the real runner, and the same comparison is shown to fail,
// naming the table and column, on planted mismatches of every kind it checks.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, loadMigrations, openDatabase, type OpenedDatabase } from '../../../src/main/data/database';
import { tempDir } from './tempFolder';
import { SCHEMA_FILE, schemaMismatches } from './schemaDrift';

const schemaText = fs.readFileSync(SCHEMA_FILE, 'utf8');

/** schema.ts with one edit inside `interface <name> { … }`; fails loudly if the edit misses. */
function editInterface(name: string, from: string | RegExp, to: string): string {
  const start = schemaText.indexOf(`export interface ${name} `);
  const end = schemaText.indexOf('\n}\n', start);
  expect(start, name).toBeGreaterThanOrEqual(0);
  const body = schemaText.slice(start, end);
  const edited = body.replace(from, to);
  expect(edited, `${name}: ${String(from)}`).not.toBe(body);
  return schemaText.slice(0, start) + edited + schemaText.slice(end);
}

let migrated: OpenedDatabase;
beforeAll(() => {
  migrated = openDatabase(path.join(tempDir(), DATABASE_FILE));
});
afterAll(async () => {
  await migrated.close();
});

describe('schema.ts', () => {
  it('matches every table and column of the migrated database', () => {
    expect(schemaMismatches(migrated.sqlite)).toEqual([]);
  });

  it('is caught missing a column', () => {
    const planted = editInterface('ItemsTable', '  owner: string;\n', '');
    expect(schemaMismatches(migrated.sqlite, planted)).toEqual([
      'items.owner (ItemsTable): in the database, missing from schema.ts',
    ]);
  });

  it('is caught with a renamed column', () => {
    const planted = editInterface('ItemsTable', 'deadline: string | null;', 'dueDate: string | null;');
    expect(schemaMismatches(migrated.sqlite, planted)).toEqual([
      'items.deadline (ItemsTable): in the database, missing from schema.ts',
      'items.due_date (ItemsTable): in schema.ts, not in the database',
    ]);
  });

  it('is caught with the wrong nullability, either way', () => {
    const notNull = editInterface('ProgressNotesTable', 'percent: number | null;', 'percent: number;');
    expect(schemaMismatches(migrated.sqlite, notNull)).toEqual([
      'progress_notes.percent (ProgressNotesTable): the database allows NULL, schema.ts does not',
    ]);
    const nullable = editInterface('SignoffsTable', 'opinion: string;', 'opinion: string | null;');
    expect(schemaMismatches(migrated.sqlite, nullable)).toEqual([
      'signoffs.opinion (SignoffsTable): schema.ts allows null, the database does not',
    ]);
  });

  it('is caught with the wrong kind of value, also through an imported union', () => {
    const planted = editInterface('SectionsTable', 'sortOrder: number;', 'sortOrder: string;');
    expect(schemaMismatches(migrated.sqlite, planted)).toEqual([
      'sections.sort_order (SectionsTable): INTEGER in the database, text in schema.ts',
    ]);
    const union = editInterface('IndicatorsTable', 'line: IndicatorLine;', 'line: IndicatorLine | number;');
    expect(schemaMismatches(migrated.sqlite, union)).toEqual([
      'indicators.line (IndicatorsTable): TEXT in the database, other in schema.ts',
    ]);
  });

  it('is caught calling a column Generated<> that the database does not fill in', () => {
    const planted = editInterface('CampaignsTable', 'title: string;', 'title: Generated<string>;');
    expect(schemaMismatches(migrated.sqlite, planted)).toEqual([
      'campaigns.title (CampaignsTable): Generated<> in schema.ts, but the database has no default for it',
    ]);
  });

  it('is caught missing a table, or a column a new migration added', () => {
    const withoutTable = schemaText.replace('  lightHistory: LightHistoryTable;\n', '');
    expect(withoutTable).not.toBe(schemaText);
    expect(schemaMismatches(migrated.sqlite, withoutTable)).toEqual([
      'table light_history: in the database, missing from schema.ts',
    ]);

    const migrations = loadMigrations();
    const added = openDatabase(path.join(tempDir(), DATABASE_FILE), {
      migrations: [
        ...migrations,
        { version: migrations.length + 1, name: 'probe', sql: 'ALTER TABLE items ADD COLUMN priority INTEGER;' },
      ],
    });
    try {
      expect(schemaMismatches(added.sqlite)).toEqual([
        'items.priority (ItemsTable): in the database, missing from schema.ts',
      ]);
    } finally {
      added.sqlite.close();
    }
  });
});
