// The province as one system (issue 13), with three real data folders and real files: the
// intermediate court passes its superior's package down and its basic courts need only its
// fingerprint; reports up are sealed to it; the roster decides who may report; supervision notes
// travel only in packages sealed to the court they are about (and read on the path to it); every
// imported package leaves a receipt that tells the issuer who holds it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  courtFingerprint,
  ensureCourtKeys,
  exportReportUp,
  importBundle,
  publishCampaign,
} from '../../../src/main/sync/syncService';
import { rosterCourts } from '../../../src/main/province/roster';
import type { Harness } from '../harness';
import {
  BASIC,
  BASIC_2,
  HIGH,
  INTERMEDIATE,
  countRows,
  openEngineCourt,
  outFolder,
  refusalOf,
  type SyncCourt,
} from './syncFixtures';
import { readBundle, sha256, writeBundle } from './bundleSurgery';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.close()));
});

const court = (profile: Parameters<typeof openEngineCourt>[0]) => openEngineCourt(profile, open);
const NOTE_ON_B1 = '请龙江县法院补充警示教育佐证材料（督导专用甲）';
const NOTE_ON_I = '请齐齐哈尔中院汇总辖区进度（督导专用乙）';

/** High court with one campaign, published; intermediate court imports and passes it down; two
 * basic courts import the pass-down confirming only the intermediate court's fingerprint. */
async function province() {
  const folder = outFolder();
  const high = await court(HIGH);
  const middle = await court(INTERMEDIATE);
  const b1 = await court(BASIC);
  const b2 = await court(BASIC_2);
  const campaign = await high.h.ok('campaigns.create', { title: '能力作风建设年', year: 2026 });
  await high.h.ok('items.create', {
    campaignId: campaign.id,
    title: '开展庭审观摩活动',
    kind: 'mandatory',
    deadline: '2026-12-31',
  });
  const p1 = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
  const fp = {
    high: await courtFingerprint(high.ctx),
    middle: await courtFingerprint(middle.ctx),
    b1: await courtFingerprint(b1.ctx),
    b2: await courtFingerprint(b2.ctx),
  };
  await importBundle(middle.ctx, { file: p1.filePath, dryRun: false, trust: [fp.high] });
  return { folder, high, middle, b1, b2, campaign, p1, fp };
}

async function reportUp(from: SyncCourt, to: SyncCourt, folder: string, trust: string[], addToRoster: string[] = []) {
  const up = await exportReportUp(from.ctx, { folder, full: false });
  const report = await importBundle(to.ctx, { file: up.filePath, dryRun: false, trust, addToRoster });
  return { up, report };
}

