// What keeps an import as fast in a big database as in a new one (issue 18): every lookup it makes
// while applying a relay is an index search, never a scan of a table that grows with the
// province's data; and rows entries larger than one inflated piece are read whole.
import { afterEach, describe, expect, it } from 'vitest';
import { courtFingerprint, exportReportUp, importBundle } from '../../../src/main/sync/syncService';
import type { Harness } from '../harness';
import { BASIC, INTERMEDIATE, bulkWork, countRows, reportUp, threeLevels } from './syncFixtures';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

/** Read whole on purpose: the schema (a table's columns), a court's own settings and trust list,
 * and the roster (a few hundred courts at most), none of which grows with the rows courts report. */
const READ_WHOLE = new Set(['pragma_table_info', 'settings', 'roster_courts', 'sync_courts', 'users']);

/** How the import finds the campaign of a note whose item it did not just write. */
const ITEM_CAMPAIGN = 'SELECT campaign_id FROM items WHERE id = ?';

describe('import at scale', () => {
  it('looks rows up by index while applying a relay, and reads rows entries of many inflated pieces', async () => {
    const { folder, high, middle, basic, campaign } = await threeLevels(open);
    // About 1.5 MB of progress notes: several of the 256 KiB pieces rows entries are inflated in.
    const written = bulkWork(basic.h, campaign.id, 400, 12);
    await reportUp(basic, middle, BASIC.code, folder);

    const sqlite = high.ctx.sqlite;
    const prepared = new Set<string>();
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((sql: string) => {
      prepared.add(sql);
      return prepare(sql);
    }) as typeof sqlite.prepare;
    try {
      const up = await exportReportUp(middle.ctx, { folder, full: false });
      const report = await importBundle(high.ctx, {
        file: up.filePath,
        dryRun: false,
        trust: [await courtFingerprint(middle.ctx)],
        addToRoster: [INTERMEDIATE.code],
      });
      expect(report.outcome).toBe('imported');
    } finally {
      sqlite.prepare = prepare;
    }
    expect(countRows(high.h, 'progress_notes', 'origin = ?', BASIC.code)).toBe(400 * 12);
    expect(countRows(high.h, 'items', 'origin = ?', BASIC.code)).toBeGreaterThanOrEqual(written / 13);

    const reads = [...prepared].filter((sql) => /^\s*select\b/i.test(sql));
    // The per-row lookup of a row held already is among them. A note's item (for its campaign) is
    // not looked up when the bundle brought the item: it is remembered as it is written.
    expect(reads).toEqual(expect.arrayContaining(['SELECT origin, version FROM progress_notes WHERE id = ?']));
    expect(reads).not.toContain(ITEM_CAMPAIGN);
    const scans: string[] = [];
    // The item lookup, for notes whose items came in an earlier bundle, is held to an index too.
    for (const sql of [...reads, ITEM_CAMPAIGN]) {
      const params = Array.from(sql.matchAll(/\?/g), () => null);
      const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
      for (const { detail } of plan) {
        const scanned = /^SCAN (\w+)/.exec(detail)?.[1];
        if (scanned && !READ_WHOLE.has(scanned) && !/USING (COVERING )?INDEX/.test(detail))
          scans.push(`${detail} ← ${sql.replace(/\s+/g, ' ').trim()}`);
      }
    }
    expect(scans).toEqual([]);
  });
});
