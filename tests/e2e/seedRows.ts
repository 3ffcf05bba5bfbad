// Rows written straight into a court's database for a browser test's set-up, as a subordinate's
// report up leaves them at a higher court (the API cannot write another court's rows).
import type Database from 'better-sqlite3';

/** `owned(origin)`: a row's common columns, with a fresh id; `insert(table, values)`: one row.
 * `nextId` gives uuid-shaped ids from `idBase` up. */
export function rowSeeder(db: Database.Database, stamp: string, idBase: number) {
  let counter = 0;
  const nextId = () => `0190f0e4-0000-7000-8000-${(idBase + (counter += 1)).toString(16).padStart(12, '0')}`;
  return {
    nextId,
    owned: (origin: string) => ({
      id: nextId(),
      origin,
      version: 1,
      change_seq: 1,
      created_at: stamp,
      updated_at: stamp,
    }),
    insert: (table: string, values: Record<string, unknown>) => {
      const keys = Object.keys(values);
      db.prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(
        ...keys.map((key) => values[key]),
      );
    },
  };
}
