// The holes a hostile test of the sync engine found, each reproduced as an attacker, a liar or a
// power cut would and shown closed: a court vouching for a court it invented, manifests whose
// numbers lie, malformed rows in correctly signed bundles, evidence files lost after a crash, an
// export that fails on a busy database and reuses its number, bundles from the future, an
// `inspect` that trusted the key a forged bundle carried, and an audit log rewritten between two
// reports (the parent court as witness). Every refusal leaves the receiving database byte for
// byte as it was.
import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson, entryHash, GENESIS_HASH } from '../../../src/main/audit/auditLog';
import { courtStatus } from '../../../src/main/status/courtStatus';
import { ensureCourtKeys } from '../../../src/main/sync/courtKeys';
import { blobPath } from '../../../src/main/evidence/blobStore';
import { exportReportUp, importBundle, inspectBundle, courtFingerprint } from '../../../src/main/sync/syncService';
import type { Harness } from '../harness';
import {
  BASIC,
  HIGH,
  INTERMEDIATE,
  countRows,
  databaseFile,
  fileHash,
  leftoverTemps,
  openEngineCourt,
  outFolder,
  type SyncCourt,
  type SyncProfile,
  ROSTER,
} from './syncFixtures';
import { ndjson, readBundle, rowsOf, setEntry, sha256, writeBundle, type OpenBundle } from './bundleSurgery';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const court = (profile: SyncProfile) => openEngineCourt(profile, open);
const signKey = async (c: SyncCourt) => (await ensureCourtKeys(c.ctx)).signPrivate;

function dbHash(c: SyncCourt): string {
  c.h.services.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fileHash(databaseFile(c.h));
}

async function refusal(
  c: SyncCourt,
  file: string,
  dryRun: boolean,
  trust: string[] = [],
): Promise<{ code: string; message: string }> {
  const error = await importBundle(c.ctx, { file, dryRun, trust, addToRoster: ROSTER }).then(
    () => null,
    (caught: unknown) => caught as { code: string; message: string },
  );
  expect(error, `${path.basename(file)} (${dryRun ? '预览' : '导入'}) should be refused`).not.toBeNull();
  return error!;
}

/** Preview and import are both refused with `code` and a message matching `message`; nothing changes. */
async function expectRefused(
  c: SyncCourt,
  file: string,
  code: string,
  message: RegExp,
  trust: string[] = [],
  modes = [true, false],
): Promise<void> {
  const before = dbHash(c);
  for (const dryRun of modes) {
    const error = await refusal(c, file, dryRun, trust);
    expect(error.code, error.message).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toMatch(/[A-Za-z]{6,}Error|at .*\.ts/);
  }
  expect(dbHash(c)).toBe(before);
  expect(leftoverTemps(c.h.dataDir)).toEqual([]);
}

/** A copy of `source` edited by `edit` and signed again with `key` (an attacker holding that key). */
async function forged(
  folder: string,
  name: string,
  source: string,
  key: string,
  edit: (bundle: OpenBundle) => void | Promise<void>,
): Promise<string> {
  const bundle = await readBundle(source);
  await edit(bundle);
  const file = path.join(folder, `${name}.dtsync`);
  await writeBundle(file, bundle, { signWith: key });
  return file;
}

/** A basic court with one campaign, items, a progress note and an evidence file; and its parent. */
async function pair(options: { evidence?: boolean } = {}) {
  const folder = outFolder();
  const basic = await court(BASIC);
  const middle = await court(INTERMEDIATE);
  const campaign = await basic.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
  const item = await basic.h.ok('items.create', {
    campaignId: campaign.id,
    title: '开展廉政风险排查',
    deadline: '2026-12-31',
  });
  await basic.h.ok('items.create', { campaignId: campaign.id, title: '组织警示教育' });
  await basic.h.ok('progress.add', {
    itemId: item.id,
    noteDate: '2026-11-20',
    text: '已排查廉政风险点 12 个',
    percent: 40,
  });
  if (options.evidence) {
    await basic.h.ok('evidence.add', {
      itemId: item.id,
      name: '排查台账.txt',
      mimeType: 'text/plain',
      dataBase64: Buffer.from('廉政风险排查台账：12 个风险点').toString('base64'),
    });
  }
  const basicFp = await courtFingerprint(basic.ctx);
  return { folder, basic, middle, campaign, item, basicFp };
}

