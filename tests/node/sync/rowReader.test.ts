// The import's row reader thread (src/main/sync/rowReader.ts) gives exactly what readCheckedRows
// gives in the importing thread: the same rows in the same order to the handler, and the same
// refusal for every kind of bad entry — damage, a bad line, a row its schema refuses, a false
// count, the handler's own refusal, and which of two refusals wins. Then whole imports through it
// (every entry, however small): a relay with nested bundles, a package whose nested packages go
// first, the same relay again, and a crowd of rows with a refusal deep inside.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/main/api/errors';
import { latestPlausibleDay, openVerifiedBundle, readCheckedRows } from '../../../src/main/sync/bundleChecks';
import { ensureCourtKeys } from '../../../src/main/sync/courtKeys';
import { RowReader } from '../../../src/main/sync/rowReader';
import { courtFingerprint, exportReportUp, importBundle } from '../../../src/main/sync/syncService';
import type { Harness } from '../harness';
import { readBundle, rowsOf, ndjson, setEntry, writeBundle, type OpenBundle } from './bundleSurgery';
import {
  BASIC,
  HIGH,
  INTERMEDIATE,
  ROSTER,
  bulkWork,
  countRows,
  openEngineCourt,
  outFolder,
  reportUp,
  threeLevels,
  type SyncCourt,
} from './syncFixtures';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const saved = { script: process.env.COURT_TEST_ROW_READER, min: process.env.COURT_ROW_READER_MIN_BYTES };

beforeAll(async () => {
  // `npm test` names the bundled reader it just built; run alone, this builds one.
  if (!process.env.COURT_TEST_ROW_READER || !fs.existsSync(process.env.COURT_TEST_ROW_READER)) {
    const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'row-reader-')), 'rowReader.js');
    await build({
      entryPoints: [path.resolve('src/main/sync/rowReaderWorker.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'warning',
      external: ['better-sqlite3', 'electron'],
    });
    process.env.COURT_TEST_ROW_READER = outfile;
  }
  // Every entry, however small, through the thread.
  process.env.COURT_ROW_READER_MIN_BYTES = '0';
});