describe('relay down', () => {
  it('a basic court trusts the intermediate court alone, and its next report up is sealed to it', async () => {
    const { folder, high, middle, b1, campaign, p1, fp } = await province();

    const before = (await middle.h.ok('sync.overview')).relayable;
    expect(before).toEqual([
      expect.objectContaining({
        campaignId: campaign.id,
        title: campaign.title,
        superior: { code: 'J23', name: HIGH.name },
        superiorSeq: p1.seq,
        lastPassedDown: null,
        newerSincePassedDown: true,
      }),
    ]);
    expect(before[0].superiorCreatedAt).not.toBeNull();

    const r1 = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
    expect(r1.packages).toEqual([
      expect.objectContaining({ target: { code: '*', name: '各下级法院' }, encrypted: false }),
    ]);
    expect(r1.message).toMatch(/内含上级法院的原始下发包/);
    const after = (await middle.h.ok('sync.overview')).relayable[0];
    expect(after).toMatchObject({ lastPassedDown: { seq: r1.seq, superiorSeq: p1.seq }, newerSincePassedDown: false });

    // The basic court's preview: one fingerprint (the intermediate court's), the high court's key
    // vouched for, and the nested bundle named for what it is.
    const preview = await importBundle(b1.ctx, { file: r1.filePath, dryRun: true, trust: [] });
    expect(preview.needsTrust.map((c) => c.code)).toEqual(['J2302']);
    expect(preview.newlyVouched).toEqual([
      expect.objectContaining({
        code: 'J23',
        fingerprint: fp.high,
        vouchedBy: { code: 'J2302', name: INTERMEDIATE.name },
      }),
    ]);
    expect(preview.bundle.nested).toEqual([
      expect.objectContaining({
        role: 'superior_package',
        kind: 'package_down',
        source: { code: 'J23', name: HIGH.name },
        target: { code: '*', name: '各下级法院' },
      }),
    ]);
    const imported = await importBundle(b1.ctx, { file: r1.filePath, dryRun: false, trust: [fp.middle] });
    expect(imported.outcome).toBe('imported');
    expect(countRows(b1.h, 'items', "origin = 'J230201' AND source_item_id IS NOT NULL")).toBe(1);

    const up = await exportReportUp(b1.ctx, { folder, full: false });
    expect(up.encrypted).toBe(true);
    expect(up.target.code).toBe('J2302');
    expect(up.packages).toEqual([expect.objectContaining({ encrypted: true, target: up.target })]);

    // A newer package from the high court: the intermediate court is told it has not passed it on.
    await high.h.ok('items.create', { campaignId: campaign.id, title: '第二项任务', kind: 'mandatory' });
    const p2 = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
    await importBundle(middle.ctx, { file: p2.filePath, dryRun: false, trust: [] });
    expect((await middle.h.ok('sync.overview')).relayable[0]).toMatchObject({
      superiorSeq: p2.seq,
      lastPassedDown: { seq: r1.seq, superiorSeq: p1.seq },
      newerSincePassedDown: true,
    });
  });
});