describe('1. a court vouches only for its direct subordinates', () => {
  it('a basic court relaying a court it invented is refused, and the real court of that code is not locked out', async () => {
    const { folder, basic, middle, basicFp } = await pair();
    const first = await exportReportUp(basic.ctx, { folder, full: false });
    await importBundle(middle.ctx, { file: first.filePath, dryRun: false, addToRoster: ROSTER, trust: [basicFp] });

    // The basic court installs another copy, names it a court "under" itself and signs its bundle.
    const invented = await court({
      ...BASIC,
      code: 'J230299',
      name: '虚构县人民法院',
      parentCode: BASIC.code,
      parentName: BASIC.name,
    });
    const fake = await invented.h.ok('campaigns.create', { title: '虚构的活动', year: 2026 });
    await invented.h.ok('items.create', { campaignId: fake.id, title: '虚构的事项' });
    const inventedUp = await exportReportUp(invented.ctx, { folder, full: false });
    expect(inventedUp.encrypted).toBe(false);
    const inner = fs.readFileSync(inventedUp.filePath);
    const innerCard = (await readBundle(inventedUp.filePath)).manifest.source;

    await basic.h.ok('items.create', {
      campaignId: (await basic.h.ok('campaigns.list'))[0].id,
      title: '第二号包里的事项',
    });
    const second = await exportReportUp(basic.ctx, { folder, full: false });
    const basicKey = await signKey(basic);
    const relayFake = (level: string) =>
      forged(folder, `relay-invented-${level}`, second.filePath, basicKey, (bundle) => {
        const name = `nested/J230299-1-${sha256(inner)}.zip`;
        bundle.entries.set(name, inner);
        bundle.manifest.entries.push({ name, sha256: sha256(inner), size: inner.length });
        bundle.manifest.counts.nested = 1;
        bundle.manifest.vouches = [{ ...innerCard, level }];
      });
    await expectRefused(middle, await relayFake('basic'), 'E_ORIGIN', /基层人民法院，没有下级法院，不能转报/);
    await expectRefused(middle, await relayFake('intermediate'), 'E_ORIGIN', /没有下级法院|不能为它的密钥担保/);
    expect(countRows(middle.h, 'items', 'origin = ?', 'J230299')).toBe(0);
    expect(countRows(middle.h, 'sync_courts', 'code = ?', 'J230299')).toBe(0);

    // The real court of that code, under the intermediate court, is met for the first time as it should be.
    const real = await court({ ...BASIC, code: 'J230299', name: '甘南县人民法院' });
    const realCampaign = await real.h.ok('campaigns.create', { title: '执行攻坚', year: 2026 });
    await real.h.ok('items.create', { campaignId: realCampaign.id, title: '清理执行积案' });
    const realUp = await exportReportUp(real.ctx, { folder, full: false });
    const preview = await importBundle(middle.ctx, { file: realUp.filePath, dryRun: true, trust: [] });
    expect(preview.needsTrust).toEqual([
      expect.objectContaining({ code: 'J230299', fingerprint: await courtFingerprint(real.ctx) }),
    ]);
    const imported = await importBundle(middle.ctx, {
      file: realUp.filePath,
      dryRun: false,
      addToRoster: [...ROSTER, 'J230299'],
      trust: [await courtFingerprint(real.ctx)],
    });
    expect(imported.outcome).toBe('imported');
    expect(countRows(middle.h, 'items', 'origin = ?', 'J230299')).toBe(1);
  });

  it('an intermediate court cannot vouch for a court that names another parent, nor for one at its own level', async () => {
    const folder = outFolder();
    const middle = await court(INTERMEDIATE);
    const high = await court(HIGH);
    const middleUp = await exportReportUp(middle.ctx, { folder, full: false });
    const stranger = await court({
      ...BASIC,
      code: 'J230301',
      name: '牡丹江某县人民法院',
      parentCode: 'J2303',
      parentName: '牡丹江市中级人民法院',
    });
    await stranger.h.ok('campaigns.create', { title: '执行攻坚', year: 2026 });
    const strangerUp = await exportReportUp(stranger.ctx, { folder: outFolder(), full: false });
    const peer = await court({
      ...INTERMEDIATE,
      code: 'J2304',
      name: '佳木斯市中级人民法院',
      parentCode: 'J2302',
    } as typeof INTERMEDIATE);
    const peerUp = await exportReportUp(peer.ctx, { folder: outFolder(), full: false });
    const middleKey = await signKey(middle);
    const carry = (name: string, file: string) =>
      forged(folder, name, middleUp.filePath, middleKey, async (bundle) => {
        const inner = fs.readFileSync(file);
        const card = (await readBundle(file)).manifest;
        const entry = `nested/${card.source.code}-${card.seq}-${sha256(inner)}.zip`;
        bundle.entries.set(entry, inner);
        bundle.manifest.entries.push({ name: entry, sha256: sha256(inner), size: inner.length });
        bundle.manifest.counts.nested = 1;
        bundle.manifest.vouches = [card.source];
      });
    // The stranger's bundle is addressed to its own parent, J2303: refused as not the relayer's subordinate.
    await expectRefused(
      high,
      await carry('stranger', strangerUp.filePath),
      'E_ORIGIN',
      /不是齐齐哈尔市中级人民法院（J2302）的直接下级法院/,
      [await courtFingerprint(middle.ctx)],
    );
    await expectRefused(high, await carry('peer', peerUp.filePath), 'E_ORIGIN', /不是.*的下级法院|不能替它转报/, [
      await courtFingerprint(middle.ctx),
    ]);
  });

  it('the preview names every court trusted through a relay; a vouched key never stands in for a person’s check', async () => {
    const { folder, basic, middle, basicFp } = await pair();
    const high = await court(HIGH);
    await importBundle(middle.ctx, {
      file: (await exportReportUp(basic.ctx, { folder, full: false })).filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [basicFp],
    });
    const relay = await exportReportUp(middle.ctx, { folder, full: false });
    const middleFp = await courtFingerprint(middle.ctx);
    const preview = await importBundle(high.ctx, { file: relay.filePath, dryRun: true, trust: [] });
    expect(preview.needsTrust.map((c) => c.code)).toEqual(['J2302']);
    expect(preview.newlyVouched).toEqual([
      {
        code: 'J230201',
        name: BASIC.name,
        level: 'basic',
        fingerprint: basicFp,
        vouchedBy: { code: 'J2302', name: INTERMEDIATE.name },
      },
    ]);
    await importBundle(high.ctx, { file: relay.filePath, dryRun: false, addToRoster: ROSTER, trust: [middleFp] });
    expect((await high.h.ok('sync.trusted')).find((c) => c.code === 'J230201')).toMatchObject({
      vouchedBy: 'J2302',
      fingerprint: basicFp,
    });

    // Later the court of that code writes to the high court directly, from another installation
    // (it was reorganised under the high court): the vouched key neither locks it out nor is taken
    // for a confirmed one — a person compares the new fingerprint, which then replaces it.
    const moved = await court({ ...BASIC, parentCode: HIGH.code, parentName: HIGH.name });
    const movedCampaign = await moved.h.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
    await moved.h.ok('items.create', { campaignId: movedCampaign.id, title: '直接上报的事项' });
    const direct = await exportReportUp(moved.ctx, { folder, full: false });
    const movedFp = await courtFingerprint(moved.ctx);
    const directPreview = await importBundle(high.ctx, { file: direct.filePath, dryRun: true, trust: [] });
    expect(directPreview.needsTrust).toEqual([
      expect.objectContaining({ code: 'J230201', fingerprint: movedFp, replacesVouched: true }),
    ]);
    await expectRefused(high, direct.filePath, 'E_UNTRUSTED', /只经 J2302 转报担保认识/, [], [false]);
    const accepted = await importBundle(high.ctx, {
      file: direct.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [movedFp],
    });
    expect(accepted.outcome).toBe('imported');
    expect((await high.h.ok('sync.trusted')).find((c) => c.code === 'J230201')).toMatchObject({
      vouchedBy: null,
      fingerprint: movedFp,
      lastSeq: 1,
      relation: 'subordinate',
    });
  });
});

