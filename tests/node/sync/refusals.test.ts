// Every way a bundle is refused, each on its own: the import fails with a stable code and a plain
// Chinese reason, and the receiving court's database file is byte-for-byte what it was.
import fs from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCourtKeys } from '../../../src/main/sync/courtKeys';
import { exportReportUp, importBundle, publishCampaign, courtFingerprint } from '../../../src/main/sync/syncService';
import { readHistory } from '../../../src/main/sync/syncHistory';
import {
  BASIC,
  BASIC_2,
  INTERMEDIATE,
  countRows,
  databaseFile,
  engineCtx,
  fileHash,
  openEngineCourt,
  openSyncCourt,
  outFolder,
  type SyncCourt,
  type SyncProfile,
  ROSTER,
} from './syncFixtures';
import { leftoverTemps } from './syncFixtures';
import { ndjson, readBundle, rowsOf, setEntry, sha256, writeBundle } from './bundleSurgery';

type Court = SyncCourt;
let basic: Court;
let middle: Court;
let folder: string;
/** The basic court's first report-up, plain (its parent's key is not known yet). */
let plainBundle: string;
let basicKey: string;

const court = (profile: SyncProfile) => openEngineCourt(profile);

/** The database file's bytes after a checkpoint, so everything written so far is in it. */
function dbHash(c: Court): string {
  c.h.services.ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  return fileHash(databaseFile(c.h));
}

async function expectRefused(
  c: Court,
  file: string,
  code: string,
  message: RegExp,
  trust: string[] = [],
  modes = [true, false],
) {
  const before = dbHash(c);
  for (const dryRun of modes) {
    const error = await importBundle(c.ctx, { file, dryRun, trust, addToRoster: ROSTER }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error, `${code} (${dryRun ? '预览' : '导入'})`).toMatchObject({ code });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toMatch(/[A-Za-z]{6,}Error|at .*\.ts/);
  }
  expect(dbHash(c)).toBe(before);
  const last = readHistory(c.h.dataDir, 1)[0];
  expect(last).toMatchObject({ direction: 'import', result: 'refused', code });
}

async function variant(
  name: string,
  edit: (bundle: Awaited<ReturnType<typeof readBundle>>) => void | Promise<void>,
  sign = true,
  extra?: [string, Buffer][],
): Promise<string> {
  const bundle = await readBundle(plainBundle);
  await edit(bundle);
  const file = path.join(folder, `${name}.dtsync`);
  await writeBundle(file, bundle, { signWith: sign ? basicKey : undefined, extra });
  return file;
}

beforeAll(async () => {
  folder = outFolder();
  basic = await court(BASIC);
  middle = await court(INTERMEDIATE);
  const campaign = await basic.h.ok('campaigns.create', { title: '清廉法院建设', year: 2026 });
  const item = await basic.h.ok('items.create', { campaignId: campaign.id, title: '开展廉政风险排查' });
  await basic.h.ok('progress.add', { itemId: item.id, noteDate: '2026-11-20', text: '已排查廉政风险点 12 个' });
  plainBundle = (await exportReportUp(basic.ctx, { folder, full: false })).filePath;
  basicKey = (await ensureCourtKeys(basic.ctx)).signPrivate;
});

afterAll(async () => {
  await basic.h.close();
  await middle.h.close();
});

