// Crash safety: a kill -9 at any moment of an import, an export, a demo load or a report export
// leaves a court whose integrity check passes and whose data — evidence files included — is
// exactly as before the operation or exactly as after it.
//
// Not timed: the real command line (node + tsx on src/cli/main.ts) runs once per named crash point
// with COURT_TEST_CRASH_AT=<point> (src/main/durability/crashPoints.ts), which makes it SIGKILL
// itself there. A run that is not killed by SIGKILL fails the test, so a point that stops being
// reached cannot rot unnoticed. Every point in src/ is covered, several of them in more than one
// operation, and for the repeated ones (import.rows, demo.progress, blob.*) a few passes from the
// first to near the last. Scenarios: an import (a basic court's encrypted report, ~4,900 rows and
// 4 evidence files, into its parent), a relayed import (a bundle inside a bundle, into the high
// court), an export (that report), a relaying export, a package publication, the demo, and a
// report saved by the `report` command and by the app's `reports.export` job.
//
// After each crash, and before anything opens the folder, the test looks at what the crash left
// (journal, sync/tmp, *.part, evidence files and kept bundles BEFORE does not have, the output
// folder): each point names what it must have left, so it is known to give recovery work to do.
// Then the folder is opened in this process with createServices — what every face of the program
// does, start-up recovery included (for one point per scenario, first through the command line's
// own `call audit.verify`) — and:
//   * the integrity check (verifyCourtIntegrity, the `audit.verify` operation) finds no problem;
//   * the court's state equals BEFORE (the untouched starting folder, opened the same way) or
//     AFTER (a copy on which the same command ran to its end). Each point also names the side it
//     must land on: nothing can have committed before the commit, and what committed (or a file
//     that took its final name) must not be lost.
//   * the operation can simply be run again: the import gives exactly AFTER (idempotent); the
//     next export succeeds, numbered after a completed one or reusing a released one, and the
//     receiving court accepts every file written, in order (no E_GAP, no E_OLDER); the demo loads
//     and gives exactly AFTER.
//
// The state digest (CourtState) — deterministic across runs, strict everywhere else:
//   * every table of the database: its row count and a SHA-256 over its rows, each row as JSON
//     of all its columns, rows sorted. Only what legitimately differs between two runs of the same
//     command is neutralised: ISO timestamps anywhere (columns and inside JSON text such as the
//     audit log's before/after) become "<time>"; audit_log.hash/prev_hash (chained over those
//     times; the integrity check verifies the chain itself; likewise the hash in the
//     audit_head setting, whose sequence number is kept), sync_received.id (a fresh uuid),
//     sync_outbox.sha256/file_path (an export's bytes are sealed afresh each run; the output
//     folder differs per run) are dropped. The demo creates every row with a fresh uuid, so for
//     the demo only, uuids anywhere become "<id>" (counts and every other value still compared).
//   * evidence/: the sorted names of the files, each checked to hold exactly the content its name
//     (SHA-256) promises, and to be exactly the set of evidence_blobs rows — a file without its
//     row, or a row without its file, fails whatever the digest says. Since BEFORE and AFTER are
//     compared as wholes, a state with some of the new files (or rows) and not others cannot pass.
//   * sync/received/: every kept bundle as "path sha256", exactly the set sync_received names.
//   * the output folder (exports, reports): the names of its files; a report, when present, also
//     has AFTER's content (times masked); a bundle is proved whole by importing it.
//   * no leftovers: no *.part file anywhere in the data folder, no hidden or *.part file in the
//     output folder, nothing in sync/tmp or journal/, no sync_outbox row still 'pending'.
// Today's traffic-light sweep (once a day, in its own transaction, by whatever first reads the
// items — a report does) is run on the starting folders, so it is not mistaken for part of an
// operation. (A run that crosses midnight would sweep again; the whole file takes about a minute.)
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/app/services';
import { openCliSession } from '../../src/main/access/cliSession';
import type { ServiceContext } from '../../src/main/api/context';
import { dispatch } from '../../src/main/api/dispatch';
import { verifyCourtIntegrity } from '../../src/main/audit/integrityCheck';
import { sweepLights } from '../../src/main/lights/lightHistory';
import { courtFingerprint, exportReportUp, importBundle, publishCampaign } from '../../src/main/sync/syncService';
import { ROOT, runCli as runCommand, type CliRun } from './cliProcess';
import { ADMIN, openHarness, tempDir, type Harness } from './harness';
import { BASIC, HIGH, INTERMEDIATE, ROSTER, bulkWork, engineCtx, openSyncCourt } from './sync/syncFixtures';

// ---------------------------------------------------------------------------------------------
// The command line, as a real process, with the crash point in its environment.

const runCli = (args: string[], crashAt = ''): Promise<CliRun> =>
  runCommand(args, { env: { COURT_TEST_CRASH_AT: crashAt } });

const runs = { crashed: 0, completed: 0 };