describe('2. every number shown is a number counted', () => {
  it('a signed manifest whose counts, line counts or change range are false is refused, by import, preview and inspect', async () => {
    const { folder, basic, middle, basicFp } = await pair({ evidence: true });
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    const key = await signKey(basic);
    const items = (bundle: OpenBundle) => bundle.manifest.entries.find((entry) => entry.name === 'rows/items.ndjson')!;
    const seqs = rowsOf(await readBundle(up.filePath), 'items').map((row) => row.change_seq as number);
    const variants: [string, (bundle: OpenBundle) => void, RegExp][] = [
      ['more-rows', (b) => void (b.manifest.counts.rows += 5), /统计数字与内容不符/],
      [
        'line-count',
        (b) => ((items(b).rows! += 1), (b.manifest.counts.rows += 1)),
        /记载“事项”有 \d+ 行，实际是 \d+ 行/,
      ],
      ['more-files', (b) => void (b.manifest.counts.files += 1), /佐证材料/],
      ['nested', (b) => void (b.manifest.counts.nested = 2), /转报的同步包/],
      [
        'range-through',
        (b) => void (b.manifest.changeThrough = Math.min(...seqs) - 1),
        /修改顺序号 \d+ 不在清单声明的范围/,
      ],
      // A full snapshot needs no continuity, so only the rows' range can give this one away.
      [
        'range-from',
        (b) => void ((b.manifest.full = true), (b.manifest.changeFrom = Math.max(...seqs))),
        /修改顺序号 \d+ 不在清单声明的范围/,
      ],
    ];
    for (const [name, edit, message] of variants) {
      const file = await forged(folder, name, up.filePath, key, edit);
      await expectRefused(middle, file, 'E_CORRUPT', message, [basicFp]);
      await expect(inspectBundle(file), name).rejects.toMatchObject({ code: 'E_CORRUPT' });
    }
    // The true bundle: what the preview and inspect show is what the lines hold.
    const lines = [...(await readBundle(up.filePath)).entries]
      .filter(([name]) => name.startsWith('rows/'))
      .reduce((sum, [, bytes]) => sum + bytes.toString('utf8').trim().split('\n').length, 0);
    const preview = await importBundle(middle.ctx, { file: up.filePath, dryRun: true, trust: [] });
    expect(preview.bundle.rows).toBe(lines);
    expect((await inspectBundle(up.filePath, middle.ctx)).summary!.rows).toBe(lines);
  });
});

