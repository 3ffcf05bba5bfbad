// Rows written straight into a court's database for a browser test's set-up, as a subordinate's
// report up leaves them at a higher court (the API cannot write another court's rows).
import type Database from 'better-sqlite3';

/** `owned(origin)`: a row's common columns, with a fresh id; `insert(table, values)`: one row;
 * `reportingCourt`: a subordinate's trust and court rows; `rosterCourt`: a court on the high court's roster. `nextId` gives uuid-shaped ids from `idBase` up. */
export function rowSeeder(db: Database.Database, stamp: string, idBase: number) {
  let counter = 0;
  const nextId = () => `0190f0e4-0000-7000-8000-${(idBase + (counter += 1)).toString(16).padStart(12, '0')}`;
  const insert = (table: string, values: Record<string, unknown>) => {
    const keys = Object.keys(values);
    db.prepare(`INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`).run(
      ...keys.map((key) => values[key]),
    );
  };
  const owned = (origin: string) => ({
    id: nextId(),
    origin,
    version: 1,
    change_seq: 1,
    created_at: stamp,
    updated_at: stamp,
  });
  return {
    nextId,
    owned,
    insert,
    /**
     * A court reporting to this one, as trusting it and importing its bundles leave it: its
     * sync_courts row (a relayed court vouched for by its parent) and its own courts row.
     * `bundleAt`: its last bundle's time, or null when none came yet.
     */
    reportingCourt: (court: ReportingCourt, bundleAt: string | null, lastSeq = 3) => {
      insert('sync_courts', {
        code: court.code,
        name: court.name,
        level: court.level,
        parent_code: court.parent,
        sign_key: 'k',
        box_key: 'k',
        fingerprint: '0'.repeat(40),
        relation: court.relation,
        trusted_at: stamp,
        trusted_by: '李处长（wangxm）',
        vouched_by: court.relation === 'relayed' ? court.parent : null,
        last_seq: lastSeq,
        last_bundle_at: bundleAt,
        last_imported_at: bundleAt,
      });
      insert('courts', {
        ...owned(court.code),
        code: court.code,
        name: court.name,
        level: court.level,
        parent_code: court.parent,
      });
    },
    /** A court on the high court J23's roster (应报法院), in the province 黑龙江省. */
    rosterCourt: (court: Pick<ReportingCourt, 'code' | 'name' | 'level' | 'parent'>) =>
      insert('roster_courts', {
        ...owned('J23'),
        code: court.code,
        name: court.name,
        level: court.level,
        parent_code: court.parent,
        jurisdiction: '黑龙江省',
      }),
  };
}

export interface ReportingCourt {
  code: string;
  name: string;
  level: 'intermediate' | 'basic';
  parent: string;
  relation: 'subordinate' | 'relayed';
}