/** Runs the command to its end; it must succeed. */
async function runToEnd(args: string[]): Promise<CliRun> {
  const run = await runCli(args);
  runs.completed += 1;
  expect(run.code, `${args.join(' ')}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return run;
}

/** Runs the command with a crash point; it must die there by SIGKILL. */
async function runToCrash(point: string, args: string[]): Promise<void> {
  const run = await runCli(args, point);
  runs.crashed += 1;
  const how = run.signal ? `died of ${run.signal}` : `exited with code ${run.code}`;
  expect(
    run.signal,
    `${point}: the command ${how} instead of being killed at the crash point — the point was never reached\n${run.stderr}`,
  ).toBe('SIGKILL');
}

// ---------------------------------------------------------------------------------------------
// Folders.

const work = tempDir('court-crash-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
let counter = 0;

function newDir(label: string): string {
  const dir = path.join(work, `${label}-${(counter += 1)}`);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A copy of a whole (closed) data folder. */
function copyCourt(source: string, label: string): string {
  const dir = path.join(work, `${label}-${(counter += 1)}`);
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

/** Opens a data folder as the command line does (start-up recovery included), logged in as its administrator. */
async function withCourt<T>(dir: string, task: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const services = createServices({ dataDir: dir });
  try {
    const user = await openCliSession(services.ctx);
    return await task({ ...services.ctx, caller: 'cli', user });
  } finally {
    await services.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The state digest (see the header).

interface CourtState {
  tables: Record<string, { rows: number; content: string }>;
  /** The rows of small tables, to name what differs in a failure message (not compared). */
  small: Record<string, string[]>;
  evidence: string[];
  received: string[];
  output: string[];
}

const TIME = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const VARYING: Record<string, string[]> = {
  audit_log: ['hash', 'prev_hash'],
  sync_received: ['id'],
  sync_outbox: ['sha256', 'file_path'],
};

/** Also different on every demo load: the demo higher court that issues the demo's campaigns is
 * made afresh each time, with new keys, so its key columns and its signed packages differ. */
const VARYING_WITH_IDS: Record<string, string[]> = {
  sync_courts: ['sign_key', 'box_key', 'fingerprint'],
  sync_received: ['sha256', 'file_path', 'size'],
};

const sha256 = (bytes: Buffer | string) => crypto.createHash('sha256').update(bytes).digest('hex');

function walk(dir: string, base = dir): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full, base) : [path.relative(base, full)];
  });
}

interface InspectOptions {
  /** The folder the operation writes its file into (exports, reports). */
  out?: string;
  /** Fresh uuids everywhere, and a fresh demo higher court with new keys (the demo). */
  maskIds?: boolean;
}

/**
 * Opens the folder (recovery runs), checks integrity and the invariants that hold in any settled
 * court, and returns its state digest.
 */
async function inspectCourt(dir: string, options: InspectOptions = {}): Promise<CourtState> {
  const mask = (value: unknown): unknown => {
    if (typeof value !== 'string') return Buffer.isBuffer(value) ? value.toString('hex') : value;
    const timeless = value.replace(TIME, '<time>');
    return options.maskIds ? timeless.replace(UUID, '<id>') : timeless;
  };
  const services = createServices({ dataDir: dir });
  let tables: CourtState['tables'];
  const small: CourtState['small'] = {};
  let blobs: string[];
  let receivedPaths: string[];
  try {
    const sqlite = services.ctx.sqlite;
    const integrity = await verifyCourtIntegrity(services.ctx);
    expect(integrity.problems, `integrity check of ${dir}`).toEqual([]);
    expect(integrity.ok).toBe(true);
    const pending = sqlite.prepare("SELECT target_code, seq FROM sync_outbox WHERE state = 'pending'").all();
    expect(pending, 'an export left pending after start-up recovery').toEqual([]);
    tables = {};
    const names = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[];
    for (const { name } of names) {
      const drop = new Set([...(VARYING[name] ?? []), ...((options.maskIds && VARYING_WITH_IDS[name]) || [])]);
      const rows = (sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]).map((row) => {
        // The audit log's head, kept in settings, carries the chained hash as well.
        if (name === 'settings' && row.key === 'audit_head')
          row = { ...row, value: (JSON.parse(row.value as string) as { seq: number }).seq };
        return JSON.stringify(
          Object.keys(row)
            .filter((column) => !drop.has(column))
            .map((column) => [column, mask(row[column])]),
        );
      });
      rows.sort();
      tables[name] = { rows: rows.length, content: sha256(rows.join('\n')).slice(0, 16) };
      if (rows.length <= 20) small[name] = rows;
    }
    blobs = (sqlite.prepare('SELECT sha256 FROM evidence_blobs ORDER BY sha256').all() as { sha256: string }[]).map(
      (row) => row.sha256,
    );
    receivedPaths = (
      sqlite.prepare('SELECT file_path FROM sync_received WHERE file_path IS NOT NULL').all() as { file_path: string }[]
    )
      .map((row) => path.normalize(row.file_path))
      .sort();
  } finally {
    await services.close();
  }

  // Leftovers of the interrupted work.
  const leftovers = [
    ...walk(dir).filter((file) => file.endsWith('.part')),
    ...walk(path.join(dir, 'sync', 'tmp')).map((file) => path.join('sync', 'tmp', file)),
    ...walk(path.join(dir, 'journal')).map((file) => path.join('journal', file)),
    ...(options.out
      ? walk(options.out)
          .filter((file) => file.endsWith('.part') || file.startsWith('.'))
          .map((file) => `(output) ${file}`)
      : []),
  ];
  expect(leftovers, `leftover files in ${dir}`).toEqual([]);

  // Evidence: each file holds what its name promises, and the files are exactly the recorded ones.
  const evidence = walk(path.join(dir, 'evidence')).sort();
  for (const file of evidence) {
    const name = path.basename(file);
    expect(file, 'evidence file outside its place').toBe(path.join(name.slice(0, 2), name));
    expect(sha256(fs.readFileSync(path.join(dir, 'evidence', file))), `evidence file ${file} damaged`).toBe(name);
  }
  const evidenceNames = evidence.map((file) => path.basename(file));
  expect(evidenceNames, 'evidence files and evidence_blobs rows differ').toEqual(blobs);

  // Received bundles kept for relay: exactly the recorded ones.
  const receivedFiles = walk(path.join(dir, 'sync', 'received'))
    .map((file) => path.join('sync', 'received', file))
    .sort();
  expect(receivedFiles, 'kept bundles and sync_received rows differ').toEqual(receivedPaths);
  // The demo's packages are signed by a demo higher court made afresh on every load: their names
  // and bytes differ, so with maskIds only their places are compared.
  const received = receivedFiles.map((file) =>
    options.maskIds
      ? file.replace(/-[0-9a-f]{16}\.zip$/, '-<hash>.zip')
      : `${file} ${sha256(fs.readFileSync(path.join(dir, file))).slice(0, 16)}`,
  );

  const output = options.out ? fs.readdirSync(options.out).sort() : [];
  return { tables, small, evidence: evidenceNames, received, output };
}

/** What differs between two states, in a few words per difference. */
function differences(a: CourtState, b: CourtState): string[] {
  const found: string[] = [];
  for (const table of new Set([...Object.keys(a.tables), ...Object.keys(b.tables)])) {
    const x = a.tables[table];
    const y = b.tables[table];
    if (x?.rows !== y?.rows) found.push(`${table}: ${x?.rows} rows vs ${y?.rows}`);
    else if (x?.content !== y?.content) {
      const only = (p: string[] = [], q: string[] = []) =>
        p.filter((row) => !q.includes(row)).map((row) => row.slice(0, 300));
      const detail =
        a.small[table] && b.small[table]
          ? ` (only here: ${only(a.small[table], b.small[table]).join(' | ')}; only there: ${only(b.small[table], a.small[table]).join(' | ')})`
          : '';
      found.push(`${table}: same ${x?.rows} rows, different content${detail}`);
    }
  }
  const listDiff = (label: string, xs: string[], ys: string[]) => {
    const extra = xs.filter((x) => !ys.includes(x));
    const missing = ys.filter((y) => !xs.includes(y));
    if (extra.length || missing.length) found.push(`${label}: +[${extra.join(', ')}] -[${missing.join(', ')}]`);
  };
  listDiff('evidence', a.evidence, b.evidence);
  listDiff('sync/received', a.received, b.received);
  listDiff('output', a.output, b.output);
  return found;
}

type Side = 'before' | 'after';

/** The state must be BEFORE or AFTER, and the one this point must land on. */
function expectSettled(point: string, state: CourtState, before: CourtState, after: CourtState, expected: Side): Side {
  const vsBefore = differences(state, before);
  const vsAfter = differences(state, after);
  const side: Side | null = vsBefore.length === 0 ? 'before' : vsAfter.length === 0 ? 'after' : null;
  if (side === null) {
    throw new Error(
      `${point}: the court is neither as before nor as after the operation.\n  against BEFORE: ${vsBefore.join('; ')}\n  against AFTER: ${vsAfter.join('; ')}`,
    );
  }
  expect(side, `${point}: settled as ${side.toUpperCase()}, expected ${expected.toUpperCase()}`).toBe(expected);
  return side;
}

// ---------------------------------------------------------------------------------------------
// The starting folders (built once, in this process, then closed and copied).

const start = {
  /** J2302, which trusts J230201 (holds its report no. 1), before importing report no. 2. */
  intermediate: '',
  /** J230201 with several thousand rows and evidence files not yet reported (its next export is no. 2). */
  basic: '',
  /** J23, the high court, which published the campaign but has never received anything from J2302. */
  high: '',
  /** A court just set up, for the demo. */
  fresh: '',
  /** J2302 after importing report no. 2: its next report up relays it (no. 2 to J23). */
  relayer: '',
  /** J23 holding J2302's report no. 1 (which relayed J230201's no. 1). */
  highWithRelay: '',
};
const bundles = { reportUp2: '', relay: '' };
const fingerprints = { basic: '', intermediate: '' };
let campaignId = '';
/** J230201's items, and those with evidence, at the start of its export (the parent must end up with them all). */
let basicItems = 0;
const EVIDENCE_FILES = 4;
const BULK_ITEMS = 700;
const BULK_NOTES = 6;

/** Deterministic bytes, so every run sees the same evidence. */
function evidenceBytes(index: number, size: number): Buffer {
  const parts: Buffer[] = [];
  let block = Buffer.from(`佐证材料 ${index}`);
  for (let total = 0; total < size; total += 32) {
    block = crypto.createHash('sha256').update(block).digest();
    parts.push(block);
  }
  // Text (hex digits), as the .txt names say: evidence is typed from its content (evidenceType.ts).
  return Buffer.from(Buffer.concat(parts).toString('hex')).subarray(0, size);
}

function closeAndKeep(h: Harness, label: string): Promise<string> {
  return h.close().then(() => copyCourt(h.dataDir, label));
}

beforeAll(async () => {
  const bundleDir = newDir('bundles');
  const middle = await openSyncCourt(INTERMEDIATE);
  const basic = await openSyncCourt(BASIC);
  const high = await openSyncCourt(HIGH);
  const middleCtx = await engineCtx(middle);
  const basicCtx = await engineCtx(basic);
  fingerprints.basic = await courtFingerprint(basicCtx);
  fingerprints.intermediate = await courtFingerprint(middleCtx);

  // The high court publishes a campaign; the intermediate court takes it and passes it down; the
  // basic court takes it (and with it its parent's key, so what it reports up is encrypted).
  const highCtx = await engineCtx(high);
  const campaign = await high.ok('campaigns.create', {
    title: '能力作风建设年',
    year: 2026,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
  });
  campaignId = campaign.id;
  const sectionId = (await high.ok('sections.create', { campaignId: campaign.id, title: '争先创优年' })).sections[0].id;
  for (const title of ['开展庭审观摩活动', '组织审判业务培训', '落实院庭长办案制度']) {
    await high.ok('items.create', {
      campaignId: campaign.id,
      sectionId,
      title,
      kind: 'mandatory',
      deadline: '2026-12-31',
    });
  }
  const pkg = await publishCampaign(highCtx, { campaignId: campaign.id, folder: bundleDir });
  await importBundle(middleCtx, {
    file: pkg.filePath,
    dryRun: false,
    addToRoster: ROSTER,
    trust: [await courtFingerprint(highCtx)],
  });
  const relayedDown = await publishCampaign(middleCtx, { campaignId: campaign.id, folder: bundleDir });
  await importBundle(basicCtx, {
    file: relayedDown.filePath,
    dryRun: false,
    addToRoster: ROSTER,
    trust: [fingerprints.intermediate],
  });

  // Report no. 1 (with one evidence file): the intermediate court confirms the basic court's fingerprint.
  const copy = basic.services.ctx.sqlite
    .prepare("SELECT id FROM items WHERE origin = 'J230201' ORDER BY sort_order")
    .get() as { id: string };
  await basic.ok('progress.add', { itemId: copy.id, noteDate: '2026-11-20', text: '已组织庭审观摩 2 场', percent: 60 });
  await basic.ok('evidence.add', {
    itemId: copy.id,
    name: '观摩照片.txt',
    mimeType: 'text/plain',
    dataBase64: evidenceBytes(0, 2000).toString('base64'),
  });
  const up1 = await exportReportUp(basicCtx, { folder: bundleDir, full: false });
  expect(up1).toMatchObject({ seq: 1, encrypted: true, files: 1 });
  await importBundle(middleCtx, {
    file: up1.filePath,
    dryRun: false,
    addToRoster: ROSTER,
    trust: [fingerprints.basic],
  });

  // The intermediate court relays report no. 1 up to the high court (a bundle with a nested bundle).
  const relay = await exportReportUp(middleCtx, { folder: bundleDir, full: false });
  expect(relay).toMatchObject({ nested: 1 });
  bundles.relay = relay.filePath;

  // The basic court's year of work: several thousand rows, and evidence on a few items.
  const own = await basic.ok('campaigns.create', {
    title: '清廉法院建设',
    year: 2026,
    startDate: '2026-03-01',
    endDate: '2026-12-31',
  });
  expect(bulkWork(basic, own.id, BULK_ITEMS, BULK_NOTES)).toBe(BULK_ITEMS * (1 + BULK_NOTES));
  const bulkItems = basic.services.ctx.sqlite
    .prepare('SELECT id FROM items WHERE campaign_id = ? ORDER BY sort_order')
    .all(own.id) as { id: string }[];
  for (let i = 1; i <= EVIDENCE_FILES; i += 1) {
    const item = bulkItems[Math.floor((i * bulkItems.length) / (EVIDENCE_FILES + 1))];
    await basic.ok('evidence.add', {
      itemId: item.id,
      name: `第${i}批整改材料.txt`,
      mimeType: 'text/plain',
      dataBase64: evidenceBytes(i, i === 2 ? 300_000 : 5_000 * i).toString('base64'),
    });
  }
  basicItems = basic.services.ctx.sqlite
    .prepare("SELECT count(*) AS n FROM items WHERE origin = 'J230201'")
    .pluck()
    .get() as number;

  start.intermediate = await closeAndKeep(middle, 'start-intermediate');
  start.basic = await closeAndKeep(basic, 'start-basic');
  start.high = await closeAndKeep(high, 'start-high');

  // Report no. 2, the bundle the intermediate court's import is killed in.
  const exporter = copyCourt(start.basic, 'exporter');
  const up2 = await withCourt(exporter, (ctx) => exportReportUp(ctx, { folder: bundleDir, full: false }));
  expect(up2).toMatchObject({ seq: 2, encrypted: true, files: EVIDENCE_FILES });
  expect(up2.rows).toBeGreaterThan(BULK_ITEMS * (1 + BULK_NOTES));
  bundles.reportUp2 = up2.filePath;

  const fresh = await openHarness();
  await fresh.ok('court.setup', { profile: BASIC, admin: ADMIN });
  start.fresh = await closeAndKeep(fresh, 'start-fresh');

  start.relayer = copyCourt(start.intermediate, 'start-relayer');
  await withCourt(start.relayer, (ctx) =>
    importBundle(ctx, {
      file: bundles.reportUp2,
      fileName: path.basename(bundles.reportUp2),
      dryRun: false,
      addToRoster: ROSTER,
      trust: [],
    }),
  );
  start.highWithRelay = copyCourt(start.high, 'start-high-relayed');
  await withCourt(start.highWithRelay, (ctx) =>
    importBundle(ctx, {
      file: bundles.relay,
      fileName: path.basename(bundles.relay),
      dryRun: false,
      addToRoster: ROSTER,
      trust: [fingerprints.intermediate],
    }),
  );

  // Today's traffic lights are recorded once a day by whatever first reads the items (its own
  // transaction, not part of any operation here): done now, so it does not show as a difference.
  for (const dir of Object.values(start)) await withCourt(dir, (ctx) => sweepLights(ctx));
}, 120_000);

// ---------------------------------------------------------------------------------------------
// One crash: a copy of the starting folder, the command killed at the point, then the folder
// opened (recovery) and its state settled as BEFORE or AFTER.

interface Point {
  point: string;
  expect: Side;
  /** What the crash must have left for recovery to deal with (checked before the folder is
   * opened), so the point is known to test something: journal/…, sync/tmp/…, *.part, evidence/…
   * (a file BEFORE does not have), sync/received/… (likewise), out/… (the output folder). */
  leaves?: RegExp[];
  /** Recovery and the integrity check through the command line (`call audit.verify`) first. */
  viaCli?: boolean;
}

interface Scenario {
  name: string;
  start: () => string;
  args: (dir: string, out: string) => string[];
  /** Writes into an output folder (exports, reports). */
  out?: boolean;
  maskIds?: boolean;
}

interface Baseline {
  before: CourtState;
  after: CourtState;
  afterOut: string;
}

const summary: string[] = [];
afterAll(() => {
  console.log(
    [
      `crash safety: ${runs.crashed} runs killed at a crash point, ${runs.completed} runs to the end`,
      '  scenario      point                   settled  found before recovery',
      ...summary,
    ].join('\n'),
  );
});

async function baseline(s: Scenario): Promise<Baseline> {
  const before = await inspectCourt(copyCourt(s.start(), `${s.name}-before`), {
    out: s.out ? newDir(`${s.name}-before-out`) : undefined,
    maskIds: s.maskIds,
  });
  const dir = copyCourt(s.start(), `${s.name}-after`);
  const afterOut = newDir(`${s.name}-after-out`);
  await runToEnd(s.args(dir, afterOut));
  const after = await inspectCourt(dir, { out: s.out ? afterOut : undefined, maskIds: s.maskIds });
  expect(differences(after, before), `${s.name}: the operation changes nothing`).not.toEqual([]);
  return { before, after, afterOut };
}

/** What a crash left in the folders, looked at before anything opens them. */
function foundBeforeRecovery(dir: string, out: string | undefined, before: CourtState): string[] {
  return [
    ...walk(path.join(dir, 'journal')).map((file) => `journal/${file}`),
    ...walk(path.join(dir, 'sync', 'tmp')).map((file) => `sync/tmp/${file}`),
    ...walk(dir).filter((file) => file.endsWith('.part')),
    ...walk(path.join(dir, 'evidence'))
      .filter((file) => !file.endsWith('.part') && !before.evidence.includes(path.basename(file)))
      .map((file) => `evidence/${file}`),
    ...walk(path.join(dir, 'sync', 'received'))
      .map((file) => path.join('sync', 'received', file))
      .filter((file) => !before.received.some((kept) => kept.startsWith(`${file} `))),
    ...(out ? walk(out).map((file) => `out/${file}`) : []),
  ];
}

function describeFound(found: string[]): string {
  const kinds = new Map<string, number>();
  for (const entry of found) {
    const kind = entry.endsWith('.part')
      ? entry.startsWith('out/')
        ? 'out/*.part'
        : '*.part'
      : entry.startsWith('out/')
        ? 'out/file'
        : entry
            .split('/')
            .slice(0, entry.startsWith('sync/') ? 2 : 1)
            .join('/');
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds].map(([kind, n]) => `${kind}×${n}`).join(', ') || 'nothing';
}

async function crashCase(s: Scenario, p: Point, base: Baseline): Promise<{ dir: string; out: string; side: Side }> {
  const dir = copyCourt(s.start(), `${s.name}-crash`);
  const out = newDir(`${s.name}-crash-out`);
  await runToCrash(p.point, s.args(dir, out));
  const found = foundBeforeRecovery(dir, s.out ? out : undefined, base.before);
  for (const pattern of p.leaves ?? []) {
    expect(
      found.some((entry) => pattern.test(entry)),
      `${s.name} ${p.point}: expected ${pattern} among what the crash left, found: ${found.join(', ')}`,
    ).toBe(true);
  }
  if (p.viaCli) {
    const verify = await runToEnd(['call', '--data', dir, 'audit.verify']);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, value: { ok: true, problems: [] } });
  }
  const state = await inspectCourt(dir, { out: s.out ? out : undefined, maskIds: s.maskIds });
  const side = expectSettled(`${s.name} ${p.point}`, state, base.before, base.after, p.expect);
  summary.push(
    `  ${s.name.padEnd(13)} ${p.point.padEnd(23)} ${side.toUpperCase().padEnd(8)} ${describeFound(found)}${p.viaCli ? ' (recovered by the CLI)' : ''}`,
  );
  return { dir, out, side };
}

// ---------------------------------------------------------------------------------------------
// Import: report no. 2 of the basic court (encrypted; ~4,900 rows; 4 evidence files) into its
// parent; and the parent's report relayed to the high court (a bundle inside a bundle).

const IMPORT: Scenario = {
  name: 'import',
  start: () => start.intermediate,
  args: (dir) => ['import', '--data', dir, bundles.reportUp2],
};

const IMPORT_POINTS: Point[] = [
  { point: 'import.verified', expect: 'before', leaves: [/^sync\/tmp\/decrypted-/] },
  // Evidence files are placed before the rows: the first one flushed, two in place, all four.
  { point: 'blob.flushed', expect: 'before', leaves: [/^journal\//, /^evidence\/.*\.part$/] },
  { point: 'blob.placed#2', expect: 'before', leaves: [/^journal\//, /^evidence\/[0-9a-f]{2}\/[0-9a-f]{64}$/] },
  {
    point: `blob.placed#${EVIDENCE_FILES}`,
    expect: 'before',
    leaves: [/^evidence\/[0-9a-f]{2}\/[0-9a-f]{64}$/],
    viaCli: true,
  },
  // Every 500 rows: the first, the middle and near the end of ~4,900.
  { point: 'import.rows#1', expect: 'before', leaves: [/^evidence\//] },
  { point: 'import.rows#5', expect: 'before', leaves: [/^evidence\//] },
  { point: 'import.rows#9', expect: 'before', leaves: [/^evidence\//] },
  // Everything written, the received bundle kept for relay too, but not committed.
  { point: 'import.before-commit', expect: 'before', leaves: [/^evidence\//, /^sync\/received\//] },
  { point: 'import.committed', expect: 'after', leaves: [/^journal\//] },
];

describe('an import killed at any point', () => {
  let base: Baseline;
  beforeAll(async () => {
    base = await baseline(IMPORT);
    // The import adds the rows and the evidence files: BEFORE and AFTER are far apart.
    expect(base.after.tables.items.rows - base.before.tables.items.rows).toBe(BULK_ITEMS);
    expect(base.after.evidence.length - base.before.evidence.length).toBe(EVIDENCE_FILES);
    expect(base.after.received.length - base.before.received.length).toBe(1);
  }, 60_000);

  it.each(IMPORT_POINTS)('$point → $expect', async (point) => {
    const { dir } = await crashCase(IMPORT, point, base);
    // Importing the same bundle again gives exactly AFTER (nothing imported twice, nothing lost).
    await withCourt(dir, (ctx) =>
      importBundle(ctx, {
        file: bundles.reportUp2,
        fileName: path.basename(bundles.reportUp2),
        dryRun: false,
        addToRoster: ROSTER,
        trust: [],
      }),
    );
    expect(differences(await inspectCourt(dir), base.after), `${point.point}: imported again`).toEqual([]);
  });
});

const RELAY_IMPORT: Scenario = {
  name: 'relay-import',
  start: () => start.high,
  args: (dir) => [
    'import',
    '--data',
    dir,
    bundles.relay,
    '--trust',
    fingerprints.intermediate,
    '--add-to-roster',
    INTERMEDIATE.code,
  ],
};

const RELAY_IMPORT_POINTS: Point[] = [
  // The nested bundle (the basic court's own, with its evidence file) is applied and kept first.
  { point: 'blob.placed', expect: 'before', leaves: [/^evidence\//] },
  { point: 'import.nested', expect: 'before', leaves: [/^evidence\//, /^sync\/received\/J230201\//], viaCli: true },
  { point: 'import.before-commit', expect: 'before', leaves: [/^sync\/received\/J2302\//] },
  { point: 'import.committed', expect: 'after', leaves: [/^journal\//] },
];

describe('a relayed import (a bundle inside a bundle) killed at any point', () => {
  let base: Baseline;
  beforeAll(async () => {
    base = await baseline(RELAY_IMPORT);
    expect(base.after.received.length - base.before.received.length).toBe(2);
    expect(base.after.evidence.length - base.before.evidence.length).toBe(1);
  }, 60_000);

  it.each(RELAY_IMPORT_POINTS)('$point → $expect', async (point) => {
    const { dir } = await crashCase(RELAY_IMPORT, point, base);
    await withCourt(dir, (ctx) =>
      importBundle(ctx, {
        file: bundles.relay,
        fileName: path.basename(bundles.relay),
        dryRun: false,
        addToRoster: ROSTER,
        trust: [fingerprints.intermediate],
      }),
    );
    expect(differences(await inspectCourt(dir), base.after), `${point.point}: imported again`).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Export: the basic court's report no. 2 (encrypted, ~4,900 rows, 4 evidence files); the
// intermediate court's report relaying it (a nested bundle, marked as forwarded when the number is
// reserved); a package passed down (publish).

const EXPORT_POINTS: Point[] = [
  { point: 'export.collected', expect: 'before', leaves: [/^sync\/tmp\/export-/] },
  { point: 'export.signed', expect: 'before', leaves: [/^sync\/tmp\/export-/] },
  { point: 'export.written', expect: 'before', leaves: [/^journal\//, /^out\/\..*\.part$/] },
  { point: 'export.reserved', expect: 'before', leaves: [/^journal\//, /^out\/\..*\.part$/], viaCli: true },
  { point: 'export.renamed', expect: 'after', leaves: [/^journal\//, /^out\/[^.]/] },
  { point: 'export.done', expect: 'after', leaves: [/^journal\//, /^out\/[^.]/] },
];

interface ExportFollowUp {
  next: (ctx: ServiceContext, out: string) => Promise<{ seq: number; filePath: string; fileName: string }>;
  /** The number the crashed export had. */
  seq: number;
  /** The court that receives these bundles (a starting folder), and what it must hold after them. */
  receiver: () => string;
  check?: (ctx: ServiceContext) => void;
}

/**
 * After a crash the next export succeeds, with the next number after a completed one or the same
 * number again after a released one; and the receiver accepts every file, in order — no gap, no
 * number given to two files.
 */
async function nextExportAccepted(
  point: string,
  dir: string,
  out: string,
  side: Side,
  base: Baseline,
  follow: ExportFollowUp,
): Promise<void> {
  const crashed = side === 'after' ? [{ file: path.join(out, base.after.output[0]), seq: follow.seq }] : [];
  const next = await withCourt(dir, (ctx) => follow.next(ctx, out));
  expect(next.seq, `${point}: number of the next export`).toBe(follow.seq + crashed.length);
  expect(fs.readdirSync(out).sort()).toEqual([...crashed.map((c) => path.basename(c.file)), next.fileName].sort());
  await inspectCourt(dir, { out });

  const receiver = copyCourt(follow.receiver(), 'receiver');
  await withCourt(receiver, async (ctx) => {
    for (const { file, seq } of [...crashed, { file: next.filePath, seq: next.seq }]) {
      const report = await importBundle(ctx, {
        file,
        fileName: path.basename(file),
        dryRun: false,
        addToRoster: ROSTER,
        trust: [],
      });
      expect(report.bundle.seq).toBe(seq);
    }
    follow.check?.(ctx);
  });
  await inspectCourt(receiver);
}

const heldFromBasic = (ctx: ServiceContext) =>
  ctx.sqlite.prepare("SELECT count(*) AS n FROM items WHERE origin = 'J230201'").pluck().get();

const EXPORT: Scenario = {
  name: 'export',
  start: () => start.basic,
  args: (dir, out) => ['export', '--data', dir, '--out', out],
  out: true,
};

describe('an export killed at any point', () => {
  let base: Baseline;
  beforeAll(async () => {
    base = await baseline(EXPORT);
    expect(base.before.output).toEqual([]);
    expect(base.after.output).toHaveLength(1);
    expect(base.after.tables.sync_outbox.rows - base.before.tables.sync_outbox.rows).toBe(1);
  }, 60_000);

  it.each(EXPORT_POINTS)('$point → $expect', async (point) => {
    const { dir, out, side } = await crashCase(EXPORT, point, base);
    await nextExportAccepted(point.point, dir, out, side, base, {
      next: (ctx, folder) => exportReportUp(ctx, { folder, full: false }),
      seq: 2,
      receiver: () => start.intermediate,
      // Everything the basic court holds is at its parent, once.
      check: (ctx) => expect(heldFromBasic(ctx)).toBe(basicItems),
    });
  });
});

const RELAY_EXPORT: Scenario = {
  name: 'relay-export',
  start: () => start.relayer,
  args: (dir, out) => ['export', '--data', dir, '--out', out],
  out: true,
};

const RELAY_EXPORT_POINTS: Point[] = [
  { point: 'export.written', expect: 'before', leaves: [/^out\/\..*\.part$/] },
  // The number is reserved and the relayed bundle marked as forwarded: released, both undone.
  { point: 'export.reserved', expect: 'before', leaves: [/^out\/\..*\.part$/] },
  { point: 'export.renamed', expect: 'after', leaves: [/^out\/[^.]/] },
];

describe('a relaying export killed at any point', () => {
  let base: Baseline;
  beforeAll(async () => {
    base = await baseline(RELAY_EXPORT);
    expect(base.after.output).toHaveLength(1);
  }, 60_000);

  it.each(RELAY_EXPORT_POINTS)('$point → $expect', async (point) => {
    const { dir, out, side } = await crashCase(RELAY_EXPORT, point, base);
    await nextExportAccepted(point.point, dir, out, side, base, {
      next: (ctx, folder) => exportReportUp(ctx, { folder, full: false }),
      seq: 2,
      receiver: () => start.highWithRelay,
      // The high court ends up with all of the basic court's items, relayed.
      check: (ctx) => expect(heldFromBasic(ctx)).toBe(basicItems),
    });
  });
});

const PUBLISH: Scenario = {
  name: 'publish',
  start: () => start.intermediate,
  args: (dir, out) => ['publish', '--data', dir, '--campaign', campaignId, '--out', out],
  out: true,
};

const PUBLISH_POINTS: Point[] = [
  { point: 'export.signed', expect: 'before', leaves: [/^sync\/tmp\//] },
  { point: 'export.reserved', expect: 'before', leaves: [/^out\/\..*\.part$/] },
  { point: 'export.renamed', expect: 'after', leaves: [/^out\/[^.]/] },
];

describe('a package publication killed at any point', () => {
  let base: Baseline;
  beforeAll(async () => {
    base = await baseline(PUBLISH);
    expect(base.after.output).toHaveLength(1);
  }, 60_000);

  it.each(PUBLISH_POINTS)('$point → $expect', async (point) => {
    const { dir, out, side } = await crashCase(PUBLISH, point, base);
    await nextExportAccepted(point.point, dir, out, side, base, {
      next: (ctx, folder) => publishCampaign(ctx, { campaignId, folder }),
      seq: 2,
      receiver: () => start.basic,
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Demo: one transaction, evidence files written as it goes.

const DEMO: Scenario = {
  name: 'demo',
  start: () => start.fresh,
  args: (dir) => ['demo', '--data', dir],
  maskIds: true,
};

const DEMO_POINTS: Point[] = [
  // Each demo step: the first, and two in the middle of its ~110 items.
  { point: 'demo.progress', expect: 'before' },
  { point: 'demo.progress#40', expect: 'before', leaves: [/^evidence\//] },
  { point: 'demo.progress#100', expect: 'before', leaves: [/^evidence\//] },
  { point: 'blob.flushed', expect: 'before', leaves: [/^journal\//, /\.part$/] },
  { point: 'blob.placed#5', expect: 'before', leaves: [/^evidence\//], viaCli: true },
  { point: 'demo.before-commit', expect: 'before', leaves: [/^evidence\//] },
  // Committed, and the evidence writer's journal already closed: nothing left for recovery.
  { point: 'demo.committed', expect: 'after', leaves: [/^evidence\//] },
];

describe('a demo load killed at any point', () => {
  let base: Baseline;
  beforeAll(async () => {
    base = await baseline(DEMO);
    expect(base.after.tables.campaigns.rows).toBe(3);
    expect(base.after.evidence.length).toBeGreaterThan(5);
  }, 60_000);

  it.each(DEMO_POINTS)('$point → $expect', async (point) => {
    const { dir, side } = await crashCase(DEMO, point, base);
    if (side === 'before') {
      // Loading again works and gives exactly AFTER.
      await withCourt(dir, async (ctx) => {
        expect(await dispatch(ctx, 'demo.start', {}, 'cli')).toMatchObject({ ok: true });
      });
      expect(
        differences(await inspectCourt(dir, { maskIds: true }), base.after),
        `${point.point}: loaded again`,
      ).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Report export: the command line's `report`, and the app's `reports.export` job (through `call`,
// which waits for the job before it exits).

const REPORT_POINTS: Point[] = [
  { point: 'report.written', expect: 'before', leaves: [/^journal\//, /^out\/\..*\.part$/] },
  { point: 'report.renamed', expect: 'after', leaves: [/^journal\//, /^out\/[^.]/] },
];

describe.each<Scenario>([
  {
    name: 'report',
    start: () => start.intermediate,
    args: (dir, out) => [
      'report',
      '--data',
      dir,
      '--campaign',
      campaignId,
      '--kind',
      'checklist',
      '--format',
      'html',
      '--out',
      out,
    ],
    out: true,
  },
  {
    name: 'report-job',
    start: () => start.intermediate,
    args: (dir, out) => [
      'call',
      '--data',
      dir,
      'reports.export',
      JSON.stringify({ campaignId, kind: 'checklist', format: 'html', folder: out }),
    ],
    out: true,
  },
])('a report export ($name) killed at any point', (scenario) => {
  let base: Baseline;
  let afterContent = '';
  const content = (file: string) => fs.readFileSync(file, 'utf8').replace(TIME, '<time>');

  beforeAll(async () => {
    base = await baseline(scenario);
    expect(base.after.output).toHaveLength(1);
    afterContent = content(path.join(base.afterOut, base.after.output[0]));
  }, 60_000);

  it.each(REPORT_POINTS)('$point → $expect', async (point) => {
    const { out, side } = await crashCase(scenario, point, base);
    // A report under its name is the whole report.
    if (side === 'after') expect(content(path.join(out, base.after.output[0]))).toBe(afterContent);
  });
});

// ---------------------------------------------------------------------------------------------
// A crash point added to the program and not to this file would go untested: every name passed to
// crashPoint() in src/ must be among the points above.

/** Killed at in tests/node/backup.test.ts ('kill -9 at every point of a command-line backup'). */
const BACKUP_POINTS = ['backup.snapshot', 'backup.evidence', 'backup.written', 'backup.renamed'].map((point) => ({
  point,
}));

/** Killed at in tests/node/backupRestore.test.ts ('kill -9 during a restore': over the current data
 * and onto a reinstalled computer, each landing on the old data or the restored, whole). */
const RESTORE_POINTS = ['restore.staged', 'restore.evidence', 'restore.copy', 'restore.swap'].map((point) => ({
  point,
}));

describe('the crash points', () => {
  it('are all exercised', () => {
    const named = new Set<string>();
    for (const file of walk(path.join(ROOT, 'src')).filter((name) => name.endsWith('.ts'))) {
      for (const match of fs.readFileSync(path.join(ROOT, 'src', file), 'utf8').matchAll(/crashPoint\('([^']+)'\)/g))
        named.add(match[1]);
    }
    const exercised = new Set(
      [
        IMPORT_POINTS,
        RELAY_IMPORT_POINTS,
        EXPORT_POINTS,
        RELAY_EXPORT_POINTS,
        PUBLISH_POINTS,
        DEMO_POINTS,
        REPORT_POINTS,
        BACKUP_POINTS,
        RESTORE_POINTS,
      ]
        .flat()
        .map(({ point }) => point.split('#')[0]),
    );
    expect(named.size).toBeGreaterThanOrEqual(18);
    expect(
      [...named].filter((name) => !exercised.has(name)).sort(),
      'crash points in src/ that no scenario kills the program at',
    ).toEqual([]);
  });
});
