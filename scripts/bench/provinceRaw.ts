// The raw baseline of the province bench: the same rows an import writes, inserted by a plain
// better-sqlite3 prepared-statement loop in one transaction per bundle's worth. The target is a
// copy of the importing court's database taken just before its imports, opened with the app's
// openDatabase: the same migrations, indexes, foreign keys and full-text triggers, and the same
// starting size. Rows are read from the sending courts' databases first (not timed), in the order
// the importer applies them: nested bundles by court code, then the sender's own rows, each
// court's tables in SYNC_TABLES order. A later round of the "years of relays" row reads only each
// court's rows after the change it had reached before that round (`since`), as its bundles carry.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { DATABASE_FILE, openDatabase } from '../../src/main/data/database';
import { SYNC_TABLES, tableColumns } from '../../src/main/sync/syncTables';
import { withMemory, type MemoryPeak } from './provinceMeasure';
import { provincePaths } from './provinceShape';

/** One bundle's worth: the courts whose own rows it carries, in the order they are applied. */
export interface RawGroup {
  label: string;
  origins: string[];
  /** Per court, the change_seq its rows in this group come after (absent: all its rows). */
  since?: Record<string, number>;
}

export interface RawSample {
  label: string;
  ms: number;
  rows: number;
}

interface TableRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

function readOwnRows(dataDir: string, origin: string, afterSeq: number): TableRows[] {
  const source = new BetterSqlite3(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const columns = tableColumns(source);
    return SYNC_TABLES.map((table) => {
      const names = columns.get(table.name)!;
      const rows = source
        .prepare(
          `SELECT ${names.join(', ')} FROM ${table.name} WHERE origin = ? AND change_seq > ? ORDER BY change_seq`,
        )
        .raw(true)
        .all(origin, afterSeq) as unknown[][];
      return { table: table.name, columns: names, rows };
    }).filter((entry) => entry.rows.length > 0);
  } finally {
    source.close();
  }
}

/** Inserts each group in its own transaction into the database copy at rawDir, timing each. */
export async function rawInserts(
  work: string,
  rawDir: string,
  groups: RawGroup[],
): Promise<{ samples: RawSample[]; memory: MemoryPeak }> {
  const paths = provincePaths(work);
  const opened = openDatabase(path.join(rawDir, DATABASE_FILE));
  const sqlite = opened.sqlite;
  try {
    const statements = new Map<string, BetterSqlite3.Statement>();
    const insertFor = (entry: TableRows) => {
      const sql = `INSERT INTO ${entry.table} (${entry.columns.join(', ')}) VALUES (${entry.columns.map(() => '?').join(', ')})`;
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)));
      return statement;
    };
    const { value: samples, memory } = await withMemory(async () => {
      const out: RawSample[] = [];
      for (const group of groups) {
        const loaded = group.origins.flatMap((origin) =>
          readOwnRows(paths.court(origin), origin, group.since?.[origin] ?? -1),
        );
        const prepared = loaded.map((entry) => ({ statement: insertFor(entry), rows: entry.rows }));
        let rows = 0;
        const start = performance.now();
        sqlite.transaction(() => {
          for (const { statement, rows: values } of prepared) {
            for (const row of values) statement.run(row);
            rows += values.length;
          }
        })();
        out.push({ label: group.label, ms: performance.now() - start, rows });
      }
      return out;
    });
    return { samples, memory };
  } finally {
    await opened.close();
  }
}