describe('3. every row is checked against its table’s schema', () => {
  it('refuses wrong types, missing columns, a byte-order mark and a negative version, naming table, line and column', async () => {
    const { folder, basic, middle, basicFp, item } = await pair();
    await importBundle(middle.ctx, {
      file: (await exportReportUp(basic.ctx, { folder, full: false })).filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [basicFp],
    });
    const current = await basic.h.ok('items.get', { id: item.id });
    await basic.h.ok('items.update', { ...current, title: '开展廉政风险排查（第二轮）' });
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    const key = await signKey(basic);
    const editItems =
      (edit: (rows: Record<string, unknown>[]) => Record<string, unknown>[] | Buffer) => (bundle: OpenBundle) => {
        const edited = edit(rowsOf(bundle, 'items'));
        setEntry(bundle, 'rows/items.ndjson', Buffer.isBuffer(edited) ? edited : ndjson(edited));
      };
    const cases: [string, (bundle: OpenBundle) => void, RegExp][] = [
      [
        'percent-text',
        editItems((rows) => rows.map((row) => ({ ...row, percent: '50' }))),
        /“事项”（items）第 1 行的字段 percent 不正确：应为 0 至 100 的整数/,
      ],
      ['title-number', editItems((rows) => rows.map((row) => ({ ...row, title: 7 }))), /第 1 行的字段 title 不正确/],
      [
        'partial-update',
        editItems((rows) =>
          rows.map((row) => ({
            id: row.id,
            origin: row.origin,
            version: row.version,
            change_seq: row.change_seq,
            title: '只改标题',
          })),
        ),
        /第 1 行的字段 \w+ 不正确：缺少此字段/,
      ],
      [
        'version-negative',
        editItems((rows) => rows.map((row) => ({ ...row, version: -3 }))),
        /第 1 行的字段 version 不正确/,
      ],
      [
        'bom',
        editItems((rows) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ndjson(rows)])),
        /第 1 行|字节顺序标记/,
      ],
      [
        'control-character',
        editItems((rows) => rows.map((row) => ({ ...row, title: '开展\u0000廉政风险排查' }))),
        /第 1 行的字段 title 不正确/,
      ],
    ];
    for (const [name, edit, message] of cases) {
      await expectRefused(middle, await forged(folder, name, up.filePath, key, edit), 'E_CORRUPT', message);
    }
    expect(
      (middle.h.services.ctx.sqlite.prepare('SELECT title FROM items WHERE id = ?').get(item.id) as { title: string })
        .title,
    ).toBe('开展廉政风险排查');
    expect(
      (await importBundle(middle.ctx, { file: up.filePath, dryRun: false, addToRoster: ROSTER, trust: [] })).outcome,
    ).toBe('imported');
  });
});