describe('roster and receipts', () => {
  it('a sender not on the roster is shown, refused until added; relayed courts join under the relayer', async () => {
    const { folder, high, middle, b1, b2, campaign, p1, fp } = await province();
    const r1 = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
    await importBundle(b1.ctx, { file: r1.filePath, dryRun: false, trust: [fp.middle] });
    await importBundle(b2.ctx, { file: r1.filePath, dryRun: false, trust: [fp.middle] });

    const up = await exportReportUp(b1.ctx, { folder, full: false });
    const preview = await importBundle(middle.ctx, { file: up.filePath, dryRun: true, trust: [fp.b1] });
    expect(preview.notOnRoster).toEqual([{ code: 'J230201', name: BASIC.name, level: 'basic', parentCode: 'J2302' }]);
    const rowsBefore = countRows(middle.h, 'items');
    const refused = await refusalOf(importBundle(middle.ctx, { file: up.filePath, dryRun: false, trust: [fp.b1] }));
    expect(refused.code).toBe('E_NOT_ON_ROSTER');
    expect(refused.message).toMatch(/不在本院应报名单中/);
    expect(countRows(middle.h, 'items')).toBe(rowsBefore);
    expect(countRows(middle.h, 'sync_received', "kind = 'report_up'")).toBe(0);

    const added = await importBundle(middle.ctx, {
      file: up.filePath,
      dryRun: false,
      trust: [fp.b1],
      addToRoster: ['J230201'],
    });
    expect(added.addedToRoster).toEqual([
      { code: 'J230201', name: BASIC.name, level: 'basic', parentCode: 'J2302', addedBy: 'manual' },
    ]);
    await reportUp(b2, middle, folder, [fp.b2], ['J230202']);
    expect((await rosterCourts(middle.ctx)).map((c) => [c.code, c.origin, c.addedBy])).toEqual([
      ['J230201', 'J2302', 'manual'],
      ['J230202', 'J2302', 'manual'],
    ]);

    // Relayed up: the intermediate court is added by hand, its basic courts join by the relay.
    const relay = await reportUp(middle, high, folder, [fp.middle], ['J2302']);
    expect(relay.up.encrypted).toBe(true);
    expect(relay.report.bundle.nested.map((n) => [n.role, n.source.code])).toEqual([
      ['subordinate_report', 'J230201'],
      ['subordinate_report', 'J230202'],
    ]);
    expect(relay.report.addedToRoster.map((c) => [c.code, c.parentCode, c.addedBy])).toEqual([
      ['J2302', 'J23', 'manual'],
      ['J230201', 'J2302', 'relay'],
      ['J230202', 'J2302', 'relay'],
    ]);
    expect((await rosterCourts(high.ctx)).map((c) => [c.code, c.parentCode, c.addedBy])).toEqual([
      ['J2302', 'J23', 'manual'],
      ['J230201', 'J2302', 'relay'],
      ['J230202', 'J2302', 'relay'],
    ]);
    // The relayed reports up are kept with the time their court wrote them (reporting on time).
    const kept = high.h.services.ctx.sqlite
      .prepare("SELECT source_code, bundle_created_at FROM sync_received WHERE kind = 'report_up' ORDER BY source_code")
      .all() as { source_code: string; bundle_created_at: string | null }[];
    expect(kept.map((row) => row.source_code)).toEqual(['J2302', 'J230201', 'J230202']);
    for (const row of kept) expect(row.bundle_created_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);

    // Receipts: each court's import of the high court's package travelled up, nested ones too.
    const reach = await high.h.ok('sync.packageReach', { campaignId: campaign.id });
    expect(reach.packages.map((p) => p.seq)).toEqual([p1.seq]);
    expect(reach.courts.map((c) => [c.code, c.heldSeq, c.current, c.holds])).toEqual([
      ['J2302', p1.seq, true, [true]],
      ['J230201', p1.seq, true, [true]],
      ['J230202', p1.seq, true, [true]],
    ]);
    // And at the intermediate court, for its own pass-down.
    const middleReach = await middle.h.ok('sync.packageReach', { campaignId: campaign.id });
    expect(middleReach.courts.map((c) => [c.code, c.heldSeq])).toEqual([
      ['J230201', r1.seq],
      ['J230202', r1.seq],
    ]);
    // A court already on the roster as merged still imports, and the preview says so.
    const b1Entry = (await rosterCourts(middle.ctx)).find((c) => c.code === 'J230201')!;
    middle.h.services.ctx.sqlite
      .prepare("UPDATE roster_courts SET merged_at = '2026-11-01' WHERE id = ?")
      .run(b1Entry.id);
    await b1.h.ok('items.create', { campaignId: campaign.id, title: '本院自选任务' });
    const second = await exportReportUp(b1.ctx, { folder, full: false });
    const mergedPreview = await importBundle(middle.ctx, { file: second.filePath, dryRun: true, trust: [] });
    expect(mergedPreview.mergedOnRoster).toEqual([{ code: 'J230201', name: BASIC.name, mergedAt: '2026-11-01' }]);
    expect(mergedPreview.notOnRoster).toEqual([]);
    expect((await importBundle(middle.ctx, { file: second.filePath, dryRun: false, trust: [] })).outcome).toBe(
      'imported',
    );
  });
});

