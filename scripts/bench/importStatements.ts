// Why the bundle import keeps prepared statements (src/main/sync/importBundle.ts, `prepare`): the
// same rows inserted into a migrated court database in one write transaction, once through a
// prepared statement built once and reused (as the import session does), once through Kysely's
// query builder (which compiles each query and has the driver prepare it anew). Prints the median
// microseconds per row of each. Run: npx tsx scripts/bench/importStatements.ts [rows]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DATABASE_FILE, openDatabase } from '../../src/main/data/database';
import { writeTransaction } from '../../src/main/data/transactions';

const ROWS = Number(process.argv[2] ?? 20_000);
const REPS = 5;

function progressNote(index: number, run: string) {
  return {
    id: `0190f0e4-${run.padStart(4, '0')}-7000-8000-${String(index).padStart(12, '0')}`,
    origin: 'J2301',
    version: 1,
    change_seq: index + 1,
    created_at: '2026-11-24T10:00:00+08:00',
    updated_at: '2026-11-24T10:00:00+08:00',
    deleted_at: null,
    item_id: '0190f0e4-0000-7000-8000-000000000004',
    note_date: '2026-11-24',
    author: '王书记员',
    text: `第 ${index} 条进展：已按要求落实。`,
    percent: index % 101,
  };
}

const camel = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()), value]),
  );

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-statements-'));
  const opened = openDatabase(path.join(dir, DATABASE_FILE));
  const { sqlite, db } = opened;
  const now = '2026-11-24T10:00:00+08:00';
  sqlite
    .prepare(
      `INSERT INTO campaigns (id, origin, change_seq, created_at, updated_at, title, issuing_court_code, year)
       VALUES ('0190f0e4-0000-7000-8000-000000000003', 'J2301', 0, ?, ?, '能力作风建设年', 'J2301', 2026)`,
    )
    .run(now, now);
  sqlite
    .prepare(
      `INSERT INTO items (id, origin, change_seq, created_at, updated_at, campaign_id, sort_order, title)
       VALUES ('0190f0e4-0000-7000-8000-000000000004', 'J2301', 0, ?, ?, '0190f0e4-0000-7000-8000-000000000003', 1, '落实当场立案制度')`,
    )
    .run(now, now);
  const names = Object.keys(progressNote(0, '0'));
  const insert = sqlite.prepare(
    `INSERT INTO progress_notes (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`,
  );
  const prepared: number[] = [];
  const kysely: number[] = [];
  for (let rep = 0; rep < REPS; rep += 1) {
    const rowsA = Array.from({ length: ROWS }, (_, i) => progressNote(i, `${rep * 2 + 1}`));
    const rowsB = Array.from({ length: ROWS }, (_, i) => camel(progressNote(i, `${rep * 2 + 2}`)));
    let start = performance.now();
    await writeTransaction(db, async () => {
      for (const row of rowsA) insert.run(...names.map((name) => row[name as keyof typeof row]));
    });
    prepared.push(((performance.now() - start) * 1000) / ROWS);
    start = performance.now();
    await writeTransaction(db, async (trx) => {
      for (const row of rowsB) {
        await trx
          .insertInto('progressNotes')
          .values(row as never)
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
      }
    });
    kysely.push(((performance.now() - start) * 1000) / ROWS);
  }
  await opened.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `${ROWS} rows × ${REPS}: prepared statement ${median(prepared).toFixed(1)} µs/row, Kysely ${median(kysely).toFixed(1)} µs/row`,
  );
}

void main();