describe('3b. each table’s compiled row check refuses what the schema refuses', () => {
  it('refuses an unknown column, a row of another court and over-long text, in items and in progress notes', async () => {
    const { folder, basic, middle, basicFp, item } = await pair();
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    const key = await signKey(basic);
    const editRows =
      (table: string, edit: (row: Record<string, unknown>) => Record<string, unknown>) => (bundle: OpenBundle) =>
        setEntry(bundle, `rows/${table}.ndjson`, ndjson(rowsOf(bundle, table).map(edit)));
    const cases: [string, (bundle: OpenBundle) => void, string, RegExp][] = [
      [
        'unknown-column',
        editRows('items', (row) => ({ ...row, secret: 1 })),
        'E_CORRUPT',
        /“事项”（items）第 1 行的字段 secret 不正确：不应有此字段/,
      ],
      [
        'note-unknown-column',
        editRows('progress_notes', (row) => ({ ...row, comment: 'x' })),
        'E_CORRUPT',
        /progress_notes）第 1 行的字段 comment 不正确：不应有此字段/,
      ],
      [
        'other-court',
        editRows('items', (row) => ({ ...row, origin: INTERMEDIATE.code })),
        'E_ORIGIN',
        new RegExp(`第 1 行）自称来自 ${INTERMEDIATE.code}.*只能报送自己的数据`),
      ],
      [
        'long-title',
        editRows('items', (row) => ({ ...row, title: '长'.repeat(2001) })),
        'E_CORRUPT',
        /第 1 行的字段 title 不正确：不能超过 2000 个字符/,
      ],
      [
        'note-percent-text',
        editRows('progress_notes', (row) => ({ ...row, percent: '40' })),
        'E_CORRUPT',
        /progress_notes）第 1 行的字段 percent 不正确/,
      ],
      [
        'note-missing-text',
        editRows('progress_notes', ({ text: _text, ...row }) => row),
        'E_CORRUPT',
        /progress_notes）第 1 行的字段 text 不正确：缺少此字段/,
      ],
    ];
    for (const [name, edit, code, message] of cases) {
      await expectRefused(middle, await forged(folder, name, up.filePath, key, edit), code, message, [basicFp]);
    }
    // A bundle of a program from before the highlight column (schema 10) leaves it out: its rows
    // get the column's default. One that declares the current schema must carry it.
    const withoutHighlight = (schemaVersion: number) => async (bundle: OpenBundle) => {
      bundle.manifest.app.schemaVersion = schemaVersion;
      editRows('items', ({ highlight: _highlight, ...row }) => row)(bundle);
    };
    const schema = middle.h.services.ctx.schemaVersion;
    await expectRefused(
      middle,
      await forged(folder, 'current-without-highlight', up.filePath, key, withoutHighlight(schema)),
      'E_CORRUPT',
      /items）第 1 行的字段 highlight 不正确：缺少此字段/,
      [basicFp],
    );
    const older = await forged(folder, 'older-without-highlight', up.filePath, key, withoutHighlight(10));
    const report = await importBundle(middle.ctx, {
      file: older,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [basicFp],
    });
    expect(report.outcome).toBe('imported');
    expect(countRows(middle.h, 'items', 'id = ? AND highlight = 0', item.id)).toBe(1);
  });
});

describe('5. evidence files survive a crash and can always be restored', () => {
  it('the integrity check reports a missing or altered file, and importing the bundle again restores it', async () => {
    const { folder, basic, middle, basicFp } = await pair({ evidence: true });
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    await importBundle(middle.ctx, { file: up.filePath, dryRun: false, addToRoster: ROSTER, trust: [basicFp] });
    const sha = (
      middle.h.services.ctx.sqlite.prepare("SELECT sha256 FROM evidence WHERE origin = 'J230201'").get() as {
        sha256: string;
      }
    ).sha256;
    const file = blobPath(middle.h.dataDir, sha);
    const original = fs.readFileSync(file);
    expect(await middle.h.ok('audit.verify')).toMatchObject({ ok: true, evidenceChecked: 1 });

    // The file is lost (a crash in the old window between commit and moving files, a disk error).
    fs.rmSync(file);
    const lost = await middle.h.ok('audit.verify');
    expect(lost.ok).toBe(false);
    expect(lost.problems).toEqual([
      expect.objectContaining({
        kind: 'evidence-missing',
        message: expect.stringMatching(/佐证材料“排查台账\.txt”的文件缺失/),
      }),
    ]);
    const preview = await importBundle(middle.ctx, { file: up.filePath, dryRun: true, trust: [] });
    expect(preview.restoredFiles).toBe(1);
    expect(fs.existsSync(file)).toBe(false);
    const again = await importBundle(middle.ctx, { file: up.filePath, dryRun: false, addToRoster: ROSTER, trust: [] });
    expect(again).toMatchObject({ outcome: 'imported', restoredFiles: 1 });
    expect(again.message).toMatch(/已导入过.*已补回本院缺失或损坏的佐证材料文件 1 个/);
    expect(fs.readFileSync(file)).toEqual(original);
    expect((await middle.h.ok('audit.verify')).ok).toBe(true);

    // Altered in place: reported as damaged, restored the same way.
    fs.writeFileSync(file, Buffer.from('被改动的内容'));
    expect((await middle.h.ok('audit.verify')).problems).toEqual([
      expect.objectContaining({ kind: 'evidence-damaged' }),
    ]);
    await importBundle(middle.ctx, { file: up.filePath, dryRun: false, addToRoster: ROSTER, trust: [] });
    expect(fs.readFileSync(file)).toEqual(original);
    expect((await middle.h.ok('audit.verify')).ok).toBe(true);
    expect(leftoverTemps(middle.h.dataDir)).toEqual([]);
  });

  it('a refused import removes the evidence files it had put in place before its rows', async () => {
    const { folder, basic, middle, basicFp } = await pair({ evidence: true });
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    // The rows are refused after the files were placed: the last rows entry is malformed.
    const bad = await forged(folder, 'late-refusal', up.filePath, await signKey(basic), (bundle) => {
      const rows = rowsOf(bundle, 'progress_notes').map((row) => ({ ...row, percent: 180 }));
      setEntry(bundle, 'rows/progress_notes.ndjson', ndjson(rows));
    });
    await expectRefused(middle, bad, 'E_CORRUPT', /percent/, [basicFp]);
    const evidenceDir = path.join(middle.h.dataDir, 'evidence');
    const stored = fs.existsSync(evidenceDir)
      ? fs
          .readdirSync(evidenceDir, { recursive: true })
          .filter((name) => !fs.statSync(path.join(evidenceDir, String(name))).isDirectory())
      : [];
    expect(stored).toEqual([]);
  });
});