describe('supervision notes addressed and sealed', () => {
  it('a note on one basic court reaches it and its intermediate court only, sealed all the way', async () => {
    const { folder, high, middle, b1, b2, campaign, fp } = await province();
    const r1 = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
    for (const basic of [b1, b2]) {
      await importBundle(basic.ctx, { file: r1.filePath, dryRun: false, trust: [fp.middle] });
    }
    await reportUp(b1, middle, folder, [fp.b1], ['J230201']);
    await reportUp(b2, middle, folder, [fp.b2], ['J230202']);
    await reportUp(middle, high, folder, [fp.middle], ['J2302']);

    await high.h.ok('supervision.add', { campaignId: campaign.id, courtCode: 'J230201', text: NOTE_ON_B1 });
    await high.h.ok('supervision.add', { campaignId: campaign.id, courtCode: 'J2302', text: NOTE_ON_I });
    const p2 = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
    expect(p2.packages.map((f) => [f.target.code, f.encrypted, f.notes])).toEqual([
      ['*', false, 0],
      ['J2302', true, 2],
    ]);
    expect(p2.skipped).toEqual([]);
    const broadcastBytes = fs.readFileSync(p2.filePath);
    expect(broadcastBytes.includes(Buffer.from('督导专用'))).toBe(false);
    expect((await readBundle(p2.filePath)).entries.has('rows/supervision_notes.ndjson')).toBe(false);
    expect((await readBundle(p2.filePath)).entries.has('rows/roster_courts.ndjson')).toBe(true);

    // The intermediate court reads both notes (the one on its basic court: it is on the path).
    await importBundle(middle.ctx, { file: p2.filePath, dryRun: false, trust: [] });
    const sealedPreview = await importBundle(middle.ctx, { file: p2.packages[1].filePath, dryRun: true, trust: [] });
    expect(sealedPreview.bundle).toMatchObject({ encrypted: true, target: { code: 'J2302' } });
    expect(sealedPreview.bundle.nested).toEqual([
      expect.objectContaining({ role: 'addressed_package', source: { code: 'J23', name: HIGH.name } }),
    ]);
    expect(sealedPreview.bundle.nested[0].target.code).toBe('J230201');
    await importBundle(middle.ctx, { file: p2.packages[1].filePath, dryRun: false, trust: [] });
    expect(countRows(middle.h, 'supervision_notes', 'text = ?', NOTE_ON_B1)).toBe(1);
    expect(countRows(middle.h, 'supervision_notes', 'text = ?', NOTE_ON_I)).toBe(1);
    expect(
      countRows(middle.h, 'sync_received', "kind = 'package_down' AND source_code = 'J23' AND target_code = 'J230201'"),
    ).toBe(1);

    // Passed down: a sealed package for the basic court the note is about, none for its sibling.
    const r2 = await publishCampaign(middle.ctx, { campaignId: campaign.id, folder });
    expect(r2.packages.map((f) => [f.target.code, f.encrypted])).toEqual([
      ['*', false],
      ['J230201', true],
    ]);
    for (const basic of [b1, b2]) await importBundle(basic.ctx, { file: r2.filePath, dryRun: false, trust: [] });
    const atB1 = await importBundle(b1.ctx, { file: r2.packages[1].filePath, dryRun: false, trust: [] });
    expect(atB1.bundle.nested.map((n) => [n.role, n.source.code, n.target.code])).toEqual([
      ['addressed_package', 'J23', 'J230201'],
    ]);
    expect(countRows(b1.h, 'supervision_notes', 'text = ?', NOTE_ON_B1)).toBe(1);
    expect(countRows(b1.h, 'supervision_notes', 'text = ?', NOTE_ON_I)).toBe(0);
    expect((await b1.h.ok('supervision.list', { campaignId: campaign.id })).map((n) => n.text)).toContain(NOTE_ON_B1);

    // The sibling has none of it, in its database or in any bundle it was given.
    expect(countRows(b2.h, 'supervision_notes')).toBe(0);
    for (const file of [r1.filePath, r2.filePath]) {
      expect(fs.readFileSync(file).includes(Buffer.from('督导专用'))).toBe(false);
    }
    const wrong = await refusalOf(importBundle(b2.ctx, { file: r2.packages[1].filePath, dryRun: false, trust: [] }));
    expect(wrong.code).toBe('E_WRONG_TARGET');
    expect(countRows(b2.h, 'supervision_notes')).toBe(0);

    // Forged: the intermediate court's broadcast package re-signed with the sealed package for
    // J230201 put inside — refused at the sibling, nothing written.
    const middleKeys = await ensureCourtKeys(middle.ctx);
    const kept = middle.h.services.ctx.sqlite
      .prepare("SELECT seq, sha256, file_path FROM sync_received WHERE target_code = 'J230201' AND source_code = 'J23'")
      .get() as { seq: number; sha256: string; file_path: string };
    const inner = fs.readFileSync(path.join(middle.h.dataDir, kept.file_path));
    const forgedBundle = await readBundle(r2.filePath);
    const name = `nested/J23-${kept.seq}-${sha256(inner)}.zip`;
    forgedBundle.entries.set(name, inner);
    forgedBundle.manifest.entries.push({ name, sha256: sha256(inner), size: inner.length });
    forgedBundle.manifest.counts.nested += 1;
    forgedBundle.manifest.seq += 5;
    const forgedFile = path.join(folder, 'forged-broadcast.dtsync');
    await writeBundle(forgedFile, forgedBundle, { signWith: middleKeys.signPrivate });
    const forged = await refusalOf(importBundle(b2.ctx, { file: forgedFile, dryRun: false, trust: [] }));
    expect(forged.code).toBe('E_ORIGIN');
    expect(countRows(b2.h, 'supervision_notes')).toBe(0);

    // An addressed package that arrives unsealed is refused.
    const unsealed = await readBundle(r2.filePath);
    unsealed.manifest.target = { code: 'J230201', name: BASIC.name };
    unsealed.manifest.seq += 7;
    const unsealedFile = path.join(folder, 'unsealed.dtsync');
    await writeBundle(unsealedFile, unsealed, { signWith: middleKeys.signPrivate });
    expect((await refusalOf(importBundle(b1.ctx, { file: unsealedFile, dryRun: false, trust: [] }))).code).toBe(
      'E_NOT_SEALED',
    );
    // Tampered in transit: one byte of the sealed file changed.
    const tampered = path.join(folder, 'tampered.dtsync');
    const bytes = fs.readFileSync(r2.packages[1].filePath);
    bytes[bytes.length - 40] ^= 0xff;
    fs.writeFileSync(tampered, bytes);
    const notesBefore = countRows(b1.h, 'supervision_notes');
    await refusalOf(importBundle(b1.ctx, { file: tampered, dryRun: false, trust: [] }));
    expect(countRows(b1.h, 'supervision_notes')).toBe(notesBefore);
  });

  it('a court whose key is not known gets no package, and the report says so', async () => {
    const { folder, high, campaign } = await province();
    await high.h.ok('supervision.add', { campaignId: campaign.id, courtCode: 'J2302', text: NOTE_ON_I });
    // On the roster (entered by hand) but it never reported: no key here.
    high.h.services.ctx.sqlite
      .prepare(
        "INSERT INTO roster_courts (id, origin, version, change_seq, created_at, updated_at, code, name, level, parent_code, added_by) VALUES ('0190f0e4-2222-7000-8000-000000000001', 'J23', 1, (SELECT value + 1 FROM change_counter), '2026-11-24T02:00:00Z', '2026-11-24T02:00:00Z', 'J2302', ?, 'intermediate', 'J23', 'manual')",
      )
      .run(INTERMEDIATE.name);
    high.h.services.ctx.sqlite.prepare('UPDATE change_counter SET value = value + 1').run();
    const p2 = await publishCampaign(high.ctx, { campaignId: campaign.id, folder });
    expect(p2.packages.map((f) => f.target.code)).toEqual(['*']);
    expect(p2.skipped).toEqual([expect.objectContaining({ code: 'J2302' })]);
    expect(p2.skipped[0].reason).toMatch(/[\u4e00-\u9fa5]/);
    expect(p2.skipped[0]).toMatchObject({ name: INTERMEDIATE.name });
    expect(p2.message).toMatch(/尚未取得该院的密钥/);
    expect(fs.readdirSync(folder).every((name) => !fs.readFileSync(path.join(folder, name)).includes('督导专用'))).toBe(
      true,
    );
  });
});