afterAll(() => {
  for (const [name, value] of [
    ['COURT_TEST_ROW_READER', saved.script],
    ['COURT_ROW_READER_MIN_BYTES', saved.min],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

type Outcome = { rows: number; seen: string[] } | { code: string; message: string; seen: string[] };

/** Reads one rows entry of a plain bundle both ways: here, and through the reader thread. */
async function bothWays(
  file: string,
  table: string,
  schemaVersion: number,
  refuseAt?: number,
): Promise<{ here: Outcome; thread: Outcome; threadUsed: boolean }> {
  const now = new Date();
  const latestDay = latestPlausibleDay(now);
  const outcome = async (read: (onRow: (row: Record<string, unknown>) => void) => Promise<number>) => {
    const seen: string[] = [];
    const onRow = (row: Record<string, unknown>) => {
      seen.push(String(row.id));
      if (refuseAt !== undefined && seen.length === refuseAt)
        throw new ApiError('E_MISSING_REFERENCE', '处理这一行时拒绝');
    };
    try {
      return { rows: await read(onRow), seen };
    } catch (error) {
      const refused = error as ApiError;
      return { code: refused.code, message: refused.message, seen };
    }
  };
  const { zip, manifest } = await openVerifiedBundle(file, { schemaVersion, now });
  try {
    const entry = manifest.entries.find((item) => item.name === `rows/${table}.ndjson`)!;
    const here = await outcome((onRow) => readCheckedRows(zip, manifest, table, entry, latestDay, onRow));
    const reader = RowReader.forBundle(file);
    expect(reader).not.toBeNull();
    try {
      // null: the thread did not read it (a refusal is the thread's own answer).
      let threadUsed = true;
      const thread = await outcome(async (onRow) => {
        const rows = await reader!.read(file, manifest, table, entry, latestDay, onRow);
        if (rows === null) {
          threadUsed = false;
          throw new Error('not read in the thread');
        }
        return rows;
      });
      return { here, thread, threadUsed };
    } finally {
      await reader!.close();
    }
  } finally {
    await zip.close();
  }
}

async function reportingBasic(): Promise<{ basic: SyncCourt; file: string; key: string; folder: string }> {
  const folder = outFolder();
  const basic = await openEngineCourt(BASIC, open);
  const campaign = await basic.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
  bulkWork(basic.h, campaign.id, 30, 12);
  const up = await exportReportUp(basic.ctx, { folder, full: false });
  return { basic, file: up.filePath, key: (await ensureCourtKeys(basic.ctx)).signPrivate, folder };
}

async function forged(source: string, key: string, folder: string, name: string, edit: (b: OpenBundle) => void) {
  const bundle = await readBundle(source);
  edit(bundle);
  const file = path.join(folder, `${name}.dtsync`);
  await writeBundle(file, bundle, { signWith: key });
  return file;
}

/** The entry's bytes changed with the manifest left as it was (same length: the sizes agree). */
function alterBytes(bundle: OpenBundle, name: string, at: 'early' | 'late'): void {
  const bytes = Buffer.from(bundle.entries.get(name)!);
  const text = bytes.toString('latin1');
  const index = at === 'early' ? text.indexOf('"version":1') + 10 : text.lastIndexOf('"version":1') + 10;
  bytes[index] = '2'.charCodeAt(0);
  bundle.entries.set(name, bytes);
}

const NOTES = 'rows/progress_notes.ndjson';

describe('the row reader thread reads as this thread does', () => {
  it('the same rows in the same order, and the same refusal for every kind of bad entry', async () => {
    const { basic, file, key, folder } = await reportingBasic();
    const editNotes =
      (edit: (rows: Record<string, unknown>[]) => Record<string, unknown>[] | Buffer) => (b: OpenBundle) => {
        const edited = edit(rowsOf(b, 'progress_notes'));
        setEntry(b, NOTES, Buffer.isBuffer(edited) ? edited : ndjson(edited));
      };
    const cases: { name: string; file: string; refuseAt?: number; expect: RegExp | 'rows' }[] = [
      { name: 'clean', file, expect: 'rows' },
      {
        name: 'tampered',
        file: await forged(file, key, folder, 'tampered', (b) => alterBytes(b, NOTES, 'early')),
        expect: /E_TAMPERED/,
      },
      {
        name: 'schema',
        file: await forged(
          file,
          key,
          folder,
          'schema',
          editNotes((rows) => rows.map((row, i) => (i === 40 ? { ...row, percent: '50' } : row))),
        ),
        expect: /E_CORRUPT .*第 41 行/,
      },
      {
        name: 'bad line',
        file: await forged(
          file,
          key,
          folder,
          'line',
          editNotes((rows) =>
            Buffer.concat([ndjson(rows.slice(0, 7)), Buffer.from('{"id":\n'), ndjson(rows.slice(7))]),
          ),
        ),
        expect: /E_CORRUPT.*第 8 行/,
      },
      {
        name: 'count',
        file: await forged(file, key, folder, 'count', (b) => {
          const entry = b.manifest.entries.find((item) => item.name === NOTES)!;
          entry.rows = (entry.rows ?? 0) + 1;
          b.manifest.counts.rows += 1;
        }),
        expect: /E_/,
      },
      { name: 'handler refuses', file, refuseAt: 300, expect: /E_MISSING_REFERENCE/ },
      {
        name: 'handler refuses, entry damaged further on',
        file: await forged(file, key, folder, 'late-damage', (b) => alterBytes(b, NOTES, 'late')),
        refuseAt: 3,
        expect: /E_TAMPERED/,
      },
      {
        name: 'handler refuses before a row the schema refuses',
        file: await forged(
          file,
          key,
          folder,
          'late-schema',
          editNotes((rows) => rows.map((row, i) => (i === 200 ? { ...row, version: -1 } : row))),
        ),
        refuseAt: 3,
        expect: /E_MISSING_REFERENCE/,
      },
    ];
    for (const item of cases) {
      const { here, thread, threadUsed } = await bothWays(
        item.file,
        'progress_notes',
        basic.ctx.schemaVersion,
        item.refuseAt,
      );
      expect(threadUsed, item.name).toBe(true);
      expect(thread, item.name).toEqual(here);
      if (item.expect === 'rows') {
        expect('rows' in here && here.rows, item.name).toBe(360);
        expect(here.seen, item.name).toHaveLength(360);
      } else {
        expect('code' in here && `${here.code} ${here.message}`, item.name).toMatch(item.expect);
      }
    }
  });
});

describe('entries taken out of turn', () => {
  it('an entry asked for ahead but skipped is called off, and read anew when it is wanted after all', async () => {
    const folder = outFolder();
    const basic = await openEngineCourt(BASIC, open);
    const campaign = await basic.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
    // More notes than the reader reads ahead before it waits for them to be taken.
    bulkWork(basic.h, campaign.id, 700, 12);
    const file = (await exportReportUp(basic.ctx, { folder, full: false })).filePath;
    const now = new Date();
    const latestDay = latestPlausibleDay(now);
    const { zip, manifest } = await openVerifiedBundle(file, { schemaVersion: basic.ctx.schemaVersion, now });
    const reader = RowReader.forBundle(file)!;
    try {
      const entryOf = (table: string) => manifest.entries.find((item) => item.name === `rows/${table}.ndjson`)!;
      reader.readAhead(
        file,
        manifest,
        ['progress_notes', 'items'].map((table) => ({ table, entry: entryOf(table) })),
        latestDay,
      );
      const ids = (table: string) => {
        const seen: string[] = [];
        const pending = reader.read(file, manifest, table, entryOf(table), latestDay, (row) => {
          seen.push(String(row.id));
        });
        return pending.then((rows) => ({ rows, seen }));
      };
      const items = await ids('items');
      expect(items.rows).toBe(700);
      expect(new Set(items.seen).size).toBe(700);
      const notes = await ids('progress_notes');
      expect(notes.rows).toBe(8400);
      expect(notes.seen).toHaveLength(8400);
    } finally {
      await reader.close();
      await zip.close();
    }
  });
});

describe('imports through the row reader thread', () => {
  it('a relay with nested reports, a package whose nested packages go first, and the same relay again', async () => {
    // The intermediate court's package to the basic court carries the high court's, nested: applied
    // before its own rows.
    const { folder, high, middle, basic, campaign } = await threeLevels(open);
    expect(countRows(basic.h, 'items', 'origin = ? AND title = ?', HIGH.code, '开展庭审观摩活动')).toBe(1);
    const written = bulkWork(basic.h, campaign.id, 60, 12);
    await reportUp(basic, middle, BASIC.code, folder);
    // The intermediate court's own notes outnumber what the reader reads ahead before it waits for
    // the import to catch up: asked for out of turn, they would keep it waiting for ever.
    bulkWork(middle.h, campaign.id, 700, 12);
    const relay = await exportReportUp(middle.ctx, { folder, full: false });
    const options = {
      file: relay.filePath,
      dryRun: false,
      trust: [await courtFingerprint(middle.ctx)],
      addToRoster: ROSTER,
    };
    const first = await importBundle(high.ctx, options);
    expect(first.outcome).toBe('imported');
    expect(first.totals.added).toBeGreaterThanOrEqual(written);
    expect(countRows(high.h, 'progress_notes', 'origin = ?', BASIC.code)).toBe(60 * 12);
    const again = await importBundle(high.ctx, options);
    expect(again.outcome).toBe('unchanged');
    expect(countRows(high.h, 'progress_notes', 'origin = ?', BASIC.code)).toBe(60 * 12);
  });
});

describe('a reader thread that fails', () => {
  it('before handing a row over leaves the entries to the import, which completes', async () => {
    const broken = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'row-reader-broken-')), 'rowReader.js');
    fs.writeFileSync(broken, "throw new Error('the reader thread cannot start');\n");
    const working = process.env.COURT_TEST_ROW_READER;
    process.env.COURT_TEST_ROW_READER = broken;
    try {
      const folder = outFolder();
      const basic = await openEngineCourt(BASIC, open);
      const middle = await openEngineCourt(INTERMEDIATE, open);
      const campaign = await basic.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
      bulkWork(basic.h, campaign.id, 40, 12);
      await reportUp(basic, middle, BASIC.code, folder);
      expect(countRows(middle.h, 'progress_notes', 'origin = ?', BASIC.code)).toBe(40 * 12);
    } finally {
      process.env.COURT_TEST_ROW_READER = working;
    }
  });
});