describe('6. an export never shows a file under its final name before its number is recorded', () => {
  it('a busy database refuses the export in plain words, leaves no file and no gap, and the retry is the same number', async () => {
    const { folder, basic, middle, basicFp } = await pair();
    const exports = outFolder();
    // Another process (another window, the command line) holds the write lock.
    const other = new BetterSqlite3(databaseFile(basic.h));
    basic.h.services.ctx.sqlite.pragma('busy_timeout = 50');
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = await exportReportUp(basic.ctx, { folder: exports, full: false }).then(
        () => null,
        (caught: unknown) => caught as { code: string; message: string },
      );
      expect(error).toMatchObject({ code: 'E_BUSY' });
      expect(error!.message).toMatch(/数据库正被另一个窗口或命令行占用.*同步包没有保存，包编号也没有占用。请稍后重试/);
      expect(error!.message).not.toMatch(/内部错误|locked/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(fs.readdirSync(exports)).toEqual([]);
    expect(countRows(basic.h, 'sync_outbox')).toBe(0);
    expect(leftoverTemps(basic.h.dataDir)).toEqual([]);

    // The retry takes the number nobody received, and the next one follows without a gap.
    basic.h.services.ctx.sqlite.pragma('busy_timeout = 5000');
    const retry = await exportReportUp(basic.ctx, { folder: exports, full: false });
    expect(retry.seq).toBe(1);
    await importBundle(middle.ctx, { file: retry.filePath, dryRun: false, addToRoster: ROSTER, trust: [basicFp] });
    await basic.h.ok('items.create', {
      campaignId: (await basic.h.ok('campaigns.list'))[0].id,
      title: '下一号包的事项',
    });
    const next = await exportReportUp(basic.ctx, { folder, full: false });
    expect(next.seq).toBe(2);
    expect(
      (await importBundle(middle.ctx, { file: next.filePath, dryRun: false, addToRoster: ROSTER, trust: [] })).outcome,
    ).toBe('imported');
    expect(countRows(middle.h, 'items', 'origin = ?', 'J230201')).toBe(
      countRows(basic.h, 'items', 'origin = ?', 'J230201'),
    );
  });

  it('a number reserved by an export whose file never got its name is released, one whose file did is kept', async () => {
    const { folder, basic } = await pair();
    const exports = outFolder();
    const sqlite = basic.h.services.ctx.sqlite;
    // As a crash would leave them: a reservation whose file is absent, then one whose file is there.
    const insert = sqlite.prepare(
      "INSERT INTO sync_outbox (target_code, seq, kind, full, through_change_seq, file_name, sha256, created_at, state, file_path, change_from) VALUES ('J2302', ?, 'report_up', 0, 3, ?, ?, '2026-11-24T10:00:00+08:00', 'pending', ?, 0)",
    );
    insert.run(1, 'lost.dtsync', 'a'.repeat(64), path.join(exports, 'lost.dtsync'));
    const first = await exportReportUp(basic.ctx, { folder: exports, full: false });
    expect(first.seq).toBe(1);
    const bytes = fs.readFileSync(first.filePath);
    insert.run(2, 'kept.dtsync', sha256(bytes), path.join(folder, 'kept.dtsync'));
    fs.writeFileSync(path.join(folder, 'kept.dtsync'), bytes);
    const after = await exportReportUp(basic.ctx, { folder: exports, full: false });
    expect(after.seq).toBe(3);
    expect(sqlite.prepare('SELECT seq, state FROM sync_outbox ORDER BY seq').all()).toEqual([
      { seq: 1, state: 'done' },
      { seq: 2, state: 'done' },
      { seq: 3, state: 'done' },
    ]);
  });
});

describe('bundles from the future', () => {
  it('a newer schema is refused with a message to upgrade; a creation time or row time years ahead is refused', async () => {
    const { folder, basic, middle, basicFp } = await pair();
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    const key = await signKey(basic);
    const schema = middle.h.services.ctx.schemaVersion;
    await expectRefused(
      middle,
      await forged(folder, 'schema', up.filePath, key, (b) => void (b.manifest.app.schemaVersion = schema + 1)),
      'E_FUTURE_FORMAT',
      new RegExp(`数据结构第 ${schema + 1} 版.*请先升级本程序`),
      [basicFp],
    );
    await expectRefused(
      middle,
      await forged(
        folder,
        'created',
        up.filePath,
        key,
        (b) => void (b.manifest.createdAt = '2031-01-01T00:00:00.000Z'),
      ),
      'E_FUTURE_TIME',
      /2031-01-01.*晚一年以上/,
      [basicFp],
    );
    const rowTime = await forged(folder, 'row-time', up.filePath, key, (b) => {
      setEntry(
        b,
        'rows/items.ndjson',
        ndjson(rowsOf(b, 'items').map((row) => ({ ...row, updated_at: '2099-05-01T08:00:00+08:00' }))),
      );
    });
    await expectRefused(middle, rowTime, 'E_FUTURE_TIME', /updated_at（2099-05-01）/, [basicFp]);
  });
});

describe('inspect checks against the keys a court trusts', () => {
  it('a forged bundle is only self-consistent without a data folder, and a key mismatch with one', async () => {
    const { folder, basic, middle, basicFp } = await pair();
    await importBundle(middle.ctx, {
      file: (await exportReportUp(basic.ctx, { folder, full: false })).filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [basicFp],
    });
    const impostor = await court(BASIC);
    await impostor.h.ok('campaigns.create', { title: '伪造的活动', year: 2026 });
    const forgedUp = await exportReportUp(impostor.ctx, { folder, full: false });
    const alone = await inspectBundle(forgedUp.filePath);
    expect(alone).toMatchObject({
      signatureValid: true,
      checkedAgainst: 'self',
      signers: [{ code: 'J230201', standing: null }],
    });
    const atMiddle = await inspectBundle(forgedUp.filePath, middle.ctx);
    expect(atMiddle).toMatchObject({
      signatureValid: false,
      checkedAgainst: 'trusted-keys',
      signers: [{ code: 'J230201', standing: 'mismatch' }],
    });
    const real = await inspectBundle((await exportReportUp(basic.ctx, { folder, full: false })).filePath, middle.ctx);
    expect(real).toMatchObject({ signatureValid: true, signers: [{ standing: 'trusted' }] });
  });

  it('reports nested bundles with counted rows and the relayer’s vouching, as import does', async () => {
    const { folder, basic, middle, basicFp } = await pair();
    const high = await court(HIGH);
    const up = await exportReportUp(basic.ctx, { folder, full: false });
    await importBundle(middle.ctx, { file: up.filePath, dryRun: false, addToRoster: ROSTER, trust: [basicFp] });
    const relay = await exportReportUp(middle.ctx, { folder, full: false });
    const lines = [...(await readBundle(up.filePath)).entries]
      .filter(([name]) => name.startsWith('rows/'))
      .reduce((sum, [, bytes]) => sum + bytes.toString('utf8').trim().split('\n').length, 0);
    const inspected = await inspectBundle(relay.filePath, high.ctx);
    expect(inspected.summary!.nested).toEqual([
      expect.objectContaining({ source: { code: 'J230201', name: BASIC.name }, rows: lines }),
    ]);
    expect(inspected.signers).toEqual([
      expect.objectContaining({ code: 'J2302', standing: 'unknown', vouchedBy: null }),
      expect.objectContaining({ code: 'J230201', standing: 'unknown', vouchedBy: 'J2302' }),
    ]);
  });
});

describe('the parent court witnesses each subordinate’s audit log', () => {
  /** Rewrites the court's whole chain from entry `from` on (as someone with a database tool would). */
  function rewriteChain(h: Harness, from: number, edit: (row: Record<string, unknown>) => void): void {
    const sqlite = h.services.ctx.sqlite;
    const rows = sqlite.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(from) as Record<
      string,
      unknown
    >[];
    let prev =
      from === 1
        ? GENESIS_HASH
        : (sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(from - 1) as { hash: string }).hash;
    const update = sqlite.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?');
    for (const row of rows) {
      if (row.seq === from) edit(row);
      const fields = {
        at: row.at as string,
        actor: row.actor as string,
        court: row.court as string,
        operation: row.operation as string,
        tableName: row.table_name as string,
        rowId: row.row_id as string,
      };
      const hash = entryHash(
        prev,
        row.seq as number,
        fields,
        row.before_json as string | null,
        row.after_json as string | null,
      );
      update.run(row.actor, prev, hash, row.seq);
      prev = hash;
    }
    const last = rows[rows.length - 1];
    sqlite
      .prepare("UPDATE settings SET value = ? WHERE key = 'audit_head'")
      .run(canonicalJson({ hash: prev, seq: last.seq }));
  }

  it('an honest log passes; a rewritten, wiped or cut-back log is flagged on the subordinates page and in status', async () => {
    const { folder, basic, middle, basicFp, campaign } = await pair();
    await importBundle(middle.ctx, {
      file: (await exportReportUp(basic.ctx, { folder, full: false })).filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [basicFp],
    });
    await basic.h.ok('items.create', { campaignId: campaign.id, title: '第二号包的事项' });
    const honest = await importBundle(middle.ctx, {
      file: (await exportReportUp(basic.ctx, { folder, full: false })).filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [],
    });
    expect(honest.auditAlerts).toEqual([]);
    expect((await middle.h.ok('sync.subordinates'))[0].auditAlert).toBeNull();
    expect((await basic.h.ok('audit.verify')).ok).toBe(true);

    // Someone rewrites an entry that was already reported and recomputes the chain: the court's own
    // check passes, the parent's witness does not.
    rewriteChain(basic.h, 2, (row) => (row.actor = '另一个人（other）'));
    expect((await basic.h.ok('audit.verify')).ok).toBe(true);
    await basic.h.ok('items.create', { campaignId: campaign.id, title: '第三号包的事项' });
    const rewritten = await importBundle(middle.ctx, {
      file: (await exportReportUp(basic.ctx, { folder, full: false })).filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [],
    });
    expect(rewritten.outcome).toBe('imported');
    expect(rewritten.auditAlerts).toEqual([
      {
        code: 'J230201',
        name: BASIC.name,
        message: expect.stringMatching(/^审计日志与上次上报不一致：第 \d+ 条审计记录与上次上报时不同/),
      },
    ]);
    const page = (await middle.h.ok('sync.subordinates'))[0];
    expect(page.auditAlert).toMatchObject({ message: expect.stringMatching(/审计日志与上次上报不一致/) });
    const status = await courtStatus(middle.h.services.ctx);
    expect(status.courts.find((c) => c.code === 'J230201')).toMatchObject({
      auditAlert: expect.stringMatching(/审计日志与上次上报不一致/),
    });
  });

  it('a wiped log, and a last entry deleted with the head rewound, go backwards', async () => {
    for (const damage of ['wipe', 'rewind'] as const) {
      const { folder, basic, middle, basicFp, campaign } = await pair();
      await importBundle(middle.ctx, {
        file: (await exportReportUp(basic.ctx, { folder, full: false })).filePath,
        dryRun: false,
        addToRoster: ROSTER,
        trust: [basicFp],
      });
      const sqlite = basic.h.services.ctx.sqlite;
      const count = (sqlite.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number }).n;
      if (damage === 'wipe') {
        sqlite.exec("DELETE FROM audit_log; DELETE FROM settings WHERE key = 'audit_head'");
      } else {
        sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(count);
        const head = sqlite.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
          seq: number;
          hash: string;
        };
        sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'audit_head'").run(canonicalJson(head));
        expect((await basic.h.ok('audit.verify')).ok).toBe(true);
      }
      // The next report is written directly (a new item would add entries and could hide a rewind).
      const next = await exportReportUp(basic.ctx, { folder, full: true });
      const report = await importBundle(middle.ctx, {
        file: next.filePath,
        dryRun: false,
        addToRoster: ROSTER,
        trust: [],
      });
      expect(report.auditAlerts[0]?.message, damage).toMatch(/审计记录从上次上报的 \d+ 条减少到 \d+ 条/);
      void campaign;
    }
  });
});