describe('refused bundles leave the database untouched', () => {
  it('a file that is not a bundle', async () => {
    const file = path.join(folder, '会议纪要.docx');
    fs.writeFileSync(file, '这不是同步包，只是一份普通文件。');
    await expectRefused(middle, file, 'E_NOT_BUNDLE', /这不是同步包（文件内容无法识别）/);
  });

  it('a truncated bundle', async () => {
    const file = path.join(folder, 'truncated.dtsync');
    const bytes = fs.readFileSync(plainBundle);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    await expectRefused(middle, file, 'E_TRUNCATED', /不完整|截断/);
  });

  it('an entry whose hash differs from the manifest', async () => {
    const file = await variant(
      'tampered-entry',
      (bundle) => {
        const rows = rowsOf(bundle, 'progress_notes');
        rows[0].text = '已排查廉政风险点 120 个';
        bundle.entries.set('rows/progress_notes.ndjson', ndjson(rows));
      },
      false,
    );
    await expectRefused(middle, file, 'E_TAMPERED', /改动|篡改|不一致/);
  });

  it('a manifest changed after signing', async () => {
    const file = await variant(
      'bad-signature',
      (bundle) => {
        const rows = rowsOf(bundle, 'progress_notes');
        rows[0].text = '改过的进展';
        setEntry(bundle, 'rows/progress_notes.ndjson', ndjson(rows));
      },
      false,
    );
    await expectRefused(middle, file, 'E_BAD_SIGNATURE', /签名/);
  });

  it('a bundle without a signature', async () => {
    const bundle = await readBundle(plainBundle);
    bundle.signature = null;
    const file = path.join(folder, 'unsigned.dtsync');
    await writeBundle(file, bundle);
    await expectRefused(middle, file, 'E_UNSIGNED', /签名/);
  });

  it('a format version from the future', async () => {
    const file = await variant('future', (bundle) => {
      (bundle.manifest as { formatVersion: number }).formatVersion = 2;
    });
    await expectRefused(middle, file, 'E_FUTURE_FORMAT', /版本/);
  });

  it('path tricks in entry names', async () => {
    // yazl refuses to write such a name, so write a harmless one of the same length and patch the bytes.
    const evil = Buffer.from('{"id":"x"}\n');
    const [harmless, trick] = ['rows/aa/aa/evil.ndjson', 'rows/../../evil.ndjson'];
    const staged = await variant(
      'path-trick-staged',
      (bundle) => {
        bundle.manifest.entries.push({ name: trick, sha256: sha256(evil), size: evil.length });
      },
      true,
      [[harmless, evil]],
    );
    const file = path.join(folder, 'path-trick.dtsync');
    fs.writeFileSync(
      file,
      Buffer.from(fs.readFileSync(staged).toString('latin1').split(harmless).join(trick), 'latin1'),
    );
    await expectRefused(middle, file, 'E_PATH', /名称|路径/);
    expect(fs.existsSync(path.join(middle.h.dataDir, '..', 'evil.ndjson'))).toBe(false);
  });

  it('rows claiming an origin the sender may not speak for', async () => {
    const file = await variant('foreign-origin', (bundle) => {
      const rows = rowsOf(bundle, 'items');
      rows[0].origin = 'J230202';
      setEntry(bundle, 'rows/items.ndjson', ndjson(rows));
    });
    await expectRefused(middle, file, 'E_ORIGIN', /只能报送自己的数据/, [await courtFingerprint(basic.ctx)]);
  });

  it('a bundle addressed to another court', async () => {
    const other = await court({ ...INTERMEDIATE, code: 'J2303', name: '牡丹江市中级人民法院' } as typeof INTERMEDIATE);
    try {
      await expectRefused(other, plainBundle, 'E_WRONG_TARGET', /不是发给本院的/, [await courtFingerprint(basic.ctx)]);
    } finally {
      await other.h.close();
    }
  });

  it('a first bundle from an unknown court until its fingerprint is confirmed', async () => {
    // The preview writes nothing and names the court and the fingerprint to compare by phone.
    const before = dbHash(middle);
    const preview = await importBundle(middle.ctx, { file: plainBundle, dryRun: true, trust: [] });
    expect(preview.needsTrust).toEqual([
      { code: 'J230201', name: BASIC.name, level: 'basic', fingerprint: await courtFingerprint(basic.ctx) },
    ]);
    expect(preview.totals.added).toBeGreaterThan(0);
    expect(dbHash(middle)).toBe(before);
    await expectRefused(middle, plainBundle, 'E_UNTRUSTED', /首次收到.*指纹/, [], [false]);
    await expectRefused(
      middle,
      plainBundle,
      'E_UNTRUSTED',
      /与此包不符/,
      ['00000 00000 00000 00000 00000 00000 00000 00000'],
      [false],
    );
  });

  it('a key that differs from the one already trusted for that court', async () => {
    const trusted = await importBundle(middle.ctx, {
      file: plainBundle,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [await courtFingerprint(basic.ctx)],
    });
    expect(trusted.outcome).toBe('imported');
    // Someone installs another copy, calls it 龙江县人民法院 and sends a bundle in its name.
    const impostor = await court(BASIC);
    try {
      const campaign = await impostor.h.ok('campaigns.create', { title: '伪造的活动', year: 2026 });
      await impostor.h.ok('items.create', { campaignId: campaign.id, title: '伪造的事项' });
      const forged = await exportReportUp(impostor.ctx, { folder: outFolder(), full: false });
      await expectRefused(middle, forged.filePath, 'E_KEY_MISMATCH', /密钥与本院已信任的不同/, [
        await courtFingerprint(impostor.ctx),
      ]);
      // Had the court really reinstalled: an administrator removes the old key after a phone call,
      // and the new installation's bundle is accepted once its fingerprint is confirmed.
      const reinstalled = path.join(folder, 'reinstalled.dtsync');
      fs.copyFileSync(forged.filePath, reinstalled);
      const rehearsal = await court(INTERMEDIATE);
      try {
        await importBundle(rehearsal.ctx, {
          file: plainBundle,
          dryRun: false,
          addToRoster: ROSTER,
          trust: [await courtFingerprint(basic.ctx)],
        });
        await rehearsal.h.ok('sync.untrust', { code: 'J230201' });
        await expect(
          importBundle(rehearsal.ctx, { file: reinstalled, dryRun: false, addToRoster: ROSTER, trust: [] }),
        ).rejects.toMatchObject({ code: 'E_UNTRUSTED' });
        const accepted = await importBundle(rehearsal.ctx, {
          file: reinstalled,
          dryRun: false,
          addToRoster: ROSTER,
          trust: [await courtFingerprint(impostor.ctx)],
        });
        expect(accepted.outcome).toBe('imported');
        expect((await rehearsal.h.ok('sync.trusted'))[0]).toMatchObject({
          code: 'J230201',
          fingerprint: await courtFingerprint(impostor.ctx),
          lastSeq: 1,
        });
      } finally {
        await rehearsal.h.close();
      }
    } finally {
      await impostor.h.close();
    }
  });

  it('a zip bomb: an entry far past the size limits is refused without filling disk or memory', async () => {
    // 600 MiB of zeros compresses to well under a megabyte; the limit for one file is 512 MiB.
    const file = path.join(folder, 'bomb.dtsync');
    const bundle = await readBundle(plainBundle);
    const zip = new yazl.ZipFile();
    const written = new Promise<void>((resolve) =>
      zip.outputStream.pipe(fs.createWriteStream(file)).on('close', () => resolve()),
    );
    for (const [name, bytes] of bundle.entries) zip.addBuffer(bytes, name);
    const chunk = Buffer.alloc(1024 * 1024);
    const hash = (await import('node:crypto')).createHash('sha256');
    const { PassThrough } = await import('node:stream');
    const stream = new PassThrough();
    zip.addReadStream(stream, `files/${'0'.repeat(64)}`);
    const bombSize = 600 * 1024 * 1024;
    for (let i = 0; i < 600; i += 1) {
      hash.update(chunk);
      if (!stream.write(chunk)) await new Promise((resolve) => stream.once('drain', resolve));
    }
    stream.end();
    const digest = hash.digest('hex');
    // The name must match the content hash for a file entry: rename in the manifest accordingly.
    bundle.manifest.entries.push({ name: `files/${'0'.repeat(64)}`, sha256: digest, size: bombSize });
    const manifestBytes = Buffer.from(JSON.stringify(bundle.manifest), 'utf8');
    const { signBytes } = await import('../../../src/main/sync/format/keys');
    const { encodeSignatureFile } = await import('../../../src/main/sync/format/container');
    zip.addBuffer(manifestBytes, 'manifest.json');
    zip.addBuffer(encodeSignatureFile(signBytes(manifestBytes, basicKey)), 'manifest.sig');
    zip.end();
    await written;
    expect(fs.statSync(file).size).toBeLessThan(5 * 1024 * 1024);
    const heapBefore = process.memoryUsage().rss;
    await expectRefused(middle, file, 'E_TOO_LARGE', /超过|过大|上限/);
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(200 * 1024 * 1024);
    expect(leftoverTemps(middle.h.dataDir)).toEqual([]);
  }, 120_000);
});

describe('rows that cite what the receiver does not hold', () => {
  it('are refused with the reason and the database untouched', async () => {
    // A court two levels up issues a campaign straight to a basic court; the basic court's report
    // then cites a campaign its intermediate court never received.
    const high = await openSyncCourt({
      name: '黑龙江省高级人民法院',
      code: 'J23',
      level: 'high',
      operatorName: '李处长',
    } as never);
    const lone = await court(BASIC_2);
    try {
      const campaign = await high.ok('campaigns.create', { title: '执行攻坚', year: 2026 });
      await high.ok('items.create', { campaignId: campaign.id, title: '清理执行积案', kind: 'mandatory' });
      const highCtx = await engineCtx(high);
      const pkg = await publishCampaign(highCtx, { campaignId: campaign.id, folder });
      await importBundle(lone.ctx, {
        file: pkg.filePath,
        dryRun: false,
        addToRoster: ROSTER,
        trust: [await courtFingerprint(highCtx)],
      });
      const report = await exportReportUp(lone.ctx, { folder, full: false });
      await expectRefused(middle, report.filePath, 'E_MISSING_REFERENCE', /请先导入上级法院的下发包/, [
        await courtFingerprint(lone.ctx),
      ]);
    } finally {
      await high.close();
      await lone.h.close();
    }
  });
});

describe('sequence: idempotent, never backwards, gaps reported and repaired', () => {
  it('the same bundle twice changes nothing and says so', async () => {
    const before = dbHash(middle);
    const again = await importBundle(middle.ctx, { file: plainBundle, dryRun: false, addToRoster: ROSTER, trust: [] });
    expect(again.outcome).toBe('unchanged');
    expect(again.message).toMatch(/已导入过，没有任何变化/);
    expect(dbHash(middle)).toBe(before);
  });

  it('a gap is reported, a full snapshot repairs it, and older bundles are refused', async () => {
    const campaignId = (basic.h.services.ctx.sqlite.prepare('SELECT id FROM campaigns').get() as { id: string }).id;
    const second = await basic.h.ok('items.create', { campaignId, title: '第二号包里的事项' });
    const bundle2 = await exportReportUp(basic.ctx, { folder, full: false });
    await basic.h.ok('items.create', { campaignId, title: '第三号包里的事项' });
    const bundle3 = await exportReportUp(basic.ctx, { folder, full: false });
    expect([bundle2.seq, bundle3.seq]).toEqual([2, 3]);

    await expectRefused(middle, bundle3.filePath, 'E_GAP', /缺少.*第 2 号同步包/);
    const subordinates = await middle.h.ok('sync.subordinates');
    expect(subordinates).toEqual([expect.objectContaining({ code: 'J230201', lastSeq: 1, missingSeq: 2 })]);

    const full = await exportReportUp(basic.ctx, { folder, full: true });
    expect(full).toMatchObject({ seq: 4, full: true });
    const repaired = await importBundle(middle.ctx, {
      file: full.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [],
    });
    expect(repaired.outcome).toBe('imported');
    expect(countRows(middle.h, 'items', 'id = ?', second.id)).toBe(1);
    expect(countRows(middle.h, 'items', 'origin = ?', 'J230201')).toBe(
      countRows(basic.h, 'items', 'origin = ?', 'J230201'),
    );
    expect(await middle.h.ok('sync.subordinates')).toEqual([expect.objectContaining({ lastSeq: 4, missingSeq: null })]);

    // Bundle 2 was never imported but is older than what is held now: nothing goes backwards.
    await expectRefused(middle, bundle2.filePath, 'E_OLDER', /较旧的包不会导入/);
  });
});

describe('encrypted bundles', () => {
  it('are refused when cut short, altered, or sealed for another court', async () => {
    const campaign = await middle.h.ok('campaigns.create', { title: '执行攻坚', year: 2026 });
    await middle.h.ok('items.create', { campaignId: campaign.id, title: '清理执行积案', kind: 'mandatory' });
    const pkg = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
    await importBundle(basic.ctx, {
      file: pkg.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [await courtFingerprint(middle.ctx)],
    });
    const sealed = await exportReportUp(basic.ctx, { folder, full: false });
    expect(sealed.encrypted).toBe(true);
    const bytes = fs.readFileSync(sealed.filePath);

    const cut = path.join(folder, 'sealed-cut.dtsync');
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 40));
    await expectRefused(middle, cut, 'E_TRUNCATED', /不完整|截断/);

    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 100] ^= 0xff;
    const altered = path.join(folder, 'sealed-altered.dtsync');
    fs.writeFileSync(altered, flipped);
    await expectRefused(middle, altered, 'E_TAMPERED', /篡改|损坏/);

    const other = await court(BASIC_2);
    try {
      await expectRefused(other, sealed.filePath, 'E_WRONG_TARGET', /不是发给本院的/);
    } finally {
      await other.h.close();
    }
    const imported = await importBundle(middle.ctx, {
      file: sealed.filePath,
      dryRun: false,
      addToRoster: ROSTER,
      trust: [],
    });
    expect(imported.bundle.encrypted).toBe(true);
  });
});
